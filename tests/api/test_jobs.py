"""Background jobs (issue 14): a schedule change queues the recompute of exactly its days and
answers at once with the job's id; huey runs it for real (its SQLite file, and Redis); the
nightly run catches up every day it missed."""
from __future__ import annotations

import time
import uuid
from datetime import date

import pytest
import redis

from api import clock
from api.models import DailyRecord, Job, NightlyRun
from api.services import jobs
from tests.api.schedules.test_schedule_edits import EIGHT
from tests.factories import stored_checkin


@pytest.mark.parametrize(("today", "last", "expected"), [
    (date(2026, 4, 10), None, (date(2026, 4, 9), date(2026, 4, 10))),
    (date(2026, 4, 10), date(2026, 4, 9), (date(2026, 4, 9), date(2026, 4, 10))),
    (date(2026, 4, 10), date(2026, 4, 10), (date(2026, 4, 9), date(2026, 4, 10))),
    (date(2026, 4, 10), date(2026, 4, 6), (date(2026, 4, 7), date(2026, 4, 10))),  # 3 missed
    (date(2026, 4, 10), date(2025, 1, 1), (date(2026, 2, 7), date(2026, 4, 10))),  # capped
])
def test_the_nightly_run_covers_every_day_since_the_last_one(today, last, expected):
    assert jobs.due_dates(today, last) == expected


def add_period(client, world, date_from="2026-03-02", date_to="2026-03-08"):
    return client.post(f"/api/v1/schedule-groups/{world.groups['5HK'].id}/periods",
                       headers=world.headers("admin"), json={
                           "name": "Jam khusus", "date_from": date_from, "date_to": date_to,
                           "patterns": [{"weekday": d, **EIGHT} for d in range(5)]})


def late_on(world, day: str) -> int:
    return DailyRecord.get(DailyRecord.employee == world.people["pegawai_a"].id,
                           DailyRecord.work_date == day).late_minutes


def test_a_change_answers_with_its_job_and_the_job_tells_what_it_did(client, world, app):
    stored_checkin(world, "pegawai_a", "2026-03-03T07:45:00+07:00")
    app.config["HADIR_FAKE_NOW"] = "2026-04-10T09:00:00+07:00"
    response = add_period(client, world)
    assert response.status_code == 201
    job_id = response.headers["X-Job-Id"]
    job = client.get(f"/api/v1/jobs/{job_id}", headers=world.headers("admin")).json
    assert (job["kind"], job["status"], job["params"]["from"], job["params"]["to"]) == (
        "recompute", "done", "2026-03-02", "2026-03-08")
    assert job["done"] == job["total"] > 0 and job["result"]["records"] > 0
    assert job["result"]["closed_months_skipped"] == []
    assert late_on(world, "2026-03-03") == 0
    assert client.get(f"/api/v1/jobs/{job_id}",
                      headers=world.headers("pegawai_a")).status_code == 404
    listed = client.get("/api/v1/jobs", headers=world.headers("admin")).json
    assert listed["items"][0]["id"] == job_id


def _queue_for_real(app, **settings):
    """The app's queue without immediate mode, and a consumer (threads) running it."""
    app.config.update(JOBS_IMMEDIATE=False, **settings)
    app.extensions.pop("hadir_jobs", None)
    consumer = jobs.huey_of(app).huey.create_consumer(workers=1, worker_type="thread",
                                                      periodic=False, initial_delay=0.05)
    consumer.start()
    return consumer


def _wait_done(job_id: str, seconds: float = 30) -> Job:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        job = Job.get_by_id(job_id)
        if job.status in ("done", "failed"):
            return job
        time.sleep(0.1)
    raise AssertionError(f"job {job_id} still {Job.get_by_id(job_id).status}")


def _redis_url() -> str | None:
    url = "redis://127.0.0.1:6379/0"
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        return None
    return url


@pytest.mark.parametrize("storage", ["sqlite", "redis"])
def test_the_worker_runs_the_recompute_after_the_answer(client, world, app, storage):
    settings = {}
    if storage == "redis":
        url = _redis_url()
        if url is None:
            pytest.skip("Redis not reachable at 127.0.0.1:6379")
        settings = {"REDIS_URL": url, "REDIS_PREFIX": f"test-{uuid.uuid4().hex[:8]}"}
    stored_checkin(world, "pegawai_a", "2026-03-03T07:45:00+07:00")
    app.config["HADIR_FAKE_NOW"] = "2026-04-10T09:00:00+07:00"
    consumer = _queue_for_real(app, **settings)
    try:
        response = add_period(client, world)
        assert response.status_code == 201
        job = _wait_done(response.headers["X-Job-Id"])
    finally:
        consumer.stop(graceful=True)
        jobs.huey_of(app).huey.flush()
    assert job.status == "done", job.error
    assert late_on(world, "2026-03-03") == 0


