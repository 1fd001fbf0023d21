"""Backup verbs: backup, restore, purge-backups, backup-folder."""

from __future__ import annotations

import argparse
from pathlib import Path

from clientvault.cli.base import (
    EXIT_OK,
    EXIT_PROBLEM,
    Context,
    Parser,
    locked,
)
from clientvault.services.context import Vault
from clientvault.services.vault import VaultService


def cmd_backup(ctx: Context) -> int:
    """Take a checked, encrypted backup (partner); print its file name, size and SHA-256."""
    from clientvault.services.backup import BackupService

    def work(vault: Vault, vaults: VaultService) -> int:
        info = BackupService(vault).backup("manual")
        ctx.print(info.file_name, info.size, info.sha256)
        return EXIT_OK

    return locked(ctx, work)


def cmd_restore(ctx: Context) -> int:
    """Restore a backup (partner): checked, erasure ledger replayed, current vault kept aside until done."""
    from clientvault.services.backup import BackupService

    def work(vault: Vault, vaults: VaultService) -> int:
        result = BackupService(vault).restore(ctx.args.backup)
        ctx.print(result.file_name, f"erasures_replayed={result.replayed}", f"audit_events_kept={result.audit_carried}")
        return EXIT_OK

    return locked(ctx, work)


def cmd_purge_backups(ctx: Context) -> int:
    """Apply the erasure ledger to every backup file (partner); exit 1 if a backup could not be purged."""
    from clientvault.services.backup import BackupService

    def work(vault: Vault, vaults: VaultService) -> int:
        result = BackupService(vault).purge()
        ctx.print(f"backups={result.backups}", f"erasures_applied={result.applied}", f"failed={len(result.failed)}")
        for name in result.failed:
            ctx.print("failed", name)
        return EXIT_OK if not result.failed else EXIT_PROBLEM

    return locked(ctx, work)


def cmd_backup_folder(ctx: Context) -> int:
    """Print the backups folder; with PATH move every backup and the catalogue there (partner)."""
    from clientvault.services.backup import BackupService

    def work(vault: Vault, vaults: VaultService) -> int:
        service = BackupService(vault)
        if ctx.args.path is None:
            ctx.print(service.folder)
            return EXIT_OK
        before = len(service.list())
        ctx.print(service.move_folder(Path(ctx.args.path)), f"backups_moved={before}")
        return EXIT_OK

    return locked(ctx, work)


def register(verbs: argparse._SubParsersAction[Parser], common: Parser) -> None:
    """Add ``backup``, ``restore``, ``purge-backups`` and ``backup-folder``."""
    p = verbs.add_parser("backup", parents=[common], help="take a checked, encrypted backup (partner)")
    p.set_defaults(handler=cmd_backup)
    p = verbs.add_parser("restore", parents=[common], help="restore a backup by file name (partner)")
    p.add_argument("backup", help="the backup's file name (as 'backup' printed it)")
    p.set_defaults(handler=cmd_restore)
    p = verbs.add_parser("purge-backups", parents=[common], help="apply the erasure ledger to every backup (partner)")
    p.set_defaults(handler=cmd_purge_backups)
    p = verbs.add_parser(
        "backup-folder", parents=[common], help="show the backups folder, or move the backups to PATH (partner)"
    )
    p.add_argument("path", nargs="?", help="the new folder (another drive or an office share; not a cloud-sync folder)")
    p.set_defaults(handler=cmd_backup_folder)
