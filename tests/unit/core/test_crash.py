"""core.crash: a bug's log entry has its type and frames, never its message or locals."""

from __future__ import annotations

import logging

import pytest

from clientvault.core.crash import crash_frames, log_crash

MARKER = "MARKER-客户-110101199003077777"


def _fail(secret: str) -> None:
    local_copy = secret  # a local that must not reach the log either
    raise KeyError(local_copy)


def test_log_crash_keeps_type_frames_and_reference_only(caplog: pytest.LogCaptureFixture) -> None:
    try:
        _fail(MARKER)
    except KeyError as exc:
        with caplog.at_level(logging.ERROR):
            log_crash(logging.getLogger("t"), "unexpected error", type(exc), exc.__traceback__, reference="ABCD1234")
        frames = crash_frames(exc.__traceback__)
    assert "in _fail" in frames and "raise KeyError(local_copy)" in frames
    (record,) = caplog.records
    text = record.getMessage()
    assert record.exc_info is None
    assert text.startswith("unexpected error: KeyError, reference ABCD1234\n")
    assert frames in text
    assert MARKER not in text and "110101199003077777" not in text
