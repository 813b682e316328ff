"""Time-zone helpers: office zones by IANA name, and instants compared in UTC."""
from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

# RULES.md §2: each office carries one of these (Kalbar/Kalteng use Asia/Pontianak).
WIB, WITA, WIT = "Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"


def zone(tz: str) -> ZoneInfo:
    """ZoneInfo for an IANA name; ValueError (Indonesian) when unknown."""
    try:
        return ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"Zona waktu tidak dikenal: {tz!r}") from None


def as_utc(moment: datetime) -> datetime:
    """The same instant in UTC; ValueError for a naive datetime.

    Python compares and subtracts datetimes sharing one tzinfo by wall clock; converting to
    UTC first keeps every minute count in absolute time.
    """
    if moment.tzinfo is UTC:
        return moment  # already UTC: the common case for stored punches
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("Waktu harus memiliki zona waktu (timezone-aware)")
    return moment.astimezone(UTC)
