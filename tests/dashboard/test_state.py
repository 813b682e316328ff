"""Pure helpers: pages per role, the filters in the URL, formatting, ZIP bundles."""
from __future__ import annotations

import io
import zipfile
from datetime import date

import pytest

from dashboard import exports, fmt, state
from dashboard.state import Filters

TODAY = date(2026, 3, 10)
UNITS = {14: 4, 15: 4, 1: 1}


@pytest.mark.parametrize(("roles", "pages"), [
    ({"pegawai"}, ["pegawai"]),
    ({"pegawai", "atasan"}, ["beranda", "persetujuan", "pegawai", "perubahan"]),
    ({"pegawai", "atasan", "kepala_opd"}, ["beranda", "persetujuan", "monitoring", "kampanye",
                                           "pegawai", "perubahan"]),
    ({"pegawai", "operator"}, ["beranda", "persetujuan", "monitoring", "kampanye", "pegawai",
                               "kelola", "perubahan", "gangguan"]),
    ({"pegawai", "analis"}, ["beranda", "monitoring", "kampanye", "analitik", "pegawai"]),
    ({"pegawai", "admin"}, ["beranda", "persetujuan", "monitoring", "kampanye", "analitik",
                            "pegawai", "kelola", "perubahan", "gangguan", "audit",
                            "pengaturan"]),
])
def test_pages_per_role(roles, pages):
    assert [p.slug for p in state.visible_pages(roles)] == pages


def test_only_pegawai_does_not_supervise():
    assert not state.supervises({"pegawai"})
    assert state.supervises({"pegawai", "atasan"})


def test_month_options_go_back_a_year():
    months = state.month_options(TODAY)
    assert months[0] == "2026-03" and months[2] == "2026-01" and months[3] == "2025-12"
    assert len(months) == 13


def test_month_helpers():
    assert state.month_label("2026-02") == "Februari 2026"
    assert state.month_end("2026-02") == date(2026, 2, 28)
    assert state.month_end("2025-12") == date(2025, 12, 31)
    assert Filters("2026-02").first_day == date(2026, 2, 1)


def test_filters_round_trip_through_the_url():
    chosen = Filters("2026-02", 4, 15, "PPPK")
    params = state.filter_params(chosen)
    assert params == {"bulan": "2026-02", "opd": "4", "unit": "15", "jenis": "PPPK"}
    assert state.parse_filters(params, TODAY, [1, 4], UNITS, None) == chosen


def test_a_link_cannot_widen_the_scope_or_mix_units_and_opds():
    link = {"bulan": "1999-01", "opd": "1", "unit": "1", "jenis": "RAJA"}
    parsed = state.parse_filters(link, TODAY, [4], UNITS, 4)  # a kepala OPD of OPD 4
    assert parsed == Filters("2026-03", 4, None, None)
    mixed = state.parse_filters({"opd": "1", "unit": "15"}, TODAY, [1, 4], UNITS, None)
    assert mixed == Filters("2026-03", 1, None, None)  # unit 15 belongs to OPD 4


def test_empty_filters_leave_the_url_short():
    assert state.filter_params(Filters("2026-03")) == {"bulan": "2026-03"}
    assert state.parse_filters({}, TODAY, [1, 4], UNITS, None) == Filters("2026-03")


def test_formatting_in_indonesian():
    assert fmt.moment("2026-03-15T23:24:00Z", "Asia/Jakarta") == "16 Mar 2026 06:24"
    assert fmt.moment("2026-03-15 23:24:00", "Asia/Makassar") == "16 Mar 2026 07:24"
    assert fmt.clock("2026-03-09T23:56:52.86Z", "Asia/Jakarta") == "06:56"
    assert fmt.day("2026-08-17") == "17 Agustus 2026"
    assert fmt.percent(98.456) == "98,5%" and fmt.percent(None) == "–"
    assert fmt.score(0.95) == "0,950"
    assert fmt.metres(3600) == "3,6 km" and fmt.metres(46.2) == "46 m"


def test_zip_files_holds_every_workbook():
    archive = zipfile.ZipFile(io.BytesIO(exports.zip_files({"a.xlsx": b"1", "b.xlsx": b"22"})))
    assert archive.namelist() == ["a.xlsx", "b.xlsx"]
    assert archive.read("b.xlsx") == b"22"


def test_analytics_requests_cover_the_month_and_three_months_of_trend():
    calls = state.analytics_requests("2026-02", None, "opd_date", "week", TODAY)
    assert set(calls) == {"heatmap", "trend", "tiers", "ranking", "watchlist", "fraud"}
    assert calls["trend"] == ("/api/v1/analytics/trend", {"from": "2025-11-01",
                                                          "to": "2026-02-28",
                                                          "period": "week", "opd": None})
    assert calls["fraud"][1] == {"from": "2026-02-01", "to": "2026-02-28", "opd": None}
    this_month = state.analytics_requests("2026-03", 4, "unit_weekday", "month", TODAY)
    assert this_month["trend"][1]["to"] == "2026-03-10"  # not beyond today
    assert this_month["heatmap"][1] == {"month": "2026-03", "dim": "unit_weekday", "opd": 4}
    assert this_month["watchlist"][1] == {"year": 2026, "opd": 4}


def test_unit_and_type_filters_narrow_the_charts_not_the_person_lists():
    calls = state.analytics_requests("2026-03", 4, "opd_date", "week", TODAY, unit=12,
                                     employment_type="PPPK")
    for chart in ("heatmap", "trend", "tiers", "ranking"):
        assert (calls[chart][1]["unit"], calls[chart][1]["employment_type"]) == (12, "PPPK")
    assert calls["watchlist"][1] == {"year": 2026, "opd": 4}
    assert "unit" not in calls["fraud"][1]
