"""Monthly recap (Lampiran II) and daily sheet (Lampiran I) on the hand-computed February."""
from __future__ import annotations

from datetime import date

import pytest

from api.models import DailyRecord
from api.rules.daily_status import DayResult
from api.rules.discipline import longest_tk_streak, pp94_level, tk_equivalent_days, tpp_for_days
from api.rules.policy import Policy
from api.rules.recap import month_recap
from tests.api.recaps import recap_month
from tests.api.recaps.recap_month import EXPECTED

URL = "/api/v1/recaps/monthly?month=2026-02"


@pytest.fixture(scope="module")
def month(tmp_path_factory, postgres_url):
    yield from recap_month.app_with_month(tmp_path_factory.mktemp("recap"), postgres_url)


@pytest.fixture(scope="module")
def pemda(month) -> dict:
    response = month.get(URL)
    assert response.status_code == 200, response.json
    return response.json


def test_one_row_per_person_and_opd_and_nobody_else(month, pemda):
    assert set(month.keyed(pemda["rows"])) == set(EXPECTED)
    assert pemda["month_label"] == "Februari 2026"
    assert pemda["policy"]["late_codes"] == ["TL1", "TL2", "TL3", "TL4"]


@pytest.mark.parametrize("key", sorted(EXPECTED), ids=lambda k: "-".join(k))
def test_every_column_equals_the_hand_computed_value(month, pemda, key):
    row = month.keyed(pemda["rows"])[key]
    for column, expected in EXPECTED[key].items():
        assert row[column] == pytest.approx(expected), column
    person = month.people[key[0]]
    assert (row["nip"], row["name"], row["jabatan"]) == (person.nip, person.name, "Staf")
    assert row["unit_name"] == month.world.units[key[1]].name


def test_recap_agrees_with_the_pure_rules_day_by_day(month, pemda):
    """The set-based sums equal month_recap / tpp_for_days / pp94_level on the records."""
    policy = Policy()
    for (key, opd_key), row in month.keyed(pemda["rows"]).items():
        person, opd = month.people[key], month.world.opds[opd_key]
        days = [DayResult(r.work_date, r.workday, r.status, late_minutes=r.late_minutes,
                          early_minutes=r.early_minutes, late_tier=r.late_tier,
                          early_tier=r.early_tier)
                for r in DailyRecord.select().where(
                    DailyRecord.employee == person.id, DailyRecord.opd == opd.id,
                    DailyRecord.work_date.between(date(2026, 2, 1), date(2026, 2, 28)))
                .order_by(DailyRecord.work_date)]
        counted = [r for r in days if r.workday and r.status != "LIBUR"]
        recap = month_recap(days)
        assert (row["workdays"], row["present_days"], row["tk_days"], row["leave_days"],
                row["izin_days"], row["late_minutes"]) == (
            recap.workdays, recap.present_days, recap.tk_days, recap.leave_days,
            recap.izin_days, recap.late_minutes)
        assert row["attendance_percent"] == recap.attendance_percent
        assert row["tpp_percent"] == tpp_for_days(counted, policy).percent
        exact = tk_equivalent_days(row["ytd_tk_days"], row["ytd_late_minutes"],
                                   row["ytd_early_minutes"], policy)
        assert row["pp94_level"] == pp94_level(exact, policy).level
        if opd_key == month.opd_key(person.opd_id) and key != "pindah":
            assert row["longest_tk_streak"] == longest_tk_streak([r.status for r in counted])


def test_opd_totals_and_the_head_who_signs(month, pemda):
    opds = {month.opd_key(o["opd_id"]): o for o in pemda["opds"]}
    assert set(opds) == {"a", "b", "c"}
    a = opds["a"]
    assert (a["employees"], a["workdays"], a["tk_days"], a["leave_days"], a["izin_days"]) == (
        5, 78, 3, 8, 2)
    assert a["late_minutes"] == 235 and a["attendance_percent"] == round(100 * 65 / 78, 2)
    kepala = month.world.people["kepala_a"]
    assert a["head"] == {"name": kepala.name, "nip": kepala.nip, "jabatan": "Staf"}
    assert opds["b"]["consecutive_tk_employees"] == 1 and opds["b"]["pp94_employees"] == 1
    assert opds["c"]["head"] is None


@pytest.mark.parametrize(("who", "query", "status", "opds"), [
    ("analis", "", 200, {"a", "b", "c"}),
    ("kepala_a", "", 200, {"a"}),
    ("operator_b", "", 200, {"b"}),
    ("kepala_a", "&opd={a}", 200, {"a"}),
    ("kepala_a", "&opd={b}", 403, None),
    ("operator_a", "&opd={b}", 403, None),
    ("atasan_a", "", 403, None),
    ("pegawai_a", "&opd={a}", 403, None),
])
def test_scope(month, who, query, status, opds):
    ids = {k: o.id for k, o in month.world.opds.items()}
    response = month.get(URL + query.format(**ids), who)
    assert response.status_code == status
    if opds is not None:
        assert {month.opd_key(r["opd_id"]) for r in response.json["rows"]} == opds
    else:
        assert response.json["error"]["code"] in ("FORBIDDEN", "OUT_OF_SCOPE")


