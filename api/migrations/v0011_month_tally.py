"""The month tally the recaps read (issue 17), filled from the daily records already there."""
from __future__ import annotations

from datetime import date

from peewee import fn

from api.models import DailyRecord, MonthTally


def upgrade(db, migrator) -> None:
    from api.rules.months import months_between
    from api.services.daily import refresh_tally

    db.create_tables([MonthTally])
    first, last = DailyRecord.select(fn.MIN(DailyRecord.work_date),
                                     fn.MAX(DailyRecord.work_date)).scalar(as_tuple=True)
    if first is not None:  # SQLite answers ISO text, PostgreSQL dates
        days = [date.fromisoformat(str(value)[:10]) for value in (first, last)]
        refresh_tally(None, months_between(*days))
