"""Monthly recap (Lampiran II, SPEC §6): set-based aggregation of the daily records.

The month tally (kept with the daily records) holds the month's (employee, OPD, unit, status,
tiers) groups; how each distinct (status, tiers) combination counts is asked of the pure rules once
(`status_bucket`, `day_codes`, `day_cost`), then pandas weighs and sums. One row per
employee and OPD: a mid-month mutation splits a person between the two OPDs' recaps (the
records carry the OPD of each day). TPP cut per row, from that row's days; PP 94 is per
person (year to date, every OPD) and repeated on each of their rows.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import pandas as pd
from flask import current_app

from api.frames import query_frame
from api.models import MonthTally, Unit
from api.rules.codes import ABSENCE_CODES, EARLY_PREFIX, LATE_PREFIX
from api.rules.daily_status import DayResult
from api.rules.discipline import day_codes, day_cost
from api.rules.months import month_end, month_of
from api.rules.policy import Policy
from api.rules.recap import month_label, status_bucket
from api.services.policy import in_force

from . import discipline as dw
from .lookups import mutations_in, opd_frame, opd_heads, people

COMBO = ["status", "late_tier", "early_tier"]
KEYS = ["employee_id", "opd_id"]
BUCKETS = {"present": "present_days", "tk": "tk_days", "leave": "leave_days",
           "izin": "izin_days", "pending": "pending_days"}
MARKS = {"WFH": "wfh_days", "TM": "tm_days", "TP": "tp_days"}
COUNT_COLUMNS = ["workdays", "present_days", "pending_days", "late_minutes", "early_minutes",
                 "tk_days", "leave_days", "izin_days", "wfh_days", "tm_days", "tp_days"]
TPP_COLUMNS = ["tpp_percent", "tpp_uncapped", "tpp_daily_cap_reduction"]


@dataclass
class MonthlyRecap:
    first: date
    last: date
    policy: Policy
    policy_from: date | None
    late_codes: list[str]
    early_codes: list[str]
    extra_codes: list[str]  # other rated absence codes, counted so every cut is explained
    rows: pd.DataFrame  # one per employee × OPD
    opds: pd.DataFrame  # one per OPD: totals and the head who signs

    @property
    def tier_codes(self) -> list[str]:
        return [*self.late_codes, *self.early_codes]


def month_bounds(month: date) -> tuple[date, date]:
    first = month_of(month)
    return first, month_end(first)


def day_groups(first: date, opd_ids) -> pd.DataFrame:
    """The month's counted days grouped per employee, OPD, unit, status and tiers: its month
    tally, kept with the daily records (api/services/daily/tally.py)."""
    tally = MonthTally
    query = (tally.select(tally.employee, tally.opd, tally.unit, tally.status, tally.late_tier,
                          tally.early_tier, tally.days, tally.late_minutes, tally.early_minutes,
                          tally.first_day, tally.last_day)
             .where(tally.month == first))
    if opd_ids is not None:
        query = query.where(tally.opd.in_(list(opd_ids)))
    columns = [*KEYS, "unit_id", *COMBO, "days", "late_minutes", "early_minutes", "first_day",
               "last_day"]
    frame = query_frame(query, columns=columns, bulk=True)
    for column in ("first_day", "last_day"):  # ISO text (SQLite) or dates (PostgreSQL)
        frame[column] = pd.to_datetime(frame[column], format="ISO8601")
    return frame


def _tier_order(code: str) -> tuple[int, int]:
    prefix = 0 if code.startswith(LATE_PREFIX) else 1
    return prefix, int(code.removeprefix(LATE_PREFIX if prefix == 0 else EARLY_PREFIX))


def combo_table(groups: pd.DataFrame, policy: Policy, day: date) -> pd.DataFrame:
    """How each distinct (status, late tier, early tier) counts: a few dozen rule calls."""
    rows = []
    for status, late_tier, early_tier in groups[COMBO].drop_duplicates().itertuples(index=False):
        result = DayResult(day, True, status, late_tier=int(late_tier),
                           early_tier=int(early_tier))
        row = {"status": status, "late_tier": late_tier, "early_tier": early_tier,
               "tpp_daily_cap_reduction": day_cost(result, policy)[1]}
        bucket = status_bucket(status)
        if bucket:
            row[BUCKETS[bucket]] = 1
        if status in MARKS:
            row[MARKS[status]] = 1
        for code in day_codes(result):
            row[code] = row.get(code, 0) + 1
        rows.append(row)
    table = pd.DataFrame(rows, columns=[*COMBO, "tpp_daily_cap_reduction"]) if not rows else \
        pd.DataFrame(rows)
    return table.fillna(0)


def codes_of(combos: pd.DataFrame, policy: Policy) -> tuple[list[str], list[str], list[str]]:
    observed = {c for c in combos.columns if c[:2] == LATE_PREFIX or c[:3] == EARLY_PREFIX}
    tiers = sorted(observed | set(policy.late_codes()) | set(policy.early_codes()),
                   key=_tier_order)
    late = [c for c in tiers if _tier_order(c)[0] == 0]
    early = [c for c in tiers if _tier_order(c)[0] == 1]
    extra = sorted(c for c in ABSENCE_CODES if policy.tpp_rates.get(c, 0) and c != "I")
    return late, early, extra


def aggregate(groups: pd.DataFrame, combos: pd.DataFrame, value_columns: list[str]) -> pd.DataFrame:
    """Per employee and OPD: each value column summed over the groups, weighted by their days.
    The days of each (row, combination) pair are counted first, then one matrix product with
    the combinations' values gives every sum (a few dozen combinations, 10⁵ groups)."""
    table = combos.reindex(columns=[*COMBO, *value_columns]).fillna(0)
    which = (groups[COMBO].merge(table[COMBO].reset_index(), on=COMBO, how="left")["index"]
             .to_numpy())
    row = groups.groupby(KEYS, sort=False).ngroup().to_numpy()  # numbered as first seen
    totals = groups.loc[~pd.Series(row).duplicated().to_numpy(), KEYS].reset_index(drop=True)
    days = np.zeros((len(totals), len(table)))
    np.add.at(days, (row, which), groups["days"].to_numpy())
    totals[value_columns] = days @ table[value_columns].to_numpy(dtype=float)
    sums = groups.groupby(row)[["days", "late_minutes", "early_minutes"]].sum()
    totals["workdays"] = sums["days"].to_numpy()
    totals["late_minutes"] = sums["late_minutes"].to_numpy()
    totals["early_minutes"] = sums["early_minutes"].to_numpy()
    last_unit = (groups.sort_values("last_day").drop_duplicates(KEYS, keep="last")
                 [[*KEYS, "unit_id"]])
    return totals.merge(last_unit, on=KEYS, how="left")


