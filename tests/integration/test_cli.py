"""The ``clientvault`` command, run as a real process against real encrypted vaults."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from clientvault.cli import MESSAGES, error_message
from clientvault.core.errors import KnownError
from clientvault.security.keyfile import FAST_KDF
from clientvault.services.clients import ClientService
from clientvault.services.context import Vault
from clientvault.services.erasure import ErasureService
from clientvault.services.locking import LockService
from clientvault.services.vault import VaultService
from clientvault.storage.audit import AuditFilter
from tests.fixtures.planted import BANK, ID_NUMBER, NAME, Planted, other_client, plant

PASSWORD = "partner-pass-1"
STAFF = "staff-pass-123"
Run = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def cli(tmp_path: Path) -> Run:
    """Run ``python -m clientvault.cli`` with a test environment (fast KDF, logs in tmp, no keyring)."""
    base = {k: v for k, v in os.environ.items() if not k.startswith("CLIENTVAULT_")}
    base.update(
        CLIENTVAULT_TESTING="1",
        CLIENTVAULT_VAULT=str(tmp_path / "vault"),
        CLIENTVAULT_USER="boss",
        CLIENTVAULT_PASSWORD=PASSWORD,
        XDG_STATE_HOME=str(tmp_path / "state"),
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )

    def run(
        *args: str, env: dict[str, str | None] | None = None, fast: bool = True, stdin: str | None = None
    ) -> subprocess.CompletedProcess[str]:
        full = dict(base)
        for key, value in (env or {}).items():
            if value is None:
                full.pop(key, None)
            else:
                full[key] = value
        argv = [sys.executable, "-m", "clientvault.cli", *(["--kdf-profile", "fast"] if fast else []), *args]
        if stdin is not None:
            return subprocess.run(argv, env=full, capture_output=True, text=True, input=stdin, timeout=120)
        return subprocess.run(argv, env=full, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=120)

    return run


def _ok(done: subprocess.CompletedProcess[str]) -> list[list[str]]:
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    return [line.split("\t") for line in done.stdout.splitlines()]


def _erased(done: subprocess.CompletedProcess[str]) -> list[list[str]]:
    """``erase`` succeeded: one stderr line says so before the whole-file check, stdout the result."""
    assert done.returncode == 0, done.stderr
    assert re.fullmatch(r"erased: ER-\d{4}-\d{6} committed; checking the vault file…\n", done.stderr), done.stderr
    return [line.split("\t") for line in done.stdout.splitlines()]


def _fails(done: subprocess.CompletedProcess[str], code: int = 2) -> str:
    assert done.returncode == code, (done.stdout, done.stderr)
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("clientvault: "), done.stderr
    return lines[0]


def _secret_file(tmp_path: Path, name: str, value: str) -> str:
    path = tmp_path / name
    path.write_text(value + "\n", encoding="utf-8")
    return str(path)


@pytest.fixture
def vault(cli: Run, tmp_path: Path) -> Path:
    """A vault made by ``clientvault init`` with an accountant ``acc``."""
    _ok(cli("init", "--firm", "测试代账公司"))
    _ok(cli("user", "add", "acc", "--role", "accountant", "--name", "会计", "--new-password-file",
            _secret_file(tmp_path, "staff.txt", STAFF)))  # fmt: skip
    return tmp_path / "vault"


def test_init_prints_the_recovery_code_once(cli: Run, tmp_path: Path) -> None:
    lines = _ok(cli("init", "--firm", "测试代账公司"))
    assert lines[0][0] == "vault created" and re.fullmatch(r"[0-9a-f-]{36}", lines[0][1])
    assert lines[1][0] == "recovery code" and re.fullmatch(r"([A-Z2-9]{4}-){7}[A-Z2-9]{4}", lines[1][1])
    assert len(lines) == 2
    assert {p.name for p in (tmp_path / "vault").iterdir()} == {"vault.db", "vault.keys"}


def test_init_writes_the_recovery_sheet_instead(cli: Run, tmp_path: Path) -> None:
    sheet = tmp_path / "sheet.pdf"
    lines = _ok(cli("init", "--firm", "测试代账公司", "--recovery-sheet", str(sheet), "--lang", "en"))
    assert [line[0] for line in lines] == ["vault created", "recovery sheet"]
    assert sheet.read_bytes().startswith(b"%PDF") and sheet.stat().st_mode & 0o777 == 0o600


def test_init_refuses_an_existing_sheet_before_creating_anything(cli: Run, tmp_path: Path) -> None:
    sheet = tmp_path / "sheet.pdf"
    sheet.write_bytes(b"another vault's sheet")
    assert "already exists" in _fails(cli("init", "--firm", "F", "--recovery-sheet", str(sheet)))
    assert sheet.read_bytes() == b"another vault's sheet" and not (tmp_path / "vault").exists()


def test_init_refuses_a_short_password(cli: Run, tmp_path: Path) -> None:
    line = _fails(cli("init", "--firm", "F", env={"CLIENTVAULT_PASSWORD": "short"}))
    assert line == "clientvault: invalid input: password is too short (at least 10 characters)"
    assert not (tmp_path / "vault" / "vault.db").exists()


def test_user_list_add_disable_passwd(cli: Run, vault: Path, tmp_path: Path) -> None:
    assert _ok(cli("user", "list")) == [
        ["acc", "accountant", "active", "0", "会计"],
        ["boss", "partner", "active", "0", "boss"],
    ]
    acc = {"CLIENTVAULT_USER": "acc", "CLIENTVAULT_PASSWORD": STAFF}
    new = _secret_file(tmp_path, "new.txt", "acc-new-pass-1")
    assert _ok(cli("user", "passwd", "--new-password-file", new, env=acc)) == [["password changed", "acc"]]
    assert "wrong user name or password" in _fails(cli("user", "passwd", "--new-password-file", new, env=acc))
    # Global options work after the verb too.
    pw_file = _secret_file(tmp_path, "acc.txt", "acc-new-pass-1")
    line = _fails(cli("user", "list", "--user", "acc", "--password-file", pw_file))
    assert line == "clientvault: your role may not do this (manage_users); the attempt was recorded"
    assert _ok(cli("user", "disable", "acc")) == [["disabled", "acc"]]
    assert _ok(cli("user", "list"))[0][:3] == ["acc", "accountant", "disabled"]
    assert _fails(cli("user", "list", "--user", "acc", "--password-file", pw_file)).endswith(
        "wrong user name or password"
    )
    assert _fails(cli("user", "disable", "nobody")) == "clientvault: no such user"


def test_wrong_password_and_unknown_user_give_one_identical_line(cli: Run, vault: Path) -> None:
    wrong = _fails(cli("verify", env={"CLIENTVAULT_PASSWORD": "not-the-password"}))
    unknown = _fails(cli("verify", env={"CLIENTVAULT_USER": "nobody"}))
    assert wrong == unknown == "clientvault: wrong user name or password"


@pytest.mark.parametrize(
    ("args", "env", "expected"),
    [
        (("frobnicate",), {}, "invalid choice"),
        (("init",), {}, "--firm"),
        (("user",), {}, "ACTION"),
        (("audit", "--limit", "many"), {}, "invalid int"),
        (("audit", "--since", "yesterday"), {}, "--since must be a date"),
        (("verify",), {"CLIENTVAULT_VAULT": None}, "no vault folder"),
        (("verify",), {"CLIENTVAULT_PASSWORD": None}, "no password given"),
        (("verify", "--vault", "/nonexistent/folder"), {}, "no vault in that folder"),
        (("verify", "--password-file", "/nonexistent/file"), {}, "cannot read the password file"),
    ],
    ids=["unknown-verb", "missing-option", "missing-action", "bad-int", "bad-date", "no-vault", "no-password",
         "no-such-vault", "no-password-file"],
)  # fmt: skip
def test_usage_errors(cli: Run, vault: Path, args: tuple[str, ...], env: dict[str, str | None], expected: str) -> None:
    assert expected in _fails(cli(*args, env=env))


def test_fast_kdf_only_inside_the_test_suite(cli: Run, tmp_path: Path) -> None:
    assert "test suite only" in _fails(cli("init", "--firm", "F", env={"CLIENTVAULT_TESTING": None}))
    assert not (tmp_path / "vault").exists()


def _tamper_audit(folder: Path, seq: int) -> None:
    vaults = VaultService(kdf=FAST_KDF, cipher_log=folder.parent / "sqlcipher.log")
    vault = vaults.unlock(folder, "boss", PASSWORD)
    try:
        vault.db.execute("DROP TRIGGER audit_no_update")
        vault.db.execute("UPDATE audit SET body = json_set(body, '$[6]', 'edited') WHERE seq = ?", (seq,))
    finally:
        vault.db.close()


def test_verify_ok_then_broken_chain(cli: Run, vault: Path) -> None:
    lines = _ok(cli("verify"))
    assert lines[0][:2] == ["audit chain", "ok"] and lines[1] == ["pages", "ok"]
    _tamper_audit(vault, 2)
    done = cli("verify")
    assert done.returncode == 1 and done.stderr == ""
    assert done.stdout.splitlines()[0] == "audit chain\tbroken\tfirst broken seq 2\tchain"


def test_verify_names_damaged_pages(cli: Run, vault: Path) -> None:
    # Damage a page that opening the vault never reads (the export register's root page), so the
    # vault opens and the page walk names it. (The last page can be the schema's: read on open.)
    vaults = VaultService(kdf=FAST_KDF, cipher_log=vault.parent / "sqlcipher.log")
    opened = vaults.unlock(vault, "boss", PASSWORD)
    try:
        page = int(opened.db.scalar("SELECT rootpage FROM sqlite_master WHERE name = 'export_register'"))
    finally:
        opened.lock()
    db = vault / "vault.db"
    data = bytearray(db.read_bytes())
    data[page * 4096 - 300] ^= 0x5A
    db.write_bytes(bytes(data))
    done = cli("verify")
    assert done.returncode == 1, done.stderr
    assert f"pages\tdamaged\t{page}" in done.stdout.splitlines()


def test_verify_reports_an_unusable_vault_as_a_problem(cli: Run, vault: Path) -> None:
    db = vault / "vault.db"
    data = bytearray(db.read_bytes())
    data[200] ^= 0x5A
    db.write_bytes(bytes(data))
    done = cli("verify")
    assert done.returncode == 1
    assert done.stdout.startswith("vault\tunusable\tthe first page of vault.db is damaged")


def test_audit_lists_events_with_filters(cli: Run, vault: Path) -> None:
    _fails(cli("verify", env={"CLIENTVAULT_USER": "acc", "CLIENTVAULT_PASSWORD": "wrong-password"}))
    rows = _ok(cli("audit", "--limit", "1000"))
    assert all(len(r) == 8 for r in rows)
    seqs = [int(r[0]) for r in rows]
    assert seqs == sorted(seqs, reverse=True) and len(seqs) == seqs[0]
    # The partner's login is followed by a checkpoint signed with the partner key (SECURITY.md).
    assert rows[0][2:] == ["boss", "audit.checkpoint", "", "", "login", "ok"]
    assert rows[1][2:] == ["boss", "session.login", "user:1", "", "password", "ok"]
    failed = [r for r in rows if r[3] == "session.login" and r[7] == "failed"]
    # Recorded by login tag, not by user: the side file never says whether a name exists.
    assert [(r[2], r[4][:6]) for r in failed] == [("", "login:")]
    assert {r[2] for r in _ok(cli("audit", "--by", "boss"))} == {"boss"}
    assert {r[3] for r in _ok(cli("audit", "--action", "user."))} == {"user.add"}
    assert len(_ok(cli("audit", "--limit", "3"))) == 3
    assert _ok(cli("audit", "--since", "2999-01-01")) == []
    assert _ok(cli("audit", "--until", "2000-01-01")) == []


def test_demo_prints_one_login_per_role(cli: Run, tmp_path: Path) -> None:
    rows = _ok(cli("demo", "--vault", str(tmp_path / "demo"), "--clients", "5", "--seed", "7"))
    assert [r[0] for r in rows] == ["partner", "accountant", "assistant", "privacy_officer"]
    assert all(len(r) == 3 and r[1] and len(r[2]) >= 10 for r in rows)
    _role, user, password = rows[1]
    listing = cli("audit", "--vault", str(tmp_path / "demo"), "--user", user, env={"CLIENTVAULT_PASSWORD": password})
    assert "your role may not do this" in _fails(listing)


def test_recover_resets_the_partner_password(cli: Run, tmp_path: Path) -> None:
    code = dict((r[0], r[1]) for r in _ok(cli("init", "--firm", "F")))["recovery code"]
    new = _secret_file(tmp_path, "new.txt", "recovered-pass-1")
    typed = code.lower().replace("-", " ")
    assert _ok(cli("recover", "--new-password-file", new, env={"CLIENTVAULT_RECOVERY_CODE": typed})) == [
        ["password reset", "boss"]
    ]
    assert _ok(cli("verify", env={"CLIENTVAULT_PASSWORD": "recovered-pass-1"}))[0][1] == "ok"


def _known_error_types(root: type[KnownError] = KnownError) -> set[type[KnownError]]:
    found: set[type[KnownError]] = set()
    for sub in root.__subclasses__():
        found |= {sub, *_known_error_types(sub)}
    return found


def test_every_known_error_has_a_sentence() -> None:
    import clientvault.core.errors  # noqa: F401  (all error types defined)

    missing = {t.__name__ for t in _known_error_types() if not any(k in MESSAGES for k in t.__mro__[:-3])}
    assert missing == set()
    assert error_message(KnownError()) == "the operation was refused (KnownError)"


def test_no_personal_data_outside_the_encrypted_database(cli: Run, tmp_path: Path) -> None:
    name, password, firm = "标记员工-MARKER-7f3a", "MARKER-pass-9c1e", "标记公司-MARKER-b2d4"
    sheet = tmp_path / "sheets" / "sheet.pdf"
    sheet.parent.mkdir()
    _ok(cli("init", "--firm", firm, "--name", name, "--recovery-sheet", str(sheet)))
    secret = tmp_path / "secrets"
    secret.mkdir()
    _ok(cli("user", "add", "marked", "--role", "assistant", "--name", name,
            "--new-password-file", _secret_file(secret, "pw.txt", password)))  # fmt: skip
    _fails(cli("verify", env={"CLIENTVAULT_USER": "marked", "CLIENTVAULT_PASSWORD": password + "x"}))
    assert "may not" in _fails(cli("verify", env={"CLIENTVAULT_USER": "marked", "CLIENTVAULT_PASSWORD": password}))
    _ok(cli("verify"))
    _ok(cli("user", "list"))
    _ok(cli("audit"))
    needles = [s.encode(enc) for s in (name, password, firm, "MARKER") for enc in ("utf-8", "utf-16-le")]
    scanned = 0
    for path in tmp_path.rglob("*"):
        if path.is_file() and path.parent not in (secret, sheet.parent):
            data = path.read_bytes()
            scanned += 1
            assert not [n for n in needles if n in data], path.relative_to(tmp_path)
    assert scanned >= 3  # vault.db, vault.keys and the SQLCipher log at least
    assert (tmp_path / "state").exists()


def test_an_internal_error_logs_its_type_and_frames_but_not_its_message(cli: Run, tmp_path: Path) -> None:
    marker = "MARKER-客户-4e1d-13800138000"
    # A bug deep in a verb whose message carries client data; run in a real process so that the
    # command line configures its own log file (under XDG_STATE_HOME in tmp).
    code = (
        "import sys\n"
        "from clientvault import cli\n"
        "from clientvault.services.vault import VaultService\n"
        "def broken(*args, **kwargs):\n"
        f"    raise ValueError({marker!r})\n"
        "VaultService.unlock = broken\n"
        "sys.exit(cli.main(sys.argv[1:]))\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLIENTVAULT_")}
    env.update(
        CLIENTVAULT_TESTING="1",
        CLIENTVAULT_USER="boss",
        CLIENTVAULT_PASSWORD=PASSWORD,
        XDG_STATE_HOME=str(tmp_path / "state"),
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )
    _ok(cli("init", "--firm", "F"))
    argv = [sys.executable, "-c", code, "--kdf-profile", "fast", "verify", "--vault", str(tmp_path / "vault")]
    done = subprocess.run(argv, env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=120)
    assert done.returncode == 3, done.stderr
    assert "ValueError" in done.stderr and marker not in done.stderr
    logs = [p for p in (tmp_path / "state").rglob("*.log") if p.is_file()]
    assert logs
    text = "".join(p.read_text(encoding="utf-8") for p in logs)
    for needle in (marker, "MARKER", "13800138000"):
        assert needle not in text
    assert "internal error in the command line: ValueError" in text
    assert "in broken" in text  # the frames are there for the developers


# -- erase, scan-residue, backup, restore, purge-backups ----------------------------------------


@contextmanager
def _session(folder: Path) -> Iterator[Vault]:
    """The vault opened in this process as the partner (to plant data and check results)."""
    vault = VaultService(kdf=FAST_KDF, cipher_log=folder.parent / "sqlcipher.log").unlock(folder, "boss", PASSWORD)
    try:
        yield vault
    finally:
        vault.lock()


@pytest.fixture
def planted(vault: Path) -> Planted:
    """The planted client (every personal field distinctive) among a bystander, in the CLI's vault."""
    with _session(vault) as v:
        other_client(v)
        return plant(v)


