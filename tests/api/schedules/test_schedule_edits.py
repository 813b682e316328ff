"""Schedule edits remove exactly what they own and reach the days they affect (issue 14)."""
from __future__ import annotations

import importlib

from playhouse.migrate import SchemaMigrator

from api.db import database
from api.models import DailyRecord, SchedulePattern, SchedulePeriod
from api.services import audit
from api.services.org import snapshot
from tests.factories import stored_checkin

EIGHT = {"start": "08:00", "end": "15:00", "break_start": "12:00", "break_end": "12:30",
         "checkin_open": "06:00", "checkin_close": "08:00", "checkout_open": "15:00",
         "checkout_close": "18:00"}


def add_period(client, world, date_from="2026-03-02", date_to="2026-03-08"):
    response = client.post(f"/api/v1/schedule-groups/{world.groups['5HK'].id}/periods",
                           headers=world.headers("admin"), json={
                               "name": "Jam khusus", "date_from": date_from, "date_to": date_to,
                               "patterns": [{"weekday": d, **EIGHT} for d in range(5)]})
    assert response.status_code == 201, response.json
    return response.json


def resolved(client, world, day: str) -> dict:
    return client.get(f"/api/v1/schedule/resolve?employee={world.people['pegawai_a'].id}"
                      f"&date={day}", headers=world.headers("admin")).json


def weekly_rows(world) -> int:
    return SchedulePattern.select().where(SchedulePattern.group == world.groups["5HK"].id,
                                          SchedulePattern.period.is_null()).count()


def test_the_resolved_day_is_dated_as_iso(client, world):
    day = resolved(client, world, "2026-03-05")
    assert day["work_date"] == "2026-03-05" and day["start"] == "2026-03-05T07:00:00+07:00"


def test_deleting_a_period_leaves_the_weekly_pattern_as_it_was(client, world):
    before = resolved(client, world, "2026-03-10")
    rows = weekly_rows(world)
    period = add_period(client, world)
    assert resolved(client, world, "2026-03-03")["start"].endswith("T08:00:00+07:00")
    deleted = client.delete(f"/api/v1/schedule-periods/{period['id']}",
                            headers=world.headers("admin"))
    assert deleted.status_code == 204
    assert weekly_rows(world) == rows
    assert SchedulePattern.select().where(SchedulePattern.period == period["id"]).count() == 0
    for day in ("2026-03-03", "2026-03-10"):
        now = resolved(client, world, day)
        assert (now["start"][10:], now["source"]) == (before["start"][10:], "weekly")


def test_a_period_added_for_past_days_corrects_them_in_an_earlier_month(client, world, app):
    stored_checkin(world, "pegawai_a", "2026-03-03T07:45:00+07:00")
    employee = world.people["pegawai_a"].id
    day = DailyRecord.get(DailyRecord.employee == employee,
                          DailyRecord.work_date == "2026-03-03")
    assert day.late_minutes == 45
    app.config["HADIR_FAKE_NOW"] = "2026-04-10T09:00:00+07:00"  # a month later
    add_period(client, world)  # 08:00 start for the week of 2 March
    day = DailyRecord.get(DailyRecord.employee == employee,
                          DailyRecord.work_date == "2026-03-03")
    assert day.late_minutes == 0
    period = SchedulePeriod.get()
    client.delete(f"/api/v1/schedule-periods/{period.id}", headers=world.headers("admin"))
    day = DailyRecord.get(DailyRecord.employee == employee,
                          DailyRecord.work_date == "2026-03-03")
    assert day.late_minutes == 45  # and back when the period goes


def test_the_repair_migration_removes_what_an_old_delete_left_behind(client, world):
    rows = weekly_rows(world)
    before = resolved(client, world, "2026-03-10")
    created = add_period(client, world)
    period = SchedulePeriod.get_by_id(created["id"])
    # what the old delete did: nulled the period's patterns, then removed the period
    audit.record(None, "schedule.period.delete", "schedule_period", period.id,
                 snapshot(period), None)
    period.delete_instance(recursive=True)
    assert weekly_rows(world) == rows + 5
    assert resolved(client, world, "2026-03-10")["start"].endswith("T08:00:00+07:00")  # the damage
    repair = importlib.import_module("api.migrations.v0005_orphan_patterns")
    repair.upgrade(database.obj, SchemaMigrator.from_database(database.obj))
    assert weekly_rows(world) == rows
    assert resolved(client, world, "2026-03-10")["start"] == before["start"]
    assert before["start"].endswith("T07:00:00+07:00")


def test_ramadan_is_offered_from_the_hijri_calendar_and_saved_as_confirmed(client, world, app):
    group = world.groups["5HK"].id
    url = f"/api/v1/schedule-groups/{group}/ramadan-suggestion?year=2027"
    suggestion = client.get(url, headers=world.headers("admin"))
    assert suggestion.status_code == 200, suggestion.json
    body = suggestion.json
    assert (body["name"], body["date_from"], body["date_to"]) == (
        "Ramadan 1448 H", "2027-02-08", "2027-03-08")
    assert [p["weekday"] for p in body["patterns"]] == [0, 1, 2, 3, 4]
    assert body["patterns"][0]["start"] == "08:00" and "isbat" in body["basis"]
    assert SchedulePeriod.select().count() == 0  # nothing saved until the admin confirms
    confirmed = {k: body[k] for k in ("name", "date_from", "date_to", "patterns")}
    saved = client.post(f"/api/v1/schedule-groups/{group}/periods",
                        headers=world.headers("admin"), json=confirmed)
    assert saved.status_code == 201, saved.json
    assert client.get(url, headers=world.headers("operator_a")).status_code == 403
    shifts = client.get(f"/api/v1/schedule-groups/{world.groups['RSUD'].id}/ramadan-suggestion"
                        "?year=2027", headers=world.headers("admin"))
    assert shifts.status_code == 400 and shifts.json["error"]["code"] == "INVALID_SCHEDULE"
    for year in (2077, 2099):  # the calendar's tables end in 2077: beyond is 422, not 500
        beyond = client.get(f"/api/v1/schedule-groups/{group}/ramadan-suggestion?year={year}",
                            headers=world.headers("admin"))
        assert beyond.status_code == (200 if year == 2077 else 422), beyond.json


def test_ramadan_dates_table():
    from datetime import date

    from api.rules.schedule_defaults import ramadan_dates

    assert ramadan_dates(2026) == (1447, date(2026, 2, 18), date(2026, 3, 19))
    assert ramadan_dates(2030) == (1451, date(2030, 1, 5), date(2030, 2, 3))  # two that year
    assert ramadan_dates(2031) == (1453, date(2031, 12, 15), date(2032, 1, 13))
