"""Chart and map builders: pure DataFrame → Figure functions, checked on what a reader sees."""
from __future__ import annotations

import math
from datetime import date

import pandas as pd
import pytest

from dashboard import charts, maps, texts


def _trace(fig, name):
    return next(t for t in fig.data if t.name == name)


def test_today_status_bar_stacks_states_per_row_and_marks_only_late_rows():
    counts = pd.DataFrame({"unit_name": ["Sekretariat", "Bidang A"], "present": [5, 3],
                           "not_yet": [1, 0], "pending": [0, 1], "excused": [0, 1],
                           "absent": [0, 0], "off": [0, 0], "late": [2, 0]})
    fig = charts.today_status_bar(counts, "unit_name")
    assert fig.layout.barmode == "stack"
    present = _trace(fig, texts.STATE_NAMES["present"])
    assert list(present.y) == ["Sekretariat", "Bidang A"] and list(present.x) == [5, 3]
    late = _trace(fig, texts.STATE_NAMES["late"])
    assert list(late.y) == ["Sekretariat"] and list(late.x) == [2]


def test_arrival_histogram_splits_on_time_and_late():
    bins = pd.DataFrame({"start": ["06:45", "07:00", "07:15"], "on_time": [4, 0, 0],
                         "late": [0, 3, 1], "count": [4, 3, 1]})
    fig = charts.arrival_histogram(bins)
    assert list(_trace(fig, texts.ON_TIME).y) == [4, 0, 0]
    assert list(_trace(fig, texts.LATE).y) == [0, 3, 1]
    assert fig.layout.title.text == texts.ARRIVALS


@pytest.mark.parametrize(("status", "label", "category"), [
    ("H", "H", "present"), ("H", "TL2", "late"), ("H", "TL1/PSW1", "late"),
    ("WFH", "WFH", "wfh"), ("TM", "TM", "incomplete"), ("TP", "TP", "incomplete"),
    ("TK", "TK", "absent"), ("LIBUR", "LIBUR", "off"), ("BELUM", "BELUM", "waiting"),
    ("CT", "CT", "excused"), ("DL", "DL", "excused"), ("S", "S", "excused"),
])
def test_day_category(status, label, category):
    assert charts.day_category(status, label) == category


def _days(rows):
    return pd.DataFrame(rows, columns=["work_date", "status", "label"])


def test_month_calendar_places_each_day_under_its_weekday():
    days = _days([("2026-03-02", "H", "H"), ("2026-03-03", "H", "TL1"),
                  ("2026-03-04", "TK", "TK"), ("2026-03-07", "LIBUR", "LIBUR")])
    fig = charts.month_calendar(days, date(2026, 3, 1), "Maret 2026")
    heat = fig.data[0]
    assert list(heat.x) == list(texts.WEEKDAYS_SHORT)
    assert list(heat.y) == [texts.WEEK.format(n=n) for n in range(1, 7)]  # 1 Mar is a Sunday
    z = pd.DataFrame(heat.z, index=heat.y, columns=heat.x)
    week2 = texts.WEEK.format(n=2)
    index = {name: i for i, name in enumerate(charts.CATEGORY_ORDER)}
    assert z.loc[week2, "Sen"] == index["present"]
    assert z.loc[week2, "Sel"] == index["late"]
    assert z.loc[week2, "Rab"] == index["absent"]
    assert z.loc[texts.WEEK.format(n=1), "Min"] == index["none"]  # no record on 1 March
    assert "3<br>TL1" in heat.text[1][1]
    legend = {t.name for t in fig.data[1:]}
    assert legend == {texts.CATEGORY_NAMES[c] for c in ("present", "late", "absent", "off",
                                                         "none")} - {texts.CATEGORY_NAMES["none"]}


