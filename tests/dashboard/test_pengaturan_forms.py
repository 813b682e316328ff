"""Pengaturan (issue 15): schedules and locations edited by the admin against the real API —
a weekday's hours, a dated period added and removed, a roster week, a location with its
geofence — each showing the recompute it started, and the API's refusals next to the fields.
The schedules edited are the test's own groups, so the demo's numbers stay as they were."""
from __future__ import annotations

import itertools
from datetime import date, time

import requests
import streamlit as st

from dashboard import texts
from tests.dashboard.helpers import charts, texts_shown
from tests.dashboard.people import hired

_codes = itertools.count(1)
HOURS = {"start": "07:30", "end": "16:00", "checkin_open": "06:00", "checkin_close": "10:00",
         "checkout_open": "14:00", "checkout_close": "20:00"}


def own_group(api, headers, kind: str = "weekly") -> dict:
    """A schedule group of the test's own with one member, so a change has a recompute."""
    body = {"code": f"UJI{next(_codes)}", "name": "Kelompok uji", "kind": kind}
    if kind == "weekly":
        body["patterns"] = [{"weekday": d, **HOURS} for d in range(5)]
    else:
        body["shifts"] = [{"code": "P", "name": "Pagi", **HOURS}]
    group = requests.post(f"{api}/api/v1/schedule-groups", headers=headers, json=body,
                          timeout=10).json()
    member = hired(api, headers, "Anggota Uji", schedule_group_id=group["id"])
    st.cache_data.clear()  # made behind the dashboard's back: as once its cached reads expire
    return {**group, "member": member}


def group_of(api, headers, group_id: int) -> dict:
    return next(g for g in requests.get(f"{api}/api/v1/schedule-groups", headers=headers,
                                        timeout=10).json() if g["id"] == group_id)


def test_the_admin_changes_fridays_hours_and_sees_the_recompute(dashboard, api, api_login):
    headers = api_login("admin")
    group = own_group(api, api_login("operator") | headers)
    at = dashboard("admin", "pengaturan")
    form = f"weekly_{group['id']}"
    at.multiselect(key=f"{form}_days").set_value([4]).run()
    at.time_input(key=f"{form}_4_end").set_value(time(11, 30))
    at.button(key=f"{form}_save").click().run()
    assert not at.exception, at.exception
    assert texts.PATTERN_SAVED.format(name="Kelompok uji") in texts_shown(at)
    friday = next(p for p in group_of(api, headers, group["id"])["patterns"]
                  if p["weekday"] == 4)
    assert friday["end"].startswith("11:30")
    progress = [p.proto.text for p in at.get("progress")]
    assert progress and "pola mingguan" in progress[0] and "Selesai" in progress[0]


def test_a_weekday_made_a_day_off(dashboard, api, api_login):
    headers = api_login("admin")
    group = own_group(api, headers)
    at = dashboard("admin", "pengaturan")
    form = f"weekly_{group['id']}"
    at.multiselect(key=f"{form}_days").set_value([2]).run()
    at.toggle(key=f"{form}_off").set_value(True).run()
    at.button(key=f"{form}_save").click().run()
    assert [p["weekday"] for p in group_of(api, headers, group["id"])["patterns"]] == [0, 1, 3, 4]


def test_a_period_ending_before_it_starts_is_refused_then_added_and_removed(dashboard, api,
                                                                           api_login):
    headers = api_login("admin")
    group = own_group(api, headers)
    at = dashboard("admin", "pengaturan")
    form = f"period_{group['id']}"
    at.text_input(key=f"{form}_name").input("Pekan olahraga")
    at.date_input(key=f"{form}_from").set_value(date(2026, 3, 20))
    at.date_input(key=f"{form}_to").set_value(date(2026, 3, 16))
    at.button(key=f"{form}_save").click().run()
    assert not at.exception, at.exception
    assert "Tanggal akhir sebelum tanggal awal." in texts_shown(at)
    assert at.text_input(key=f"{form}_name").value == "Pekan olahraga"
    at.date_input(key=f"{form}_to").set_value(date(2026, 3, 27))
    at.button(key=f"{form}_save").click().run()
    assert texts.PERIOD_SAVED.format(name="Pekan olahraga") in texts_shown(at)
    periods = group_of(api, headers, group["id"])["periods"]
    assert [(p["name"], p["date_to"]) for p in periods] == [("Pekan olahraga", "2026-03-27")]
    at.button(key=f"period_del_{periods[0]['id']}").click().run()
    assert texts.PERIOD_DELETED in texts_shown(at)
    assert group_of(api, headers, group["id"])["periods"] == []


