"""Pure formatting of API values for Indonesian readers (dates, times, numbers)."""
from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from dashboard import texts


def moment(value: str | None, tz: str) -> str:
    """An ISO instant from the API ("…Z") as local "16 Mar 2026 06:24"."""
    if not value:
        return "–"
    when = datetime.fromisoformat(value.replace("Z", "+00:00").replace(" ", "T"))
    if when.tzinfo is None:
        when = when.replace(tzinfo=ZoneInfo("UTC"))
    local = when.astimezone(ZoneInfo(tz))
    return f"{local.day} {texts.MONTHS[local.month - 1][:3]} {local.year} {local:%H:%M}"


def clock(value: str | None, tz: str) -> str:
    """An ISO instant as local "HH:MM"."""
    if not value:
        return "–"
    when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return f"{when.astimezone(ZoneInfo(tz)):%H:%M}"


def day(value: str | date | None) -> str:
    """A date as "16 Maret 2026"."""
    if not value:
        return "–"
    current = value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
    return f"{current.day} {texts.MONTHS[current.month - 1]} {current.year}"


def percent(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}%".replace(".", ",")


def score(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}".replace(".", ",")


def metres(value: float | None) -> str:
    if value is None:
        return "–"
    if value >= 1000:
        return f"{value / 1000:.1f} km".replace(".", ",")
    return f"{value:.0f} m"
