"""The audit log (read-only, admins)."""
from __future__ import annotations

import marshmallow as ma

from api.schemas.common import PageArgs, length


class AuditQuery(PageArgs):
    entity = ma.fields.String(load_default=None, validate=length(40))
    entity_id = ma.fields.String(load_default=None, validate=length(60))
    action = ma.fields.String(load_default=None, validate=length(60))
    actor = ma.fields.Integer(load_default=None)
    date_from = ma.fields.Date(data_key="from", load_default=None)
    date_to = ma.fields.Date(data_key="to", load_default=None)


class AuditEntryOut(ma.Schema):
    id = ma.fields.Integer()
    at = ma.fields.String()
    actor = ma.fields.Integer(allow_none=True)
    actor_name = ma.fields.String(allow_none=True)
    action = ma.fields.String()
    entity = ma.fields.String()
    entity_id = ma.fields.String()
    before = ma.fields.Raw(allow_none=True)
    after = ma.fields.Raw(allow_none=True)
    evidence = ma.fields.String()
    prev_hash = ma.fields.String()
    hash = ma.fields.String()


class AuditPage(ma.Schema):
    total = ma.fields.Integer()
    items = ma.fields.List(ma.fields.Nested(AuditEntryOut))


class CheckpointOut(ma.Schema):
    entry_id = ma.fields.Integer()
    entries = ma.fields.Integer()
    at = ma.fields.String()
    head = ma.fields.String()
    mac = ma.fields.String()


class ChainReportOut(ma.Schema):
    ok = ma.fields.Boolean()
    entries = ma.fields.Integer()
    broken_id = ma.fields.Integer(allow_none=True)
    problem = ma.fields.String()
    head = ma.fields.String()
    checkpoint = ma.fields.Nested(CheckpointOut, allow_none=True, metadata={
        "description": "Checkpoint bertanda tangan terbaru (di luar tabel audit)"})
    forged_checkpoints = ma.fields.Integer()
