from __future__ import annotations

import marshmallow as ma

from api.schemas.common import Base, length


class LoginIn(Base):
    nip = ma.fields.String(required=True, validate=length(40, 1))
    password = ma.fields.String(required=True, validate=length(200, 1),
                                metadata={"format": "password"})
    refresh_cookie = ma.fields.Boolean(load_default=False, metadata={
        "description": "Aplikasi web: refresh token dikirim sebagai cookie HttpOnly "
                       "(SameSite=Strict, path /api/v1/auth/), bukan di badan jawaban"})


class TokensOut(ma.Schema):
    access_token = ma.fields.String()
    refresh_token = ma.fields.String(allow_none=True, metadata={
        "description": "null bila refresh token dikirim sebagai cookie"})
    token_type = ma.fields.String()
    must_change_password = ma.fields.Boolean()
    roles = ma.fields.List(ma.fields.String())


class LogoutIn(Base):
    refresh_token = ma.fields.String(load_default=None, validate=length(4000))


class PasswordIn(Base):
    old_password = ma.fields.String(required=True, validate=length(200, 1))
    new_password = ma.fields.String(required=True, validate=length(200, 1))
