"""Background jobs on huey (SQLite file storage on one machine, Redis with REDIS_URL): the
recomputes an admin change asks for, the nightly run scheduled by the worker, and what each
job did, for GET /api/v1/jobs."""
from .nightly import due_dates, is_due, run_nightly
from .queue import enqueue_recompute, huey_of, job_dict, jobs_query

__all__ = ["due_dates", "enqueue_recompute", "huey_of", "is_due", "job_dict", "jobs_query",
           "run_nightly"]
