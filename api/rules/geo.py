"""Geofences and location fraud signals (SPEC §4.3, RULES.md §8), pure geometry."""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from api.rules.policy import Policy
from api.rules.tz import as_utc

EARTH_RADIUS_M = 6_371_008.8  # IUGG mean radius

MOCK_LOCATION = "MOCK_LOCATION"
LOW_ACCURACY = "LOW_ACCURACY"
IMPOSSIBLE_JUMP = "IMPOSSIBLE_JUMP"


@dataclass(frozen=True)
class Geofence:
    """A presence location: a circle around the office, in its IANA zone."""

    id: int | str
    name: str
    lat: float
    lon: float
    radius_m: float
    tz: str


@dataclass(frozen=True)
class GeofenceMatch:
    """The nearest fence (an inside one first), its distance, and whether the fix is inside."""

    fence: Geofence | None
    distance_m: float | None
    inside: bool


@dataclass(frozen=True)
class GpsFix:
    """One position report from a device."""

    lat: float
    lon: float
    accuracy_m: float
    at: datetime  # server time of the attempt, aware
    mock: bool = False  # the OS mock-location flag


def validate_fix(lat: float, lon: float, accuracy_m: float) -> None:
    """ValueError (Indonesian) for coordinates or accuracy no real receiver reports."""
    values = (lat, lon, accuracy_m)
    if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
        raise ValueError("Koordinat dan akurasi harus berupa angka")
    if not all(math.isfinite(v) for v in values):
        raise ValueError("Koordinat dan akurasi harus berupa angka yang terhingga")
    if not -90 <= lat <= 90:
        raise ValueError(f"Lintang harus antara -90 dan 90 derajat: {lat}")
    if not -180 <= lon <= 180:
        raise ValueError(f"Bujur harus antara -180 dan 180 derajat: {lon}")
    if accuracy_m < 0:
        raise ValueError(f"Akurasi lokasi tidak boleh negatif: {accuracy_m}")


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine) in metres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


def match_geofence(
    lat: float,
    lon: float,
    accuracy_m: float,
    fences: Sequence[Geofence],
    max_accuracy_credit_m: float | None = None,
) -> GeofenceMatch:
    """Inside ⇔ distance − accuracy ≤ radius (SPEC §4.3).

    The accuracy is a benefit of the doubt; `max_accuracy_credit_m` caps it so that a 5 km
    "accuracy" cannot put the whole town inside the fence.
    """
    if not fences:
        return GeofenceMatch(None, None, False)
    credit = accuracy_m if max_accuracy_credit_m is None else min(accuracy_m, max_accuracy_credit_m)
    measured = [(distance_m(lat, lon, f.lat, f.lon), f) for f in fences]
    inside = [(d, f) for d, f in measured if d - credit <= f.radius_m]
    d, fence = min(inside or measured, key=lambda pair: pair[0])
    return GeofenceMatch(fence, d, bool(inside))


def implied_speed_kmh(
    prev_lat: float, prev_lon: float, prev_at: datetime,
    lat: float, lon: float, at: datetime,
) -> float:  # fmt: skip
    """Speed needed to go from the previous fix to this one; inf when no time passed."""
    metres = distance_m(prev_lat, prev_lon, lat, lon)
    # Out-of-order fixes still give a speed; simultaneous distant fixes are impossible.
    seconds = abs((as_utc(at) - as_utc(prev_at)).total_seconds())
    if seconds == 0:
        return math.inf if metres > 0 else 0.0
    return metres / seconds * 3.6


def location_flags(fix: GpsFix, previous_fix: GpsFix | None, policy: Policy) -> tuple[str, ...]:
    """Fraud signals of one fix: MOCK_LOCATION, LOW_ACCURACY, IMPOSSIBLE_JUMP.

    A jump is judged on the distance both fixes' accuracies cannot explain, and only from
    `policy.jump_min_distance_m` up, so GPS jitter between two quick fixes is never flagged;
    two distant fixes at the same instant are.
    """
    flags = []
    if fix.mock:
        flags.append(MOCK_LOCATION)
    if fix.accuracy_m > policy.geofence_max_accuracy_m:
        flags.append(LOW_ACCURACY)
    if previous_fix is not None:
        metres = distance_m(previous_fix.lat, previous_fix.lon, fix.lat, fix.lon)
        unexplained = max(0.0, metres - previous_fix.accuracy_m - fix.accuracy_m)
        seconds = abs((as_utc(fix.at) - as_utc(previous_fix.at)).total_seconds())
        speed = math.inf if seconds == 0 else unexplained / seconds * 3.6
        if unexplained >= policy.jump_min_distance_m and speed > policy.max_speed_kmh:
            flags.append(IMPOSSIBLE_JUMP)
    return tuple(flags)
