"""Dashboard analytics, aggregated in SQL (GROUP BY) and pandas: heatmaps, trends, ranking,
TL/PSW tiers. Rates are percent of decided workdays (workdays that are not still open)."""
from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
from peewee import Case, fn

from api.frames import query_frame
from api.models import DailyRecord, Opd, Unit
from api.rules.codes import ABSENCE_CODES, EARLY_PREFIX, LATE_PREFIX, PRESENT_CODES
from api.rules.recap import MONTHS_ID, WEEKDAYS_ID, month_label
from api.services.accounts import Reach
from api.services.policy import in_force

MEASURES = ["decided_days", "present_days", "late_days", "early_days", "tk_days",
            "excused_days", "late_minutes"]


def _flag(condition) -> Case:
    return Case(None, [(condition, 1)], 0)


def counts(keys: list, date_from: date, date_to: date, reach: Reach) -> pd.DataFrame:
    """Day counts per group of `keys` over the workday records of the dates."""
    record = DailyRecord
    query = (record
             .select(*keys, fn.SUM(_flag(record.status != "BELUM")),
                     fn.SUM(_flag(record.status.in_(sorted(PRESENT_CODES)))),
                     fn.SUM(_flag(record.late_tier > 0)), fn.SUM(_flag(record.early_tier > 0)),
                     fn.SUM(_flag(record.status == "TK")),
                     fn.SUM(_flag(record.status.in_(sorted(ABSENCE_CODES)))),
                     fn.SUM(record.late_minutes))
             .where(record.work_date.between(date_from, date_to), record.workday,
                    record.status != "LIBUR")
             .group_by(*keys))
    query = reach.narrow(query, record)
    names = [k.name if hasattr(k, "name") else str(k) for k in keys]
    frame = query_frame(query, columns=[*names, *MEASURES])
    frame[MEASURES] = frame[MEASURES].fillna(0).astype("int64")
    return frame.rename(columns={"employee": "employee_id", "opd": "opd_id", "unit": "unit_id"})


def percent(part: pd.Series, whole: pd.Series) -> pd.Series:
    return (100.0 * part / whole.where(whole > 0)).round(2).fillna(0.0)


def with_rates(frame: pd.DataFrame) -> pd.DataFrame:
    frame["late_percent"] = percent(frame["late_days"], frame["decided_days"])
    frame["absent_percent"] = percent(frame["tk_days"], frame["decided_days"])
    frame["excused_percent"] = percent(frame["excused_days"], frame["decided_days"])
    frame["attendance_percent"] = percent(frame["present_days"], frame["decided_days"])
    return frame


def opd_names() -> dict[int, str]:
    return dict(Opd.select(Opd.id, Opd.name).tuples())


def heatmap(dim: str, first: date, last: date, reach: Reach) -> dict:
    """OPD × date or unit × weekday cells of lateness and absence rates."""
    if dim == "opd_date":
        cells = with_rates(counts([DailyRecord.opd, DailyRecord.work_date], first, last,
                                  reach))
        cells["work_date"] = pd.to_datetime(cells["work_date"]).dt.strftime("%Y-%m-%d")
        cells.insert(1, "opd_name", cells["opd_id"].map(opd_names()))
        cells = cells.sort_values(["opd_name", "work_date"])
    else:
        days = counts([DailyRecord.opd, DailyRecord.unit, DailyRecord.work_date], first, last,
                      reach)
        days["weekday"] = pd.to_datetime(days["work_date"]).dt.day_of_week
        cells = with_rates(days.groupby(["opd_id", "unit_id", "weekday"], dropna=False,
                                        as_index=False)[MEASURES].sum())
        cells["unit_id"] = cells["unit_id"].astype("Int64")
        units = dict(Unit.select(Unit.id, Unit.name).tuples())
        cells.insert(1, "opd_name", cells["opd_id"].map(opd_names()))
        cells.insert(3, "unit_name", cells["unit_id"].map(units))
        cells.insert(5, "weekday_name", cells["weekday"].map(dict(enumerate(WEEKDAYS_ID))))
        cells = cells.sort_values(["opd_name", "unit_name", "weekday"])
    return {"dim": dim, "month": first.strftime("%Y-%m"),
            "month_label": month_label(first.year, first.month),
            "period": {"from": first.isoformat(), "to": last.isoformat()},
            "cells": cells.reset_index(drop=True)}


def period_start(day: date, period: str) -> date:
    return day - timedelta(days=day.weekday()) if period == "week" else day.replace(day=1)


def next_period(start: date, period: str) -> date:
    if period == "week":
        return start + timedelta(days=7)
    return (start + timedelta(days=32)).replace(day=1)


def period_label(start: date, end: date, period: str) -> str:
    if period == "month":
        return month_label(start.year, start.month)
    return f"{start.day} {MONTHS_ID[start.month - 1][:3]} – {end.day} " \
           f"{MONTHS_ID[end.month - 1][:3]} {end.year}"


