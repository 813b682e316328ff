"""Rule parameter versions (RULES.md: every number is rule data, versioned by date)."""
from __future__ import annotations

import marshmallow as ma

from api.schemas.common import Base, length


class RuleVersionIn(Base):
    effective_from = ma.fields.Date(required=True, metadata={"example": "2026-04-01"})
    params = ma.fields.Dict(required=True, keys=ma.fields.String(), metadata={
        "description": "Perubahan sebagian, digabung dengan aturan yang berlaku pada tanggal "
                       "itu (mis. {\"tpp_rates\": {\"TK\": 4}, \"convert_minutes_to_tk\": "
                       "false})"})
    note = ma.fields.String(required=True, validate=length(500, 3),
                            metadata={"description": "Dasar hukum / alasan (masuk log audit)"})


class RuleVersionOut(ma.Schema):
    id = ma.fields.Integer()
    effective_from = ma.fields.Date()
    params = ma.fields.Dict()
    note = ma.fields.String()
    created_by = ma.fields.Integer(allow_none=True)
    created_at = ma.fields.AwareDateTime()


class EffectiveQuery(Base):
    date = ma.fields.Date(load_default=None, metadata={"description": "Bawaan: hari ini"})


class EffectiveOut(ma.Schema):
    date = ma.fields.Date()
    effective_from = ma.fields.Date(allow_none=True, metadata={
        "description": "Kosong: nilai bawaan (RULES.md)"})
    version_id = ma.fields.Integer(allow_none=True)
    params = ma.fields.Dict()


class RulesOut(ma.Schema):
    defaults = ma.fields.Dict()
    in_force = ma.fields.Nested(EffectiveOut)
    versions = ma.fields.List(ma.fields.Nested(RuleVersionOut))


class StatusCodeOut(ma.Schema):
    code = ma.fields.String()
    label = ma.fields.String()
    category = ma.fields.String(metadata={"enum": ["present", "excused", "unexcused", "off",
                                                   "pending"]})
    requestable = ma.fields.Boolean()
