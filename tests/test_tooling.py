"""The project's own tooling: pinned lint tools, and what CI installs on a bare Debian machine."""

from __future__ import annotations

import re
import tomllib
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_dev_tools_are_pinned_to_exact_versions() -> None:
    # A newer ruff or mypy brings new rules: lint results must not change without a commit.
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = {}
    for spec in project["optional-dependencies"]["dev"]:
        pinned = re.fullmatch(r"([A-Za-z0-9_.-]+)==([0-9][A-Za-z0-9.]*)", spec)
        assert pinned is not None, spec
        pins[pinned.group(1)] = pinned.group(2)
    assert set(pins) == {"ruff", "mypy", "import-linter"}
    assert {name: version(name) for name in pins} == pins  # the venv runs what is pinned


def test_ci_installs_python_venv_and_pip_when_missing() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8").replace("\\\n", " ")  # join continued lines
    loop = re.search(r"^for pkg in ([^;]+); do$", script, re.MULTILINE)
    assert loop is not None
    packages = set(loop.group(1).split())
    assert {"python3", "python3-venv", "python3-pip"} <= packages  # `make` runs `python3 -m venv`
