"""Windows that show client data ask Windows to keep them out of screen captures."""

from __future__ import annotations

import ctypes
import sys
from typing import Any

import pytest

from clientvault.ui.widgets import capture


def test_does_nothing_off_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    assert capture.exclude_from_capture(1234) is False


def test_sets_the_display_affinity_on_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[Any, int]] = []

    class User32:
        def SetWindowDisplayAffinity(self, hwnd: Any, flag: int) -> int:
            calls.append((hwnd, flag))
            return 1

    class WinDll:
        user32 = User32()

    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(ctypes, "windll", WinDll(), raising=False)
    assert capture.exclude_from_capture(4321) is True
    assert [(h.value, f) for h, f in calls] == [(4321, 0x11)]


def test_old_windows_without_the_flag_is_reported_not_raised(monkeypatch: pytest.MonkeyPatch) -> None:
    class User32:
        def SetWindowDisplayAffinity(self, hwnd: Any, flag: int) -> int:
            return 0

    class WinDll:
        user32 = User32()

    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(ctypes, "windll", WinDll(), raising=False)
    assert capture.exclude_from_capture(1) is False
