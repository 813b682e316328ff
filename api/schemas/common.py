"""Shared schema pieces."""
from __future__ import annotations

import marshmallow as ma

from api.messages import MESSAGES
from api.rules.identifiers import EMPLOYMENT_TYPES

REQUIRED = "Wajib diisi."
DB_INT_MAX = 2**31 - 1  # PostgreSQL's integer, which ids and counts are stored as


def _bounded(field: ma.fields.Field) -> None:
    """An integer the database can hold: a larger one is a 422 on its field, not a 500
    from the driver (found by fuzzing: `?offset=18931417026399981568`)."""
    if isinstance(field, ma.fields.List):
        _bounded(field.inner)
    elif isinstance(field, ma.fields.Integer):
        field.validators.append(ma.validate.Range(min=-DB_INT_MAX - 1, max=DB_INT_MAX))


class Base(ma.Schema):
    """Unknown fields are refused; integers fit the database; error texts in Bahasa
    Indonesia."""

    class Meta:
        unknown = ma.RAISE

    error_messages = {"unknown": "Kolom tidak dikenal.", "type": "Format data tidak valid."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            _bounded(field)


def _indonesian_field_messages() -> None:
    """Default marshmallow messages in Bahasa Indonesia (process-wide, set once).

    Each field class gets its own dict: DateTime and Time share their parent's otherwise,
    and a time's hint would show for a date-time."""
    own = {
        ma.fields.Field: {"required": REQUIRED, "null": "Tidak boleh kosong.",
                          "validator_failed": "Nilai tidak valid."},
        ma.fields.Integer: {"invalid": "Harus bilangan bulat.",
                            "too_large": "Angka terlalu besar."},
        ma.fields.Number: {"invalid": "Harus berupa angka.", "too_large": "Angka terlalu besar."},
        ma.fields.Float: {"special": "Harus berupa angka."},
        ma.fields.Decimal: {"special": "Harus berupa angka."},
        ma.fields.String: {"invalid": "Harus berupa teks.",
                           "invalid_utf8": "Teks bukan UTF-8 yang valid."},
        ma.fields.Boolean: {"invalid": "Harus benar/salah (true/false)."},
        ma.fields.Date: {"invalid": "Tanggal harus YYYY-MM-DD.",
                         "format": "Tanggal tidak dapat ditulis."},
        ma.fields.DateTime: {
            "invalid": "Waktu harus ISO 8601 dengan zona, mis. 2026-03-02T07:05:00+07:00.",
            "invalid_awareness": "Waktu harus menyebut zona waktu (mis. +07:00 atau Z).",
            "format": "Waktu tidak dapat ditulis."},
        ma.fields.Time: {"invalid": "Jam harus HH:MM.", "format": "Jam tidak dapat ditulis."},
        ma.fields.TimeDelta: {"invalid": "Lama waktu tidak valid.",
                              "format": "Lama waktu tidak dapat ditulis."},
        ma.fields.List: {"invalid": "Harus berupa daftar."},
        ma.fields.Tuple: {"invalid": "Harus berupa daftar."},
        ma.fields.Mapping: {"invalid": "Harus berupa objek."},
        ma.fields.Nested: {"type": "Format data tidak valid."},
        ma.fields.Email: {"invalid": "Alamat email tidak valid."},
        ma.fields.URL: {"invalid": "URL tidak valid."},
        ma.fields.UUID: {"invalid_uuid": "UUID tidak valid."},
    }
    for cls, texts in own.items():
        cls.default_error_messages = {**cls.__dict__.get("default_error_messages", {}), **texts}
    ma.Schema._default_error_messages = {"type": "Format data tidak valid.",
                                         "unknown": "Kolom tidak dikenal."}
    ranges = ma.validate.Range
    ranges.message_min, ranges.message_max = "Harus {min_op} {{min}}.", "Harus {max_op} {{max}}."
    ranges.message_all = "Harus {min_op} {{min}} dan {max_op} {{max}}."
    ranges.message_gte, ranges.message_gt = "paling sedikit", "lebih dari"
    ranges.message_lte, ranges.message_lt = "paling banyak", "kurang dari"
    lengths = ma.validate.Length
    lengths.message_min = "Panjang paling sedikit {min}."
    lengths.message_max = "Panjang paling banyak {max}."
    lengths.message_all = "Panjang harus {min}–{max}."
    lengths.message_equal = "Panjang harus {equal}."
    ma.validate.OneOf.default_message = "Pilihan tidak valid: {choices}."
    ma.validate.Regexp.default_message = "Format tidak valid."
    ma.validate.Equal.default_message = "Nilai harus {other}."
    ma.validate.ContainsOnly.default_message = "Berisi pilihan yang tidak valid."
    ma.validate.NoneOf.default_message = "Nilai tidak diizinkan."
    ma.validate.URL.default_message = "URL tidak valid."
    ma.validate.Email.default_message = "Alamat email tidak valid."


_indonesian_field_messages()


class Moment(ma.fields.DateTime):
    """An instant in an answer: ISO 8601 with its offset; a naive value is the database's UTC
    and is written with its Z."""

    def _serialize(self, value, attr, obj, **kwargs):
        if value is None:
            return None
        if value.tzinfo is None:
            return value.isoformat() + "Z"
        return value.isoformat()


class ErrorDetail(ma.Schema):
    code = ma.fields.String(required=True, metadata={"example": "FACE_MISMATCH"})
    message = ma.fields.String(required=True, metadata={"example": MESSAGES["FACE_MISMATCH"]})
    details = ma.fields.Raw(metadata={"description": "Alasan per kolom, atau data penjelas"})


class ErrorSchema(ma.Schema):
    """The one error shape of every refusal (api/errors.py)."""

    error = ma.fields.Nested(ErrorDetail, required=True)


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