def _destroying(cli: Run, tmp_path: Path) -> tuple[list[str], dict[str, str | None]]:
    """What ``erase`` needs to destroy an active client (issue 10): a second person (the privacy
    officer ``priv`` approves: a single-partner firm), a witness, the appraisal, the partner's
    override of the running retention period; the approver's password comes from the environment."""
    _ok(cli("user", "add", "priv", "--role", "privacy_officer", "--name", "隐私官", "--new-password-file",
            _secret_file(tmp_path, "priv.txt", STAFF)))  # fmt: skip
    override = _secret_file(tmp_path, "override.txt", "委托已终止，会计档案已移交客户")
    args = ["--approver", "priv", "--witness", "王见证", "--appraise", "--override-file", override]
    return args, {"CLIENTVAULT_APPROVER_PASSWORD": STAFF}


def _status(folder: Path, client_id: int) -> str:
    with _session(folder) as v:
        return str(v.db.scalar("SELECT status FROM clients WHERE id = ?", (client_id,)))


def test_erase_prints_the_certificate_and_scan_residue_sees_the_difference(
    cli: Run, vault: Path, planted: Planted, tmp_path: Path
) -> None:
    values = tmp_path / "values.txt"
    values.write_text("\n".join([NAME, ID_NUMBER, BANK, "never-stored-value"]) + "\n", encoding="utf-8")
    before = cli("scan-residue", "--values-file", str(values))
    assert before.returncode == 1 and before.stderr == "", before.stderr
    lines = [line.split("\t") for line in before.stdout.splitlines()]
    hits = {r[3] for r in lines if r[0] == "hit"}
    assert hits == {"value#1", "value#2", "value#3"}  # the fourth value is nowhere
    assert lines[-1][0] == "NOT CLEAN"
    for value in (NAME, ID_NUMBER, BANK):
        assert value not in before.stdout  # value numbers only
    note = _secret_file(tmp_path, "note.txt", "NOTE-MARKER-客户王小明来信")
    args, env = _destroying(cli, tmp_path)
    done = cli("erase", "--client", str(planted.client_id), "--basis", "deletion_request",
               "--note-file", note, *args, env=env)  # fmt: skip
    # The user is told the erasure is done (committed) before the whole-file check runs.
    assert done.returncode == 0 and re.fullmatch(r"erased: ER-\d{4}-000001 committed; checking the vault file…\n",
                                                 done.stderr), done.stderr  # fmt: skip
    (cert,) = [line.split("\t") for line in done.stdout.splitlines()]
    assert re.fullmatch(r"ER-\d{4}-000001", cert[0]) and cert[1:] == ["integrity=ok", "on_disk=complete"]
    assert _status(vault, planted.client_id) == "erased"
    after = _ok(cli("scan-residue", "--values-file", "-", stdin=values.read_text(encoding="utf-8")))
    assert after[-1] == ["clean", "hits=0"] and not [r for r in after if r[0] == "hit"]
    assert {r[0] for r in after[:-1]} >= {"db"} and all(r[0] != "hit" for r in after)
    audit = cli("audit", "--limit", "1000").stdout
    assert "NOTE-MARKER" not in audit and "王见证" not in audit and "\terasure.execute\t" in audit
    catalogue = (vault / "backups" / "catalogue.json").read_text(encoding="utf-8")
    assert '"legal_basis": "deletion_request"' in catalogue and "NOTE-MARKER" not in catalogue


