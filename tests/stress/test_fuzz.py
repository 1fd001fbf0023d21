"""Hypothesis fuzzing of three inputs from outside (issue 9's harness): the key-file parser, the
consent form number a user types or scans, and the command-line arguments.

Each may only answer in its documented way: a parsed value or its typed error. Anything else
(an exception escaping, exit code 3 "internal error", more than one line of error) is a defect.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import string
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clientvault.core.errors import KeysFileError, NotFound, ValidationError
from clientvault.security import keyfile as kf
from clientvault.services.consent import ConsentService, new_form_number, normalise_form_number
from clientvault.services.vault import VaultService
from tests.conftest import create_test_vault
from tests.fixtures.memkeyring import MemoryKeyring

pytestmark = pytest.mark.stress

FUZZ = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
#: Inputs that open the vault on each example: fewer, to keep the short form short.
FUZZ_SLOW = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def real_vault(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    from clientvault.security.workstation import WorkstationKeyring

    folder = tmp_path_factory.mktemp("fuzz") / "vault"
    vaults = VaultService(kdf=kf.FAST_KDF, keyring=WorkstationKeyring(backend=MemoryKeyring()))
    create_test_vault(vaults, folder).vault.lock()
    yield folder


# -- the key-file parser ----------------------------------------------------------------------


@FUZZ
@given(raw=st.binary(max_size=2048))
def test_keyfile_parser_takes_any_bytes(raw: bytes) -> None:
    with contextlib.suppress(KeysFileError):  # the one error it may raise
        kf.parse(raw)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=12,
)


def _paths(doc: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(doc, dict):
        for k, v in doc.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            out += _paths(v, (*prefix, i))
    return out


@FUZZ
@given(data=st.data())
def test_keyfile_parser_takes_any_mutation_of_a_real_file(real_vault: Path, data: st.DataObject) -> None:
    doc = json.loads((real_vault / "vault.keys").read_bytes())
    for _ in range(data.draw(st.integers(1, 4))):
        paths = [p for p in _paths(doc) if p]
        if not paths:
            break
        path = data.draw(st.sampled_from(paths))
        parent = doc
        for step in path[:-1]:
            parent = parent[step]
        if data.draw(st.booleans()) and isinstance(parent, dict):
            del parent[path[-1]]
        else:
            parent[path[-1]] = data.draw(JSON)
    try:
        parsed = kf.parse(json.dumps(doc).encode("utf-8"))
    except KeysFileError:
        return
    assert parsed.generation >= 1


# -- the form number --------------------------------------------------------------------------

FORMISH = st.text(alphabet=string.ascii_letters + string.digits + "-_ \t·—ＣＦ０１２", max_size=20)


@FUZZ
@given(text=st.one_of(st.text(max_size=40), FORMISH))
def test_form_number_input(text: str) -> None:
    try:
        number = normalise_form_number(text)
    except ValidationError:
        return
    assert normalise_form_number(number) == number  # what comes out is canonical


@FUZZ_SLOW
@given(text=st.one_of(st.text(max_size=40), FORMISH))
def test_form_number_lookup_on_a_real_vault(real_vault: Path, text: str) -> None:
    from clientvault.security.workstation import WorkstationKeyring

    vaults = VaultService(kdf=kf.FAST_KDF, keyring=WorkstationKeyring(backend=MemoryKeyring()))
    vault = vaults.unlock(real_vault, "boss", "partner-pass-1")
    try:
        ConsentService(vault).form_info(text)
    except (ValidationError, NotFound):
        pass
    finally:
        vault.lock()


def test_a_fresh_form_number_round_trips() -> None:
    for _ in range(200):
        number = new_form_number()
        assert normalise_form_number(number.lower().replace("-", " ")) == number


# -- the command line -------------------------------------------------------------------------

VERBS = [
    ["verify"], ["audit"], ["user", "list"], ["user", "disable"], ["backup"], ["restore"], ["purge-backups"],
    ["erase"], ["certificate"], ["scan-residue"], ["exports", "list"], ["form"],
]  # fmt: skip
_OPTIONS = [
    "--client", "--basis", "--witness", "--out", "--lang", "--limit", "--since", "--until", "--by", "--action",
    "--values-file", "--note-file", "--user", "--due", "-h", "--", "-", "zh", "en", "deletion_request",
    "99999999999999999999999", "-1", "0", "ER-2026-000001", ".",
]  # fmt: skip
TOKENS = st.one_of(st.sampled_from(_OPTIONS), st.text(max_size=12))


@FUZZ_SLOW
@given(verb=st.sampled_from(VERBS), rest=st.lists(TOKENS, max_size=6))
def test_command_line_arguments(real_vault: Path, verb: list[str], rest: list[str]) -> None:
    from clientvault.cli.main import main

    argv = ["--kdf-profile", "fast", *verb, *rest]
    if any("\x00" in a for a in argv):
        return  # the OS cannot pass NUL inside an argument
    out, err = io.StringIO(), io.StringIO()
    saved = dict(os.environ)
    cwd = Path.cwd()
    os.environ.update(
        CLIENTVAULT_TESTING="1",
        CLIENTVAULT_VAULT=str(real_vault),
        CLIENTVAULT_USER="boss",
        CLIENTVAULT_PASSWORD="partner-pass-1",
        XDG_STATE_HOME=str(real_vault.parent / "state"),
    )
    os.chdir(real_vault.parent)  # files a verb may write (--out) land in the test's folder
    try:
        code = main(argv, out=out, err=err)
    except SystemExit as exc:  # --help
        code = int(exc.code or 0)
    finally:
        os.chdir(cwd)
        os.environ.clear()
        os.environ.update(saved)
    assert code in (0, 1, 2), err.getvalue()
    if code == 2:
        lines = [line for line in err.getvalue().splitlines() if line.strip()]
        assert len(lines) == 1 and lines[0].startswith("clientvault: "), err.getvalue()
