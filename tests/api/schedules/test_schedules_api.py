"""Schedules through the API: overrides, holidays, rosters, zones, and the recompute command."""
from __future__ import annotations

from datetime import date

from api.models import DailyRecord, Location
from tests.api.checkin_helpers import checkin, enroll


def records(employee_id):
    return {r.work_date.isoformat(): r for r in DailyRecord.select().where(
        DailyRecord.employee == employee_id)}


def test_recompute_command_turns_empty_workdays_into_tk(client, world, app):
    app.config["HADIR_FAKE_NOW"] = "2026-03-09T09:00:00+07:00"
    result = app.test_cli_runner().invoke(args=["recompute", "--from", "2026-03-02",
                                                "--to", "2026-03-09"])
    assert result.exit_code == 0, result.output
    days = records(world.people["pegawai_a"].id)
    assert [days[d].status for d in ("2026-03-02", "2026-03-06", "2026-03-07", "2026-03-08")] \
        == ["TK", "TK", "LIBUR", "LIBUR"]
    assert days["2026-03-09"].status == "BELUM"  # today, the window is still open


def test_holidays_list_has_national_days_and_cuti_bersama_in_indonesian(client, world):
    days = client.get("/api/v1/holidays?year=2026", headers=world.headers("pegawai_a")).json
    by_date = {d["date"]: d for d in days}
    assert by_date["2026-08-17"]["kind"] == "public"
    assert "Kemerdekaan" in by_date["2026-08-17"]["name"]
    assert any(d["kind"] == "cuti_bersama" for d in days)


def test_admin_local_holiday_and_removal_change_the_records(client, world, app):
    app.config["HADIR_FAKE_NOW"] = "2026-03-06T20:00:00+07:00"
    headers = world.headers("admin")
    added = client.post("/api/v1/holidays/local", headers=headers, json={
        "date": "2026-03-04", "action": "add", "name": "Hari Jadi Kabupaten Jember"})
    assert added.status_code == 201
    app.test_cli_runner().invoke(args=["recompute", "--from", "2026-03-02", "--to", "2026-03-06"])
    days = records(world.people["pegawai_a"].id)
    assert days["2026-03-04"].status == "LIBUR" and days["2026-03-05"].status == "TK"
    removed = client.post("/api/v1/holidays/local", headers=headers, json={
        "date": "2026-03-04", "action": "remove"})
    assert removed.status_code == 201
    assert records(world.people["pegawai_a"].id)["2026-03-04"].status == "TK"


def test_ramadan_period_moves_the_start_to_eight(client, world, app):
    pattern = {"start": "08:00", "end": "15:00", "break_start": "12:00", "break_end": "12:30",
               "checkin_open": "06:00", "checkin_close": "08:00", "checkout_open": "15:00",
               "checkout_close": "18:00"}
    response = client.post(f"/api/v1/schedule-groups/{world.groups['5HK'].id}/periods",
                           headers=world.headers("admin"), json={
                               "name": "Ramadan 1447 H", "date_from": "2026-02-19",
                               "date_to": "2026-03-19",
                               "patterns": [{"weekday": d, **pattern} for d in range(5)]})
    assert response.status_code == 201, response.json
    enroll(client, world, "pegawai_a", "webmorph_lisa")
    body = checkin(client, world, "pegawai_a").json  # 07:10: early under Ramadan hours
    assert body["status"] == "ACCEPTED" and body["late_minutes"] == 0
    resolved = client.get("/api/v1/schedule/resolve?date=2026-03-02",
                          headers=world.headers("pegawai_a")).json
    assert resolved["start"].startswith("2026-03-02T08:00") and "Ramadan" in resolved["source"]


def test_bad_pattern_is_refused(client, world):
    bad = {"weekday": 0, "start": "15:00", "end": "07:00", "checkin_open": "05:00",
           "checkin_close": "07:00", "checkout_open": "15:00", "checkout_close": "18:00"}
    response = client.put(f"/api/v1/schedule-groups/{world.groups['5HK'].id}/patterns",
                          headers=world.headers("admin"), json={"patterns": [bad]})
    assert response.status_code == 400 and response.json["error"]["code"] == "INVALID_SCHEDULE"


