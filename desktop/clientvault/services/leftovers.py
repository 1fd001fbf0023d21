"""Temporary files a killed process left in a vault folder: found and removed (issue 9, items 4 and 7).

Every temporary file ClientVault writes has a name listed here, and every one is written while
the process holds the folder's shared lock (:mod:`clientvault.security.oplock`). The sweep runs
at every open, after each erasure and from ``purge-backups``; it takes the exclusive lock without
waiting and, when another process is mid-operation, leaves everything for a later sweep.

What it removes:

* ``vault.db.restoring`` (and its ``-journal``/``-wal``/``-shm``): a restore killed before its swap;
* ``vault.db.before-restore`` (and sidecars) once ``vault.db`` is in place; a restore killed
  between its two renames (no ``vault.db``) is undone instead: the file is put back;
* ``.<name>.<random>.tmp`` of an atomic file write, in the vault folder and in ``backups/``;
* ``backups/.backup-….cvbak.tmp`` (and sidecars): a backup killed before its rename;
* ``backups/backup-….cvbak`` that ``catalogue.json`` does not list: a backup killed between its
  rename and the catalogue write. Its key was sealed only into that lost catalogue entry, so
  nothing could open it, restore it or purge it; it goes.

A hot ``-journal`` beside a *catalogued* backup is kept: it belongs to an interrupted purge and
rolls that backup back when the next purge opens it.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import secrets
import shutil
from collections.abc import Iterator
from pathlib import Path

from clientvault.core.errors import InvalidState
from clientvault.security.oplock import cleaning, writing_in
from clientvault.services.context import VaultPaths

log = logging.getLogger(__name__)

RESTORING = "vault.db.restoring"
BEFORE_RESTORE = "vault.db.before-restore"
SIDECARS = ("-journal", "-wal", "-shm")
_ATOMIC_TMP = re.compile(r"^\..+\.tmp$")
_BACKUP_TMP = re.compile(r"^\.backup-[^/]+\.cvbak\.tmp(-journal|-wal|-shm)?$")
_BACKUP = re.compile(r"^backup-[^/]+\.cvbak$")
_CREATING = re.compile(r"^\..+\.creating-[0-9a-f]+$")


def _unlink(path: Path, removed: list[str]) -> None:
    try:
        path.unlink()
        removed.append(path.name)
    except FileNotFoundError:
        pass
    except OSError:  # in use (Windows) or not ours to delete: a later sweep tries again
        log.warning("could not remove a leftover temporary file")


def _with_sidecars(path: Path) -> list[Path]:
    return [path, *(path.with_name(path.name + s) for s in SIDECARS)]


def sweep_leftovers(paths: VaultPaths, backups: Path | None = None) -> list[str]:
    """Remove what killed processes left behind; return the names removed (never contents).

    ``backups``: the backups folder a partner chose (services/backup.py), swept as well as the
    vault's own ``backups`` folder.
    """
    removed: list[str] = []
    folder = paths.folder
    if not folder.is_dir():
        return removed
    # A folder that cannot be listed or changed (read-only share, permissions) is left as it is:
    # the sweep never stands in the way of opening the vault.
    try:
        with cleaning(folder) as free:
            if free:
                _sweep_vault_folder(paths, removed)
    except OSError:
        log.warning("could not sweep the vault folder")
    for folder_ in dict.fromkeys([paths.backups, *([backups] if backups is not None else [])]):
        try:
            if folder_.is_dir():
                with cleaning(folder_) as free:
                    if free:
                        _sweep_backups(folder_, removed)
        except OSError:
            log.warning("could not sweep the backups folder")
    if removed:
        log.info("removed %d leftover temporary file(s)", len(removed))
    return removed


def _sweep_vault_folder(paths: VaultPaths, removed: list[str]) -> None:
    folder = paths.folder
    aside = folder / BEFORE_RESTORE
    if not paths.db.exists() and aside.exists():
        # A restore was killed after moving the live database aside and before putting the new
        # one in place: nothing was restored; put the live database back.
        for src, dst in zip(_with_sidecars(aside), _with_sidecars(paths.db), strict=True):
            if src.exists():
                os.replace(src, dst)
        log.warning("an interrupted restore was undone")
    for path in [*_with_sidecars(folder / RESTORING), *_with_sidecars(aside)]:
        _unlink(path, removed)
    for path in folder.iterdir():
        if _ATOMIC_TMP.match(path.name) and path.is_file():
            _unlink(path, removed)


def _sweep_backups(backups: Path, removed: list[str]) -> None:
    try:
        doc = json.loads((backups / "catalogue.json").read_text(encoding="utf-8"))
        listed: set[str] | None = {str(e["file"]) for e in doc.get("backups", [])}
    except FileNotFoundError:
        listed = set()
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        listed = None  # an unreadable catalogue: never guess which backups count
    for path in backups.iterdir():
        name = path.name
        if not path.is_file():
            continue
        if _BACKUP_TMP.match(name) or _ATOMIC_TMP.match(name):
            _unlink(path, removed)
        elif _BACKUP.match(name) and listed is not None and name not in listed:
            for p in _with_sidecars(path):
                _unlink(p, removed)


@contextlib.contextmanager
def building(target: Path) -> Iterator[Path]:
    """Build a new vault in a temporary folder beside ``target``; move it into place at the end.

    ``init`` and ``demo`` are all-or-nothing this way: a process killed midway leaves only a
    ``.<name>.creating-<hex>`` folder, which the next creation for the same target removes (and
    which nothing takes for a vault). ``target`` may be missing, an empty folder, or a folder
    holding other files but no vault; then the files move in one by one, ``vault.keys`` last.

    Raises:
        InvalidState: ``vault_exists`` when another process created a vault there meanwhile.
    """
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    with contextlib.suppress(OSError):  # a leftover that cannot be removed is ignored (never a vault)
        sweep_creation_leftovers(target)
    stage = target.parent / f".{target.name}.creating-{secrets.token_hex(6)}"
    stage.mkdir(mode=0o700)
    try:
        with writing_in(stage):
            yield stage
            _move_into_place(stage, target)
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise


def _has_vault(folder: Path) -> bool:
    return (folder / "vault.db").exists() or (folder / "vault.keys").exists()


def _move_into_place(stage: Path, target: Path) -> None:
    if not target.exists():
        try:
            os.rename(stage, target)
            return
        except OSError:
            if not target.exists():
                raise
    if _has_vault(target):
        raise InvalidState("vault_exists")
    with contextlib.suppress(OSError):
        target.rmdir()  # an empty folder (the user picked it): replaced by the built one
    if not target.exists():
        os.rename(stage, target)
        return
    if _has_vault(target):
        raise InvalidState("vault_exists")
    names = sorted((p.name for p in stage.iterdir()), key=lambda n: n == "vault.keys")  # vault.keys last
    for name in names:
        os.replace(stage / name, target / name)
    stage.rmdir()


def sweep_creation_leftovers(target: Path) -> list[str]:
    """Remove half-built vault folders (``.<name>.creating-<hex>``) a killed ``init``/``demo`` left beside it."""
    removed: list[str] = []
    parent = target.parent
    if not parent.is_dir():
        return removed
    for path in parent.iterdir():
        if not (path.is_dir() and _CREATING.match(path.name) and path.name.startswith(f".{target.name}.")):
            continue
        with cleaning(path) as free:
            if not free:
                continue  # another process is building it right now
            shutil.rmtree(path, ignore_errors=True)
            if not path.exists():
                removed.append(path.name)
    return removed