def trend(period: str, date_from: date, date_to: date, reach: Reach) -> dict:
    """Lateness and TK per week or month, each against the period before it."""
    first = period_start(date_from, period)
    before = period_start(first - timedelta(days=1), period)
    starts = [before]
    while next_period(starts[-1], period) <= date_to:
        starts.append(next_period(starts[-1], period))
    days = counts([DailyRecord.work_date], before, date_to, reach)
    days["start"] = pd.to_datetime(days["work_date"]).dt.date.map(
        lambda d: period_start(d, period))  # one call per date, not per record
    totals = days.groupby("start")[MEASURES].sum().reindex(starts, fill_value=0)
    series = with_rates(totals.reset_index(names="start"))
    series["avg_late_minutes"] = (series["late_minutes"] / series["late_days"]
                                  .where(series["late_days"] > 0)).round(1).fillna(0.0)
    decided_before = series["decided_days"].shift(1)
    for column in ("late_percent", "absent_percent", "attendance_percent"):
        # no decided workday in the period before (none, or before the records began):
        # nothing to compare with, so null rather than 0 %
        series[f"previous_{column}"] = series[column].shift(1).where(decided_before > 0)
        series[f"change_{column}"] = (series[column] - series[f"previous_{column}"]).round(2)
    series["end"] = [min(next_period(s, period) - timedelta(days=1), date_to)
                     for s in series["start"]]
    series["label"] = [period_label(s, e, period) for s, e in zip(series["start"],
                                                                   series["end"], strict=True)]
    series = series.iloc[1:].copy()  # the extra first period only feeds the comparison
    series["start"] = series["start"].astype(str)
    series["end"] = series["end"].astype(str)
    return {"period": period, "from": date_from.isoformat(), "to": date_to.isoformat(),
            "series": series.reset_index(drop=True)}


def ranking(first: date, last: date, reach: Reach) -> dict:
    """OPDs ranked by attendance, then lateness, then TK rate."""
    frame = with_rates(counts([DailyRecord.opd], first, last, reach))
    people = reach.narrow(
        DailyRecord.select(DailyRecord.opd, fn.COUNT(DailyRecord.employee.distinct()))
        .where(DailyRecord.work_date.between(first, last), DailyRecord.workday)
        .group_by(DailyRecord.opd), DailyRecord)
    frame["employees"] = frame["opd_id"].map(dict(people.tuples())).fillna(0).astype("int64")
    opds = {o.id: o for o in Opd.select(Opd.id, Opd.code, Opd.name)}
    frame["opd_code"] = frame["opd_id"].map({k: o.code for k, o in opds.items()})
    frame["opd_name"] = frame["opd_id"].map({k: o.name for k, o in opds.items()})
    frame["late_minutes_per_employee"] = (frame["late_minutes"] / frame["employees"]
                                          .where(frame["employees"] > 0)).round(1).fillna(0.0)
    frame = frame.sort_values(["attendance_percent", "late_percent", "absent_percent",
                               "opd_name"], ascending=[False, True, True, True])
    frame.insert(0, "rank", range(1, len(frame) + 1))
    return {"month": first.strftime("%Y-%m"), "month_label": month_label(first.year,
                                                                         first.month),
            "rows": frame.reset_index(drop=True)}


def tiers(first: date, last: date, reach: Reach) -> dict:
    """TL1–TLn and PSW1–PSWn occurrences (TM counts as its TL tier, TP as its PSW tier)."""
    record = DailyRecord
    query = (record.select(record.opd, record.status, record.late_tier, record.early_tier,
                           fn.COUNT(record.id))
             .where(record.work_date.between(first, last), record.workday,
                    (record.late_tier > 0) | (record.early_tier > 0))
             .group_by(record.opd, record.status, record.late_tier, record.early_tier))
    query = reach.narrow(query, record)
    frame = query_frame(query, columns=["opd_id", "status", "late_tier", "early_tier",
                                        "days"])
    policy = in_force(first).policy
    late_n = max([len(policy.late_tier_bounds) + 1, *frame["late_tier"].tolist()])
    early_n = max([len(policy.early_tier_bounds) + 1, *frame["early_tier"].tolist()])
    columns = {}
    for n in range(1, late_n + 1):
        columns[f"{LATE_PREFIX}{n}"] = frame["days"].where(frame["late_tier"] == n, 0)
    for n in range(1, early_n + 1):
        columns[f"{EARLY_PREFIX}{n}"] = frame["days"].where(frame["early_tier"] == n, 0)
    columns["TM"] = frame["days"].where(frame["status"] == "TM", 0)
    columns["TP"] = frame["days"].where(frame["status"] == "TP", 0)
    codes = list(columns)
    by_opd = pd.DataFrame(columns).assign(opd_id=frame["opd_id"]).groupby(
        "opd_id", as_index=False)[codes].sum()
    by_opd.insert(1, "opd_name", by_opd["opd_id"].map(opd_names()))
    by_opd = by_opd.sort_values("opd_name").reset_index(drop=True)
    totals = {code: int(by_opd[code].sum()) for code in codes}
    return {"month": first.strftime("%Y-%m"), "codes": codes, "totals": totals,
            "by_opd": by_opd}
