"""The whole-pemda recompute spread over worker processes (the CLI's `--workers`).

Each worker builds its own app from the same environment and recomputes a share of the
employees; writes stay per chunk, so SQLite serialises them while the computing runs in
parallel, and PostgreSQL takes them side by side."""
from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from datetime import date, datetime

from api.models import Employee

_app = None


def _start_worker(overrides: dict) -> None:
    global _app
    from api import create_app

    _app = create_app(overrides or None)


def _recompute_share(date_from: date, date_to: date, ids: list[int], now: datetime) -> int:
    from .recompute import recompute_range

    with _app.app_context():
        return recompute_range(date_from, date_to, ids, now)


def recompute_all(date_from: date, date_to: date, now: datetime, workers: int,
                  overrides: dict | None = None, chunk: int = 2000) -> int:
    """Recompute every active employee's records with `workers` processes, `chunk`
    employees at a time handed to whichever worker is free."""
    from .recompute import recompute_range

    ids = [row[0] for row in Employee.select(Employee.id).where(Employee.active)
           .order_by(Employee.id).tuples()]
    if workers <= 1 or len(ids) <= chunk:
        return recompute_range(date_from, date_to, ids, now)
    context = multiprocessing.get_context("spawn")  # a clean interpreter: no shared sockets
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker,
                             initargs=(overrides or {},)) as pool:
        futures = [pool.submit(_recompute_share, date_from, date_to, ids[i:i + chunk], now)
                   for i in range(0, len(ids), chunk)]
        return sum(future.result() for future in futures)