def test_a_missed_night_is_caught_up(client, world, app):
    """The worker was down on 3 and 4 March: those days stayed BELUM; the next run on 5 March
    finishes them (TK: nobody checked in)."""
    app.config["HADIR_FAKE_NOW"] = "2026-03-02T23:00:00+07:00"
    jobs.run_nightly(clock.now())  # Monday's run; then nothing ran on Tuesday and Wednesday
    app.config["HADIR_FAKE_NOW"] = "2026-03-05T01:20:00+07:00"
    assert not jobs.is_due(clock.now())  # before NIGHTLY_AT (01:30)
    app.config["HADIR_FAKE_NOW"] = "2026-03-05T01:40:00+07:00"
    assert jobs.is_due(clock.now())
    result = jobs.run_nightly(clock.now())
    assert result["dates"] == ["2026-03-03", "2026-03-05"]
    statuses = {r.work_date.isoformat(): r.status for r in DailyRecord.select().where(
        DailyRecord.employee == world.people["pegawai_a"].id)}
    assert statuses["2026-03-03"] == statuses["2026-03-04"] == "TK"
    assert NightlyRun.select().count() == 2
    assert not jobs.is_due(clock.now())  # today's is done



def _job_of(client, world, response) -> dict:
    return client.get(f"/api/v1/jobs/{response.headers['X-Job-Id']}",
                      headers=world.headers("admin")).json


def test_an_office_moved_to_another_time_zone_recomputes_its_employees_days(client, world):
    stored_checkin(world, "pegawai_a", "2026-03-02T07:45:00+07:00")
    from api.services import daily

    daily.recompute_range(date(2026, 3, 2), date(2026, 3, 2),
                          [world.people["pegawai_a"].id], clock.now())
    assert late_on(world, "2026-03-02") == 45
    response = client.patch(f"/api/v1/locations/{world.locations['a'].id}",
                            headers=world.headers("admin"), json={"tz": "Asia/Makassar"})
    assert response.status_code == 200
    job = _job_of(client, world, response)
    assert (job["status"], job["params"]["reason"]) == ("done", "location.update")
    assert world.people["pegawai_a"].id in job["params"]["employees"]
    assert late_on(world, "2026-03-02") == 105  # 07:45 WIB is 08:45 WITA
    renamed = client.patch(f"/api/v1/locations/{world.locations['a'].id}",
                           headers=world.headers("admin"), json={"name": "Kantor Baru"})
    assert "X-Job-Id" not in renamed.headers  # nothing a record shows has changed


def test_a_new_schedule_group_recomputes_the_current_month(client, world, app):
    employee = world.people["pegawai_a"]
    app.config["HADIR_FAKE_NOW"] = "2026-03-08T10:00:00+07:00"

    def saturday_is_a_workday() -> bool:
        return DailyRecord.get(DailyRecord.employee == employee.id,
                               DailyRecord.work_date == "2026-03-07").workday

    from api.services import daily

    daily.recompute_range(date(2026, 3, 7), date(2026, 3, 7), [employee.id], clock.now())
    assert not saturday_is_a_workday()  # five-day week
    response = client.patch(f"/api/v1/employees/{employee.id}", headers=world.headers("admin"),
                            json={"schedule_group_id": world.groups["6HK"].id})
    assert response.status_code == 200
    job = _job_of(client, world, response)
    assert (job["params"]["from"], job["params"]["to"], job["params"]["employees"]) == (
        "2026-03-01", "2026-03-08", [employee.id])
    assert saturday_is_a_workday()  # six-day week
    again = client.patch(f"/api/v1/employees/{employee.id}", headers=world.headers("admin"),
                         json={"jabatan": "Analis"})
    assert "X-Job-Id" not in again.headers


def test_a_transfer_already_in_force_recomputes_its_days_in_a_job(client, world, app):
    employee = world.people["pegawai_a"]
    app.config["HADIR_FAKE_NOW"] = "2026-03-16T10:00:00+07:00"
    response = client.post(f"/api/v1/employees/{employee.id}/mutations",
                           headers=world.headers("admin"), json={
                               "opd_id": world.opds["b"].id, "supervisor_id": None,
                               "valid_from": "2026-03-09", "reason": "SK Bupati 821/2026"})
    job = _job_of(client, world, response)
    assert (job["params"]["from"], job["params"]["to"], job["status"]) == (
        "2026-03-09", "2026-03-16", "done")
    assert DailyRecord.get(DailyRecord.employee == employee.id,
                           DailyRecord.work_date == "2026-03-10").opd_id == world.opds["b"].id
