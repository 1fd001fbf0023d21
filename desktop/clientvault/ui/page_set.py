"""The pages of the main window: built when first shown, told what changed (see ``services/changes.py``)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from clientvault.services.changes import Changes

_NOTHING = Changes(audit=False)


class PageSet(Mapping[str, QWidget]):
    """The pages of the role, by key, in navigation order; a page is built the first time it is asked for."""

    def __init__(self, make: Callable[[str, Callable[[], QWidget]], QWidget]) -> None:
        self._make = make
        self._factories: dict[str, Callable[[], QWidget]] = {}
        self._built: dict[str, QWidget] = {}
        self._missed: dict[str, Changes] = {}

    def add(self, key: str, factory: Callable[[], QWidget]) -> None:
        """Register page ``key`` (not built yet)."""
        self._factories[key] = factory

    def keys_in_order(self) -> list[str]:
        """Every page key, in navigation order."""
        return list(self._factories)

    def is_built(self, key: str) -> bool:
        """Whether page ``key`` exists yet."""
        return key in self._built

    def __getitem__(self, key: str) -> QWidget:
        if key not in self._built:
            self._built[key] = self._make(key, self._factories[key])
        return self._built[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._factories)

    def __len__(self) -> int:
        return len(self._factories)

    def broadcast(self, changes: Changes, current: str | None, source: QObject | None = None) -> None:
        """Give ``changes`` to the page shown (``current``) now and keep them for the others until shown.

        The page that made the change (``source``) has shown it already. A client that is gone
        (erased, sealed) has its tab closed at once on every page.
        """
        for key, page in self._built.items():
            if page is source:
                continue
            if key == current:
                deliver(page, changes)
            else:
                self._missed[key] = self._missed.get(key, _NOTHING) | changes
                if changes.gone:
                    deliver(page, Changes(audit=False, gone=changes.gone))

    def deliver_missed(self, key: str) -> None:
        """Page ``key`` is being shown: give it what changed while it was hidden."""
        missed = self._missed.pop(key, None)
        if missed is not None and key in self._built:
            deliver(self._built[key], missed)


def deliver(page: QWidget, changes: Changes) -> None:
    """Let a page reload what ``changes`` concern (pages without ``apply_changes`` show nothing that changes)."""
    apply = getattr(page, "apply_changes", None)
    if apply is not None:
        apply(changes)
