"""Who and where for the recaps: names, OPDs, their heads, mid-month mutations."""
from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
from peewee import fn

from api.frames import query_frame
from api.models import Assignment, Employee, Opd, RoleGrant


def people(employee_ids) -> pd.DataFrame:
    query = Employee.select(Employee.id, Employee.nip, Employee.name, Employee.jabatan,
                            Employee.golongan)
    if employee_ids is not None:
        query = query.where(Employee.id.in_(employee_ids))
    return query_frame(query, columns=["employee_id", "nip", "name", "jabatan", "golongan"])


def mutations_in(first: date, last: date) -> pd.DataFrame:
    query = (Assignment.select(Assignment.employee, fn.MAX(Assignment.valid_from))
             .where(Assignment.valid_from.between(first + timedelta(days=1), last))
             .group_by(Assignment.employee))
    frame = query_frame(query, columns=["employee_id", "mutation_date"])
    frame["mutation_date"] = frame["mutation_date"].astype(str)
    return frame


def opd_heads() -> dict[int, dict]:
    """The employee holding the kepala_opd grant of each OPD (the latest grant wins)."""
    query = (RoleGrant.select(RoleGrant.opd, Employee.name, Employee.nip, Employee.jabatan)
             .join(Employee).where(RoleGrant.role == "kepala_opd", Employee.active)
             .order_by(RoleGrant.id).tuples())
    return {opd: {"name": name, "nip": nip, "jabatan": jabatan}
            for opd, name, nip, jabatan in query}


def opd_frame(opd_ids) -> pd.DataFrame:
    query = Opd.select(Opd.id, Opd.code, Opd.name, Opd.address)
    if opd_ids is not None:
        query = query.where(Opd.id.in_(list(opd_ids)))
    return query_frame(query, columns=["opd_id", "opd_code", "opd_name", "opd_address"])