def test_the_admin_fills_a_roster_week(dashboard, api, api_login):
    headers = api_login("admin")
    group = own_group(api, headers, kind="shift")
    member = group["member"]
    at = dashboard("admin", "pengaturan")
    form = f"roster_{group['id']}"
    at.date_input(key=f"{form}_start").set_value(date(2026, 3, 9)).run()
    at.selectbox(key=f"{form}_{member['id']}_2026-03-11").set_value("P").run()
    at.button(key=f"{form}_save").click().run()
    assert not at.exception, at.exception
    assert texts.ROSTER_SAVED.format(count=1) in texts_shown(at)
    roster = requests.get(f"{api}/api/v1/rosters", headers=headers, timeout=10, params={
        "employee": member["id"], "from": "2026-03-09", "to": "2026-03-15"}).json()
    assert [(r["work_date"], r["shift_code"]) for r in roster] == [("2026-03-11", "P")]


def test_a_new_location_is_drawn_before_it_is_saved(dashboard, api, api_login):
    at = dashboard("admin", "pengaturan")
    at.text_input(key="loc0_name").input("A")
    at.number_input(key="loc0_lat").set_value(-8.2001)
    at.number_input(key="loc0_lon").set_value(113.6502)
    at.number_input(key="loc0_radius").set_value(250).run()
    preview = charts(at)[-1]
    assert preview["layout"]["map"]["center"] == {"lat": -8.2001, "lon": 113.6502}
    at.button(key="loc0_save").click().run()
    assert not at.exception, at.exception
    assert at.error and ":red[" in texts_shown(at)  # the name is too short, said under it
    at.text_input(key="loc0_name").input("Kantor Kecamatan Ajung")
    at.button(key="loc0_save").click().run()
    assert texts.LOCATION_SAVED.format(name="Kantor Kecamatan Ajung") in texts_shown(at)
    saved = [loc for loc in requests.get(f"{api}/api/v1/locations", timeout=10,
                                         headers=api_login("admin")).json()
             if loc["name"] == "Kantor Kecamatan Ajung"]
    assert [(s["lat"], s["lon"], s["radius_m"], s["opd_id"]) for s in saved] == [
        (-8.2001, 113.6502, 250, None)]


def test_a_shift_is_added_and_a_second_with_the_same_code_refused(dashboard, api, api_login):
    headers = api_login("admin")
    group = own_group(api, headers, kind="shift")
    at = dashboard("admin", "pengaturan")
    form = f"shift_{group['id']}"
    at.text_input(key=f"{form}_code").input("M")
    at.text_input(key=f"{form}_name").input("Malam")
    at.time_input(key=f"{form}_start").set_value(time(21, 0))
    at.time_input(key=f"{form}_end").set_value(time(7, 0))
    at.button(key=f"{form}_save").click().run()
    assert not at.exception, at.exception
    assert texts.SHIFT_SAVED.format(code="M") in texts_shown(at)
    assert sorted(s["code"] for s in group_of(api, headers, group["id"])["shifts"]) == ["M", "P"]
    at.text_input(key=f"{form}_code").input("P")
    at.button(key=f"{form}_save").click().run()
    assert at.error  # the code is taken
    assert sorted(s["code"] for s in group_of(api, headers, group["id"])["shifts"]) == ["M", "P"]