def test_night_shift_checkout_next_morning_belongs_to_the_start_date(client, world, app):
    nurse = world.add_person("perawat", "b", supervisor="kepala_b", group="RSUD")
    client.put("/api/v1/rosters", headers=world.headers("operator_b"), json={"entries": [
        {"employee_id": nurse.id, "work_date": "2026-03-02", "shift_code": "M"}]})
    enroll(client, world, "perawat", "webmorph_lisa", by="operator_b")
    app.config["HADIR_FAKE_NOW"] = "2026-03-02T20:55:00+07:00"
    lat, lon = Location.get_by_id(world.locations["b"].id).lat, world.locations["b"].lon
    first = checkin(client, world, "perawat", lat=lat, lon=lon).json
    assert first["status"] == "ACCEPTED" and first["work_date"] == "2026-03-02"
    app.config["HADIR_FAKE_NOW"] = "2026-03-03T07:05:00+07:00"
    out = checkin(client, world, "perawat", kind="out", lat=lat, lon=lon, number=3).json
    assert out["status"] == "ACCEPTED" and out["work_date"] == "2026-03-02"
    day = records(nurse.id)["2026-03-02"]
    assert (day.status, day.late_minutes, day.early_minutes) == ("H", 0, 0)


def test_unrostered_day_is_not_a_workday_for_shift_staff(client, world, app):
    nurse = world.add_person("perawat", "b", supervisor="kepala_b", group="RSUD")
    enroll(client, world, "perawat", "webmorph_lisa", by="operator_b")
    lat, lon = world.locations["b"].lat, world.locations["b"].lon
    assert checkin(client, world, "perawat", lat=lat, lon=lon).json["codes"] == ["NOT_WORKDAY"]
    wrong = client.put("/api/v1/rosters", headers=world.headers("operator_b"), json={"entries": [
        {"employee_id": nurse.id, "work_date": "2026-03-03", "shift_code": "X"}]})
    assert wrong.status_code == 400


def test_same_instant_is_late_in_wita_and_on_time_in_wib(client, world, app):
    """06:55 WIB is 07:55 WITA: an office in Bontang (Asia/Makassar) counts 55 minutes late."""
    office = client.post("/api/v1/locations", headers=world.headers("admin"), json={
        "opd_id": world.opds["b"].id, "name": "UPT Bontang", "lat": 0.1333, "lon": 117.5,
        "tz": "Asia/Makassar"}).json
    client.put(f"/api/v1/employees/{world.people['pegawai_b'].id}/locations",
               headers=world.headers("operator_b"),
               json={"locations": [{"location_id": office["id"], "primary": True}]})
    enroll(client, world, "pegawai_b", "webmorph_lisa", by="operator_b")
    enroll(client, world, "pegawai_a", "london_010")
    app.config["HADIR_FAKE_NOW"] = "2026-03-02T06:55:00+07:00"
    wita = checkin(client, world, "pegawai_b", lat=0.1333, lon=117.5).json
    wib = checkin(client, world, "pegawai_a", identity="london_010").json
    assert (wita["late_minutes"], wib["late_minutes"]) == (55, 0)
    assert "WITA" in wita["message"] and "WIB" in wib["message"]


def test_wit_office_opens_two_hours_before_wib(client, world, app):
    office = client.post("/api/v1/locations", headers=world.headers("admin"), json={
        "opd_id": world.opds["b"].id, "name": "Perwakilan Jayapura", "lat": -2.5337,
        "lon": 140.7181, "tz": "Asia/Jayapura"}).json
    client.put(f"/api/v1/employees/{world.people['pegawai_b'].id}/locations",
               headers=world.headers("operator_b"),
               json={"locations": [{"location_id": office["id"], "primary": True}]})
    enroll(client, world, "pegawai_b", "webmorph_lisa", by="operator_b")
    app.config["HADIR_FAKE_NOW"] = "2026-03-02T03:30:00+07:00"  # 05:30 WIT
    body = checkin(client, world, "pegawai_b", lat=-2.5337, lon=140.7181).json
    assert body["status"] == "ACCEPTED" and body["late_minutes"] == 0
    assert date.fromisoformat(body["work_date"]) == date(2026, 3, 2)


def test_recompute_workers_give_the_same_records_as_one_process(client, world, app,
                                                                  app_config):
    """The CLI's --workers path: worker processes rebuild the app's own settings."""
    from api import clock
    from api.db import database
    from api.services.daily import recompute_all

    for index in range(30):
        world.add_person(f"staf_{index}", "a", supervisor="atasan_a", password=None)
    app.config["HADIR_FAKE_NOW"] = "2026-03-06T20:00:00+07:00"
    days = (date(2026, 3, 2), date(2026, 3, 6))
    single = recompute_all(*days, clock.now(), workers=1)
    expected = {(r.employee_id, r.work_date): (r.status, r.opd_id) for r in DailyRecord.select()}
    DailyRecord.delete().execute()
    database.close()  # the workers write: this process must hold no lock meanwhile
    spread = recompute_all(*days, clock.now(), workers=2, overrides=app_config, chunk=8)
    assert spread == single == 5 * 40
    assert {(r.employee_id, r.work_date): (r.status, r.opd_id)
            for r in DailyRecord.select()} == expected
