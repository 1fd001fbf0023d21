"""Every promise in docs/SECURITY.md's "Protected" list names tests that attack it, and they exist."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _protected_items() -> list[str]:
    text = (ROOT / "docs" / "SECURITY.md").read_text(encoding="utf-8")
    block = text.split("\nProtected", 1)[1].split("\nNot protected:", 1)[0]
    return [item for item in re.split(r"\n- ", block)[1:] if item.strip()]


def _test_names() -> set[str]:
    names: set[str] = set()
    for path in (ROOT / "tests").rglob("test_*.py"):
        names.update(re.findall(r"^def (test_\w+)\(", path.read_text(encoding="utf-8"), flags=re.M))
    return names


def test_every_protected_promise_names_an_existing_attack_test() -> None:
    items = _protected_items()
    assert len(items) >= 8
    existing = _test_names()
    for item in items:
        named = re.findall(r"`(test_\w+)`", item)
        assert named, f"promise without an attack test: {item[:60]}"
        missing = [n for n in named if n not in existing]
        assert not missing, f"promise names tests that do not exist: {missing}"


def test_the_check_would_notice_a_missing_test() -> None:
    assert "test_flipping_holds_partner_key_never_gives_the_partner_key" in _test_names()
    assert "test_no_such_attack_exists" not in _test_names()
