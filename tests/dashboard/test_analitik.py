"""Analitik: every chart of the page against the API's aggregates, for the whole pemda and for
one OPD; only BKD (admin, analis) has the page."""
from __future__ import annotations

import math

import pytest
import requests

from dashboard import texts
from dashboard.charts import short
from tests.dashboard.helpers import charts, menu, table, titles


def _get(api, headers, path, **params) -> dict:
    return requests.get(f"{api}{path}", params=params, headers=headers, timeout=30).json()


def _plain(values: list) -> list:
    """NaN (a gap in a line) as None, for comparisons."""
    return [None if v is None or (isinstance(v, float) and math.isnan(v)) else v for v in values]


def _by_title(at) -> dict[str, dict]:
    found = {}
    for chart in charts(at):
        title = (chart["layout"].get("title") or {}).get("text")
        found[title or chart["data"][0]["type"]] = chart
    return found


def test_whole_pemda_analytics(dashboard, api, api_login):
    at = dashboard("analis", "analitik", params={"bulan": "2026-02"})
    headers = api_login("analis")
    assert titles(at) == [texts.ANALITIK_TITLE.format(month="Februari 2026")]
    shown = _by_title(at)

    heat = shown[f"{texts.HEATMAP} — {texts.HEATMAP_METRICS['late_percent']}"]["data"][0]
    cells = _get(api, headers, "/api/v1/analytics/heatmap", month="2026-02")["cells"]
    assert set(heat["y"]) == {short(c["opd_name"]) for c in cells}
    cell = max(cells, key=lambda c: c["late_percent"])
    row, column = heat["y"].index(short(cell["opd_name"])), heat["x"].index(cell["work_date"])
    assert heat["z"][row][column] == pytest.approx(cell["late_percent"])

    trend = shown[texts.TREND]["data"]
    series = _get(api, headers, "/api/v1/analytics/trend", period="week",
                  **{"from": "2025-11-01", "to": "2026-02-28"})["series"]
    def shown_or_gap(values: list, decided: list) -> list:
        return [v if d else None for v, d in zip(values, decided, strict=True)]

    decided = [s["decided_days"] for s in series]  # weeks before the demo began have none
    assert not all(decided) and any(decided)
    assert _plain(trend[0]["y"]) == shown_or_gap([s["late_percent"] for s in series], decided)
    assert _plain(trend[1]["y"])[1:] == shown_or_gap(
        [s["previous_late_percent"] for s in series][1:], decided[:-1])

    tiers = _get(api, headers, "/api/v1/analytics/tiers", month="2026-02")
    bars = {t["name"]: sum(t["x"]) for t in shown[texts.TIERS]["data"]}
    assert bars == {code: tiers["totals"][code] for code in bars}
    assert set(bars) == {c for c in tiers["codes"] if tiers["totals"][c] or c in bars}

    ranking = _get(api, headers, "/api/v1/analytics/ranking", month="2026-02")["rows"]
    assert shown[texts.RANKING]["data"][0]["y"] == [f"{r['rank']}. {short(r['opd_name'])}"
                                                     for r in ranking]

    watch = _get(api, headers, "/api/v1/discipline/watchlist", year=2026)
    listed = table(at, texts.WATCH_COLUMNS["pp94_level"])
    assert sorted(listed[texts.WATCH_COLUMNS["nip"]]) == sorted(r["nip"] for r in watch["rows"])

    fraud = _get(api, headers, "/api/v1/analytics/fraud", **{"from": "2026-02-01",
                                                               "to": "2026-02-28"})
    assert shown[texts.FRAUD]["data"][0]["x"] == [fraud["counts"][k] for k in texts.FRAUD_NAMES]
    assert [t.label for t in at.tabs] == [f"{texts.FRAUD_NAMES[k]} ({fraud['counts'][k]})"
                                          for k in texts.FRAUD_NAMES]


def test_one_opd_and_unit_by_weekday(dashboard, api, api_login):
    at = dashboard("admin", "analitik", params={"bulan": "2026-02", "opd": "4"})
    at.radio(key="heatmap_dim").set_value("unit_weekday").run()
    at.radio(key="heatmap_metric").set_value("absent_percent").run()
    heat = _by_title(at)[f"{texts.HEATMAP} — {texts.HEATMAP_METRICS['absent_percent']}"]
    cells = _get(api, api_login("admin"), "/api/v1/analytics/heatmap", month="2026-02",
                 dim="unit_weekday", opd=4)["cells"]
    assert {c["opd_name"] for c in cells} == {"Dinas Kesehatan"}
    assert len(heat["data"][0]["y"]) == len({c["unit_name"] for c in cells})
    assert heat["data"][0]["x"][0] == "Senin"
    values = [v for row in heat["data"][0]["z"] for v in row if v is not None
              and not (isinstance(v, float) and math.isnan(v))]
    assert sorted(values) == pytest.approx(sorted(c["absent_percent"] for c in cells))
    ranking = _by_title(at)[texts.RANKING]["data"][0]["y"]
    assert ranking == ["1. Dinas Kesehatan"]


def test_trend_by_month(dashboard):
    at = dashboard("analis", "analitik", params={"bulan": "2026-03"})
    at.radio(key="trend_period").set_value("month").run()
    labels = _by_title(at)[texts.TREND]["data"][0]["x"]
    assert labels[-2:] == ["Februari 2026", "Maret 2026"]


@pytest.mark.parametrize("role", ["kepala_opd", "operator", "atasan", "pegawai"])
def test_only_bkd_has_analytics(dashboard, role):
    assert texts.PAGE_ANALITIK not in menu(dashboard(role))