def tpp_columns(frame: pd.DataFrame, codes: list[str], policy: Policy) -> pd.DataFrame:
    """TPP cut per row: `tpp_for_days` vectorised (per-code sums rounded as the rule does)."""
    uncapped = sum(((frame[c] * policy.tpp_rates.get(c, 0.0)).round(6) for c in codes),
                   start=pd.Series(0.0, index=frame.index)).round(6)
    reduction = frame["tpp_daily_cap_reduction"].round(6)
    frame["tpp_uncapped"] = uncapped
    frame["tpp_daily_cap_reduction"] = reduction
    frame["tpp_percent"] = np.minimum(uncapped - reduction, policy.tpp_monthly_cap).round(6)
    return frame


def attendance_percent(present: pd.Series, decided: pd.Series) -> pd.Series:
    """`MonthRecap.attendance_percent`, vectorised: present over decided workdays."""
    ratio = 100.0 * present / decided.where(decided > 0)
    return ratio.round(2).fillna(0.0)


def year_to_date(rows: pd.DataFrame, first: date, last: date, employees) -> pd.DataFrame:
    """YTD totals per person. For the whole pemda the month itself comes from `rows` (every
    OPD is there) and only the earlier months are read again."""
    if employees is not None:
        return dw.ytd_totals(date(first.year, 1, 1), last, employees)
    month = (rows.groupby("employee_id", as_index=False)[["tk_days", "late_minutes",
                                                          "early_minutes"]].sum()
             .set_axis(["employee_id", *dw.YTD_COLUMNS], axis=1))
    earlier = dw.ytd_totals(date(first.year, 1, 1), first - timedelta(days=1))
    both = pd.concat([earlier, month], ignore_index=True)
    return both.groupby("employee_id", as_index=False)[dw.YTD_COLUMNS].sum()