def test_erase_no_wait_leaves_the_check_to_certificate(cli: Run, vault: Path, planted: Planted, tmp_path: Path) -> None:
    args, env = _destroying(cli, tmp_path)
    done = cli("erase", "--client", str(planted.client_id), "--basis", "deletion_request", "--no-wait", *args, env=env)
    assert done.returncode == 0 and done.stderr.startswith("erased: ER-"), done.stderr
    (cert,) = [line.split("\t") for line in done.stdout.splitlines()]
    assert cert[1] == "integrity=pending"
    with _session(vault) as v:
        entry = ErasureService(v).repo.register_entry(cert[0])
        assert entry is not None and entry.integrity == "pending"
    out = tmp_path / "cert.pdf"
    (saved,) = _ok(cli("certificate", cert[0], "--out", str(out)))
    assert saved[0] == cert[0] and out.read_bytes().startswith(b"%PDF")
    with _session(vault) as v:
        entry = ErasureService(v).repo.register_entry(cert[0])
        assert entry is not None and entry.integrity == "ok"


def test_erase_is_refused_under_a_legal_hold(cli: Run, vault: Path, planted: Planted, tmp_path: Path) -> None:
    with _session(vault) as v:
        LockService(v).place_hold(planted.client_id, "tax audit pending")
    args, env = _destroying(cli, tmp_path)
    line = _fails(cli("erase", "--client", str(planted.client_id), "--basis", "service_ended", *args, env=env))
    assert line.startswith("clientvault: a legal hold stands on this client: erasure refused")
    assert _status(vault, planted.client_id) == "active"


