"""Pegawai: search in scope, a year's calendar, events with selfies; a plain pegawai sees only
their own history, whatever the link says."""
from __future__ import annotations

import requests

from dashboard import texts
from tests.dashboard.helpers import charts, metrics, table, texts_shown, titles


def _get(api, headers, path, **params) -> dict:
    return requests.get(f"{api}{path}", params=params, headers=headers, timeout=10).json()


def _calendar_cells(at) -> int:
    heat = next(c for c in charts(at) if c["data"][0]["type"] == "heatmap")["data"][0]
    return sum(1 for row in heat["z"] for v in row if v is not None and v == v)


def test_a_pegawai_sees_only_their_own_history(dashboard, api, api_login, demo_logins):
    headers = api_login("pegawai")
    me = _get(api, headers, "/api/v1/me")
    other = _get(api, api_login("kepala_opd"), "/api/v1/employees", limit=1)["items"][0]
    at = dashboard("pegawai", "pegawai", params={"pegawai": str(other["id"])})
    assert titles(at) == [texts.PAGE_RIWAYAT]
    assert not at.text_input  # no search
    assert [box.label for box in at.sidebar.selectbox] == [texts.FILTER_MONTH]
    assert demo_logins["pegawai"]["name"] in at.markdown[0].value
    assert other["name"] not in texts_shown(at)
    days = _get(api, headers, "/api/v1/attendance/days", employee=me["id"],
                **{"from": "2026-01-01", "to": "2026-03-10"})
    assert _calendar_cells(at) == days["total"]
    events = _get(api, headers, "/api/v1/attendance/checkins", employee=me["id"],
                  **{"from": "2026-03-01", "to": "2026-03-31"})
    assert len(table(at, texts.EVENT_COLUMNS["recorded_at"])) == events["total"]


def test_atasan_searches_only_their_team(dashboard, api, api_login):
    headers = api_login("atasan")
    team = _get(api, headers, "/api/v1/employees", limit=100)
    at = dashboard("atasan", "pegawai")
    options = at.selectbox(key="employee_pick").options
    assert len(options) == team["total"] < 23  # not the whole Dinas Kesehatan
    assert {o.split(" — ")[1] for o in options} == {p["nip"] for p in team["items"]}


def test_kepala_opd_finds_an_employee_and_their_selfies(dashboard, api, api_login,
                                                        seed_pending):
    seeded = seed_pending(1)[0]  # an out-of-office check-in with a selfie, today
    at = dashboard("kepala_opd", "pegawai")
    at.text_input(key="employee_q").input(seeded["name"]).run()
    assert at.selectbox(key="employee_pick").options[0].startswith(seeded["name"])
    assert at.query_params["pegawai"] == str(seeded["employee_id"])
    events = table(at, texts.EVENT_COLUMNS["recorded_at"])
    assert texts.EVENT_STATUS["PENDING"] in set(events[texts.EVENT_COLUMNS["status"]])
    assert len(at.image) >= 1 and at.image[0].captions[0].endswith(texts.EVENT_STATUS["PENDING"])
    summary = metrics(at)
    assert set(summary) >= {texts.YEAR_SUMMARY[k] for k in texts.YEAR_SUMMARY}


def test_a_shared_link_opens_the_employee(dashboard, api, api_login):
    person = _get(api, api_login("admin"), "/api/v1/employees", q="a", limit=5)["items"][3]
    at = dashboard("admin", "pegawai", params={"pegawai": str(person["id"])})
    assert at.selectbox(key="employee_pick").value == person["id"]
    assert person["name"] in at.markdown[0].value


def test_search_without_a_match_says_so(dashboard):
    at = dashboard("kepala_opd", "pegawai")
    at.text_input(key="employee_q").input("zzzz-tidak-ada").run()
    assert texts.SEARCH_NONE in [i.value for i in at.info]


def test_operator_and_analis_search_in_their_scope(dashboard, api, api_login):
    operator = dashboard("operator", "pegawai")
    in_opd = _get(api, api_login("operator"), "/api/v1/employees", limit=1)["total"]
    assert texts.SEARCH_RESULTS.format(total=in_opd) in texts_shown(operator)
    analis = dashboard("analis", "pegawai")
    everyone = _get(api, api_login("analis"), "/api/v1/employees", limit=1)["total"]
    assert texts.SEARCH_RESULTS.format(total=everyone) in texts_shown(analis)
    assert everyone > in_opd
