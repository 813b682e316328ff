"""PP 94/2021 year-to-date discipline (RULES.md §6): set-based totals, TK streaks, watch-list."""
from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd
from peewee import Case, Select, fn

from api.db import database
from api.frames import query_frame
from api.models import DailyRecord, Employee, MonthTally, Opd
from api.rules.discipline import pp94_level
from api.rules.months import month_end, whole_months
from api.rules.policy import Policy
from api.services.daily import counted_days

# A streak that reaches into a month may have begun before it: look this far back (ten
# workdays plus the longest holiday run of the year, Idul Fitri, fit easily).
STREAK_LOOKBACK_DAYS = 45
ID_CHUNK = 20000  # ids per IN list (SQLite allows 32766 variables)
_EPSILON = 1e-9  # as api.rules.discipline: 2.9999999 from summed fractions is 3 days
YTD_COLUMNS = ["ytd_tk_days", "ytd_late_minutes", "ytd_early_minutes"]
PP94_COLUMNS = ["ytd_converted_days", "pp94_exact_days", "pp94_days", "pp94_level",
                "pp94_penalty_id", "pp94_penalty"]


def tk_case():
    return Case(None, [(DailyRecord.status == "TK", 1)], 0)


def ytd_totals(date_from: date, date_to: date, employees=None) -> pd.DataFrame:
    """TK days and late/early minutes per employee over the dates, whatever the OPD was: the
    whole months from the month tally, the days after them from the daily records."""
    if date_to < date_from:
        return pd.DataFrame({c: pd.Series(dtype="int64") for c in ["employee_id", *YTD_COLUMNS]})
    parts = []
    months = whole_months(date_from, date_to)
    if months is not None:
        tk = Case(None, [(MonthTally.status == "TK", MonthTally.days)], 0)
        parts.append(MonthTally
                     .select(MonthTally.employee, fn.SUM(tk), fn.SUM(MonthTally.late_minutes),
                             fn.SUM(MonthTally.early_minutes))
                     .where(MonthTally.month.between(*months))
                     .group_by(MonthTally.employee))
        date_from = month_end(months[1]) + timedelta(days=1)
    if date_from <= date_to:
        parts.append(DailyRecord
                     .select(DailyRecord.employee, fn.SUM(tk_case()),
                             fn.SUM(DailyRecord.late_minutes), fn.SUM(DailyRecord.early_minutes))
                     .where(DailyRecord.work_date.between(date_from, date_to), *counted_days())
                     .group_by(DailyRecord.employee))
    if employees is not None:
        parts = [part.where(part.model.employee.in_(employees)) for part in parts]
    frame = pd.concat([query_frame(part, columns=["employee_id", *YTD_COLUMNS])
                       for part in parts], ignore_index=True)
    frame = frame.groupby("employee_id", as_index=False)[YTD_COLUMNS].sum()
    return frame.astype({"employee_id": "int64", **dict.fromkeys(YTD_COLUMNS, "int64")})


def tk_streaks(first: date, last: date, candidates) -> pd.DataFrame:
    """Longest run of TK workdays per employee among runs with a day in [first, last].

    `candidates`: a subquery or a list of employee ids. Runs are found inside the period
    first; only a run that starts at an employee's first workday of the period may reach
    further back, so only those employees are asked again over STREAK_LOOKBACK_DAYS."""
    runs = _runs(first, first, last, candidates)
    if runs.empty:
        return pd.DataFrame({"employee_id": pd.Series(dtype="int64"),
                             "longest_tk_streak": pd.Series(dtype="int64")})
    at_start = runs.loc[runs["island"] == 0, "employee_id"].unique().tolist()
    if at_start:
        earlier = first - timedelta(days=STREAK_LOOKBACK_DAYS)
        again = _runs(earlier, first, last, [int(e) for e in at_start])
        runs = pd.concat([runs[~runs["employee_id"].isin(at_start)], again])
    longest = runs.groupby("employee_id", as_index=False)["length"].max()
    return longest.rename(columns={"length": "longest_tk_streak"}).astype("int64")


def _runs(window_from: date, first: date, last: date, candidates) -> pd.DataFrame:
    if isinstance(candidates, list | tuple):
        chunks = [candidates[i:i + ID_CHUNK] for i in range(0, len(candidates), ID_CHUNK)]
    else:
        chunks = [candidates]
    frames = [_islands(window_from, first, last, chunk) for chunk in chunks
              if not isinstance(chunk, list) or chunk]
    frames = [f for f in frames if not f.empty]
    return pd.concat(frames) if frames else pd.DataFrame(
        columns=["employee_id", "island", "length"])


def _islands(window_from: date, first: date, last: date, employees) -> pd.DataFrame:
    """Gaps and islands in SQL: every non-TK workday starts a new island, so TK days with
    the same running count of non-TK days are consecutive workdays (weekends and holidays
    are no workdays: they neither extend nor break a run, as in `longest_tk_streak`)."""
    breaks = fn.SUM(Case(None, [(DailyRecord.status == "TK", 0)], 1)).over(
        partition_by=[DailyRecord.employee], order_by=[DailyRecord.work_date])
    days = (DailyRecord
            .select(DailyRecord.employee.alias("employee_id"), DailyRecord.work_date,
                    DailyRecord.status, breaks.alias("island"))
            .where(DailyRecord.work_date.between(window_from, last), *counted_days(),
                   DailyRecord.employee.in_(employees))
            .alias("days"))
    runs = (Select([days], [days.c.employee_id, days.c.island, fn.COUNT(days.c.work_date)])
            .where(days.c.status == "TK")
            .group_by(days.c.employee_id, days.c.island)
            .having(fn.MAX(days.c.work_date) >= first)
            .bind(database))
    return query_frame(runs, ["employee_id", "island", "length"])


