"""Holiday calendar: the `holidays` package (public + cuti bersama) and admin changes."""
from __future__ import annotations

from datetime import date

import pytest

from api.rules.calendar import LocalDay, build_calendar


@pytest.mark.parametrize(
    ("day", "name", "kind"),
    [
        (date(2026, 1, 1), "Tahun Baru Masehi", "public"),
        (date(2026, 3, 20), "Cuti Bersama Hari Raya Idul Fitri", "cuti_bersama"),
        (date(2026, 3, 21), "Hari Raya Idul Fitri", "public"),
        (date(2026, 3, 22), "Hari kedua dari Hari Raya Idul Fitri", "public"),
        (date(2026, 3, 23), "Cuti Bersama Hari Raya Idul Fitri", "cuti_bersama"),
        (date(2026, 3, 24), "Cuti Bersama Hari Raya Idul Fitri", "cuti_bersama"),
        (date(2026, 8, 17), "Hari Kemerdekaan Republik Indonesia", "public"),
        (date(2026, 12, 24), "Cuti Bersama Hari Raya Natal", "cuti_bersama"),
        (date(2026, 12, 25), "Hari Raya Natal", "public"),
        (date(2025, 8, 18), "Cuti Bersama Hari Kemerdekaan Republik Indonesia", "cuti_bersama"),
        (date(2025, 3, 31), "Hari Raya Idul Fitri", "public"),
    ],
)
def test_package_days_in_indonesian_with_kind(calendar, day, name, kind):
    holiday = calendar.get(day)
    assert holiday is not None
    assert (holiday.date, holiday.name, holiday.kind) == (day, name, kind)
    assert day in calendar


@pytest.mark.parametrize("day", [date(2026, 8, 18), date(2026, 3, 25), date(2026, 12, 23)])
def test_ordinary_days_are_not_holidays(calendar, day):
    assert calendar.get(day) is None
    assert day not in calendar


def test_government_category_is_cuti_bersama(calendar):
    kinds = {h.kind for h in calendar}
    assert kinds == {"public", "cuti_bersama"}
    for holiday in calendar:
        assert holiday.name.startswith("Cuti Bersama") == (holiday.kind == "cuti_bersama")


def test_names_are_not_english(calendar):
    for holiday in calendar:
        assert "Day" not in holiday.name and "Holiday" not in holiday.name


def test_iteration_is_sorted_and_sized(calendar):
    days = [h.date for h in calendar]
    assert days == sorted(days)
    assert len(calendar) == len(days) > 60


def test_covers_loaded_years_only(calendar):
    assert calendar.covers(date(2026, 6, 1))
    assert not calendar.covers(date(2030, 6, 1))


BONTANG = LocalDay(date(2026, 10, 12), "Hari Jadi Kota Bontang")


def test_local_addition():
    cal = build_calendar([2026], additions=[BONTANG])
    holiday = cal.get(date(2026, 10, 12))
    assert holiday is not None
    assert (holiday.name, holiday.kind) == ("Hari Jadi Kota Bontang", "local")


def test_removal_beats_package():
    cal = build_calendar([2026], removals=[date(2026, 12, 24)])
    assert date(2026, 12, 24) not in cal
    assert date(2026, 12, 25) in cal


def test_addition_on_removed_date_counts():
    replaced = LocalDay(date(2026, 12, 24), "Libur Daerah Pengganti")
    cal = build_calendar([2026], additions=[replaced], removals=[date(2026, 12, 24)])
    holiday = cal.get(date(2026, 12, 24))
    assert holiday is not None
    assert (holiday.name, holiday.kind) == ("Libur Daerah Pengganti", "local")


def test_addition_on_package_day_renames_it():
    renamed = LocalDay(date(2026, 8, 17), " HUT RI ke-81 ", "public")
    cal = build_calendar([2026], additions=[renamed])
    holiday = cal.get(date(2026, 8, 17))
    assert holiday is not None
    assert (holiday.name, holiday.kind) == ("HUT RI ke-81", "public")


def test_announced_cuti_bersama_missing_from_package():
    extra = LocalDay(date(2026, 8, 18), "Cuti Bersama Hari Kemerdekaan", "cuti_bersama")
    holiday = build_calendar([2026], additions=[extra]).get(date(2026, 8, 18))
    assert holiday is not None and holiday.kind == "cuti_bersama"


def test_removing_a_day_that_is_no_holiday_is_harmless():
    assert len(build_calendar([2026], removals=[date(2026, 8, 18)])) == len(build_calendar([2026]))


def test_empty_calendar():
    cal = build_calendar([])
    assert len(cal) == 0
    assert not cal.covers(date(2026, 1, 1))


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"name": "Libur", "kind": "regional"}, "Jenis hari libur"),
        ({"name": "  ", "kind": "local"}, "Nama hari libur"),
    ],
)
def test_local_day_validation(kwargs, message):
    with pytest.raises(ValueError, match=message):
        LocalDay(date(2026, 10, 12), **kwargs)
