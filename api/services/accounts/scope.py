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


def _close_to(actor: Actor, employee: Employee) -> bool:
    """The employee, their direct supervisor, or the head or operator of their OPD."""
    return (employee.id == actor.id or employee.supervisor_id == actor.id
            or employee.opd_id in actor.opds_for(*SUPERVISING_OPD_ROLES))


def can_read_employee(actor: Actor, employee: Employee) -> bool:
    return actor.whole_pemda or _close_to(actor, employee)


def can_see_evidence(actor: Actor, employee: Employee) -> bool:
    """Raw evidence (selfies, documents, letters, enrolment photos): the employee, those who
    decide on it and admins. Analysts work with aggregates and never see faces."""
    return actor.has("admin") or _close_to(actor, employee)


def _employee(actor: Actor, employee_id: int, allowed, refusal: str) -> Employee:
    employee = Employee.get_or_none(Employee.id == employee_id)
    if employee is None:
        raise ApiError("NOT_FOUND", 404)
    if not allowed(actor, employee):
        raise ApiError(refusal, 403)
    return employee


def readable_employee(actor: Actor, employee_id: int) -> Employee:
    """The employee if the actor may read them; 404 or 403 otherwise."""
    return _employee(actor, employee_id, can_read_employee, "OUT_OF_SCOPE")


def require_evidence(actor: Actor, employee_id: int) -> Employee:
    """The employee if the actor may see their raw evidence; 404 or 403 otherwise."""
    return _employee(actor, employee_id, can_see_evidence, "EVIDENCE_RESTRICTED")


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

