"""Offline means offline: no code path opens a socket, and no module imports a network library."""

from __future__ import annotations

import ast
import io
import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

import clientvault
from clientvault import cli
from tests.fixtures.memkeyring import MemoryKeyring

NETWORK_MODULES = {
    "socket", "ssl", "socketserver", "http", "urllib", "urllib3", "requests", "httpx", "aiohttp",
    "ftplib", "smtplib", "poplib", "imaplib", "telnetlib", "xmlrpc", "websocket", "websockets",
}  # fmt: skip


class NetworkUsed(AssertionError):
    """Raised by the patched socket functions."""


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise NetworkUsed("network access attempted")

    # socket.socket stays a class (ssl subclasses it at import time); creating one raises.
    monkeypatch.setattr(socket.socket, "__init__", refuse)
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex", "socketpair", "fromfd"):
        monkeypatch.setattr(socket, name, refuse)


@pytest.fixture
def cli_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    for key in list(os.environ):
        if key.startswith("CLIENTVAULT_"):
            monkeypatch.delenv(key)
    monkeypatch.setenv("CLIENTVAULT_TESTING", "1")
    monkeypatch.setenv("CLIENTVAULT_PASSWORD", "partner-pass-1")
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    umask = os.umask(0o077)
    yield tmp_path / "vault"
    os.umask(umask)


def _cli(*args: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(["--kdf-profile", "fast", *args], out=out, err=err)
    assert code == 0, err.getvalue()
    return out.getvalue()


@pytest.mark.usefixtures("no_network")
def test_full_flow_without_network(cli_env: Path, tmp_path: Path) -> None:
    folder = str(cli_env)
    _cli("init", "--vault", folder, "--user", "boss", "--firm", "离线公司", "--recovery-sheet", str(tmp_path / "s.pdf"))
    pw = tmp_path / "pw.txt"
    pw.write_text("staff-pass-123\n", encoding="utf-8")
    _cli(
        "user",
        "add",
        "acc",
        "--vault",
        folder,
        "--user",
        "boss",
        "--role",
        "accountant",
        "--new-password-file",
        str(pw),
    )
    assert "acc\taccountant\tactive" in _cli("user", "list", "--vault", folder, "--user", "boss")
    _cli("user", "disable", "acc", "--vault", folder, "--user", "boss")
    assert _cli("verify", "--vault", folder, "--user", "boss").startswith("audit chain\tok")
    _cli("audit", "--vault", folder, "--user", "boss")
    _cli("demo", "--vault", str(tmp_path / "demo"), "--clients", "3")
    # The services directly, with the workstation keyring path too.
    from clientvault.security.keyfile import FAST_KDF
    from clientvault.security.workstation import WorkstationKeyring
    from clientvault.services.vault import VaultService

    vaults = VaultService(kdf=FAST_KDF, keyring=WorkstationKeyring(backend=MemoryKeyring()))
    vault = vaults.unlock(cli_env, "boss", "partner-pass-1")
    assert vaults.remember_workstation(vault, "135790")
    vault.lock()
    vaults.unlock_with_pin(cli_env, "boss", "135790").lock()


def test_the_patch_really_blocks_sockets(no_network: None) -> None:
    with pytest.raises(NetworkUsed):
        socket.create_connection(("127.0.0.1", 9))
    with pytest.raises(NetworkUsed):
        socket.socket()


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in (
            "import_module",
            "__import__",
        ):
            names |= {
                a.value.split(".")[0] for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)
            }
    return names


def test_no_module_imports_a_network_library() -> None:
    package = Path(clientvault.__file__).parent
    sources = sorted(package.rglob("*.py"))
    assert len(sources) > 20
    offenders = {str(p.relative_to(package)): sorted(_imports(p) & NETWORK_MODULES) for p in sources}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_the_import_scan_would_notice(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import urllib.request\nfrom http import client\nimport importlib\nimportlib.import_module('socket')\n"
    )
    assert _imports(sample) & NETWORK_MODULES == {"urllib", "http", "socket"}
