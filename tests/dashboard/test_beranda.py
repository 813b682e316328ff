"""Beranda: today's board per role and scope, checked against the API's own numbers."""
from __future__ import annotations

import requests

from dashboard import texts
from tests.dashboard.helpers import charts, metrics, titles


def _board(api, headers, **params) -> dict:
    return requests.get(f"{api}/api/v1/recaps/today", params=params, headers=headers,
                        timeout=10).json()


def test_kepala_opd_sees_today_for_their_opd_only(dashboard, api, api_login):
    at = dashboard("kepala_opd")
    board = _board(api, api_login("kepala_opd"))
    assert titles(at) == [texts.BERANDA_TITLE.format(date="Selasa, 10 Maret 2026")]
    shown = metrics(at)
    for key in ("employees", "present", "late", "not_yet", "pending"):
        assert shown[texts.STATE_NAMES[key]] == str(board["totals"][key])
    units = {row["unit_name"] for row in board["by_unit"]}
    bars, arrivals = charts(at)[:2]
    assert set(bars["data"][0]["y"]) == units  # the units of Dinas Kesehatan, nothing else
    assert [b["opd_id"] for b in board["by_opd"]] == [4]
    assert sum(arrivals["data"][0]["y"]) + sum(arrivals["data"][1]["y"]) == \
        board["arrivals"]["total"]
    table = at.dataframe[0].value
    assert set(table[texts.OPD]) == {"Dinas Kesehatan"}


def test_admin_sees_every_opd_then_narrows_to_one_unit(dashboard, api, api_login):
    at = dashboard("admin")
    board = _board(api, api_login("admin"))
    bars = charts(at)[0]
    assert set(bars["data"][0]["y"]) == {row["opd_name"] for row in board["by_opd"]}
    assert len(board["by_opd"]) == 6
    assert metrics(at)[texts.STATE_NAMES["employees"]] == str(board["totals"]["employees"])
    at.sidebar.selectbox(key="f_opd").set_value(4).run()
    unit = next(u for u in _board(api, api_login("admin"), opd=4)["by_unit"]
                if u["not_yet"] > 0)
    at.sidebar.selectbox(key="f_unit").set_value(unit["unit_id"]).run()
    shown = metrics(at)
    assert shown[texts.STATE_NAMES["employees"]] == str(unit["employees"])
    assert shown[texts.STATE_NAMES["not_yet"]] == str(unit["not_yet"])
    assert at.query_params["unit"] == str(unit["unit_id"])


def test_analis_and_operator_see_the_board_too(dashboard):
    assert titles(dashboard("analis"))[0].startswith(texts.PAGE_BERANDA)
    operator = dashboard("operator")
    assert operator.sidebar.selectbox(key="f_opd").options == ["Dinas Kesehatan"]


def test_employee_type_filter_narrows_the_totals(dashboard, api, api_login):
    at = dashboard("kepala_opd", params={"jenis": "PPPK"})
    board = _board(api, api_login("kepala_opd"), employment_type="PPPK")
    everyone = _board(api, api_login("kepala_opd"))
    assert 0 < board["totals"]["employees"] < everyone["totals"]["employees"]
    assert metrics(at)[texts.STATE_NAMES["employees"]] == str(board["totals"]["employees"])


def test_atasan_sees_the_board_of_their_own_team(dashboard, api, api_login):
    at = dashboard("atasan")
    board = _board(api, api_login("atasan"))
    team = requests.get(f"{api}/api/v1/employees", headers=api_login("atasan"),
                        params={"limit": 1000}, timeout=10).json()["items"]
    me = requests.get(f"{api}/api/v1/me", headers=api_login("atasan"), timeout=10).json()
    subordinates = [e for e in team if e["supervisor_id"] == me["id"] and e["active"]]
    assert board["totals"]["employees"] == len(subordinates) > 0
    assert metrics(at)[texts.STATE_NAMES["employees"]] == str(len(subordinates))
