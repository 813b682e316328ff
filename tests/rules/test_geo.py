"""Geofence matching with accuracy, fix validation and location fraud flags."""
from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

import pytest

from api.rules.geo import (
    EARTH_RADIUS_M,
    Geofence,
    GpsFix,
    distance_m,
    implied_speed_kmh,
    location_flags,
    match_geofence,
    validate_fix,
)
from api.rules.policy import Policy
from api.rules.tz import WIB, WITA

ONE_DEGREE_M = math.pi * EARTH_RADIUS_M / 180  # 111 195.08 m
# Offices (approximate): Pemkab Jember, Pemkot Bontang, and a Kantor Kecamatan (Pasal 10(2)).
JEMBER = Geofence(1, "Kantor Pemkab Jember", -8.1690, 113.7020, 100, WIB)
KECAMATAN = Geofence(2, "Kantor Kecamatan Ajung", -8.2280, 113.6650, 150, WIB)
BONTANG = Geofence(3, "Kantor Wali Kota Bontang", 0.1330, 117.5000, 100, WITA)
T0 = datetime(2026, 8, 18, 0, 0, tzinfo=UTC)


def north_of(fence: Geofence, metres: float) -> tuple[float, float]:
    return fence.lat + metres / ONE_DEGREE_M, fence.lon


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ((0, 0), (0, 0), 0.0),
        ((0, 0), (1, 0), ONE_DEGREE_M),
        ((0, 0), (0, 1), ONE_DEGREE_M),
        ((-8, 113), (-7, 113), ONE_DEGREE_M),
        ((0, 0), (0, 90), math.pi * EARTH_RADIUS_M / 2),
        ((0, 0), (0, 180), math.pi * EARTH_RADIUS_M),
        ((90, 0), (-90, 0), math.pi * EARTH_RADIUS_M),
    ],
)
def test_distance(a, b, expected):
    assert distance_m(*a, *b) == pytest.approx(expected, abs=1e-6)
    assert distance_m(*b, *a) == pytest.approx(expected, abs=1e-6)


def test_one_degree_is_111_km():
    assert ONE_DEGREE_M == pytest.approx(111_195.08, abs=0.01)


@pytest.mark.parametrize(
    ("metres", "accuracy", "inside"),
    [
        (0, 5, True),
        (99, 0, True),
        (100.01, 0, False),
        (101, 0, False),
        (150, 60, True),  # 150 − 60 = 90 ≤ 100
        (150, 50.01, True),
        (150, 49.99, False),
        (150, 40, False),  # 150 − 40 = 110 > 100
        (1000, 899.5, False),
        (1000, 900.5, True),
    ],
)
def test_inside_means_distance_minus_accuracy_within_radius(metres, accuracy, inside):
    lat, lon = north_of(JEMBER, metres)
    match = match_geofence(lat, lon, accuracy, [JEMBER])
    assert match.inside is inside
    assert match.fence == JEMBER
    assert match.distance_m == pytest.approx(metres, abs=0.01)


@pytest.mark.parametrize("metres", [0.0, 100.0, 150.0, 199.0])  # d − r is exact here
def test_exactly_on_the_boundary_is_inside(metres):
    lat, lon = north_of(JEMBER, metres)
    measured = distance_m(lat, lon, JEMBER.lat, JEMBER.lon)
    accuracy = max(0.0, measured - JEMBER.radius_m)
    assert match_geofence(lat, lon, accuracy, [JEMBER]).inside


def test_accuracy_credit_can_be_capped():
    lat, lon = north_of(JEMBER, 1000)
    assert match_geofence(lat, lon, 950, [JEMBER]).inside
    assert not match_geofence(lat, lon, 950, [JEMBER], max_accuracy_credit_m=100).inside
    assert match_geofence(lat, lon, 50, [JEMBER], max_accuracy_credit_m=1000).inside is False


def test_inside_fence_is_preferred_over_a_nearer_outside_one():
    # 200 m from a small fence, but inside a big one whose centre is further away.
    small = Geofence(10, "Pos kecil", 0.0, 0.0, 50, WIB)
    big = Geofence(11, "Kompleks besar", 300 / ONE_DEGREE_M, 0.0, 1000, WIB)
    lat, lon = -200 / ONE_DEGREE_M, 0.0
    match = match_geofence(lat, lon, 10, [small, big])
    assert (match.fence, match.inside) == (big, True)


def test_outside_every_fence_reports_the_nearest():
    lat, lon = north_of(KECAMATAN, 2000)
    match = match_geofence(lat, lon, 10, [JEMBER, KECAMATAN, BONTANG])
    assert (match.fence, match.inside) == (KECAMATAN, False)
    assert match.distance_m == pytest.approx(2000, abs=0.01)


def test_no_fences():
    match = match_geofence(-8.1690, 113.7020, 10, [])
    assert (match.fence, match.distance_m, match.inside) == (None, None, False)