def test_erase_takes_a_basis_code_not_text(cli: Run, vault: Path, planted: Planted) -> None:
    assert "invalid choice" in _fails(cli("erase", "--client", str(planted.client_id), "--basis", "PIPL Art 47"))
    assert _status(vault, planted.client_id) == "active"
    helptext = cli("erase", "--help").stdout
    assert "retention_ended" in helptext and "PIPL Art 47(1)(2)" in helptext
    acc = {"CLIENTVAULT_USER": "acc", "CLIENTVAULT_PASSWORD": STAFF}
    assert "may not" in _fails(cli("erase", "--client", str(planted.client_id), "--basis", "other_law",
                                   "--approver", "boss", "--witness", "王见证", env=acc))  # fmt: skip


def test_erase_needs_a_second_person_and_seals_while_retention_runs(
    cli: Run, vault: Path, planted: Planted, tmp_path: Path
) -> None:
    args, env = _destroying(cli, tmp_path)
    alone = {"CLIENTVAULT_APPROVER_PASSWORD": PASSWORD}
    line = _fails(cli("erase", "--client", str(planted.client_id), "--basis", "service_ended", "--approver", "boss",
                      "--witness", "王见证", env=alone))  # fmt: skip
    assert "cannot approve it" in line and _status(vault, planted.client_id) == "active"
    early = cli("erase", "--client", str(planted.client_id), "--basis", "retention_ended", *args[:4], env=env)
    assert "retention period is still running" in _fails(early)
    (sealed,) = _ok(cli("erase", "--client", str(planted.client_id), "--basis", "deletion_request", *args[:4],
                        env=env))  # fmt: skip
    assert sealed[0] == "sealed" and sealed[1].startswith("until=20")
    assert _status(vault, planted.client_id) == "locked"


