"""Month closing per OPD."""
from __future__ import annotations

from datetime import date

import marshmallow as ma

from api.schemas.common import Base, Moment, length


class Month(ma.fields.Field):
    """"2026-03" → date(2026, 3, 1)."""

    def _deserialize(self, value, attr, data, **kwargs) -> date:
        try:
            year, month = (int(part) for part in str(value).split("-"))
            return date(year, month, 1)
        except (TypeError, ValueError) as exc:
            raise ma.ValidationError("Bulan harus YYYY-MM, mis. 2026-03.") from exc

    def _serialize(self, value, attr, obj, **kwargs):
        return None if value is None else f"{value:%Y-%m}"


class ClosingIn(Base):
    opd = ma.fields.Integer(required=True)
    month = Month(required=True, metadata={"type": "string", "example": "2026-03"})


class ReopenIn(Base):
    reason = ma.fields.String(required=True, validate=length(500, 5))


class ClosingQuery(Base):
    opd = ma.fields.Integer(load_default=None)
    year = ma.fields.Integer(load_default=None, validate=ma.validate.Range(2000, 2100))


class ClosingOut(ma.Schema):
    id = ma.fields.Integer()
    opd_id = ma.fields.Integer()
    opd_name = ma.fields.String(allow_none=True)
    month = ma.fields.String()
    status = ma.fields.String(metadata={"enum": ["closed", "reopened"]})
    closed_by = ma.fields.Integer()
    closed_at = Moment()
    reopened_by = ma.fields.Integer(allow_none=True)
    reopened_at = Moment(allow_none=True)
    reopen_reason = ma.fields.String()
