"""The one helper for long work off the GUI thread.

``Operations.run(work, on_success=..., on_failure=...)`` runs ``work(progress)`` on a pool thread
and calls the callbacks on the GUI thread. Worker code gets a :class:`Progress` to report and to
poll for cancellation; it never touches widgets. Services may be called from the worker: the
database connection is shared across threads behind a lock.

It is also how a change reaches every view: an action that changed data calls
``operations.report(Changes(...), source)`` (or passes ``changes=`` to :meth:`Operations.run`, reported
once the work succeeded); the main window listens to :attr:`Operations.sig_changed` and hands the
changes to each page, which reloads what concerns it (see ``services/changes.py``).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from clientvault.services.changes import Changes

log = logging.getLogger(__name__)


class Cancelled(Exception):
    """Raised inside a worker by :meth:`Progress.check` once cancel was requested."""


class Progress:
    """What a worker sees: report progress, check for cancellation."""

    def __init__(self, relay: _Relay) -> None:
        self._relay = relay
        self._cancel = threading.Event()

    @property
    def cancelled(self) -> bool:
        """Whether the user asked to cancel."""
        return self._cancel.is_set()

    def check(self) -> None:
        """Raise :class:`Cancelled` if the user asked to cancel."""
        if self._cancel.is_set():
            raise Cancelled()

    def report(self, done: int, total: int) -> None:
        """Report ``done`` of ``total`` steps (thread-safe; delivered queued to the GUI thread)."""
        self._relay.sig_progress.emit(done, total)


class _Relay(QObject):
    """Lives in the GUI thread; worker emissions are queued to it."""

    sig_progress = Signal(int, int)
    """The worker reported progress (done, total)."""
    sig_done = Signal(object)
    """The worker finished with a result."""
    sig_failed = Signal(object)
    """The worker raised an exception."""


class Operation(QObject):
    """A running piece of work; keep it to cancel it or to know when it has finished."""

    sig_finished = Signal()
    """The work is over (success, failure or cancellation) and its callback has run."""

    def __init__(
        self,
        on_success: Callable[[Any], None] | None,
        on_failure: Callable[[BaseException], None] | None,
        on_progress: Callable[[int, int], None] | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._on_success = on_success
        self._on_failure = on_failure
        self._on_progress = on_progress
        self.relay = _Relay(self)
        self.progress = Progress(self.relay)
        self.done = False
        self.relay.sig_progress.connect(self._progressed)
        self.relay.sig_done.connect(self._succeeded)
        self.relay.sig_failed.connect(self._failed)

    def cancel(self) -> None:
        """Ask the worker to stop at its next :meth:`Progress.check`."""
        self.progress._cancel.set()

    @Slot(int, int)
    def _progressed(self, done: int, total: int) -> None:
        if self._on_progress is not None and not self.done:
            self._on_progress(done, total)

    @Slot(object)
    def _succeeded(self, result: object) -> None:
        self._finish()
        if self._on_success is not None:
            self._on_success(result)

    @Slot(object)
    def _failed(self, exc: object) -> None:
        self._finish()
        if isinstance(exc, Cancelled):
            return
        if self._on_failure is not None and isinstance(exc, BaseException):
            self._on_failure(exc)

    def _finish(self) -> None:
        self.done = True
        self.sig_finished.emit()


class _Task(QRunnable):
    def __init__(self, work: Callable[[Progress], Any], op: Operation) -> None:
        super().__init__()
        self._work = work
        self._op = op
        # Signals are emitted from the pool thread; the relay is owned by the GUI thread, so delivery is queued.
        self._relay = op.relay
        self._progress = op.progress

    def run(self) -> None:
        try:
            result = self._work(self._progress)
        except BaseException as exc:  # delivered to the GUI thread; nothing may escape a pool thread
            self._relay.sig_failed.emit(exc)
        else:
            self._relay.sig_done.emit(result)


class Operations(QObject):
    """Runs long work on a private thread pool; one instance per main window."""

    sig_changed = Signal(object, object)
    """An action changed data: (:class:`Changes`, the widget that did it or None)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._running: set[Operation] = set()

    def run(
        self,
        work: Callable[[Progress], Any],
        *,
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
        changes: Changes | None = None,
        source: QObject | None = None,
    ) -> Operation:
        """Start ``work(progress)`` off the GUI thread; callbacks run on the GUI thread.

        With ``changes``, they are reported (before ``on_success`` runs) once the work succeeded.
        """
        callback = on_success
        if changes is not None:

            def callback(result: Any) -> None:
                self.report(changes, source)
                if on_success is not None:
                    on_success(result)

        op = Operation(callback, on_failure, on_progress, self)
        self._running.add(op)
        op.sig_finished.connect(lambda: self._running.discard(op))
        self._pool.start(_Task(work, op))
        return op

    def report(self, changes: Changes, source: QObject | None = None) -> None:
        """Tell every view what an action changed (call on the GUI thread, after the change succeeded)."""
        self.sig_changed.emit(changes, source)

    def cancel_all(self) -> None:
        """Ask every running operation to stop (before locking or quitting)."""
        for op in list(self._running):
            op.cancel()

    def wait(self, msecs: int = 30000) -> bool:
        """Block until the pool is idle (used before the vault is locked)."""
        return self._pool.waitForDone(msecs)
