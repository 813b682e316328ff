"""Login with lockout, password change, account creation."""
from __future__ import annotations

from datetime import timedelta

from flask import current_app

from api import clock
from api.db import write_transaction
from api.errors import ApiError
from api.models import Credential, Employee
from api.services import audit

from . import passwords, tokens
from .actor import load_actor


def normalise_nip(nip: str) -> str:
    return "".join(nip.split())


def login(nip: str, password: str) -> tuple[Employee, Credential]:
    """Check the password; count failures and lock the account for a while after too many."""
    now = clock.utc_naive(clock.now())
    employee = Employee.get_or_none(Employee.nip == normalise_nip(nip))
    credential = (
        Credential.get_or_none(Credential.employee == employee.id) if employee else None
    )
    if credential and credential.locked_until and credential.locked_until > now:
        raise ApiError("ACCOUNT_LOCKED", 423,
                       details={"locked_until": credential.locked_until.isoformat() + "Z"})
    if not passwords.verify_password(credential.password_hash if credential else None, password):
        if credential:
            _count_failure(credential, now)
        raise ApiError("INVALID_CREDENTIALS", 401)
    if not employee.active:
        raise ApiError("ACCOUNT_INACTIVE", 403)
    updates = {Credential.failed_count: 0, Credential.locked_until: None,
               Credential.last_login_at: now}
    if passwords.needs_rehash(credential.password_hash):
        updates[Credential.password_hash] = passwords.hash_password(password)
    Credential.update(updates).where(Credential.id == credential.id).execute()
    return employee, credential


def _count_failure(credential: Credential, now) -> None:
    limit = current_app.config["LOGIN_MAX_FAILURES"]
    with write_transaction():
        fresh = Credential.get_by_id(credential.id)
        failures = fresh.failed_count + 1
        if failures >= limit:
            minutes = current_app.config["LOGIN_LOCKOUT_MINUTES"]
            fresh.locked_until = now + timedelta(minutes=minutes)
            failures = 0
        fresh.failed_count = failures
        fresh.save()


def change_password(employee_id: int, old: str, new: str) -> None:
    credential = Credential.get(Credential.employee == employee_id)
    if not passwords.verify_password(credential.password_hash, old):
        raise ApiError("PASSWORD_WRONG", 400)
    if old == new:
        raise ApiError("PASSWORD_REUSED", 400)
    nip = Employee.get_by_id(employee_id).nip
    reason = passwords.weakness(new, nip)
    if reason:
        raise ApiError("PASSWORD_WEAK", 400, details={"new_password": [reason]})
    with write_transaction():
        Credential.update(
            password_hash=passwords.hash_password(new),
            must_change_password=False,
            password_changed_at=clock.utc_naive(clock.now()),
        ).where(Credential.id == credential.id).execute()
        audit.record(employee_id, "password.change", "account", employee_id)
        tokens.revoke_all(employee_id)  # every other session of the account ends


def set_default_password(employee_id: int, actor_id: int | None) -> str:
    """Give an account a fresh one-time default password (new account or reset)."""
    password = passwords.generate_default_password()
    with write_transaction():
        updated = Credential.update(
            password_hash=passwords.hash_password(password), must_change_password=True,
            failed_count=0, locked_until=None,
        ).where(Credential.employee == employee_id).execute()
        if not updated:
            Credential.create(employee=employee_id,
                              password_hash=passwords.hash_password(password))
        audit.record(actor_id, "password.reset", "account", employee_id)
        tokens.revoke_all(employee_id)
    return password


def account_status(employee_id: int) -> dict:
    """What an operator needs to help someone who cannot log in (never the password)."""
    credential = Credential.get_or_none(Credential.employee == employee_id)
    now = clock.utc_naive(clock.now())
    locked = credential is not None and bool(credential.locked_until
                                             and credential.locked_until > now)
    return {"has_password": credential is not None,
            "must_change_password": bool(credential and credential.must_change_password),
            "locked": locked, "locked_until": credential.locked_until if locked else None,
            "failed_count": credential.failed_count if credential else 0,
            "last_login_at": credential.last_login_at if credential else None,
            "password_changed_at": credential.password_changed_at if credential else None}


def unlock(employee_id: int, actor_id: int) -> dict:
    """End a lockout after too many wrong passwords; the password stays as it is."""
    with write_transaction():
        before = account_status(employee_id)
        Credential.update(failed_count=0, locked_until=None).where(
            Credential.employee == employee_id).execute()
        audit.record(actor_id, "account.unlock", "account", employee_id,
                     {"locked": before["locked"], "failed_count": before["failed_count"]},
                     {"locked": False, "failed_count": 0})
    return account_status(employee_id)


def profile_roles(employee_id: int) -> list[str]:
    actor = load_actor(employee_id)
    return sorted(actor.roles) if actor else []
