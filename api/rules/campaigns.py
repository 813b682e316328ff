"""Presence-reporting campaigns (SiAbOn Jambi, seed 004): report windows in the employee's
own office time, the campaign's zone, and each window's compliance status. Pure functions.

A window is a local wall-clock span ("07:00–09:00") that every employee keeps in their own
office zone (WIB, WITA, WIT): 07:00 WITA is 06:00 WIB. The zone is where the employee should
be (e.g. inside the regency): a circle (centre + radius) or a polygon of (lat, lon) points;
a report outside it is kept and flagged (possible travel), never refused.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from api.rules.geo import distance_m

STATUSES = ("reported", "excused", "missed", "open", "upcoming")
MIN_WINDOW = timedelta(minutes=15)


@dataclass(frozen=True)
class Window:
    start: time
    end: time

    @property
    def label(self) -> str:
        return f"{self.start:%H.%M}–{self.end:%H.%M}"


@dataclass(frozen=True)
class Zone:
    """Where employees should be: a circle, a polygon, or nowhere in particular (kind none)."""

    kind: str  # none | circle | polygon
    lat: float | None = None
    lon: float | None = None
    radius_m: float | None = None
    points: tuple[tuple[float, float], ...] = ()


def window_problems(windows: Sequence[Window]) -> list[str]:
    """What is wrong with a day's windows (Indonesian); none for a valid set."""
    problems = []
    if not windows:
        problems.append("Minimal satu jendela laporan.")
    for window in windows:
        if window.end <= window.start:
            problems.append(f"Jendela {window.label}: jam selesai harus setelah jam mulai.")
        elif _minutes(window.end) - _minutes(window.start) < MIN_WINDOW.seconds // 60:
            problems.append(f"Jendela {window.label}: paling singkat 15 menit.")
    ordered = sorted(windows, key=lambda w: w.start)
    for first, second in zip(ordered, ordered[1:], strict=False):
        if second.start < first.end:
            problems.append(f"Jendela {first.label} dan {second.label} tumpang tindih.")
    return problems


def _minutes(at: time) -> int:
    return at.hour * 60 + at.minute


def zone_problems(zone: Zone) -> list[str]:
    if zone.kind == "none":
        return []
    if zone.kind == "circle":
        if zone.lat is None or zone.lon is None or not zone.radius_m:
            return ["Zona lingkaran perlu titik pusat (lat, lon) dan radius_m."]
        if not (-90 <= zone.lat <= 90 and -180 <= zone.lon <= 180 and zone.radius_m > 0):
            return ["Titik pusat atau radius zona tidak valid."]
        return []
    if zone.kind == "polygon":
        if len(zone.points) < 3:
            return ["Zona poligon perlu paling sedikit 3 titik."]
        if not all(-90 <= lat <= 90 and -180 <= lon <= 180 for lat, lon in zone.points):
            return ["Titik poligon di luar jangkauan koordinat."]
        return []
    return [f"Jenis zona tidak dikenal: {zone.kind}."]


def inside_zone(zone: Zone, lat: float, lon: float) -> bool:
    """Whether a fix lies in the zone (always, for a campaign without one)."""
    if zone.kind == "none":
        return True
    if zone.kind == "circle":
        return distance_m(zone.lat, zone.lon, lat, lon) <= zone.radius_m
    return _in_polygon(zone.points, lat, lon)


def _in_polygon(points: Sequence[tuple[float, float]], lat: float, lon: float) -> bool:
    """Ray casting in the (lon, lat) plane: fine for a regency-sized polygon."""
    inside = False
    for (lat1, lon1), (lat2, lon2) in zip(points, [*points[1:], points[0]], strict=True):
        if (lat1 > lat) != (lat2 > lat):
            crossing = lon1 + (lat - lat1) * (lon2 - lon1) / (lat2 - lat1)
            if lon < crossing:
                inside = not inside
    return inside


def window_bounds(day: date, window: Window, tz: str) -> tuple[datetime, datetime]:
    """The window's instants on a date, in the employee's office zone."""
    zone = ZoneInfo(tz)
    return (datetime.combine(day, window.start, tzinfo=zone),
            datetime.combine(day, window.end, tzinfo=zone))


def window_at(windows: Sequence[Window], moment: datetime, tz: str) -> tuple[date, int] | None:
    """(local date, window index) a moment falls in, for an employee in `tz`; None outside
    every window (the end is exclusive: 09:00:00 is after 07:00–09:00)."""
    local = moment.astimezone(ZoneInfo(tz))
    clock = local.timetz().replace(tzinfo=None)
    for index, window in enumerate(windows):
        if window.start <= clock < window.end:
            return local.date(), index
    return None


def campaign_dates(first: date, last: date) -> list[date]:
    """Every date of the campaign: holidays and cuti bersama included (that is the point)."""
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def status(reported: bool, excused: bool, day: date, window: Window, tz: str,
           now: datetime) -> str:
    """One window of one employee: reported (a report counts even if an excuse exists),
    excused (an approved absence or excuse), missed once it has ended, else open/upcoming."""
    if reported:
        return "reported"
    if excused:
        return "excused"
    start, end = window_bounds(day, window, tz)
    if now >= end:
        return "missed"
    return "open" if now >= start else "upcoming"


def compliance_percent(counts: dict[str, int]) -> float | None:
    """Reported and excused over the windows that have ended or been answered."""
    decided = counts.get("reported", 0) + counts.get("excused", 0) + counts.get("missed", 0)
    if not decided:
        return None
    return round(100.0 * (counts.get("reported", 0) + counts.get("excused", 0)) / decided, 1)
