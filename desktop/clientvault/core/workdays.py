"""Working days in mainland China: weekends, public holidays and 调休 working weekends, as data.

The calendar is a small JSON document (shipped as ``resources/calendar/cn_holidays.json``; the
firm may store its own, newer copy in the vault's settings): per year, the list of public
holiday dates (放假) and the list of weekend dates that are working days (调休上班). Nothing about
a particular year is in the code, so a new State Council notice needs a data update only.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from clientvault.core.errors import ValidationError


@dataclass(frozen=True)
class WorkCalendar:
    """Public holidays and working weekends; every other Saturday and Sunday is a rest day."""

    holidays: frozenset[date]
    workdays: frozenset[date]  # weekend days that are working days (调休)
    years: tuple[int, ...] = ()
    provisional: tuple[int, ...] = ()  # years whose official notice was not yet in the data

    def is_working_day(self, day: date) -> bool:
        """Whether ``day`` is a working day."""
        if day in self.workdays:
            return True
        return day.weekday() < 5 and day not in self.holidays

    def add_working_days(self, start: date, days: int) -> date:
        """The date ``days`` working days after ``start`` (the day of receipt itself does not count)."""
        if days < 0:
            raise ValueError("days")
        day = start
        left = days
        while left:
            day += timedelta(days=1)
            if self.is_working_day(day):
                left -= 1
        return day

    def covers(self, day: date) -> bool:
        """Whether the calendar holds data for the year of ``day``."""
        return day.year in self.years

    def to_json(self) -> str:
        """The calendar as the JSON document :func:`parse_calendar` reads."""
        out: dict[str, Any] = {"format": 1, "years": {}}
        for year in self.years:
            out["years"][str(year)] = {
                "holidays": sorted(d.isoformat() for d in self.holidays if d.year == year),
                "workdays": sorted(d.isoformat() for d in self.workdays if d.year == year),
                "provisional": year in self.provisional,
            }
        return json.dumps(out, ensure_ascii=False, indent=1)


def parse_calendar(text: str) -> WorkCalendar:
    """Read a calendar document.

    Raises:
        ValidationError: ``{"calendar": code}`` with code ``format`` (not the expected JSON),
            ``date`` (a malformed date or one outside its year) or ``conflict`` (a day both a
            holiday and a working weekend, or a "working weekend" that is a weekday).
    """
    try:
        doc = json.loads(text)
        years = doc["years"]
        if doc.get("format") != 1 or not isinstance(years, dict):
            raise ValueError
    except (ValueError, KeyError, TypeError):
        raise ValidationError({"calendar": "format"}) from None
    holidays: set[date] = set()
    workdays: set[date] = set()
    provisional: list[int] = []
    for key, entry in years.items():
        try:
            year = int(key)
            hs = [date.fromisoformat(d) for d in entry.get("holidays", [])]
            ws = [date.fromisoformat(d) for d in entry.get("workdays", [])]
        except (ValueError, TypeError, AttributeError):
            raise ValidationError({"calendar": "date"}) from None
        if any(d.year != year for d in (*hs, *ws)):
            raise ValidationError({"calendar": "date"})
        if set(hs) & set(ws) or any(d.weekday() < 5 for d in ws):
            raise ValidationError({"calendar": "conflict"})
        holidays.update(hs)
        workdays.update(ws)
        if entry.get("provisional"):
            provisional.append(year)
    return WorkCalendar(
        frozenset(holidays),
        frozenset(workdays),
        tuple(sorted(int(y) for y in years)),
        tuple(sorted(provisional)),
    )
