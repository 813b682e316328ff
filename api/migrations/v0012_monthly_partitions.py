"""checkin_event and daily_record partitioned by month on PostgreSQL (issue 17), every row kept;
SQLite stays as it is (api/partitions.py)."""
from __future__ import annotations


def upgrade(db, migrator) -> None:
    from api import clock
    from api.partitions import partition_tables

    partition_tables(clock.now().date())
