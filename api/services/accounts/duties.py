"""The separation-of-duties table (api/rules/duties.py) applied to real people: every service
that acts on someone else's records or account asks `require` first."""
from __future__ import annotations

from collections.abc import Iterable

from api.errors import ApiError
from api.messages import message
from api.models import Employee, RoleGrant
from api.rules import duties as rules

from .actor import Actor


def actor_party(actor: Actor) -> rules.Party:
    return rules.Party(id=actor.id, opd_id=actor.opd_id, roles=actor.roles,
                       head_of=actor.opds_for("kepala_opd"),
                       operator_of=actor.opds_for("operator"))


def employee_party(employee: Employee, opd_id: int | None = None) -> rules.Party:
    """`opd_id`: the OPD the item belongs to when it is not the employee's current one (a day
    before a transfer)."""
    roles = frozenset(role for (role,) in RoleGrant.select(RoleGrant.role)
                      .where(RoleGrant.employee == employee.id).tuples())
    return rules.Party(id=employee.id, opd_id=opd_id or employee.opd_id,
                       supervisor_id=employee.supervisor_id, roles=roles)


def refusal(action: str, actor: Actor, employee: Employee,
            filed_by: Iterable[int | None] = (), opd_id: int | None = None) -> str | None:
    return rules.refusal(action, actor_party(actor), employee_party(employee, opd_id),
                         filed_by)


def allowed(action: str, actor: Actor, employee: Employee,
            filed_by: Iterable[int | None] = (), opd_id: int | None = None) -> bool:
    return refusal(action, actor, employee, filed_by, opd_id) is None


def require(action: str, actor: Actor, employee: Employee,
            filed_by: Iterable[int | None] = (), denied: str = rules.NOT_ALLOWED,
            denied_text: str | None = None, opd_id: int | None = None) -> None:
    """403 with the duty's own reason when the actor may not do this to the employee;
    `denied` (and the message of `denied_text`): the answer when the actor simply does not
    hold the duty."""
    code = refusal(action, actor, employee, filed_by, opd_id)
    if code is None:
        return
    if code == rules.NOT_ALLOWED:
        raise ApiError(denied, 403, details={"action": action},
                       message_text=message(denied_text) if denied_text else None)
    what = rules.DUTIES[action].label
    raise ApiError(code, 403, details={"action": action},
                   message_text=f"{message(code)} ({what})")
