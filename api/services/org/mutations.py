"""Mutation (transfer, Pasal 12): a new OPD/unit/location/supervisor from an effective date.

Daily records resolve the OPD by date from the assignment history; the employee's current
data (OPD, unit, supervisor, presence location) moves on the date itself: the first request
on or after it applies every due mutation, so nothing waits for the nightly run."""
from __future__ import annotations

from datetime import date

from peewee import IntegrityError

from api import clock
from api.db import write_transaction
from api.errors import ApiError
from api.models import Assignment, Employee, EmployeeLocation, Location, Opd, Unit
from api.services import audit

from .structure import check_supervisor, invalid, snapshot


def create(actor_id: int, employee: Employee, data: dict, today: date) -> Assignment:
    """Record the transfer; when its date has come, apply it at once."""
    if Opd.get_or_none(Opd.id == data["opd_id"]) is None:
        raise invalid("opd_id", "OPD tidak ditemukan.")
    if data.get("unit_id") is not None:
        unit = Unit.get_or_none(Unit.id == data["unit_id"])
        if unit is None or unit.opd_id != data["opd_id"]:
            raise invalid("unit_id", "Unit beda OPD.")
    if data.get("location_id") is not None:
        location = Location.get_or_none(Location.id == data["location_id"])
        if location is None or location.opd_id not in (None, data["opd_id"]):
            raise invalid("location_id", "Lokasi tidak valid.")
    if data["supervisor_id"] is not None:
        check_supervisor(employee.id, data["supervisor_id"])
    with write_transaction():
        try:
            assignment = Assignment.create(
                employee=employee, opd=data["opd_id"], unit=data.get("unit_id"),
                location=data.get("location_id"), supervisor=data["supervisor_id"],
                valid_from=data["valid_from"], reason=data["reason"], created_by=actor_id,
            )
        except IntegrityError as exc:
            raise ApiError("CONFLICT", 409, details={"valid_from": ["Sudah ada mutasi pada "
                                                                   "tanggal ini."]}) from exc
        audit.record(actor_id, "employee.mutation", "employee", employee.id, None,
                     snapshot(assignment))
        if data["valid_from"] <= today:
            _catch_up(employee.id, today, actor_id)
    return Assignment.get_by_id(assignment.id)


def _catch_up(employee_id: int, today: date, actor_id: int | None) -> list[Assignment]:
    """Inside a write transaction: mark the employee's due mutations applied (once: a
    concurrent request that got there first leaves nothing to do) and move the current data
    to the latest assignment in force today — a back-dated mutation never undoes a later one."""
    due = list(Assignment.select().where(Assignment.employee == employee_id, ~Assignment.applied,
                                         Assignment.valid_from <= today))
    claimed = (Assignment.update(applied=True)
               .where(Assignment.id.in_([a.id for a in due]), ~Assignment.applied).execute())
    if not due or claimed != len(due):
        return []
    current = (Assignment.select().where(Assignment.employee == employee_id,
                                         Assignment.valid_from <= today)
               .order_by(Assignment.valid_from.desc()).first())
    Employee.update(opd=current.opd_id, unit=current.unit_id, supervisor=current.supervisor_id,
                    updated_at=clock.utc_naive(clock.now())).where(
        Employee.id == employee_id).execute()
    if current.location_id is not None:
        EmployeeLocation.delete().where(EmployeeLocation.employee == employee_id).execute()
        EmployeeLocation.create(employee=employee_id, location=current.location_id, primary=True)
    for assignment in due:
        audit.record(actor_id, "employee.mutation.apply", "employee", employee_id, None,
                     {"assignment": assignment.id, "valid_from": assignment.valid_from})
    return due


def any_due(today: date) -> bool:
    return Assignment.select().where(~Assignment.applied, Assignment.valid_from <= today).exists()


def apply_due(today: date) -> list[Assignment]:
    """Apply every mutation whose date has come (on the first request of the day, and in the
    nightly run)."""
    employees = [row[0] for row in Assignment.select(Assignment.employee).distinct().where(
        ~Assignment.applied, Assignment.valid_from <= today).tuples()]
    applied: list[Assignment] = []
    for employee_id in employees:
        with write_transaction():
            applied += _catch_up(employee_id, today, None)
    return applied


def history(employee: Employee) -> list[Assignment]:
    return list(employee.assignments.order_by(Assignment.valid_from))