def test_backup_purge_and_restore(cli: Run, vault: Path, planted: Planted, tmp_path: Path) -> None:
    ((name, size, digest),) = _ok(cli("backup"))
    assert re.fullmatch(r"backup-\d{8}T\d{12}-manual\.cvbak", name) and int(size) > 0
    assert re.fullmatch(r"[0-9a-f]{64}", digest) and (vault / "backups" / name).stat().st_size == int(size)
    args, env = _destroying(cli, tmp_path)
    _erased(cli("erase", "--client", str(planted.client_id), "--basis", "deletion_request", *args, env=env))
    assert _ok(cli("purge-backups")) == [["backups=1", "erasures_applied=1", "failed=0"]]
    assert _ok(cli("purge-backups")) == [["backups=1", "erasures_applied=0", "failed=0"]]
    ((restored, replayed, kept),) = _ok(cli("restore", name))
    assert restored == name and replayed == "erasures_replayed=0" and kept.startswith("audit_events_kept=")
    assert int(kept.split("=")[1]) > 0
    assert _status(vault, planted.client_id) == "erased"  # the restored copy does not bring it back
    assert _ok(cli("verify"))[0][:2] == ["audit chain", "ok"]


def test_restore_refuses_a_damaged_backup_and_leaves_the_vault_alone(cli: Run, vault: Path, planted: Planted) -> None:
    ((name, _size, _digest),) = _ok(cli("backup"))
    path = vault / "backups" / name
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x5A
    path.write_bytes(bytes(data))
    line = _fails(cli("restore", name))
    assert line == "clientvault: backup is damaged or is not a ClientVault file; restore it from the newest backup"
    checked = _ok(cli("verify"))
    assert checked[0][:2] == ["audit chain", "ok"] and checked[1] == ["pages", "ok"]
    with _session(vault) as v:
        assert ClientService(v).get(planted.client_id).name == NAME
        assert not (vault / "vault.db.restoring").exists()
        events = v.audit.page(AuditFilter(action_prefix="backup.restore"))
        assert [e.outcome for e in events] == ["damaged"]
    assert "no such backup" in _fails(cli("restore", "backup-19990101T000000Z-manual.cvbak"))


