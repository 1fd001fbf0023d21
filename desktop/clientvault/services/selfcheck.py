"""The self-check: exercise each thing the app loads by name at run time, where it runs.

A frozen bundle (PyInstaller) only contains what its analysis saw imported; whatever a library
loads by name at run time must be collected by hand, and a miss shows only when that code path
runs. The self-check runs those paths on purpose, so a bundle that lacks one fails here, in the
``selfcheck`` verb, the smoke test and Help → About, rather than in front of a client:

``barcodes``   every reportlab barcode module (imported by name by the barcode widgets);
``pdf``        a page with Chinese text (the shipped CJK font, embedded) and a QR code;
``sqlcipher``  an encrypted database with an FTS5 table like the client search, reopened;
``keyring``    the keyring backends (found through entry points) and the one keyring chose.

The Qt translations are checked by the Qt side (``clientvault.ui.i18n.check_translations``),
which callers pass in as an extra check. Nothing here touches a vault or personal data: the
database is a throw-away file with a random key in a temporary folder, deleted afterwards.
"""

from __future__ import annotations

import importlib
import re
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from clientvault.security.workstation import keyring_report
from clientvault.storage.probe import probe_engine

#: The order of the lines; extra checks follow.
CHECKS = ("barcodes", "pdf", "sqlcipher", "keyring")
_DETAIL_MAX = 200
#: The modules reportlab.graphics.barcode.widgets imports by name (``from <mod> import <code>``),
#: plus the QR and EAN modules: PyInstaller's analysis cannot see these imports.
BARCODE_MODULES = ("code128", "code39", "code93", "common", "eanbc", "ecc200datamatrix", "qr", "usps", "usps4s")


@dataclass(frozen=True)
class Check:
    """One line of the self-check: a stable name, the verdict and one English line of detail."""

    name: str
    ok: bool
    detail: str


def check_barcodes() -> Check:
    """Import reportlab's barcode modules by name, as its widgets do, and draw a QR code and a Code 128."""
    from reportlab.graphics.barcode import createBarcodeDrawing, getCodes

    for module in BARCODE_MODULES:
        importlib.import_module(f"reportlab.graphics.barcode.{module}")
    codes = getCodes()
    qr = createBarcodeDrawing("QR", value="CLIENTVAULT-SELFCHECK")
    c128 = createBarcodeDrawing("Code128", value="SELFCHECK")
    ok = len(codes) > 0 and qr.width > 0 and c128.width > 0
    detail = f"{len(BARCODE_MODULES)} modules imported by name, {len(codes)} barcode types; QR and Code 128 drawn"
    return Check("barcodes", ok, detail)


def check_pdf() -> Check:
    """Render a page with Chinese text and a QR code; the CJK font must be embedded."""
    # Imported here: the login window reads Check through ui/i18n and must not wait for reportlab.
    from clientvault.documents.pdf import build_pdf, document_styles, para, qr_code

    styles = document_styles("zh")
    story = [para("客户保密柜自检:中文字体与二维码", styles.body), qr_code("CLIENTVAULT-SELFCHECK")]
    pdf = build_pdf(story, title="Self-check", firm_name="自检", document_number="SELFCHECK", lang="zh")
    fonts = sorted({m.decode("ascii", "replace").split("+")[-1] for m in re.findall(rb"/BaseFont /([^\s/]+)", pdf)})
    embedded = pdf.count(b"/FontFile2")
    ok = pdf.startswith(b"%PDF-") and "DroidSansFallback" in fonts and embedded >= len(fonts) > 0
    return Check("pdf", ok, f"1 page with QR code, {len(pdf)} bytes; fonts embedded: {', '.join(fonts) or 'none'}")


def check_sqlcipher() -> Check:
    """Create, search, close and reopen an encrypted database in a temporary folder."""
    with tempfile.TemporaryDirectory(prefix="clientvault-selfcheck-") as tmp:
        probe = probe_engine(Path(tmp))
    ok = probe.cipher_version.startswith("4.") and probe.fts5_hits == 2 and probe.encrypted and probe.reopened
    detail = (
        f"SQLCipher {probe.cipher_version or 'missing'} (SQLite {probe.sqlite_version}); "
        f"FTS5 search {'ok' if probe.fts5_hits == 2 else 'failed'}; "
        f"file {'encrypted' if probe.encrypted else 'NOT encrypted'}; reopened {'ok' if probe.reopened else 'failed'}"
    )
    return Check("sqlcipher", ok, detail)


def check_keyring() -> Check:
    """Load keyring's backends by entry point; name the platform's own and the chosen backend."""
    report = keyring_report()
    use = "usable for 'remember on this workstation'" if report.available else "not usable here: password prompt only"
    detail = (
        f"{len(report.loaded)} backends loaded; {report.native.rsplit('.', 1)[-1]} "
        f"{'loaded' if report.native_loaded else 'MISSING'}; chosen {report.backend} ({use})"
    )
    return Check("keyring", report.native_loaded, detail)


def _guarded(name: str, check: Callable[[], Check]) -> Check:
    try:
        return check()
    except Exception as exc:  # a self-check reports a failure, it never crashes the caller
        text = " ".join(str(exc).split())[:_DETAIL_MAX]
        return Check(name, False, f"{type(exc).__name__}: {text}" if text else type(exc).__name__)


def run_selfcheck(extra: Iterable[tuple[str, Callable[[], Check]]] = ()) -> list[Check]:
    """Run every check (and ``extra`` ``(name, check)`` pairs after them); each yields one line."""
    checks: list[tuple[str, Callable[[], Check]]] = [
        ("barcodes", check_barcodes),
        ("pdf", check_pdf),
        ("sqlcipher", check_sqlcipher),
        ("keyring", check_keyring),
        *extra,
    ]
    return [_guarded(name, check) for name, check in checks]
