"""Who is calling: the employee behind the token, their role grants, and the auth gate."""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import wraps

from flask import g, request
from flask_jwt_extended import get_jwt_identity, verify_jwt_in_request

from api.errors import ApiError
from api.models import Credential, Employee, RoleGrant


@dataclass(frozen=True)
class Actor:
    id: int
    nip: str
    name: str
    opd_id: int
    active: bool
    must_change_password: bool
    roles: frozenset[str]
    opd_grants: Mapping[str, frozenset[int]] = field(default_factory=dict)

    def has(self, *roles: str) -> bool:
        return any(role in self.roles for role in roles)

    @property
    def whole_pemda(self) -> bool:
        """admin and analis see the whole pemda."""
        return self.has("admin", "analis")

    def opds_for(self, *roles: str) -> frozenset[int]:
        found: set[int] = set()
        for role in roles:
            found |= self.opd_grants.get(role, frozenset())
        return frozenset(found)


def load_actor(employee_id: int) -> Actor | None:
    employee = Employee.get_or_none(Employee.id == employee_id)
    if employee is None:
        return None
    credential = Credential.get_or_none(Credential.employee == employee_id)
    roles = {"pegawai"}
    grants: dict[str, set[int]] = {}
    for grant in RoleGrant.select().where(RoleGrant.employee == employee_id):
        roles.add(grant.role)
        if grant.opd_id is not None:
            grants.setdefault(grant.role, set()).add(grant.opd_id)
    is_supervisor = (
        Employee.select().where(Employee.supervisor == employee_id, Employee.active).exists()
    )
    if is_supervisor or "kepala_opd" in roles:
        roles.add("atasan")
    return Actor(
        id=employee.id,
        nip=employee.nip,
        name=employee.name,
        opd_id=employee.opd_id,
        active=employee.active,
        must_change_password=credential.must_change_password if credential else True,
        roles=frozenset(roles),
        opd_grants={role: frozenset(ids) for role, ids in grants.items()},
    )


def _require_readable(actor: Actor, employee_id: int) -> None:
    from .scope import readable_employee

    if employee_id > 2**31 - 1:  # beyond any id the database holds
        raise ApiError("NOT_FOUND", 404)
    readable_employee(actor, employee_id)


def current_actor() -> Actor:
    return g.actor


def authenticated(*roles: str, allow_default_password: bool = False,
                  allow_inactive: bool = False) -> Callable:
    """Require a valid access token, an active account, a changed password and a role; and
    the one rule for another person's data: a request naming an employee in the query
    (`?employee=`) is refused with 403 OUT_OF_SCOPE unless the caller may read that employee,
    on every endpoint alike (never an empty list that looks like "nothing there").

    The check-in view relaxes the account checks because it stores every attempt, refusals
    included, as an event (SPEC §4 step 1)."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(*args, **kwargs):
            verify_jwt_in_request()
            actor = load_actor(int(get_jwt_identity()))
            if actor is None:
                raise ApiError("TOKEN_INVALID", 401)
            if not actor.active and not allow_inactive:
                raise ApiError("ACCOUNT_INACTIVE", 403)
            if actor.must_change_password and not allow_default_password:
                raise ApiError("PASSWORD_CHANGE_REQUIRED", 403)
            if roles and not actor.has(*roles):
                raise ApiError("FORBIDDEN", 403)
            g.actor = actor
            named = request.args.get("employee", "")
            if named.isdigit():  # anything else is the schema's to refuse
                _require_readable(actor, int(named))
            return view(*args, **kwargs)

        return wrapper

    return decorator
