"""Today's board (Beranda): present / late / not yet / excused / pending, by OPD and unit."""
from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
from flask import current_app

from api.frames import query_frame
from api.models import DailyRecord, Employee, Opd, Unit
from api.rules.codes import ABSENCE_CODES, PRESENT_CODES
from api.rules.recap import date_label
from api.services import analytics
from api.services.accounts import Reach

STATES = ["present", "not_yet", "pending", "excused", "absent", "off"]
COUNTS = ["employees", *STATES, "late"]


def board_frame(day: date, reach: Reach) -> pd.DataFrame:
    """One row per active employee in reach (current OPD, team, unit, type) or with a record
    there today."""
    people = Employee.select(Employee.id, Employee.opd, Employee.unit).where(Employee.active)
    records = DailyRecord.select(DailyRecord.employee, DailyRecord.opd, DailyRecord.unit,
                                 DailyRecord.status, DailyRecord.late_tier,
                                 DailyRecord.has_pending).where(DailyRecord.work_date == day)
    if reach.opd_ids is not None:
        people = people.where(Employee.opd.in_(list(reach.opd_ids)))
    if reach.chosen is not None:
        people = people.where(Employee.id.in_(reach.chosen))
    records = reach.narrow(records, DailyRecord)
    base = query_frame(people,
                                     columns=["employee_id", "opd_id", "unit_id"])
    found = query_frame(records,
                                      columns=["employee_id", "r_opd", "r_unit", "status",
                                               "late_tier", "has_pending"])
    frame = base.merge(found, on="employee_id", how="outer")
    has_record = frame["status"].notna()
    # The record knows where the employee belongs today (a mutation may take effect today).
    frame["opd_id"] = frame["r_opd"].where(has_record, frame["opd_id"])
    frame["unit_id"] = frame["r_unit"].where(has_record, frame["unit_id"])
    status = frame["status"].fillna("BELUM")
    waiting = status.eq("BELUM") & frame["has_pending"].astype("boolean").fillna(False).astype(bool)
    frame["state"] = np.select(
        [status.isin(PRESENT_CODES), waiting, status.eq("BELUM"), status.isin(ABSENCE_CODES),
         status.eq("TK"), status.eq("LIBUR")],
        ["present", "pending", "not_yet", "excused", "absent", "off"], default="not_yet")
    frame["late"] = (frame["state"] == "present") & (frame["late_tier"].fillna(0) > 0)
    return frame[["employee_id", "opd_id", "unit_id", "state", "late"]]


def tally(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    counts = pd.crosstab([frame[k].fillna(-1) for k in keys], frame["state"])
    counts = counts.reindex(columns=STATES, fill_value=0)
    counts["late"] = frame.groupby([frame[k].fillna(-1) for k in keys])["late"].sum()
    counts["employees"] = counts[STATES].sum(axis=1)
    counts = counts.reset_index()
    for key in keys:  # -1 stood for "none" (an employee without a unit)
        counts[key] = counts[key].astype("Int64").mask(counts[key] < 0)
    return counts[[*keys, *COUNTS]]


def board(day: date, reach: Reach) -> dict:
    frame = board_frame(day, reach)
    opds = dict(Opd.select(Opd.id, Opd.name).tuples())
    units = dict(Unit.select(Unit.id, Unit.name).tuples())
    by_opd = tally(frame, ["opd_id"]) if len(frame) else pd.DataFrame(columns=["opd_id",
                                                                              *COUNTS])
    by_opd.insert(1, "opd_name", by_opd["opd_id"].map(opds))
    by_unit = tally(frame, ["opd_id", "unit_id"]) if len(frame) else pd.DataFrame(
        columns=["opd_id", "unit_id", *COUNTS])
    by_unit.insert(2, "unit_name", by_unit["unit_id"].map(units))
    totals = {state: int((frame["state"] == state).sum()) for state in STATES}
    totals.update(employees=len(frame), late=int(frame["late"].sum()))
    return {"date": day.isoformat(), "date_label": date_label(day),
            "pemda": current_app.config["PEMDA_NAME"], "totals": totals,
            "by_opd": by_opd.sort_values("opd_name"),
            "by_unit": by_unit.sort_values(["opd_id", "unit_name"]),
            "arrivals": analytics.distribution(day, day, reach)}
