"""The nightly run: due mutations, the days since the last run recomputed (a missed night
is caught up, so no day stays BELUM), expired files, files a killed process left without
their row, prints, challenges and tokens purged, and an audit checkpoint. Run by the worker
at NIGHTLY_AT (pemda-local) or by `flask --app api nightly`."""
from __future__ import annotations

from datetime import date, datetime, timedelta

from flask import current_app

from api import clock
from api.models import Job, NightlyRun

MAX_CATCH_UP_DAYS = 62  # a worker down for longer is a deployment problem: recompute by hand


def due_dates(today: date, last_done: date | None) -> tuple[date, date]:
    """The dates a nightly run on `today` recomputes: from the day after the last finished
    run (at most MAX_CATCH_UP_DAYS back; yesterday when there was none) to today."""
    first = today - timedelta(days=1) if last_done is None else last_done + timedelta(days=1)
    first = max(min(first, today - timedelta(days=1)), today - timedelta(days=MAX_CATCH_UP_DAYS))
    return first, today


def _local_now(now: datetime) -> datetime:
    return clock.local(now, current_app.config["PEMDA_TZ"])


def is_due(now: datetime) -> bool:
    """Past NIGHTLY_AT today (pemda-local) and today's run not finished yet."""
    local = _local_now(now)
    hour, minute = (int(part) for part in current_app.config["NIGHTLY_AT"].split(":"))
    if (local.hour, local.minute) < (hour, minute):
        return False
    return not NightlyRun.select().where(NightlyRun.work_date == local.date()).exists()


def run_nightly(now: datetime, job: Job | None = None) -> dict:
    from api.partitions import ensure_ahead
    from api.services import audit, checkin, daily, storage
    from api.services.accounts import tokens
    from api.services.org import mutations

    today = _local_now(now).date()
    last = NightlyRun.select().order_by(NightlyRun.work_date.desc()).first()
    first, _ = due_dates(today, last.work_date if last else None)
    partitions = ensure_ahead(today)  # PostgreSQL: the coming months' partitions
    applied = mutations.apply_due(today)
    records = daily.recompute_range(first, today, None, now)
    purged = storage.purge_expired(today)
    # from the day before: a file written after the last run, in the last month's folder
    orphans = storage.sweep_orphans(first - timedelta(days=1), today)
    checkin.purge_prints(now)
    checkin.challenges.purge(now)
    revoked = tokens.purge_expired(clock.utc_naive(now))
    signed = audit.checkpoint.write()
    finished = {"finished_at": clock.utc_naive(now), "job": job.id if job else None}
    (NightlyRun.insert(work_date=today, **finished)
     .on_conflict(conflict_target=[NightlyRun.work_date], update=finished).execute())
    return {"dates": [first.isoformat(), today.isoformat()], "mutations": len(applied),
            "records": records, "files_purged": purged, "orphan_files_removed": orphans,
            "tokens_purged": revoked, "partitions_created": partitions,
            "audit_checkpoint": signed["entry_id"]}