def test_year_calendar_has_a_cell_per_recorded_day_of_that_year_only():
    days = _days([("2025-12-31", "H", "H"), ("2026-01-01", "LIBUR", "LIBUR"),
                  ("2026-01-05", "H", "H"), ("2026-12-31", "TK", "TK")])
    fig = charts.year_calendar(days, 2026)
    heat = fig.data[0]
    filled = [(y, x) for y, row in zip(heat.y, heat.z, strict=True)
              for x, value in zip(heat.x, row, strict=True) if not math.isnan(value)]
    assert len(filled) == 3
    assert ("Kam", "1") in filled  # 1 Jan 2026 is a Thursday, in the first column
    assert ("Sen", "2") in filled  # Monday 5 January opens the second week
    assert list(fig.layout.xaxis.ticktext)[:3] == ["Jan", "Feb", "Mar"]
    assert list(fig.layout.xaxis.tickvals)[:2] == ["1", "5"]  # 1 Feb is in the 5th column


def test_discipline_heatmap_by_opd_and_date():
    cells = pd.DataFrame({"opd_name": ["Dinkes", "Dinkes", "Setda"],
                          "work_date": ["2026-02-02", "2026-02-03", "2026-02-02"],
                          "late_percent": [10.0, 20.0, 5.0], "absent_percent": [0, 0, 1.0],
                          "attendance_percent": [90.0, 80.0, 95.0]})
    fig = charts.discipline_heatmap(cells, "opd_date", "late_percent")
    heat = fig.data[0]
    assert list(heat.y) == ["Dinkes", "Setda"]
    assert list(heat.x) == ["2026-02-02", "2026-02-03"]
    assert list(fig.layout.xaxis.ticktext) == ["2 Feb", "3 Feb"]
    assert heat.z[0][1] == 20.0 and math.isnan(heat.z[1][1])
    assert texts.HEATMAP_METRICS["late_percent"] in fig.layout.title.text


def test_discipline_heatmap_by_unit_and_weekday_orders_weekdays():
    cells = pd.DataFrame({"opd_name": ["Dinkes"] * 2, "unit_name": ["Sekretariat"] * 2,
                          "weekday_name": ["Jumat", "Senin"], "absent_percent": [4.0, 2.0]})
    fig = charts.discipline_heatmap(cells, "unit_weekday", "absent_percent")
    assert list(fig.data[0].x) == ["Senin", "Jumat"]
    assert list(fig.data[0].z[0]) == [2.0, 4.0]


def test_lateness_trend_leaves_gaps_where_no_workday_was_decided():
    series = pd.DataFrame({"label": ["W1", "W2", "W3"], "decided_days": [0, 40, 38],
                           "late_percent": [0.0, 10.0, 5.0],
                           "previous_late_percent": [0.0, 0.0, 10.0]})
    fig = charts.lateness_trend(series)
    now = list(_trace(fig, texts.TREND_NOW).y)
    before = list(_trace(fig, texts.TREND_BEFORE).y)
    assert math.isnan(now[0]) and now[1:] == [10.0, 5.0]
    assert before[0] == 0.0 and math.isnan(before[1]) and before[2] == 10.0


def test_long_names_and_dates_are_shortened_for_axes():
    assert charts.short("Dinas Kesehatan") == "Dinas Kesehatan"
    cut = charts.short("Badan Kepegawaian dan Pengembangan Sumber Daya Manusia")
    assert len(cut) == 32 and cut.endswith("…")
    assert charts.date_tick("2026-08-03") == "3 Agu"


def test_lateness_trend_compares_with_the_previous_period():
    series = pd.DataFrame({"label": ["Jan 2026", "Feb 2026"], "late_percent": [8.0, 6.5],
                           "previous_late_percent": [7.0, 8.0]})
    fig = charts.lateness_trend(series)
    assert list(_trace(fig, texts.TREND_NOW).y) == [8.0, 6.5]
    assert list(_trace(fig, texts.TREND_BEFORE).y) == [7.0, 8.0]


def test_tier_breakdown_stacks_the_codes_it_is_given():
    by_opd = pd.DataFrame({"opd_name": ["Dinkes", "Setda"], "TL1": [5, 2], "TL4": [1, 0],
                           "PSW2": [0, 3], "TM": [1, 1]})
    fig = charts.tier_breakdown(by_opd, ["TL1", "TL2", "TL4", "PSW2", "TM"])
    assert [t.name for t in fig.data] == ["TL1", "TL4", "PSW2", "TM"]  # TL2 has no column
    assert list(_trace(fig, "PSW2").x) == [0, 3]
    assert fig.layout.barmode == "stack"


