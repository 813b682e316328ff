"""PP 94/2021 year-to-date discipline through the API: every level boundary, converted
minutes, the 10-consecutive-workdays rule, and the BKD watch-list's scope."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from api.models import RuleVersion
from tests.factories import daily_records

WEEKDAYS = [d for d in (date(2026, 1, 5) + timedelta(i) for i in range(54)) if d.weekday() < 5]
BOUNDARIES = [(2, None, None), (3, "ringan", "TEGURAN_LISAN"),
              (4, "ringan", "TEGURAN_TERTULIS"), (6, "ringan", "TEGURAN_TERTULIS"),
              (7, "ringan", "PERNYATAAN_TIDAK_PUAS"), (10, "ringan", "PERNYATAAN_TIDAK_PUAS"),
              (11, "sedang", "POTONG_TPP_25_6_BULAN"), (13, "sedang", "POTONG_TPP_25_6_BULAN"),
              (14, "sedang", "POTONG_TPP_25_9_BULAN"), (16, "sedang", "POTONG_TPP_25_9_BULAN"),
              (17, "sedang", "POTONG_TPP_25_12_BULAN"), (20, "sedang", "POTONG_TPP_25_12_BULAN"),
              (21, "berat", "TURUN_JABATAN_12_BULAN"), (24, "berat", "TURUN_JABATAN_12_BULAN"),
              (25, "berat", "JABATAN_PELAKSANA_12_BULAN"),
              (27, "berat", "JABATAN_PELAKSANA_12_BULAN"), (28, "berat", "PEMBERHENTIAN")]
NEXT_LEVEL = {2: 3, 3: 4, 4: 7, 6: 7, 7: 11, 10: 11, 11: 14, 13: 14, 14: 17, 16: 17, 17: 21,
              20: 21, 21: 25, 24: 25, 25: 28, 27: 28, 28: None}


def with_tk_days(world, key: str, count: int, opd: str = "a"):
    """An employee with `count` TK days: the last weekdays up to Feb 27 (present before)."""
    employee = world.add_person(key, opd, password=None)
    daily_records(employee, WEEKDAYS[len(WEEKDAYS) - count:], "TK")
    daily_records(employee, WEEKDAYS[:len(WEEKDAYS) - count], "H")
    return employee


def watch(client, world, who="admin", **params) -> dict:
    query = "&".join(f"{k}={v}" for k, v in {"year": 2026, **params}.items())
    response = client.get(f"/api/v1/discipline/watchlist?{query}", headers=world.headers(who))
    assert response.status_code == 200, response.json
    return {row["employee_id"]: row for row in response.json["rows"]} | {"_": response.json}


def test_every_pp94_boundary(client, world):
    people = {n: with_tk_days(world, f"tk{n}", n) for n, _, _ in BOUNDARIES}
    rows = watch(client, world, min_days=0)
    for n, level, penalty in BOUNDARIES:
        row = rows[people[n].id]
        assert (row["ytd_tk_days"], row["pp94_days"], row["pp94_level"],
                row["pp94_penalty_id"]) == (n, n, level, penalty), n
        assert row["next_level_at"] == NEXT_LEVEL[n]
    default = watch(client, world)
    assert people[2].id not in default and people[3].id in default  # from the first level
    assert default["_"]["counts_by_level"] == {"ringan": 5, "sedang": 6, "berat": 5}


def test_the_monthly_recap_shows_the_same_level(client, world):
    people = {n: with_tk_days(world, f"tk{n}", n) for n in (10, 11, 28)}
    response = client.get("/api/v1/recaps/monthly?month=2026-02",
                          headers=world.headers("admin"))
    rows = {r["employee_id"]: r for r in response.json["rows"]}
    assert rows[people[10].id]["pp94_level"] == "ringan"
    assert rows[people[11].id]["pp94_penalty_id"] == "POTONG_TPP_25_6_BULAN"
    assert rows[people[28].id]["pp94_penalty"].startswith("Pemberhentian")


@pytest.mark.parametrize(("late", "days", "level"), [(449, 2, None), (450, 3, "ringan")])
def test_late_and_early_minutes_convert_at_450_per_day(client, world, late, days, level):
    employee = with_tk_days(world, "menit", 2)
    daily_records(employee, [date(2026, 1, 2)], "H", late_minutes=late - 100,
                  early_minutes=100, late_tier=4, early_tier=4)
    row = watch(client, world, min_days=0)[employee.id]
    assert (row["pp94_days"], row["pp94_level"]) == (days, level)
    assert row["ytd_converted_days"] == round(late / 450, 4)


def test_the_conversion_switch_is_a_rule_parameter(client, world):
    employee = with_tk_days(world, "menit", 2)
    daily_records(employee, [date(2026, 1, 2)], "H", late_minutes=450, late_tier=4)
    # A rule version written as the admin endpoint writes it (that endpoint, with its
    # recompute, is tested in test_rule_params.py; a recompute would redo these records).
    RuleVersion.create(effective_from=date(2026, 1, 1),
                       params='{"convert_minutes_to_tk": false}', note="uji")
    row = watch(client, world, min_days=0)[employee.id]
    assert (row["ytd_converted_days"], row["pp94_days"], row["pp94_level"]) == (0.0, 2, None)


def streak_of(client, world, employee, month="2026-02") -> dict:
    response = client.get(f"/api/v1/recaps/monthly?month={month}",
                          headers=world.headers("admin"))
    return next(r for r in response.json["rows"] if r["employee_id"] == employee.id)


FEB = [d for d in (date(2026, 2, 2) + timedelta(i) for i in range(26)) if d.weekday() < 5]


@pytest.mark.parametrize(("statuses", "longest", "flag"), [
    (["TK"] * 9 + ["H"], 9, False),
    (["TK"] * 10, 10, True),  # a weekend between does not break the run
    (["TK"] * 5 + ["S"] + ["TK"] * 5, 5, False),  # an excused day does
    (["H"] + ["TK"] * 11, 11, True),
])
def test_ten_consecutive_workdays(client, world, statuses, longest, flag):
    employee = world.add_person("mangkir", "a", password=None)
    for day, status in zip(FEB, statuses, strict=False):
        daily_records(employee, [day], status)
    row = streak_of(client, world, employee)
    assert (row["longest_tk_streak"], row["consecutive_tk_flag"]) == (longest, flag)


def test_holidays_neither_count_nor_break_a_run(client, world):
    employee = world.add_person("mangkir", "a", password=None)
    daily_records(employee, [date(2026, 2, d) for d in (9, 10, 11, 12, 13, 18, 19, 20, 23,
                                                         24)], "TK")
    daily_records(employee, [date(2026, 2, 16), date(2026, 2, 17)], "LIBUR", workday=False)
    row = streak_of(client, world, employee)
    assert (row["longest_tk_streak"], row["consecutive_tk_flag"], row["tk_days"]) == (
        10, True, 10)


def test_a_run_across_the_month_boundary_is_seen_in_the_later_month(client, world):
    employee = world.add_person("mangkir", "a", password=None)
    daily_records(employee, [date(2026, 1, d) for d in (26, 27, 28, 29, 30)], "TK")
    daily_records(employee, [date(2026, 2, d) for d in (2, 3, 4, 5, 6)], "TK")
    daily_records(employee, [date(2026, 2, d) for d in (9, 10)], "H")
    january = streak_of(client, world, employee, "2026-01")
    february = streak_of(client, world, employee, "2026-02")
    assert (january["longest_tk_streak"], january["consecutive_tk_flag"]) == (5, False)
    assert (february["longest_tk_streak"], february["consecutive_tk_flag"]) == (10, True)
    assert february["ytd_tk_days"] == 10
    rows = watch(client, world)
    assert rows[employee.id]["consecutive_tk_flag"] is True
    assert rows["_"]["flagged_consecutive"] == 1


def test_a_run_that_began_last_year_is_flagged_on_this_years_watchlist(client, world):
    """Eight TK workdays at the end of December 2025 and two at the start of January 2026 are
    one run of ten: the 2026 watch-list flags it, though 2026 holds only two TK days (below
    every PP 94 level); nine in all are no run of ten, and nothing to show."""
    december = [date(2025, 12, d) for d in (15, 16, 17, 18, 19, 22, 23, 24)]
    january = [date(2026, 1, 2), date(2026, 1, 5)]
    across = world.add_person("mangkir", "a", password=None)
    daily_records(across, december + january, "TK")
    short = world.add_person("hampir", "a", password=None)
    daily_records(short, december[1:] + january, "TK")
    rows = watch(client, world)
    assert (rows[across.id]["longest_tk_streak"], rows[across.id]["consecutive_tk_flag"],
            rows[across.id]["ytd_tk_days"], rows[across.id]["pp94_level"]) == (10, True, 2,
                                                                               None)
    assert short.id not in rows


def test_watchlist_scope(client, world):
    mine = with_tk_days(world, "tk_a", 5, "a")
    theirs = with_tk_days(world, "tk_b", 5, "b")
    seen = watch(client, world, "kepala_a")
    assert mine.id in seen and theirs.id not in seen
    assert theirs.id in watch(client, world, "analis")
    for who, query in (("pegawai_a", ""), ("kepala_a", f"&opd={world.opds['b'].id}")):
        response = client.get(f"/api/v1/discipline/watchlist?year=2026{query}",
                              headers=world.headers(who))
        assert response.status_code == 403
    bad = client.get("/api/v1/discipline/watchlist?year=26", headers=world.headers("admin"))
    assert bad.status_code == 422
