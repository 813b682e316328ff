"""Which OPDs a report may cover: whole pemda (admin, analis) or the actor's own OPDs."""
from __future__ import annotations

from api.errors import ApiError
from api.models import Employee, Opd
from api.services.actor import Actor

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


def board_people(actor: Actor, opd_id: int | None, unit_id: int | None,
                 employment_type: str | None):
    """(OPD ids or None, a subquery of employee ids or None) for today's board.

    Report roles get their OPDs; a direct supervisor without one gets their own team; the
    unit and employment-type filters narrow either."""
    conditions = []
    if actor.has(*REPORT_ROLES):
        opd_ids = report_opds(actor, opd_id)
    elif actor.has("atasan"):
        opd_ids = None
        conditions.append(Employee.supervisor == actor.id)
    else:
        raise ApiError("FORBIDDEN", 403)
    if unit_id is not None:
        conditions.append(Employee.unit == unit_id)
    if employment_type is not None:
        conditions.append(Employee.employment_type == employment_type)
    if not conditions:
        return opd_ids, None
    return opd_ids, Employee.select(Employee.id).where(*conditions)
