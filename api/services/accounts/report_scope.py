"""Which OPDs a report may cover: whole pemda (admin, analis) or the actor's own OPDs."""
from __future__ import annotations

from dataclasses import dataclass

from api.errors import ApiError
from api.models import Employee, Opd

from .actor import Actor

REPORT_ROLES = ("admin", "analis", "kepala_opd", "operator")


def report_opds(actor: Actor, opd_id: int | None) -> tuple[int, ...] | None:
    """None = the whole pemda; otherwise the OPD ids, checked against the actor's grants.

    Without `opd`, admin/analis get the whole pemda and a kepala_opd/operator their OPD(s);
    anyone else is refused (pegawai and atasan read their own data elsewhere)."""
    if opd_id is not None and not Opd.select().where(Opd.id == opd_id).exists():
        raise ApiError("NOT_FOUND", 404, details={"opd": [opd_id]})
    if actor.whole_pemda:
        return None if opd_id is None else (opd_id,)
    own = actor.opds_for("kepala_opd", "operator")
    if not own:
        raise ApiError("FORBIDDEN", 403)
    if opd_id is None:
        return tuple(sorted(own))
    if opd_id not in own:
        raise ApiError("OUT_OF_SCOPE", 403)
    return (opd_id,)


@dataclass(frozen=True)
class Reach:
    """What an aggregate covers: OPDs (None = the whole pemda) and, when the unit or
    employee-type filter is set or the caller is a supervisor's team, a subquery of the
    employees that count."""

    opd_ids: tuple[int, ...] | None
    chosen: object = None  # peewee subquery of Employee ids, or None

    def narrow(self, query, model):
        """`query` over `model` (with `opd` and `employee` fields) limited to this reach."""
        if self.opd_ids is not None:
            query = query.where(model.opd.in_(list(self.opd_ids)))
        if self.chosen is not None:
            query = query.where(model.employee.in_(self.chosen))
        return query


def reach_for(actor: Actor, opd_id: int | None, unit_id: int | None = None,
              employment_type: str | None = None, team: bool = False) -> Reach:
    """The reach of a report. Report roles get their OPDs; with `team`, a direct supervisor
    without one gets their own team; the unit and employment-type filters narrow either."""
    conditions = []
    if actor.has(*REPORT_ROLES):
        opd_ids = report_opds(actor, opd_id)
    elif team and actor.has("atasan"):
        opd_ids = None
        conditions.append(Employee.supervisor == actor.id)
    else:
        raise ApiError("FORBIDDEN", 403)
    if unit_id is not None:
        conditions.append(Employee.unit == unit_id)
    if employment_type is not None:
        conditions.append(Employee.employment_type == employment_type)
    chosen = Employee.select(Employee.id).where(*conditions) if conditions else None
    return Reach(opd_ids, chosen)
