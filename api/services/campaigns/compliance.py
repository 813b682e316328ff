"""Who reported, who was excused and who missed each window of a campaign: per window and
day, by OPD and unit, the list of non-reporters for the head of the OPD, the reports outside
the zone, and the whole-campaign summary per OPD for BKD.

An employee is counted where they belonged on each date (a mid-campaign transfer moves their
later windows to the new OPD) and in their own office's zone."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

import pandas as pd
from flask import current_app

from api.models import (
    AbsenceRequest,
    Assignment,
    CampaignExcuse,
    CampaignReport,
    Employee,
    Opd,
    Unit,
)
from api.rules.campaigns import STATUSES, campaign_dates, compliance_percent, status
from api.services import daily

from .book import CampaignRules, rules_of

CELL_COLUMNS = ["employee_id", "name", "nip", "jabatan", "opd_id", "unit_id", "work_date",
                "window", "status", "outside_zone"]


def _excused(rules: CampaignRules, ids: list[int]) -> tuple[set, set]:
    """(employee, date) pairs under an approved absence; (employee, date, window or None)
    under an approved excuse."""
    days = set()
    for employee_id, start, end in (AbsenceRequest.select(
            AbsenceRequest.employee, AbsenceRequest.date_from, AbsenceRequest.date_to)
            .where(AbsenceRequest.employee.in_(ids), AbsenceRequest.status == "approved",
                   AbsenceRequest.date_from <= rules.date_to,
                   AbsenceRequest.date_to >= rules.date_from).tuples()):
        days |= {(employee_id, d) for d in campaign_dates(max(start, rules.date_from),
                                                           min(end, rules.date_to))}
    windows = set(CampaignExcuse.select(CampaignExcuse.employee, CampaignExcuse.work_date,
                                        CampaignExcuse.window)
                  .where(CampaignExcuse.campaign == rules.id,
                         CampaignExcuse.status == "approved").tuples())
    return days, windows


def cells(campaign, now: datetime, opd_ids: Sequence[int] | None = None,
          day: date | None = None) -> pd.DataFrame:
    """One row per target employee, date and window (CELL_COLUMNS), in scope."""
    rules = rules_of(campaign)
    query = Employee.select(Employee.id, Employee.name, Employee.nip, Employee.jabatan,
                            Employee.employment_type).where(Employee.active)
    reach = set(opd_ids) if opd_ids is not None else None
    if rules.opds:
        reach = set(rules.opds) if reach is None else reach & rules.opds
    if reach is not None:  # only who was ever posted there can count there on a date
        query = query.where(Employee.id.in_(Assignment.select(Assignment.employee).where(
            Assignment.opd.in_(list(reach)))))
    people = list(query.tuples())
    ids = [p[0] for p in people]
    postings = daily.load_postings(ids, current_app.config["PEMDA_TZ"])
    reports = {(e, d, w): inside for e, d, w, inside in CampaignReport.select(
        CampaignReport.employee, CampaignReport.work_date, CampaignReport.window,
        CampaignReport.inside_zone).where(CampaignReport.campaign == rules.id).tuples()}
    absent_days, excused_windows = _excused(rules, ids)
    dates = [day] if day is not None else campaign_dates(rules.date_from, rules.date_to)
    scope = set(opd_ids) if opd_ids is not None else None
    rows = []
    for employee_id, name, nip, jabatan, employment_type in people:
        own = postings.get(employee_id, [])
        for work_date in dates:
            posting = daily.posting_on(own, work_date)
            if posting is None or not rules.targets(posting.opd_id, employment_type):
                continue
            if scope is not None and posting.opd_id not in scope:
                continue
            away = (employee_id, work_date) in absent_days
            for index, window in enumerate(rules.windows):
                key = (employee_id, work_date, index)
                excused = away or key in excused_windows or (
                    employee_id, work_date, None) in excused_windows
                reported = key in reports
                rows.append((employee_id, name, nip, jabatan, posting.opd_id, posting.unit_id,
                             work_date, index,
                             status(reported, excused, work_date, window, posting.tz, now),
                             reported and not reports[key]))
    return pd.DataFrame(rows, columns=CELL_COLUMNS)


def _counts(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    table = (frame.groupby([*keys, "status"]).size().unstack("status", fill_value=0)
             .reindex(columns=list(STATUSES), fill_value=0).reset_index())
    table["outside_zone"] = frame.groupby(keys)["outside_zone"].sum().values
    table["percent"] = [compliance_percent(dict(zip(STATUSES, row, strict=True)))
                        for row in table[list(STATUSES)].itertuples(index=False, name=None)]
    return table


def _records(frame: pd.DataFrame) -> list[dict]:
    out = frame.astype(object).where(frame.notna(), None).to_dict("records")
    for row in out:
        for key, value in row.items():
            if isinstance(value, date):
                row[key] = value.isoformat()
            elif hasattr(value, "item"):
                row[key] = value.item()
    return out


def names() -> tuple[dict[int, str], dict[int, str]]:
    return (dict(Opd.select(Opd.id, Opd.name).tuples()),
            dict(Unit.select(Unit.id, Unit.name).tuples()))


def report(campaign, frame: pd.DataFrame, day: date | None) -> dict:
    """The compliance answer from the campaign's cells (`cells`): totals, per window and day,
    per OPD and unit, non-reporters (anyone with a missed window, or an open one not reported
    yet) and reports outside the zone."""
    rules = rules_of(campaign)
    opd_names, unit_names = names()
    labels = [w.label for w in rules.windows]
    if frame.empty:
        totals = {s: 0 for s in STATUSES} | {"outside_zone": 0, "percent": None}
        return {"date": day, "windows": labels, "employees": 0, "totals": totals,
                "by_window": [], "by_opd": [], "by_unit": [], "non_reporters": [],
                "outside_zone": []}
    whole = _counts(frame.assign(k=0), ["k"]).iloc[0].to_dict()
    by_window = _counts(frame, ["work_date", "window"])
    by_window["label"] = [labels[w] for w in by_window["window"]]
    by_opd = _counts(frame, ["opd_id"])
    by_opd.insert(1, "opd_name", [opd_names.get(o, "") for o in by_opd["opd_id"]])
    by_opd.insert(2, "employees", frame.groupby("opd_id")["employee_id"].nunique().values)
    units = frame.assign(unit_id=frame["unit_id"].fillna(0).astype(int))
    by_unit = _counts(units, ["opd_id", "unit_id"])
    by_unit.insert(2, "unit_name", [unit_names.get(u, "–") for u in by_unit["unit_id"]])
    missed = frame[frame["status"].isin(("missed", "open"))].copy()
    missed["what"] = [f"{d:%d-%m} {labels[w]}" + (" (masih terbuka)" if s == "open" else "")
                      for d, w, s in zip(missed["work_date"], missed["window"],
                                         missed["status"], strict=True)]
    non = (missed.groupby(["employee_id", "name", "nip", "jabatan", "opd_id", "unit_id"],
                          dropna=False)["what"].agg(list).reset_index()
           .sort_values(["opd_id", "name"]))
    non["unit_name"] = [unit_names.get(u, "–") if u == u else "–" for u in non["unit_id"]]
    non["missed_count"] = [sum(1 for t in v if not t.endswith("(masih terbuka)"))
                           for v in non["what"]]
    outside = frame[frame["outside_zone"]][["employee_id", "name", "nip", "opd_id", "work_date",
                                            "window"]]
    return {"date": day, "windows": labels,
            "employees": int(frame["employee_id"].nunique()),
            "totals": {s: int(whole[s]) for s in STATUSES} | {
                "outside_zone": int(whole["outside_zone"]), "percent": whole["percent"]},
            "by_window": _records(by_window), "by_opd": _records(by_opd),
            "by_unit": _records(by_unit),
            "non_reporters": _records(non.rename(columns={"what": "missed"})),
            "outside_zone": _records(outside)}