def _notice(cli: Run) -> None:
    """Fill in the firm's details every consent form prints (PIPL Art 17(1)(1))."""
    _ok(cli("notice", "--address", "杭州市西湖区文三路100号", "--phone", "0571-88880000", "--email",
            "office@example.cn", "--privacy-contact", "李四 0571-88880001"))  # fmt: skip


def test_form_refused_while_the_firms_contact_is_empty(cli: Run, vault: Path, tmp_path: Path) -> None:
    out = tmp_path / "form.pdf"
    line = _fails(cli("form", "--out", str(out)))
    assert line == (
        "clientvault: the consent form cannot be printed: the firm's address, phone, email, privacy contact must "
        "be filled in (PIPL Art 17; settings page or first run)"
    )
    assert not out.exists()
    _ok(cli("notice", "--address", "杭州市西湖区文三路100号", "--phone", "0571-88880000"))
    line = _fails(cli("form", "--out", str(out)))
    assert "the firm's email, privacy contact must be filled in" in line and not out.exists()
    _notice(cli)
    shown = dict(map(tuple, _ok(cli("notice"))))  # type: ignore[arg-type]
    assert shown["name"] == "测试代账公司" and shown["privacy_contact"] == "李四 0571-88880001"
    number = _ok(cli("form", "--out", str(out)))[0][0]
    assert number.startswith("CF-") and out.read_bytes().startswith(b"%PDF")