@pytest.mark.parametrize(
    ("lat", "lon", "accuracy", "message"),
    [
        (91, 0, 10, "Lintang"),
        (-90.0001, 0, 10, "Lintang"),
        (0, 180.5, 10, "Bujur"),
        (0, -181, 10, "Bujur"),
        (float("nan"), 0, 10, "terhingga"),
        (0, float("inf"), 10, "terhingga"),
        (0, 0, float("nan"), "terhingga"),
        (0, 0, -1, "Akurasi"),
        (True, 0, 10, "angka"),
        ("-8.1", 113.7, 10, "angka"),
        (-8.1, 113.7, None, "angka"),
    ],
)
def test_validate_fix_rejects_impossible_values(lat, lon, accuracy, message):
    with pytest.raises(ValueError, match=message):
        validate_fix(lat, lon, accuracy)


@pytest.mark.parametrize(
    ("lat", "lon", "accuracy"), [(90, 180, 0), (-90, -180, 0.0), (-8.169, 113.702, 4.5)]
)
def test_validate_fix_accepts_edges(lat, lon, accuracy):
    validate_fix(lat, lon, accuracy)


@pytest.mark.parametrize(
    ("metres", "seconds", "kmh"),
    [(100_000, 3600, 100.0), (1000, 3.6, 1000.0), (0, 60, 0.0), (0, 0, 0.0), (10, 0, math.inf),
     (100_000, -3600, 100.0)],
)  # fmt: skip
def test_implied_speed(metres, seconds, kmh):
    lat, lon = metres / ONE_DEGREE_M, 0.0
    speed = implied_speed_kmh(0.0, 0.0, T0, lat, lon, T0 + timedelta(seconds=seconds))
    assert speed == pytest.approx(kmh, rel=1e-9)


def fix(lat, lon, accuracy=10.0, seconds=0.0, mock=False):
    return GpsFix(lat, lon, accuracy, T0 + timedelta(seconds=seconds), mock)


AT_JEMBER = fix(JEMBER.lat, JEMBER.lon)


@pytest.mark.parametrize(
    ("current", "previous", "flags"),
    [
        (AT_JEMBER, None, ()),
        (fix(JEMBER.lat, JEMBER.lon, mock=True), None, ("MOCK_LOCATION",)),
        (fix(JEMBER.lat, JEMBER.lon, accuracy=100), None, ()),  # the limit itself is fine
        (fix(JEMBER.lat, JEMBER.lon, accuracy=100.5), None, ("LOW_ACCURACY",)),
        # Jember → Bontang (~1 100 km) in 30 minutes.
        (fix(BONTANG.lat, BONTANG.lon, seconds=1800), AT_JEMBER, ("IMPOSSIBLE_JUMP",)),
        # Jember → Bontang in 5 hours: a plane, not fraud.
        (fix(BONTANG.lat, BONTANG.lon, seconds=5 * 3600), AT_JEMBER, ()),
        # 300 m in one second is GPS jitter below the 1 km floor.
        (fix(*north_of(JEMBER, 300), seconds=1), AT_JEMBER, ()),
        (fix(*north_of(JEMBER, 2000), seconds=10), AT_JEMBER, ("IMPOSSIBLE_JUMP",)),
        (fix(*north_of(JEMBER, 2000), seconds=60), AT_JEMBER, ()),  # 120 km/h
        # 1.5 km apart, but both fixes claim 1 km accuracy: nothing unexplained.
        (fix(*north_of(JEMBER, 1500), accuracy=1000, seconds=1),
         fix(JEMBER.lat, JEMBER.lon, accuracy=1000), ("LOW_ACCURACY",)),
        # Two distant fixes at the same instant.
        (fix(*north_of(JEMBER, 5000)), AT_JEMBER, ("IMPOSSIBLE_JUMP",)),
        (fix(BONTANG.lat, BONTANG.lon, accuracy=500, seconds=600, mock=True), AT_JEMBER,
         ("MOCK_LOCATION", "LOW_ACCURACY", "IMPOSSIBLE_JUMP")),
    ],
)  # fmt: skip
def test_location_flags(policy, current, previous, flags):
    assert location_flags(current, previous, policy) == flags


@pytest.mark.parametrize(
    ("changes", "flags"),
    [
        ({"max_speed_kmh": 1000}, ()),  # 2 km in 10 s = 720 km/h
        ({"max_speed_kmh": 700}, ("IMPOSSIBLE_JUMP",)),
        ({"jump_min_distance_m": 2500}, ()),
        ({"geofence_max_accuracy_m": 5}, ("LOW_ACCURACY", "IMPOSSIBLE_JUMP")),
    ],
)
def test_flag_limits_are_policy(changes, flags):
    current = fix(*north_of(JEMBER, 2000), seconds=10)
    assert location_flags(current, AT_JEMBER, Policy.from_dict(changes)) == flags
