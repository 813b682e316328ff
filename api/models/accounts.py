"""Credentials, role grants and revoked tokens."""
from __future__ import annotations

from peewee import (
    BooleanField,
    CharField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from api.models.base import BaseModel, utcnow
from api.models.org import Employee, Opd

ROLES = ("pegawai", "atasan", "kepala_opd", "operator", "admin", "analis")
GRANTABLE_ROLES = ("kepala_opd", "operator", "admin", "analis")  # pegawai/atasan are derived
OPD_ROLES = ("kepala_opd", "operator")


class Credential(BaseModel):
    employee = ForeignKeyField(Employee, unique=True, backref="credential", on_delete="CASCADE")
    password_hash = TextField()
    must_change_password = BooleanField(default=True)
    failed_count = IntegerField(default=0)
    locked_until = DateTimeField(null=True)
    last_login_at = DateTimeField(null=True)
    password_changed_at = DateTimeField(null=True)
    # bumped to revoke every token of the account at once (password, deactivation, roles)
    token_version = IntegerField(default=0)


class RoleGrant(BaseModel):
    employee = ForeignKeyField(Employee, backref="grants", on_delete="CASCADE")
    role = CharField(max_length=20)
    opd = ForeignKeyField(Opd, null=True)  # required for kepala_opd and operator
    granted_by = IntegerField(null=True)
    granted_at = DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("employee", "role", "opd"), True),)


class RevokedToken(BaseModel):
    jti = CharField(max_length=64, primary_key=True)
    expires_at = DateTimeField(index=True)
