"""Erasure verbs: erase, certificate, scan-residue."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from clientvault.cli.base import (
    EXIT_OK,
    EXIT_PROBLEM,
    Context,
    Parser,
    UsageError,
    locked,
    new_file,
    prompt,
    read_secret,
)
from clientvault.core.roles import Capability
from clientvault.services.context import Vault
from clientvault.services.vault import VaultService

ENV_APPROVER_PASSWORD = "CLIENTVAULT_APPROVER_PASSWORD"  # noqa: S105 - the variable's name


def cmd_erase(ctx: Context) -> int:
    """Request, approve and execute the erasure of one client (partner); print the certificate number.

    The legal basis is a code (``--basis``); a free note (``--note-file``, never on the command
    line) is sealed under the partner key in the register entry, and reaches neither the audit
    log nor the ledger mirror beside the backups.

    Once the erasure has committed, a line on stderr says so at once; then the whole-file check
    runs (seconds to minutes on a large vault) and the result line follows on stdout. With
    ``--no-wait`` the check is left for later (``integrity=pending``): ``certificate`` runs it
    before saving, and so does the next GUI login of a partner or privacy officer.
    """
    from clientvault.services.erasure import ErasureService

    note = _text_file(ctx.args.note_file, "note file")
    override = _text_file(ctx.args.override_file, "override file")
    if ctx.args.note_file == "-" and ctx.args.override_file == "-":
        raise UsageError("only one of --note-file and --override-file can read stdin")

    def approver_password() -> str:
        if ctx.args.approver_password_file:
            return read_secret(ctx.args.approver_password_file, "approver password file")
        if ctx.env.get(ENV_APPROVER_PASSWORD):
            return ctx.env[ENV_APPROVER_PASSWORD]
        return prompt(f"Password of {ctx.args.approver}: ", confirm=False, hint=f"set {ENV_APPROVER_PASSWORD}")

    def work(vault: Vault, vaults: VaultService) -> int:
        vault.require(Capability.APPROVE_ERASURE, f"client:{ctx.args.client}")  # before asking for a password
        service = ErasureService(vault)
        if ctx.args.appraise:  # 会计档案鉴定意见书 before the archives are destroyed
            service.appraise(ctx.args.client)
        approver = vaults.unlock(ctx.folder(), ctx.args.approver, approver_password())
        try:
            result = service.erase_now(ctx.args.client, ctx.args.basis, approver=approver,
                                       witness=ctx.args.witness or "", note=note, override_reason=override,
                                       check_later=True)  # fmt: skip
        finally:
            approver.lock()
        if result.outcome == "sealed":  # a legal retention period runs: storage only (PIPL Art 47 para 2)
            ctx.print("sealed", f"until={result.sealed_until}", result.certificate_no or "-")
            return EXIT_OK
        integrity, on_disk = "pending", result.on_disk
        if ctx.args.no_wait:
            sys.stderr.write(
                f"erased: {result.certificate_no} committed; the whole-file check was not run (--no-wait): "
                "'certificate' runs it before saving the certificate\n"
            )
        else:
            sys.stderr.write(f"erased: {result.certificate_no} committed; checking the vault file…\n")
            sys.stderr.flush()
            check = service.finish_check(result.certificate_no)
            integrity, on_disk = check.integrity, check.on_disk
        ctx.print(result.certificate_no, f"integrity={integrity}", f"on_disk={on_disk}")
        if on_disk == "pending" and not ctx.args.no_wait:
            # Executed and committed; old page versions stay on disk until other readers let go.
            sys.stderr.write(
                "erased; another workstation is reading the vault: the old copies are removed from disk "
                "when it lets go (at the latest at the next open); the certificate is issued then\n"
            )
        return EXIT_OK if integrity != "problems" else EXIT_PROBLEM

    return locked(ctx, work)


def _text_file(source: str | None, what: str) -> str:
    """The text of ``--note-file``/``--override-file`` (``-``: stdin); typed text never on the command line."""
    if not source:
        return ""
    try:
        text = sys.stdin.read() if source == "-" else Path(source).expanduser().read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        raise UsageError(f"cannot read the {what}") from None
    return " ".join(text.split())  # one line: a file's line breaks are not part of the text


def cmd_certificate(ctx: Context) -> int:
    """Save an erasure certificate to --out and register it (partner, privacy officer).

    Prints the certificate number, the export register entry and its destroy-by date.
    """
    from clientvault.services.erasure import ErasureService

    out = new_file(ctx.args.out)

    def work(vault: Vault, vaults: VaultService) -> int:
        service = ErasureService(vault)
        service.finish_pending_checks()  # an erasure run with --no-wait (or killed during its check)
        entry = service.save_certificate(ctx.args.number, out, lang=ctx.args.lang)
        ctx.print(ctx.args.number, entry.id, entry.destroy_by)
        return EXIT_OK

    return locked(ctx, work)


def cmd_scan_residue(ctx: Context) -> int:
    """Search every decrypted page for the values in --values-file (one a line); exit 1 unless clean."""
    from clientvault.services.erasure import ErasureService

    source = ctx.args.values_file
    try:
        text = sys.stdin.read() if source == "-" else Path(source).expanduser().read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        raise UsageError("cannot read the values file") from None
    needles = [line.strip() for line in text.splitlines() if line.strip()]
    if not needles:
        raise UsageError("the values file holds no values")

    def work(vault: Vault, vaults: VaultService) -> int:
        report = ErasureService(vault).scan_residue(needles)
        for f in report.files:
            ctx.print(f.kind, "present" if f.present else "absent", f"pages={f.pages}", f"verified={f.verified}")
        for hit in report.hits:  # value indexes only: the values never reach the output
            ctx.print("hit", hit.file, f"page={hit.page}", f"value#{hit.needle + 1}", hit.encoding)
        ctx.print("clean" if report.clean else "NOT CLEAN", f"hits={len(report.hits)}")
        return EXIT_OK if report.clean else EXIT_PROBLEM

    return locked(ctx, work)


def register(verbs: argparse._SubParsersAction[Parser], common: Parser) -> None:
    """Add ``erase``, ``certificate`` and ``scan-residue``."""
    from clientvault.services.erasure import LEGAL_BASES

    p = verbs.add_parser(
        "erase",
        parents=[common],
        help="erase a client now (partner; refused under legal hold)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="legal bases (--basis CODE; the certificate prints the full wording):\n"
        + "\n".join(f"  {b.code:<20} {b.source}: {b.en}" for b in LEGAL_BASES.values()),
    )
    p.add_argument("--client", metavar="ID", type=int, required=True, help="the client's number")
    p.add_argument("--basis", metavar="CODE", required=True, choices=list(LEGAL_BASES),
                   help="the legal basis, one of: " + ", ".join(LEGAL_BASES))  # fmt: skip
    p.add_argument(
        "--approver",
        metavar="USER",
        required=True,
        help="the second person who approves (another partner; the privacy officer of a single-partner "
        f"firm); password from --approver-password-file, {ENV_APPROVER_PASSWORD} or a prompt",
    )
    p.add_argument("--approver-password-file", metavar="FILE", help="read the approver's password from FILE")
    p.add_argument(
        "--witness",
        metavar="NAME",
        required=True,
        help="witness (监销人) for the destruction register; not the person executing",
    )
    p.add_argument(
        "--appraise",
        action="store_true",
        help="record the appraisal (鉴定意见书) that the client's accounting archives may be destroyed",
    )
    p.add_argument("--override-file", metavar="FILE",
                   help="the partner's reason to destroy although a retention period runs ('-': stdin); without "
                   "it such a client is sealed (storage only), not destroyed")  # fmt: skip
    p.add_argument("--note-file", metavar="FILE",
                   help="an optional note for the register, sealed under the partner key ('-': stdin)")  # fmt: skip
    p.add_argument("--no-wait", action="store_true",
                   help="return once the erasure has committed; the whole-file check (and so the certificate) "
                   "comes later: 'certificate' runs it first")  # fmt: skip
    p.set_defaults(handler=cmd_erase)
    p = verbs.add_parser(
        "certificate", parents=[common], help="save an erasure certificate PDF (partner, privacy officer)"
    )
    p.add_argument("number", metavar="NUMBER", help="the certificate number (ER-YYYY-NNNNNN)")
    p.add_argument("--out", metavar="FILE", required=True, help="the PDF to write (new file; registered)")
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of the certificate")
    p.set_defaults(handler=cmd_certificate)
    p = verbs.add_parser("scan-residue", parents=[common], help="search every decrypted page for erased values")
    p.add_argument("--values-file", metavar="FILE", required=True, help="values to look for, one a line ('-': stdin)")
    p.set_defaults(handler=cmd_scan_residue)