def streak_candidates(frame: pd.DataFrame, first: date, last: date, employees,
                      threshold: int, policy: Policy) -> list[int]:
    """The employees whose longest TK run the watch-list needs: those it shows for their PP 94
    days, and those with enough TK days — counted from STREAK_LOOKBACK_DAYS before the year,
    where a run may begin — to hold a run of `consecutive_tk_limit`. Nobody else can be
    flagged, so the runs are not searched for the whole pemda. `frame` holds the year's
    totals already; only the look-back days before it are read."""
    shown = frame.loc[frame["pp94_days"] >= threshold, "employee_id"]
    before = ytd_totals(first - timedelta(days=STREAK_LOOKBACK_DAYS), first - timedelta(days=1),
                        employees)
    reach = (pd.concat([frame[["employee_id", "ytd_tk_days"]],
                        before[["employee_id", "ytd_tk_days"]]])
             .groupby("employee_id")["ytd_tk_days"].sum())
    enough = reach.index[reach >= policy.consecutive_tk_limit]
    return sorted({int(e) for e in shown} | {int(e) for e in enough})


def pp94_columns(ytd: pd.DataFrame, policy: Policy) -> pd.DataFrame:
    """Converted minutes, the exact and whole TK-day total, level and penalty, vectorised.

    Mirrors `tk_equivalent_days` + `pp94_level`; the level of each distinct whole-day total
    is asked of the pure rule itself (a few dozen values, not one call per employee)."""
    out = ytd.copy()
    minutes = out["ytd_late_minutes"] + out["ytd_early_minutes"]
    converted = minutes / policy.minutes_per_tk_day
    if not policy.convert_minutes_to_tk:
        converted = converted * 0.0
    out["ytd_converted_days"] = converted.round(4)
    exact = out["ytd_tk_days"] + converted
    out["pp94_exact_days"] = exact.round(4)
    whole = np.floor(exact + _EPSILON).clip(lower=0).astype("int64")
    out["pp94_days"] = whole
    levels = {int(d): pp94_level(d, policy) for d in whole.unique()}
    for column, attribute in (("pp94_level", "level"), ("pp94_penalty_id", "penalty_id"),
                              ("pp94_penalty", "penalty")):
        out[column] = whole.map({d: getattr(r, attribute) for d, r in levels.items()})
    return out


def flag_streaks(frame: pd.DataFrame, streaks: pd.DataFrame, policy: Policy) -> pd.DataFrame:
    out = frame.merge(streaks, on="employee_id", how="left")
    out["longest_tk_streak"] = out["longest_tk_streak"].fillna(0).astype("int64")
    out["consecutive_tk_flag"] = out["longest_tk_streak"] >= policy.consecutive_tk_limit
    return out


def next_level_days(whole: pd.Series, policy: Policy) -> pd.Series:
    """TK days at which the next PP 94 row starts (None past the last row)."""
    lows = np.array([tier[0] for tier in policy.pp94_tiers])
    index = np.searchsorted(lows, whole.to_numpy(), side="right")
    values = [int(lows[i]) if i < len(lows) else None for i in range(len(lows) + 1)]
    return pd.Series([values[i] for i in index], index=whole.index, dtype="object")


def watchlist(year: int, as_of: date, policy: Policy, opd_ids=None,
              min_days: int | None = None) -> dict:
    """Employees at a PP 94 level (or at `min_days` TK days) or with a 10-workday TK run."""
    first, last = date(year, 1, 1), min(date(year, 12, 31), as_of)
    threshold = policy.pp94_tiers[0][0] if min_days is None else min_days
    employees = Employee.select(Employee.id)
    if opd_ids is not None:
        employees = employees.where(Employee.opd.in_(list(opd_ids)))
    frame = pp94_columns(ytd_totals(first, last, employees), policy)
    frame = flag_streaks(frame, tk_streaks(first, last, streak_candidates(
        frame, first, last, employees, threshold, policy)), policy)
    frame = frame[(frame["pp94_days"] >= threshold) | frame["consecutive_tk_flag"]]
    frame = frame.assign(next_level_at=next_level_days(frame["pp94_days"], policy))
    people = query_frame(
        Employee.select(Employee.id, Employee.nip, Employee.name, Employee.jabatan,
                        Employee.opd, Opd.name).join(Opd)
        .where(Employee.id.in_([int(i) for i in frame["employee_id"]])),
        columns=["employee_id", "nip", "name", "jabatan", "opd_id", "opd_name"])
    frame = frame.merge(people, on="employee_id", how="inner")
    frame = frame.sort_values(["pp94_exact_days", "longest_tk_streak", "name"],
                              ascending=[False, False, True])
    levels = frame["pp94_level"].value_counts().to_dict()
    return {"year": year, "as_of": last.isoformat(), "period": {"from": first.isoformat(),
                                                                  "to": last.isoformat()},
            "threshold_days": threshold, "counts_by_level": {k: int(v) for k, v in levels.items()},
            "flagged_consecutive": int(frame["consecutive_tk_flag"].sum()),
            "rows": frame[WATCH_COLUMNS].reset_index(drop=True)}


WATCH_COLUMNS = ["employee_id", "nip", "name", "jabatan", "opd_id", "opd_name", *YTD_COLUMNS,
                 *PP94_COLUMNS, "next_level_at", "longest_tk_streak", "consecutive_tk_flag"]


def month_employees(first: date, last: date, opd_ids):
    """Subquery: employees with a record in these OPDs during the period."""
    return (DailyRecord.select(DailyRecord.employee).distinct()
            .where(DailyRecord.work_date.between(first, last),
                   DailyRecord.opd.in_(list(opd_ids))))
