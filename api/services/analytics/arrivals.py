"""Arrival-time distribution: check-ins counted per local minute in SQL, binned in pandas."""
from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pandas as pd
from flask import current_app
from peewee import JOIN, Case, Cast, fn

from api.db import is_postgres
from api.frames import query_frame
from api.models import DailyRecord, EmployeeLocation, Location
from api.services.accounts import Reach

BIN_MINUTES = 15


def _utc_minute_of_day(field):
    """Minutes since midnight of a naive-UTC timestamp column, on SQLite and PostgreSQL."""
    if is_postgres():
        hour, minute = fn.date_part("hour", field), fn.date_part("minute", field)
    else:
        hour, minute = fn.strftime("%H", field), fn.strftime("%M", field)
    return Cast(hour, "INTEGER") * 60 + Cast(minute, "INTEGER")


def _offset_minutes(tz: str, day: date) -> int:
    moment = datetime.combine(day, time(12), tzinfo=ZoneInfo(tz))
    return int(moment.utcoffset().total_seconds() // 60)


def minute_counts(date_from: date, date_to: date, reach: Reach) -> pd.DataFrame:
    """(local minute of day, late?, count) of the counted check-ins of the dates."""
    minute = _utc_minute_of_day(DailyRecord.check_in_at)
    late = Case(None, [(DailyRecord.late_tier > 0, 1)], 0)
    query = (DailyRecord
             .select(Location.tz, minute, late, fn.COUNT(DailyRecord.id))
             .join(EmployeeLocation, JOIN.LEFT_OUTER,
                   on=((EmployeeLocation.employee == DailyRecord.employee)
                       & EmployeeLocation.primary))
             .join(Location, JOIN.LEFT_OUTER, on=(Location.id == EmployeeLocation.location))
             .where(DailyRecord.work_date.between(date_from, date_to),
                    DailyRecord.check_in_at.is_null(False))
             .group_by(Location.tz, minute, late))
    query = reach.narrow(query, DailyRecord)
    frame = query_frame(query, columns=["tz", "utc_minute", "late", "count"])
    default = current_app.config["PEMDA_TZ"]
    frame["tz"] = frame["tz"].fillna(default)
    offsets = {tz: _offset_minutes(tz, date_from) for tz in frame["tz"].unique()}
    frame["minute"] = (frame["utc_minute"] + frame["tz"].map(offsets)) % 1440
    return frame


def hhmm(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def distribution(date_from: date, date_to: date, reach: Reach) -> dict:
    """Counts per 15-minute bin (dense between the first and the last), split on time/late,
    with the median and the 10th/90th percentile arrival."""
    frame = minute_counts(date_from, date_to, reach)
    total = int(frame["count"].sum())
    if not total:
        return {"bin_minutes": BIN_MINUTES, "total": 0, "late": 0, "median": None,
                "p10": None, "p90": None, "bins": []}
    frame["bin"] = frame["minute"] // BIN_MINUTES * BIN_MINUTES
    bins = frame.pivot_table(index="bin", columns="late", values="count", aggfunc="sum",
                             fill_value=0)
    bins = bins.reindex(columns=[0, 1], fill_value=0)
    bins = bins.reindex(range(int(bins.index.min()), int(bins.index.max()) + 1, BIN_MINUTES),
                        fill_value=0)
    out = pd.DataFrame({"start": [hhmm(m) for m in bins.index],
                        "on_time": bins[0].astype("int64").to_numpy(),
                        "late": bins[1].astype("int64").to_numpy()})
    out["count"] = out["on_time"] + out["late"]
    by_minute = frame.groupby("minute")["count"].sum().sort_index().cumsum()

    def quantile(q: float) -> str:
        return hhmm(int(by_minute.index[(by_minute >= q * total).argmax()]))

    return {"bin_minutes": BIN_MINUTES, "total": total,
            "late": int(frame.loc[frame["late"] == 1, "count"].sum()),
            "median": quantile(0.5), "p10": quantile(0.1), "p90": quantile(0.9), "bins": out}
