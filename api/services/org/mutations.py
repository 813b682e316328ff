"""Mutation (transfer, Pasal 12): a new OPD/unit/location from an effective date."""
from __future__ import annotations

from datetime import date

from peewee import IntegrityError

from api.db import write_transaction
from api.errors import ApiError
from api.models import Assignment, Employee, EmployeeLocation, Location, Opd, Unit
from api.services import audit

from .structure import check_supervisor, invalid, snapshot


def create(actor_id: int, employee: Employee, data: dict, today: date) -> Assignment:
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
    if data.get("supervisor_id") is not None:
        check_supervisor(employee.id, data["supervisor_id"])
    with write_transaction():
        try:
            assignment = Assignment.create(
                employee=employee, opd=data["opd_id"], unit=data.get("unit_id"),
                location=data.get("location_id"), valid_from=data["valid_from"],
                reason=data["reason"], created_by=actor_id,
            )
        except IntegrityError as exc:
            raise ApiError("CONFLICT", 409, details={"valid_from": ["Sudah ada mutasi pada "
                                                                   "tanggal ini."]}) from exc
        audit.record(actor_id, "employee.mutation", "employee", employee.id, None,
                     snapshot(assignment))
        if data["valid_from"] <= today:
            apply(assignment, data.get("supervisor_id"))
    return assignment


def apply(assignment: Assignment, supervisor_id: int | None = None) -> None:
    """Move the employee's current data to the assignment (on or after its date)."""
    employee = Employee.get_by_id(assignment.employee_id)
    employee.opd = assignment.opd_id
    employee.unit = assignment.unit_id
    employee.supervisor = supervisor_id  # the old supervisor stays behind in the old post
    employee.save()
    if assignment.location_id is not None:
        EmployeeLocation.delete().where(EmployeeLocation.employee == employee).execute()
        EmployeeLocation.create(employee=employee, location=assignment.location_id, primary=True)
    assignment.applied = True
    assignment.save()


def apply_due(today: date) -> list[Assignment]:
    """Apply every mutation whose date has come (run nightly)."""
    due = list(Assignment.select().where(~Assignment.applied, Assignment.valid_from <= today)
               .order_by(Assignment.valid_from))
    for assignment in due:
        with write_transaction():
            apply(assignment)
            audit.record(None, "employee.mutation.apply", "employee", assignment.employee_id,
                         None, {"assignment": assignment.id})
    return due


def history(employee: Employee) -> list[Assignment]:
    return list(employee.assignments.order_by(Assignment.valid_from))
