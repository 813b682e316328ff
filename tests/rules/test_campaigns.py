"""Campaign rules (SiAbOn): windows in the employee's own zone, the zone, window statuses."""
from __future__ import annotations

from datetime import date, time

import pytest

from api.rules.campaigns import (
    Window,
    Zone,
    campaign_dates,
    compliance_percent,
    inside_zone,
    status,
    window_at,
    window_problems,
    zone_problems,
)
from api.rules.tz import WIB, WIT, WITA

from .helpers import at

SIABON = (Window(time(7), time(9)), Window(time(15), time(17)))  # 07–09 and 15–17
EID = date(2020, 5, 24)


@pytest.mark.parametrize(("clock", "tz_of_clock", "employee_tz", "expected"), [
    ("07:00", WIB, WIB, (EID, 0)),
    ("08:59:59", WIB, WIB, (EID, 0)),
    ("09:00", WIB, WIB, None),  # the end is exclusive
    ("06:59", WIB, WIB, None),
    ("06:30", WIB, WITA, (EID, 0)),  # 07:30 WITA: inside for a Makassar office
    ("06:30", WIB, WIT, (EID, 0)),  # 08:30 WIT
    ("08:30", WIB, WIT, None),  # 10:30 WIT: that window is over in Jayapura
    ("15:30", WITA, WIB, None),  # 14:30 WIB: between the two windows in Jember
    ("16:30", WIB, WIB, (EID, 1)),
    ("23:30", WIB, WIT, None),  # 01:30 WIT the next day
])
def test_a_window_is_kept_in_the_employees_own_zone(clock, tz_of_clock, employee_tz, expected):
    moment = at(EID, clock, tz_of_clock)
    assert window_at(SIABON, moment, employee_tz) == expected


def test_the_local_date_is_the_employees():
    moment = at(EID, "23:30", WIB)  # 01:30 WIT on 25 May
    late = (Window(time(1), time(3)),)
    assert window_at(late, moment, WIT) == (date(2020, 5, 25), 0)


@pytest.mark.parametrize(("windows", "problem"), [
    ((Window(time(9), time(7)),), "jam selesai harus setelah jam mulai"),
    ((Window(time(7), time(7, 10)),), "paling singkat 15 menit"),
    ((Window(time(7), time(9)), Window(time(8), time(10))), "tumpang tindih"),
    ((), "Minimal satu jendela"),
])
def test_bad_windows_are_named(windows, problem):
    assert any(problem in text for text in window_problems(windows))


def test_two_siabon_windows_are_fine():
    assert window_problems(SIABON) == []
    assert window_problems((Window(time(7), time(9)), Window(time(9), time(11)))) == []


JAMBI = Zone("polygon", points=((-1.40, 103.45), (-1.40, 103.75), (-1.75, 103.75),
                                (-1.75, 103.45)))
KANTOR = Zone("circle", lat=-1.6101, lon=103.6131, radius_m=20_000)


@pytest.mark.parametrize(("zone", "lat", "lon", "inside"), [
    (JAMBI, -1.61, 103.61, True),  # Kota Jambi
    (JAMBI, -0.95, 100.35, False),  # Padang: mudik
    (KANTOR, -1.62, 103.60, True),
    (KANTOR, -1.85, 103.61, False),  # ~27 km south
    (Zone("none"), -6.2, 106.8, True),  # no zone: anywhere
])
def test_zone_membership(zone, lat, lon, inside):
    assert inside_zone(zone, lat, lon) is inside


@pytest.mark.parametrize(("zone", "problem"), [
    (Zone("circle", lat=-1.6), "titik pusat"),
    (Zone("polygon", points=((0, 0), (1, 1))), "paling sedikit 3 titik"),
    (Zone("circle", lat=95, lon=0, radius_m=10), "tidak valid"),
    (Zone("bulat"), "tidak dikenal"),
])
def test_bad_zones_are_named(zone, problem):
    assert any(problem in text for text in zone_problems(zone))


def test_a_campaign_covers_its_holidays_and_cuti_bersama():
    days = campaign_dates(date(2020, 5, 21), date(2020, 5, 25))  # Idul Fitri and cuti bersama
    assert days == [date(2020, 5, d) for d in range(21, 26)]


@pytest.mark.parametrize(("reported", "excused", "clock", "expected"), [
    (True, False, "08:00", "reported"),
    (True, True, "10:00", "reported"),  # a report counts even with an excuse
    (False, True, "10:00", "excused"),
    (False, False, "09:00", "missed"),
    (False, False, "08:00", "open"),
    (False, False, "06:00", "upcoming"),
])
def test_window_status(reported, excused, clock, expected):
    now = at(EID, clock, WIB)
    assert status(reported, excused, EID, SIABON[0], WIB, now) == expected


def test_compliance_counts_only_decided_windows():
    assert compliance_percent({"reported": 6, "excused": 1, "missed": 3, "open": 40}) == 70.0
    assert compliance_percent({"upcoming": 10}) is None