def counted_rows(first: date, last: date, opd_ids, policy: Policy):
    """(rows with counts, TPP and attendance; the day groups; late, early, extra codes)."""
    groups = day_groups(first, opd_ids)
    combos = combo_table(groups, policy, first)
    late, early, extra = codes_of(combos, policy)
    counts = list(dict.fromkeys([*BUCKETS.values(), *MARKS.values(), *late, *early, *extra,
                                 "TK", "I"]))
    rows = aggregate(groups, combos, [*counts, "tpp_daily_cap_reduction"])
    integers = [*counts, "workdays", "late_minutes", "early_minutes"]
    rows[integers] = rows[integers].astype("int64")
    rows = tpp_columns(rows, [*late, *early, *extra, "TK", "I"], policy)
    rows["attendance_percent"] = attendance_percent(rows["present_days"],
                                                    rows["workdays"] - rows["pending_days"])
    return rows, groups, late, early, extra


def streaks(groups: pd.DataFrame, rows: pd.DataFrame, first: date, last: date,
            opd_ids) -> pd.DataFrame:
    """Longest TK run per person (over every OPD). For the whole pemda, a lone TK day of the
    month that is not the person's first workday of it is a run of one: only the others are
    asked of SQL. A scoped recap asks about all its people (their other OPDs are unseen)."""
    if opd_ids is not None:
        return dw.tk_streaks(first, last, [int(e) for e in rows["employee_id"].unique()])
    starts = groups.groupby("employee_id")["first_day"].min()
    tk = groups[groups["status"] == "TK"].groupby("employee_id").agg(
        days=("days", "sum"), first=("first_day", "min"))
    alone = (tk["days"] == 1) & (tk["first"] != starts.reindex(tk.index))
    single = pd.DataFrame({"employee_id": tk.index[alone].astype("int64"),
                           "longest_tk_streak": 1})
    asked = dw.tk_streaks(first, last, [int(e) for e in tk.index[~alone]])
    return pd.concat([single, asked], ignore_index=True)


def monthly(month: date, opd_ids=None) -> MonthlyRecap:
    """The recap of a month for some OPDs (None: the whole pemda)."""
    first, last = month_bounds(month)
    force = in_force(first)
    policy = force.policy
    rows, groups, late, early, extra = counted_rows(first, last, opd_ids, policy)
    employees = None if opd_ids is None else dw.month_employees(first, last, opd_ids)
    rows = rows.merge(dw.pp94_columns(year_to_date(rows, first, last, employees), policy),
                      on="employee_id", how="left")
    rows = dw.flag_streaks(rows, streaks(groups, rows, first, last, opd_ids), policy)
    rows = rows.merge(people(employees), on="employee_id", how="left")
    rows = rows.merge(mutations_in(first, last), on="employee_id", how="left")
    opds = opd_frame(opd_ids)
    rows["unit_id"] = rows["unit_id"].astype("Int64")  # may be null: ints, not 3.0
    rows["unit_name"] = rows["unit_id"].map(dict(Unit.select(Unit.id, Unit.name).tuples()))
    rows = rows.merge(opds[["opd_id", "opd_name"]], on="opd_id", how="left")
    rows = rows.sort_values(["opd_name", "opd_id", "name", "nip"], kind="stable")
    rows.insert(0, "no", rows.groupby("opd_id").cumcount() + 1)
    return MonthlyRecap(first, last, policy, force.effective_from, late, early, extra,
                        rows.reset_index(drop=True), summarise(rows, opds, late + early + extra))