def test_one_opd_recap_equals_its_share_of_the_pemda(month, pemda):
    b = month.get(f"{URL}&opd={month.world.opds['b'].id}", "kepala_b").json
    assert b["opd_ids"] == [month.world.opds["b"].id]
    mine = [r for r in pemda["rows"] if r["opd_id"] == month.world.opds["b"].id]
    for got, want in zip(b["rows"], mine, strict=True):  # YTD includes the days in OPD a
        assert {k: v for k, v in got.items() if v != want[k]} == {}


@pytest.mark.parametrize(("query", "field"), [
    ("month=2026-13", "month"), ("month=Feb-2026", "month"), ("", "month"),
    ("month=2026-02&format=csv", "format"), ("month=1999-12", "month")])
def test_bad_queries_are_refused(month, query, field):
    response = month.get(f"/api/v1/recaps/monthly?{query}")
    assert response.status_code == 422
    assert field in response.json["error"]["details"]


def test_unknown_opd_is_not_found(month):
    assert month.get(f"{URL}&opd=99999").status_code == 404


def test_a_month_without_records_is_empty(month):
    body = month.get("/api/v1/recaps/monthly?month=2025-06").json
    assert body["rows"] == [] and body["opds"] == []


def sheet(month, day: int, opd: str, who: str = "kepala_a") -> dict:
    response = month.get(f"/api/v1/recaps/daily?date=2026-02-{day:02d}"
                         f"&opd={month.world.opds[opd].id}", who)
    assert response.status_code == 200, response.json
    return {r["name"]: r for r in response.json["rows"]} | {"_": response.json}


def test_daily_sheet_codes_times_and_remarks(month):
    day = sheet(month, 19, "a")
    assert day["_"]["date_label"] == "Kamis, 19 Februari 2026"
    assert day["Batal"]["code"] == "TK" and day["Batal"]["check_in"] == "06:50"
    assert day["Batal"]["remarks"] == "Kehadiran dibatalkan (Pasal 13)"
    assert day["Rajin"]["check_in"] == "06:50" and day["Rajin"]["check_out"] == "15:05"
    assert "Pindah" not in day  # on Feb 19 the mutated employee is in OPD b
    early = sheet(month, 2, "a")
    assert (early["Absen"]["code"], early["Absen"]["remarks"]) == ("C", "Cuti tahunan")
    assert early["Telat"]["remarks"] == "Terlambat 15 menit"
    assert sheet(month, 5, "a")["Absen"]["code"] == "DL"
    assert sheet(month, 10, "a")["Absen"]["code"] == "I"
    assert sheet(month, 9, "a")["Telat"]["remarks"] == "Tidak presensi masuk"


def test_daily_sheet_overnight_shift_and_holidays(month):
    night = sheet(month, 4, "b", "kepala_b")
    assert (night["Shift"]["check_in"], night["Shift"]["check_out"]) == ("20:55", "07:02 (+1)")
    cuti_bersama = sheet(month, 16, "a")
    assert cuti_bersama["_"]["holiday"] == "Cuti Bersama Tahun Baru Imlek"
    assert cuti_bersama["Rajin"]["remarks"] == "Cuti Bersama Tahun Baru Imlek"
    assert cuti_bersama["Rajin"]["check_in"] is None  # punches on a day off are not counted
    assert sheet(month, 25, "a")["Rajin"]["remarks"] == "Hari Jadi Kabupaten Jember"


def test_daily_sheet_needs_an_opd_in_scope(month):
    base = f"/api/v1/recaps/daily?date=2026-02-19&opd={month.world.opds['b'].id}"
    assert month.get(base, "kepala_a").status_code == 403
    assert month.get("/api/v1/recaps/daily?date=2026-02-19", "admin").status_code == 422


def test_the_month_tally_equals_the_daily_records_it_was_kept_from(month):
    """Every flow that built the month (check-ins, absences, a cancellation, a mutation, shifts)
    went through the daily engine; the tally it kept must hold exactly what grouping the
    records now gives, and nothing for days that are no workday."""
    from collections import Counter

    from api.models import MonthTally

    expected: Counter = Counter()
    minutes: Counter = Counter()
    for r in DailyRecord.select():
        if r.workday and r.status != "LIBUR":
            key = (r.employee_id, r.work_date.replace(day=1), r.opd_id, r.unit_id, r.status,
                   r.late_tier, r.early_tier)
            expected[key] += 1
            minutes[key] += r.late_minutes * 1000 + r.early_minutes
    kept = {(t.employee_id, t.month, t.opd_id, t.unit_id, t.status, t.late_tier, t.early_tier):
            (t.days, t.late_minutes * 1000 + t.early_minutes) for t in MonthTally.select()}
    assert len(expected) > 20
    assert kept == {key: (days, minutes[key]) for key, days in expected.items()}
