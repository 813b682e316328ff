"""Pengaturan (admin only): schedules, holidays, locations on a map, rule parameters, devices."""
from __future__ import annotations

from datetime import date

import pytest
import requests

from dashboard import texts
from tests.dashboard.helpers import button, charts, menu, table, texts_shown


def _get(api, headers, path, **params):
    return requests.get(f"{api}{path}", params=params, headers=headers, timeout=10).json()


def test_admin_sees_every_setting(dashboard, api, api_login):
    at = dashboard("admin", "pengaturan")
    headers = api_login("admin")
    assert [t.label for t in at.tabs] == [texts.TAB_SCHEDULES, texts.TAB_HOLIDAYS,
                                          texts.TAB_LOCATIONS, texts.TAB_RULES,
                                          texts.TAB_DEVICES, texts.TAB_JOBS]
    five_day = table(at, texts.SCHEDULE_COLUMNS["checkin"])
    assert list(five_day[texts.SCHEDULE_COLUMNS["weekday"]])[:5] == list(texts.WEEKDAYS[:5])
    assert five_day[texts.SCHEDULE_COLUMNS["checkin"]].iloc[0] == "05:00–07:00"
    holidays = table(at, texts.HOLIDAY_COLUMNS["name"])
    assert "Hari Suci Nyepi" in set(holidays[texts.HOLIDAY_COLUMNS["name"]])
    locations = _get(api, headers, "/api/v1/locations")
    location_map = next(c for c in charts(at) if c["layout"].get("map"))
    assert len([t for t in location_map["data"] if t.get("fill") == "toself"]) == len(locations)
    assert location_map["layout"]["map"]["style"] == "white-bg"
    rates = table(at, texts.PERCENT)
    in_force = _get(api, headers, "/api/v1/rules")["in_force"]["params"]["tpp_rates"]
    assert dict(zip(rates[texts.CODE], rates[texts.PERCENT], strict=True)) == in_force


def test_admin_adds_and_removes_a_local_holiday(dashboard, api, api_login):
    at = dashboard("admin", "pengaturan")
    at.date_input(key="local_date").set_value(date(2026, 4, 24))
    at.text_input(key="local_name").input("Hari Jadi Kabupaten Jember (uji)")
    button(at, texts.SAVE).click()  # the holiday form comes before the rule form
    at.run()
    assert texts.SAVED in texts_shown(at)
    local = _get(api, api_login("admin"), "/api/v1/holidays/local")
    added = next(d for d in local if d["name"] == "Hari Jadi Kabupaten Jember (uji)")
    assert added["date"] == "2026-04-24" and added["action"] == "add"
    assert "Hari Jadi Kabupaten Jember (uji)" in set(
        table(at, texts.HOLIDAY_COLUMNS["action"])[texts.HOLIDAY_COLUMNS["name"]])
    at.selectbox(key="local_remove").set_value(added["id"])
    at.button(key="local_delete").click().run()
    assert added["id"] not in {d["id"] for d in _get(api, api_login("admin"),
                                                     "/api/v1/holidays/local")}


def test_a_past_holiday_is_recomputed_in_the_background_and_shown(dashboard, api, api_login):
    headers = api_login("admin")
    added = requests.post(f"{api}/api/v1/holidays/local", headers=headers, timeout=30, json={
        "date": "2026-03-03", "action": "add", "name": "Libur daerah (uji latar)"})
    assert added.status_code == 201 and added.headers["X-Job-Id"]
    try:
        at = dashboard("admin", "pengaturan")
        jobs = table(at, texts.JOB_COLUMNS["why"])
        mine = jobs[jobs[texts.JOB_COLUMNS["why"]] == texts.JOB_REASONS["holiday.set"]].iloc[0]
        assert mine[texts.JOB_COLUMNS["status"]] == texts.JOB_STATUSES["done"]
        assert mine[texts.JOB_COLUMNS["dates"]] == "3 Maret 2026 – 3 Maret 2026"
        assert mine[texts.JOB_COLUMNS["outcome"]].endswith("catatan")
    finally:
        requests.delete(f"{api}/api/v1/holidays/local/{added.json()['id']}", headers=headers,
                        timeout=30)


def test_admin_files_a_new_rule_version(dashboard, api, api_login):
    at = dashboard("admin", "pengaturan")
    at.toggle(key="rule_convert").set_value(False)
    at.text_input(key="rule_note").input("Uji: Perbup perubahan, konversi menit dihapus")
    buttons = [b for b in at.button if b.label == texts.SAVE]
    buttons[-1].click()
    at.run()
    rules = _get(api, api_login("admin"), "/api/v1/rules")
    version = next(v for v in rules["versions"] if v["note"].startswith("Uji: Perbup"))
    assert version["effective_from"] == "2026-04-01"
    assert version["params"]["convert_minutes_to_tk"] is False
    shown = table(at, texts.RULE_NOTE)
    assert version["note"] in set(shown[texts.RULE_NOTE])
    assert texts.VERSION_SAVED in texts_shown(at)  # a future date: no days to recompute


def test_admin_decides_a_device_request_in_settings(dashboard, api, api_login):
    answer = requests.post(f"{api}/api/v1/devices/requests", headers=api_login("operator"),
                           json={"device_id": "hp-operator-baru", "note": "Ganti HP dinas"},
                           timeout=10)
    assert answer.status_code == 201, answer.json()
    at = dashboard("admin", "pengaturan")
    at.selectbox(key="device_pick").set_value(answer.json()["id"])
    at.button(key="device_reject").click().run()
    assert texts.REASON_REQUIRED in texts_shown(at)
    at.text_input(key="device_reason").input("Pakai HP dinas yang lama")
    at.button(key="device_reject").click().run()
    mine = _get(api, api_login("operator"), "/api/v1/devices/mine")
    decided = next(b for b in mine if b["id"] == answer.json()["id"])
    assert decided["status"] == "rejected"
    assert decided["decision_reason"] == "Pakai HP dinas yang lama"


@pytest.mark.parametrize("role", ["analis", "kepala_opd", "operator"])
def test_only_an_admin_has_settings(dashboard, role):
    assert texts.PAGE_PENGATURAN not in menu(dashboard(role))


def test_admin_saves_the_suggested_ramadan_after_checking_it(dashboard, api, api_login):
    headers = api_login("admin")
    group = next(g for g in _get(api, headers, "/api/v1/schedule-groups") if g["code"] == "5HK")
    at = dashboard("admin", "pengaturan")
    at.number_input(key=f"ramadan_{group['id']}_year").set_value(2027)
    at.button(key=f"ramadan_{group['id']}_ask").click().run()
    offer = [i.value for i in at.info if "Ramadan 1448 H" in i.value]
    assert offer and "8 Februari 2027 – 8 Maret 2027" in offer[0] and "isbat" in offer[0]
    before = {p["id"] for p in group["periods"]}
    at.button(key=f"ramadan_{group['id']}_save").click().run()
    assert texts.RAMADAN_SAVED in texts_shown(at)
    group = next(g for g in _get(api, headers, "/api/v1/schedule-groups") if g["code"] == "5HK")
    [saved] = [p for p in group["periods"] if p["id"] not in before]
    assert (saved["name"], saved["date_from"], saved["date_to"]) == (
        "Ramadan 1448 H", "2027-02-08", "2027-03-08")
    requests.delete(f"{api}/api/v1/schedule-periods/{saved['id']}", headers=headers, timeout=30)