def summarise(rows: pd.DataFrame, opds: pd.DataFrame, codes: list[str]) -> pd.DataFrame:
    """Totals per OPD (only OPDs with records in the month) and the head who signs."""
    sums = rows.groupby("opd_id")[[*COUNT_COLUMNS, *codes]].sum()
    sums["employees"] = rows.groupby("opd_id")["employee_id"].nunique()
    sums["pp94_employees"] = rows[rows["pp94_level"].notna()].groupby("opd_id")[
        "employee_id"].nunique()
    sums["consecutive_tk_employees"] = rows[rows["consecutive_tk_flag"]].groupby("opd_id")[
        "employee_id"].nunique()
    sums["tpp_percent_mean"] = rows.groupby("opd_id")["tpp_percent"].mean().round(2)
    sums = sums.fillna(0).reset_index()
    sums["attendance_percent"] = attendance_percent(sums["present_days"],
                                                    sums["workdays"] - sums["pending_days"])
    frame = opds.merge(sums, on="opd_id", how="inner").sort_values(["opd_name", "opd_id"])
    heads = opd_heads()
    frame["head"] = frame["opd_id"].map(heads)
    counts = ["employees", "pp94_employees", "consecutive_tk_employees", *COUNT_COLUMNS, *codes]
    frame[counts] = frame[counts].astype("int64")
    return frame.reset_index(drop=True)


ROW_COLUMNS = ["no", "employee_id", "nip", "name", "jabatan", "golongan", "opd_id", "opd_name",
               "unit_id", "unit_name", "mutation_date", *COUNT_COLUMNS, "attendance_percent"]
DISCIPLINE_COLUMNS = [*dw.YTD_COLUMNS, *dw.PP94_COLUMNS, "longest_tk_streak",
                      "consecutive_tk_flag"]


def row_columns(recap: MonthlyRecap) -> list[str]:
    return [*ROW_COLUMNS, *recap.tier_codes, *recap.extra_codes, *TPP_COLUMNS,
            *DISCIPLINE_COLUMNS]


def envelope(recap: MonthlyRecap, opd_ids) -> dict:
    """The JSON answer; `rows` and `opds` stay frames (written by pandas)."""
    policy = recap.policy
    opd_columns = [c for c in recap.opds.columns if c != "opd_address"]
    return {
        "month": recap.first.strftime("%Y-%m"),
        "month_label": month_label(recap.first.year, recap.first.month),
        "period": {"from": recap.first.isoformat(), "to": recap.last.isoformat()},
        "pemda": current_app.config["PEMDA_NAME"],
        "opd_ids": None if opd_ids is None else sorted(opd_ids),
        "policy": {
            "effective_from": recap.policy_from.isoformat() if recap.policy_from else None,
            "late_codes": recap.late_codes, "early_codes": recap.early_codes,
            "extra_codes": recap.extra_codes, "tpp_rates": dict(policy.tpp_rates),
            "tpp_monthly_cap": policy.tpp_monthly_cap, "tpp_daily_cap": policy.tpp_daily_cap,
            "convert_minutes_to_tk": policy.convert_minutes_to_tk,
            "minutes_per_tk_day": policy.minutes_per_tk_day,
            "consecutive_tk_limit": policy.consecutive_tk_limit,
        },
        "opds": recap.opds[opd_columns],
        "rows": recap.rows[row_columns(recap)],
    }
