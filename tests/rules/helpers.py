"""Small builders shared by the rules tests (plain functions, not fixtures)."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta

from api.rules.tz import WIB, zone


def at(day: date, hhmm: str, tz: str = WIB, plus_days: int = 0) -> datetime:
    """Aware local time: at(date(2026, 8, 18), "07:00:59") in WIB by default."""
    parts = [int(p) for p in hhmm.replace(".", ":").split(":")]
    moment = datetime.combine(day + timedelta(days=plus_days), time(*parts), tzinfo=zone(tz))
    return moment


def hhmm(moment: datetime | None) -> str | None:
    """"07:00" (local wall clock) or None, to compare resolved times with the regulation."""
    return None if moment is None else moment.strftime("%H:%M")
