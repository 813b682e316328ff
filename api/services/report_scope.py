"""Which OPDs a report may cover: whole pemda (admin, analis) or the actor's own OPDs."""
from __future__ import annotations

from api.errors import ApiError
from api.models import Opd
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
