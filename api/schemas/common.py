"""Shared schema pieces."""
from __future__ import annotations

import marshmallow as ma

from api.messages import MESSAGES
from api.rules.identifiers import EMPLOYMENT_TYPES

REQUIRED = "Wajib diisi."


class Base(ma.Schema):
    """Unknown fields are refused; error texts in Bahasa Indonesia."""

    class Meta:
        unknown = ma.RAISE

    error_messages = {"unknown": "Kolom tidak dikenal.", "type": "Format data tidak valid."}


def _indonesian_field_messages() -> None:
    """Default marshmallow messages in Bahasa Indonesia (process-wide, set once)."""
    ma.fields.Field.default_error_messages.update(
        {"required": REQUIRED, "null": "Tidak boleh kosong.",
         "validator_failed": "Nilai tidak valid."}
    )
    ma.fields.Integer.default_error_messages.update({"invalid": "Harus bilangan bulat."})
    ma.fields.Number.default_error_messages.update({"invalid": "Harus berupa angka."})
    ma.fields.Float.default_error_messages.update({"special": "Harus berupa angka."})
    ma.fields.String.default_error_messages.update({"invalid": "Harus berupa teks."})
    ma.fields.Boolean.default_error_messages.update({"invalid": "Harus benar/salah."})
    ma.fields.Date.default_error_messages.update({"invalid": "Tanggal harus YYYY-MM-DD."})
    ma.fields.DateTime.default_error_messages.update({"invalid": "Waktu harus format ISO 8601."})
    ma.fields.Time.default_error_messages.update({"invalid": "Jam harus HH:MM."})
    ma.fields.List.default_error_messages.update({"invalid": "Harus berupa daftar."})
    ma.fields.Nested.default_error_messages.update({"type": "Format data tidak valid."})
    ma.Schema._default_error_messages = {"type": "Format data tidak valid.",
                                         "unknown": "Kolom tidak dikenal."}


_indonesian_field_messages()


class ErrorDetail(ma.Schema):
    code = ma.fields.String(metadata={"example": "FACE_MISMATCH"})
    message = ma.fields.String(metadata={"example": MESSAGES["FACE_MISMATCH"]})
    details = ma.fields.Raw()


class ErrorSchema(ma.Schema):
    error = ma.fields.Nested(ErrorDetail)


class PageArgs(Base):
    limit = ma.fields.Integer(load_default=100, validate=ma.validate.Range(1, 1000))
    offset = ma.fields.Integer(load_default=0, validate=ma.validate.Range(0))


def length(maximum: int, minimum: int = 0):
    return ma.validate.Length(min=minimum, max=maximum,
                              error=f"Panjang harus {minimum}–{maximum} karakter.")


def one_of(choices) -> ma.validate.OneOf:
    return ma.validate.OneOf(list(choices), error="Pilihan tidak valid: {choices}.")


class DayRowsQuery(PageArgs):
    """Listing per-day rows (manual entries, corrections) of one employee or OPD."""

    employee = ma.fields.Integer(load_default=None)
    opd = ma.fields.Integer(load_default=None)
    date_from = ma.fields.Date(data_key="from", required=True)
    date_to = ma.fields.Date(data_key="to", required=True)


class Narrowing(Base):
    """The dashboard's unit and employee-type filters, applied on the server."""

    unit = ma.fields.Integer(load_default=None)
    employment_type = ma.fields.String(load_default=None, validate=one_of(EMPLOYMENT_TYPES))
