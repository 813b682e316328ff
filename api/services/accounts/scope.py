"""Role scope, enforced in queries: own data / subordinates / own OPD / whole pemda."""
from __future__ import annotations

from peewee import Expression

from api.errors import ApiError
from api.models import Employee

from .actor import Actor

SUPERVISING_OPD_ROLES = ("kepala_opd", "operator")


def employee_filter(actor: Actor) -> Expression:
    """Which employees the actor may read."""
    if actor.whole_pemda:
        return Employee.id.is_null(False)
    condition = (Employee.id == actor.id) | (Employee.supervisor == actor.id)
    opds = actor.opds_for(*SUPERVISING_OPD_ROLES)
    if opds:
        condition |= Employee.opd.in_(list(opds))
    return condition


def record_filter(actor: Actor, model) -> Expression:
    """Scope for per-day rows that carry `employee` and the `opd` of that day."""
    if actor.whole_pemda:
        return model.employee.is_null(False)
    subordinates = Employee.select(Employee.id).where(Employee.supervisor == actor.id)
    condition = (model.employee == actor.id) | model.employee.in_(subordinates)
    opds = actor.opds_for(*SUPERVISING_OPD_ROLES)
    if opds:
        condition |= model.opd.in_(list(opds))
    return condition


def can_read_employee(actor: Actor, employee: Employee) -> bool:
    return (
        actor.whole_pemda
        or employee.id == actor.id
        or employee.supervisor_id == actor.id
        or employee.opd_id in actor.opds_for(*SUPERVISING_OPD_ROLES)
    )


def readable_employee(actor: Actor, employee_id: int) -> Employee:
    """The employee if the actor may read them; 404 or 403 otherwise."""
    employee = Employee.get_or_none(Employee.id == employee_id)
    if employee is None:
        raise ApiError("NOT_FOUND", 404)
    if not can_read_employee(actor, employee):
        raise ApiError("OUT_OF_SCOPE", 403)
    return employee


def managed_opds(actor: Actor) -> frozenset[int] | None:
    """OPDs whose data the actor may edit: None = all (admin)."""
    if actor.has("admin"):
        return None
    return actor.opds_for("operator")


def require_manage_opd(actor: Actor, opd_id: int | None) -> None:
    opds = managed_opds(actor)
    if opds is None:
        return
    if opd_id is None or opd_id not in opds:
        raise ApiError("OUT_OF_SCOPE", 403)


def can_supervise(actor: Actor, employee: Employee) -> bool:
    """Direct supervisor, or head of the employee's OPD (SPEC §1: atasan / kepala_opd)."""
    return employee.supervisor_id == actor.id or employee.opd_id in actor.opds_for("kepala_opd")
