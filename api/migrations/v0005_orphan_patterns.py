"""Repair what deleting an override period used to leave behind (issue 14): its weekday
patterns, with `period_id` nulled by `delete_instance(recursive=True)`, became extra rows of
the group's weekly pattern and took over its times. For every period deleted (the audit
log's "schedule.period.delete"), one weekly row per weekday that duplicates the group's
weekly pattern and carries the deleted period's times (its "schedule.period.create" entry)
is removed. The affected days are recomputed by the next `flask recompute`."""
from __future__ import annotations

import json
import logging

log = logging.getLogger(__name__)
TIMES = ("start", "end", "checkin_open", "checkin_close", "checkout_open", "checkout_close")


def _hhmmss(value) -> str:
    text = str(value)
    return text if len(text) > 5 else f"{text}:00"


def upgrade(db, migrator) -> None:
    p = db.param
    deleted = db.execute_sql("SELECT entity_id, before FROM audit_entry "
                             "WHERE action = 'schedule.period.delete' ORDER BY id").fetchall()
    removed = 0
    for period_id, before in deleted:
        group_id = json.loads(before)["group"]
        created = db.execute_sql("SELECT after FROM audit_entry WHERE action = "
                                 f"'schedule.period.create' AND entity_id = {p}",
                                 (period_id,)).fetchone()
        if created is None:
            continue
        columns = ", ".join(f'"{name}"' for name in TIMES)
        for pattern in json.loads(created[0]).get("patterns", []):
            rows = db.execute_sql(
                f"SELECT id, {columns} FROM schedule_pattern WHERE group_id = {p} AND "
                f"period_id IS NULL AND weekday = {p} ORDER BY id",
                (group_id, pattern["weekday"])).fetchall()
            if len(rows) < 2:
                continue  # the group's own weekly row: never removed
            wanted = tuple(_hhmmss(pattern[name]) for name in TIMES)
            orphan = next((row[0] for row in reversed(rows)
                           if tuple(_hhmmss(v) for v in row[1:]) == wanted), None)
            if orphan is not None:
                db.execute_sql(f"DELETE FROM schedule_pattern WHERE id = {p}", (orphan,))
                removed += 1
    if removed:
        log.warning("removed %d weekly pattern rows left by deleted override periods; "
                    "run `flask --app api recompute` for the dates they covered", removed)