def test_exports_list_and_destroy(cli: Run, vault: Path, tmp_path: Path) -> None:
    acc = {"CLIENTVAULT_USER": "acc", "CLIENTVAULT_PASSWORD": STAFF}
    _ok(cli("user", "add", "asst", "--role", "assistant", "--new-password-file",
            _secret_file(tmp_path, "asst.txt", STAFF)))  # fmt: skip
    boss_pdf, acc_pdf, changed_pdf = tmp_path / "boss.pdf", tmp_path / "acc.pdf", tmp_path / "changed.pdf"
    _notice(cli)
    boss_id = _ok(cli("form", "--out", str(boss_pdf), "--purpose", "intake"))[0][1]
    acc_id = _ok(cli("form", "--out", str(acc_pdf), env=acc))[0][1]
    changed_id = _ok(cli("form", "--out", str(changed_pdf)))[0][1]

    rows = _ok(cli("exports", "list"))
    assert [r[0] for r in rows] == [changed_id, acc_id, boss_id]
    assert rows[2][2:6] == ["boss", "consent_form", "intake", "boss.pdf"] and rows[2][-1] == "kept"
    assert [r[0] for r in _ok(cli("exports", "list", env=acc))] == [acc_id]  # an accountant: own entries
    assert _ok(cli("exports", "list", "--due")) == []  # consent forms are kept 30 days
    line = _fails(cli("exports", "list", env={"CLIENTVAULT_USER": "asst", "CLIENTVAULT_PASSWORD": STAFF}))
    assert "your role may not do this (export)" in line

    assert _ok(cli("exports", "destroy", boss_id)) == [[boss_id, "overwritten"]]
    assert not boss_pdf.exists()
    assert _ok(cli("exports", "list"))[2][-1] == "destroyed:overwritten"
    assert "already marked destroyed" in _fails(cli("exports", "destroy", boss_id))
    assert "no such export" in _fails(cli("exports", "destroy", boss_id, env=acc))  # not theirs

    changed_pdf.write_bytes(b"someone else's file now")
    done = cli("exports", "destroy", changed_id)
    assert done.returncode == 1 and done.stdout.split() == [changed_id, "changed"]
    assert changed_pdf.read_bytes() == b"someone else's file now"  # never deleted

    acc_pdf.unlink()
    assert _ok(cli("exports", "destroy", acc_id, env=acc)) == [[acc_id, "missing"]]
    assert "no such export" in _fails(cli("exports", "destroy", "999"))
    _fails(cli("exports", "destroy", "not-a-number"))
    _fails(cli("exports"))

    audit = _ok(cli("audit", "--action", "export.destroyed"))
    assert {(r[4], r[6]) for r in audit} == {
        (f"export:{boss_id}", "overwritten"),
        (f"export:{changed_id}", "changed"),
        (f"export:{acc_id}", "missing"),
    }
    assert not any("pdf" in "\t".join(r) for r in audit)
