"""Every refusal a user reads is in Bahasa Indonesia with the hint of its field's type
(issue 14): each request schema is fed wrong values field by field, and no marshmallow or
webargs English text may come back."""
from __future__ import annotations

import importlib
import inspect
import pkgutil
import re

import marshmallow as ma
import pytest

import api.schemas
from api.schemas.common import Base

ENGLISH = re.compile(r"\b(Not a valid|Must be|Missing data|Unknown field|Invalid|Length must|"
                     r"Longer than|Shorter than|may not be|greater than|less than|cannot be)\b")
WRONG = ["x", -10**12, 10**30, 1.5, [], {}, "", None, "2026-13-45", "25:99", True, "a" * 5000]


def request_schemas() -> list[type[ma.Schema]]:
    found = set()
    for info in pkgutil.iter_modules(api.schemas.__path__):
        module = importlib.import_module(f"api.schemas.{info.name}")
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, Base) and cls is not Base:
                found.add(cls)
    return sorted(found, key=lambda c: (c.__module__, c.__name__))


def messages(errors) -> list[str]:
    if isinstance(errors, str):
        return [errors]
    if isinstance(errors, dict):
        return [m for value in errors.values() for m in messages(value)]
    if isinstance(errors, list):
        return [m for value in errors for m in messages(value)]
    return []


@pytest.mark.parametrize("schema_class", request_schemas(), ids=lambda c: c.__name__)
def test_every_field_refuses_in_bahasa(app, schema_class):
    schema = schema_class()
    seen = []
    with app.test_request_context():
        for name, field in schema.fields.items():
            key = field.data_key or name
            for value in WRONG:
                try:
                    schema.load({key: value})
                except ma.ValidationError as exc:
                    seen += messages(exc.messages)
        try:
            schema.load({"zz_unknown": 1})
        except ma.ValidationError as exc:
            seen += messages(exc.messages)
    english = sorted({m for m in seen if ENGLISH.search(m)})
    assert english == []


def test_a_date_time_field_gets_a_date_time_hint():
    from api.schemas.attendance import CheckinForm

    hints = []
    for value in ("besok", "2026-03-02T07:05:00"):  # not a time at all; no zone
        try:
            CheckinForm().load({"client_time": value}, partial=True)
        except ma.ValidationError as exc:
            hints += exc.messages["client_time"]
    assert hints == ["Waktu harus ISO 8601 dengan zona, mis. 2026-03-02T07:05:00+07:00.",
                     "Waktu harus menyebut zona waktu (mis. +07:00 atau Z)."]


def test_a_broken_json_body_is_refused_in_bahasa(client, world):
    response = client.post("/api/v1/auth/login", headers={"Content-Type": "application/json"},
                           data="{rusak")
    assert response.status_code == 400
    error = response.json["error"]
    assert (error["code"], error["message"]) == ("INVALID_JSON",
                                                 "Isi permintaan bukan JSON yang valid.")