def test_opd_ranking_lists_opds_by_rank():
    rows = pd.DataFrame({"rank": [2, 1], "opd_name": ["Setda", "Dinkes"],
                         "attendance_percent": [91.5, 97.25], "late_percent": [9.0, 3.0]})
    fig = charts.opd_ranking(rows)
    assert list(fig.data[0].y) == ["1. Dinkes", "2. Setda"]
    assert list(fig.data[0].x) == [97.25, 91.5]
    assert fig.data[0].text == ("97.2%", "91.5%")


def test_level_counts_shows_every_pp94_level():
    fig = charts.level_counts({"ringan": 4, "berat": 1})
    assert list(fig.data[0].x) == ["Ringan", "Sedang", "Berat"]
    assert list(fig.data[0].y) == [4, 0, 1]


def test_fraud_counts_names_each_signal():
    fig = charts.fraud_counts({"mock": 3, "replay": 1, "other_face": 2})
    assert list(fig.data[0].y) == list(texts.FRAUD_NAMES.values())
    assert list(fig.data[0].x) == [3, 0, 0, 0, 1, 2]


def test_circle_points_lie_at_the_radius():
    lats, lons = maps.circle(-8.1574, 113.7332, 100)
    assert (lats[0], lons[0]) == pytest.approx((lats[-1], lons[-1]))  # closed ring
    for lat, lon in zip(lats, lons, strict=True):
        assert maps._distance_m(-8.1574, 113.7332, lat, lon) == pytest.approx(100, abs=0.01)


def test_zoom_grows_as_the_span_shrinks():
    assert maps.zoom_for(200, 300) > maps.zoom_for(5_000, 300) > maps.zoom_for(500_000, 300)
    # at zoom z the world is 512·2^z px wide: 40 075 km over 512 px is zoom 0
    assert maps.zoom_for(40_075_016, 512) == 1.0  # clamped: never below 1
    assert maps.zoom_for(40_075_016 / 1024, 512) == pytest.approx(10)


def test_geofence_map_shows_circle_office_and_check_in_without_tiles():
    geofence = {"name": "Kantor Dinkes", "lat": -8.1574, "lon": 113.7332, "radius_m": 100}
    fig = maps.geofence_map(geofence, -8.1884, 113.7452, 12)
    names = [t.name for t in fig.data]
    assert texts.MAP_GEOFENCE.format(radius=100) in names
    assert texts.MAP_CHECKIN in names
    point = _trace(fig, texts.MAP_CHECKIN)
    assert (point.lat[0], point.lon[0]) == (-8.1884, 113.7452)
    fence = _trace(fig, texts.MAP_GEOFENCE.format(radius=100))
    assert fence.fill == "toself" and len(fence.lat) == 73
    assert fig.layout.map.style == "white-bg" and not fig.layout.map.layers  # no tile source
    center = fig.layout.map.center
    assert -8.1884 < center.lat < -8.1574 and 113.7332 < center.lon < 113.7452


def test_geofence_map_without_a_point_centres_on_the_office():
    geofence = {"name": "Kantor", "lat": -8.0, "lon": 113.0, "radius_m": 150}
    fig = maps.geofence_map(geofence, None, None)
    assert fig.layout.map.center.lat == -8.0
    assert texts.MAP_CHECKIN not in [t.name for t in fig.data]


def test_locations_map_draws_each_geofence():
    locations = pd.DataFrame({"name": ["Kantor A", "Kantor B"], "lat": [-8.16, -8.17],
                              "lon": [113.70, 113.72], "radius_m": [100, 250]})
    fig = maps.locations_map(locations)
    rings = [t for t in fig.data if t.fill == "toself"]
    assert len(rings) == 2
    markers = fig.data[-1]
    assert list(markers.text) == ["Kantor A (100 m)", "Kantor B (250 m)"]
    assert fig.layout.map.style == "white-bg"
