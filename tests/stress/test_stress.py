"""The short form of the stress harness, run by ``make test`` (the long form: ``make stress``).

A handful of random SIGKILLs of real processes, four DELETE-journal processes for a few seconds
and a few dozen byte flips; after each fault every invariant of tests/stress/common.py is
checked. docs/RELIABILITY.md has the long form's figures.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.stress.__main__ import SHORT
from tests.stress.concurrent import run_concurrent
from tests.stress.flips import run_flips
from tests.stress.kills import KillCampaign

pytestmark = [pytest.mark.stress, pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")]


def test_random_kills(tmp_path: Path) -> None:
    campaign = KillCampaign(tmp_path, seed=7)
    campaign.setup(clients=8)
    # No calibration run in the short form: kills land within start-up + 1 s of each operation.
    report = campaign.run(int(SHORT["kills"]))
    assert report.total_kills >= SHORT["kills"]
    problems = {f"{op}: {p}": n for op, c in report.problems.items() for p, n in c.items()}
    assert not problems, problems


def test_four_processes_in_delete_journal_mode(tmp_path: Path) -> None:
    report = run_concurrent(tmp_path, seconds=float(SHORT["seconds"]), workers=4)
    assert sum(report.ops.values()) > 0
    assert not report.unexpected_errors, dict(report.unexpected_errors)
    assert not report.problems, dict(report.problems)


def test_byte_flips_are_all_detected(tmp_path: Path) -> None:
    report = run_flips(tmp_path, int(SHORT["flips"]), seed=7)
    assert report.flips == SHORT["flips"]
    assert report.failures() == 0, (dict(report.outcomes), dict(report.messages))
