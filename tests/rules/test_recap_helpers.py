"""Pure helpers of the recap service: Indonesian dates, status buckets, remarks, day cost."""
from __future__ import annotations

from datetime import date

import pytest

from api.rules.codes import CODES
from api.rules.daily_status import DayResult
from api.rules.discipline import day_cost, tpp_for_days
from api.rules.policy import Policy
from api.rules.recap import date_label, day_remarks, month_label, month_recap, status_bucket

D = date(2026, 3, 2)


@pytest.mark.parametrize(("year", "month", "text"), [
    (2026, 1, "Januari 2026"), (2026, 2, "Februari 2026"), (2026, 3, "Maret 2026"),
    (2026, 5, "Mei 2026"), (2026, 8, "Agustus 2026"), (2025, 12, "Desember 2025")])
def test_month_label(year, month, text):
    assert month_label(year, month) == text


@pytest.mark.parametrize(("day", "text"), [
    (date(2026, 3, 2), "Senin, 2 Maret 2026"), (date(2026, 2, 27), "Jumat, 27 Februari 2026"),
    (date(2026, 3, 1), "Minggu, 1 Maret 2026"), (date(2026, 8, 17), "Senin, 17 Agustus 2026")])
def test_date_label(day, text):
    assert date_label(day) == text


@pytest.mark.parametrize("code", sorted(CODES))
def test_bucket_agrees_with_month_recap(code):
    """The set-based recap sums buckets; month_recap is the rule they must agree with."""
    if code == "LIBUR":
        assert month_recap([DayResult(D, True, code)]).workdays == 0
        return
    recap = month_recap([DayResult(D, True, code)])
    counted = {"present": recap.present_days, "tk": recap.tk_days, "leave": recap.leave_days,
               "izin": recap.izin_days, "pending": recap.pending_days}
    bucket = status_bucket(code)
    assert {k for k, v in counted.items() if v} == ({bucket} if bucket else set())


def test_unknown_status_has_no_bucket():
    with pytest.raises(ValueError, match="tidak dikenal"):
        status_bucket("XX")


@pytest.mark.parametrize(("args", "text"), [
    (("H", 0, 0, "app", False), ""),
    (("H", 12, 0, "app", False), "Terlambat 12 menit"),
    (("H", 12, 40, "app", False), "Terlambat 12 menit; pulang 40 menit lebih awal"),
    (("WFH", 0, 0, "app", False), "Bekerja dari rumah / tugas luar kantor"),
    (("TM", 0, 5, "app", False), "Tidak presensi masuk; pulang 5 menit lebih awal"),
    (("TP", 31, 0, "app", False), "Tidak presensi pulang; terlambat 31 menit"),
    (("TK", 0, 0, "system", False), "Tanpa keterangan"),
    (("TK", 0, 0, "cancellation", False), "Kehadiran dibatalkan (Pasal 13)"),
    (("DL", 0, 0, "absence", False), "Dinas luar / perjalanan dinas"),
    (("H", 0, 0, "manual", False), "Entri manual operator"),
    (("H", 3, 0, "correction", False), "Terlambat 3 menit; dikoreksi operator"),
    (("BELUM", 0, 0, "system", True), "Belum presensi; ada pengajuan menunggu persetujuan"),
    (("LIBUR", 0, 0, "system", False), "Libur"),
])
def test_day_remarks(args, text):
    assert day_remarks(*args) == text


def test_day_remarks_names_the_holiday():
    assert day_remarks("LIBUR", 0, 0, "system", False, "Hari Raya Nyepi") == "Hari Raya Nyepi"


def r(status="H", late=0, early=0):
    return DayResult(D, True, status, late_tier=late, early_tier=early)


@pytest.mark.parametrize(("changes", "day", "cost"), [
    ({}, r(late=1), (0.5, 0.0)),
    ({}, r(late=4, early=4), (3.0, 0.0)),
    ({}, r("TK"), (3.0, 0.0)),
    ({}, r("I"), (2.5, 0.0)),
    ({}, r("DL"), (0.0, 0.0)),
    ({"tpp_rates": {"TL4": 2, "PSW4": 2}, "tpp_daily_cap": 3}, r(late=4, early=4), (4.0, 1.0)),
    ({"tpp_daily_cap": 3}, r("TK"), (3.0, 0.0)),
])
def test_day_cost_is_tpp_for_days_of_one_day(changes, day, cost):
    policy = Policy.from_dict(changes)
    assert day_cost(day, policy) == cost
    single = tpp_for_days([day], policy)
    assert (single.uncapped, single.daily_cap_reduction) == cost
