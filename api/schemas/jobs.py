"""Background jobs as users see them."""
from __future__ import annotations

import marshmallow as ma

from api.schemas.common import PageArgs


class JobOut(ma.Schema):
    id = ma.fields.String()
    kind = ma.fields.String(metadata={"enum": ["recompute", "nightly"]})
    status = ma.fields.String(metadata={"enum": ["queued", "running", "done", "failed"]})
    done = ma.fields.Integer(metadata={"description": "Pegawai yang sudah dihitung ulang"})
    total = ma.fields.Integer()
    params = ma.fields.Dict()
    result = ma.fields.Raw(allow_none=True, metadata={
        "description": "Hasil (jumlah catatan, bulan tertutup yang dilewati, ...)"})
    error = ma.fields.String(allow_none=True)
    created_at = ma.fields.String()
    started_at = ma.fields.String(allow_none=True)
    finished_at = ma.fields.String(allow_none=True)


class JobPage(ma.Schema):
    total = ma.fields.Integer()
    items = ma.fields.List(ma.fields.Nested(JobOut))


class JobQuery(PageArgs):
    pass
