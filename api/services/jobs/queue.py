"""The job queue: one huey per app (its SQLite file, or Redis when REDIS_URL is set), the
tasks it runs, and the Job rows that tell users how far each got. A recompute is idempotent,
so huey may retry it safely."""
from __future__ import annotations

import json
import logging
import uuid
from dataclasses import dataclass
from datetime import date

from flask import Flask, current_app, g, has_app_context, has_request_context
from huey import Huey, RedisHuey, SqliteHuey, crontab

from api import clock
from api.db import database
from api.formats import iso_z
from api.models import Employee, Job

log = logging.getLogger(__name__)
STEP = 500  # employees recomputed per progress step


@dataclass(frozen=True)
class Jobs:
    huey: Huey
    recompute: object  # huey TaskWrapper
    nightly: object


def huey_of(app: Flask | None = None) -> Jobs:
    """The app's queue and its tasks, made on first use."""
    app = app or current_app._get_current_object()
    jobs = app.extensions.get("hadir_jobs")
    if jobs is None:
        jobs = app.extensions["hadir_jobs"] = _build(app)
    return jobs


def _build(app: Flask) -> Jobs:
    cfg = app.config
    immediate = cfg["JOBS_IMMEDIATE"]
    if cfg["REDIS_URL"]:
        huey: Huey = RedisHuey(f"{cfg['REDIS_PREFIX']}-jobs", url=cfg["REDIS_URL"],
                               immediate=immediate, utc=True)
    else:
        huey = SqliteHuey("hadir-jobs", filename=cfg["JOBS_DB"], immediate=immediate, utc=True)

    def in_app(work, *args):
        if has_app_context():  # immediate mode, inside the request that enqueued it
            return work(*args)
        with app.app_context():
            database.connect(reuse_if_open=True)
            try:
                return work(*args)
            finally:
                database.close()

    @huey.task(retries=2, retry_delay=30, name="recompute")
    def recompute(job_id: str):
        return in_app(_run_recompute, job_id)

    @huey.task(retries=1, retry_delay=300, name="nightly")
    @huey.lock_task("nightly")
    def nightly(job_id: str):
        from .nightly import run_nightly

        return in_app(lambda: _tracked(job_id, lambda job: run_nightly(clock.now(), job)))

    @huey.periodic_task(crontab(minute="*/5"), name="nightly-when-due")
    def nightly_when_due():
        from .nightly import is_due

        def check():
            if is_due(clock.now()):
                job = _new_job("nightly", {}, None)
                nightly(job.id)

        in_app(check)

    return Jobs(huey, recompute, nightly)


def _new_job(kind: str, params: dict, actor_id: int | None) -> Job:
    return Job.create(id=str(uuid.uuid4()), kind=kind, params=json.dumps(params, default=str),
                      created_by=actor_id, created_at=clock.utc_naive(clock.now()))


def enqueue_recompute(actor_id: int | None, first: date, last: date,
                      employee_ids: list[int] | None, reason: str) -> dict:
    """Queue a recompute of these employees (None = all active) over [first, last]; call it
    after the change is committed. Returns the job as GET /jobs/{id} shows it."""
    job = _new_job("recompute", {"from": first.isoformat(), "to": last.isoformat(),
                                 "employees": employee_ids, "reason": reason}, actor_id)
    if has_request_context():  # the answer names it (X-Job-Id): GET /api/v1/jobs/{id}
        g.setdefault("jobs_queued", []).append(job.id)
    huey_of().recompute(job.id)
    return job_dict(Job.get_by_id(job.id))


def _tracked(job_id: str, work) -> dict:
    """Run `work(job)` with the job marked running, then done (its result) or failed."""
    Job.update(status="running", started_at=clock.utc_naive(clock.now())).where(
        Job.id == job_id).execute()
    try:
        result = work(Job.get_by_id(job_id))
    except Exception as exc:
        Job.update(status="failed", error=str(exc)[:500],
                   finished_at=clock.utc_naive(clock.now())).where(Job.id == job_id).execute()
        log.exception("job %s failed", job_id)
        raise
    Job.update(status="done", result=json.dumps(result, default=str),
               finished_at=clock.utc_naive(clock.now())).where(Job.id == job_id).execute()
    return result


def _run_recompute(job_id: str) -> dict:
    from api.services import daily

    def work(job: Job) -> dict:
        params = json.loads(job.params)
        first, last = date.fromisoformat(params["from"]), date.fromisoformat(params["to"])
        ids = params["employees"]
        if ids is None:
            ids = [row[0] for row in Employee.select(Employee.id).where(Employee.active)
                   .order_by(Employee.id).tuples()]
        Job.update(total=len(ids)).where(Job.id == job.id).execute()
        records = 0
        for start in range(0, len(ids), STEP):
            records += daily.recompute_range(first, last, ids[start:start + STEP], clock.now())
            Job.update(done=min(start + STEP, len(ids))).where(Job.id == job.id).execute()
        closed = sorted({f"{month:%Y-%m}" for _opd, month in
                         daily.closed_months(first, last)})
        return {"records": records, "closed_months_skipped": closed}

    return _tracked(job_id, work)


def job_dict(job: Job) -> dict:
    return {"id": job.id, "kind": job.kind, "status": job.status, "done": job.done,
            "total": job.total, "params": json.loads(job.params),
            "result": json.loads(job.result), "error": job.error or None,
            "created_at": iso_z(job.created_at), "started_at": iso_z(job.started_at),
            "finished_at": iso_z(job.finished_at)}


def jobs_query(actor) -> object:
    """The jobs an actor may see: admins all, others their own."""
    query = Job.select().order_by(Job.created_at.desc())
    if not actor.has("admin"):
        query = query.where(Job.created_by == actor.id)
    return query
