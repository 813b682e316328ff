"""Indexes for the fraud signals (issue 17): positions per day as the grid the query groups by,
phones per period, and the few attempts that carry a fraud-relevant mark."""
from __future__ import annotations

from api.models import CheckinEvent

NEW = ("checkin_event_work_date_device_uid_employee_id", "checkin_event_position",
       "checkin_event_flagged")


def upgrade(db, migrator) -> None:
    for index in CheckinEvent._meta.fields_to_index():
        if index._name in NEW:
            db.execute(index)  # IF NOT EXISTS; on PostgreSQL each partition gets its own
