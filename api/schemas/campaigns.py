"""Presence-reporting campaigns (SiAbOn): definitions, reports, excuses, compliance."""
from __future__ import annotations

import re

import marshmallow as ma

from api.rules.identifiers import EMPLOYMENT_TYPES
from api.schemas.absences import PersonOut
from api.schemas.common import Base, PageArgs, length, one_of
from api.services.checkin import CLIENTS

HHMM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


def _hhmm(value: str) -> None:
    if not isinstance(value, str) or not HHMM.match(value):
        raise ma.ValidationError("Jam harus HH:MM, mis. 07:00.")


class WindowIn(Base):
    start = ma.fields.String(required=True, validate=_hhmm)
    end = ma.fields.String(required=True, validate=_hhmm)


class ZoneIn(Base):
    kind = ma.fields.String(required=True, validate=one_of(("none", "circle", "polygon")))
    lat = ma.fields.Float(load_default=None, validate=ma.validate.Range(-90, 90))
    lon = ma.fields.Float(load_default=None, validate=ma.validate.Range(-180, 180))
    radius_m = ma.fields.Float(load_default=None, validate=ma.validate.Range(50, 2_000_000))
    points = ma.fields.List(ma.fields.List(ma.fields.Float(), validate=ma.validate.Length(
        equal=2)), load_default=list, validate=ma.validate.Length(max=500),
        metadata={"description": "[[lat, lon], ...] untuk poligon"})

    @ma.post_load
    def _compact(self, data, **_):
        return {key: value for key, value in data.items() if value not in (None, [])}


def _campaign_fields(create: bool) -> dict:
    """The definition's fields: required or defaulted on create, all optional on PATCH (a
    field left out keeps its value)."""
    def need(**defaults):
        return {"required": True} if create and not defaults else (defaults if create else {})

    return {
        "name": ma.fields.String(validate=length(200, 3), **need()),
        "date_from": ma.fields.Date(**need()),
        "date_to": ma.fields.Date(**need()),
        "windows": ma.fields.List(ma.fields.Nested(WindowIn), validate=ma.validate.Length(1, 6),
                                  metadata={"description": "Jam lokal kantor pegawai "
                                                           "(WIB/WITA/WIT)"}, **need()),
        "opds": ma.fields.List(ma.fields.Integer(), metadata={
            "description": "Kosong: seluruh pemda"}, **need(load_default=list)),
        "employment_types": ma.fields.List(
            ma.fields.String(validate=one_of(EMPLOYMENT_TYPES)),
            metadata={"description": "Kosong: semua jenis pegawai"}, **need(load_default=list)),
        "selfie_required": ma.fields.Boolean(**need(load_default=True)),
        "zone": ma.fields.Nested(ZoneIn, **need(load_default=lambda: {"kind": "none"})),
        "report_deadline": ma.fields.AwareDateTime(default_timezone=None, metadata={
            "description": "Batas kepala OPD melaporkan hasil pemantauan ke BKD"}, **need()),
    }


class _Windows(Base):
    @ma.post_load
    def _windows(self, data, **_):
        if "windows" in data:
            data["windows"] = [[w["start"], w["end"]] for w in data["windows"]]
        return data


CampaignIn = _Windows.from_dict(_campaign_fields(True), name="CampaignIn")
CampaignPatch = _Windows.from_dict(_campaign_fields(False), name="CampaignPatch")


class WindowOut(ma.Schema):
    index = ma.fields.Integer()
    start = ma.fields.String()
    end = ma.fields.String()
    label = ma.fields.String()


class CampaignOut(ma.Schema):
    id = ma.fields.Integer()
    name = ma.fields.String()
    date_from = ma.fields.Date()
    date_to = ma.fields.Date()
    windows = ma.fields.List(ma.fields.Nested(WindowOut))
    opds = ma.fields.List(ma.fields.Integer())
    employment_types = ma.fields.List(ma.fields.String())
    selfie_required = ma.fields.Boolean()
    zone = ma.fields.Dict()
    report_deadline = ma.fields.String()
    created_by = ma.fields.Integer()
    created_at = ma.fields.String()
    updated_at = ma.fields.String()


class ReportForm(Base):
    lat = ma.fields.Float(required=True, validate=ma.validate.Range(-90, 90))
    lon = ma.fields.Float(required=True, validate=ma.validate.Range(-180, 180))
    accuracy_m = ma.fields.Float(required=True, validate=ma.validate.Range(0, 100000))
    is_mock = ma.fields.Boolean(load_default=False)
    device_id = ma.fields.String(required=True, validate=length(128, 4))
    client = ma.fields.String(load_default="other", validate=one_of(CLIENTS))
    challenge_id = ma.fields.Integer(load_default=None, validate=ma.validate.Range(1, 2**53))
    challenge_nonce = ma.fields.String(load_default="", validate=length(64))


class ReportFiles(ma.Schema):
    selfie = ma.fields.Raw(load_default=None, metadata={"type": "string", "format": "binary",
                                                        "description": "Wajib bila kampanye "
                                                                       "meminta swafoto"})
    frames = ma.fields.Raw(load_default=None, metadata={"type": "string", "format": "binary"})


class ReportOut(ma.Schema):
    id = ma.fields.Integer()
    campaign_id = ma.fields.Integer()
    employee_id = ma.fields.Integer()
    work_date = ma.fields.Date()
    window = ma.fields.Integer()
    reported_at = ma.fields.String()
    lat = ma.fields.Float()
    lon = ma.fields.Float()
    inside_zone = ma.fields.Boolean()
    similarity = ma.fields.Float(allow_none=True)
    duplicate = ma.fields.Boolean(metadata={"description": "Jendela ini sudah dilaporkan: "
                                                            "laporan pertama yang berlaku"})
    message = ma.fields.String()


class ExcuseForm(Base):
    work_date = ma.fields.Date(required=True)
    window = ma.fields.Integer(load_default=None, validate=ma.validate.Range(0, 5),
                               metadata={"description": "Kosong: sepanjang hari"})
    reason = ma.fields.String(required=True, validate=length(500, 5))


class ExcuseOut(ma.Schema):
    id = ma.fields.Integer()
    campaign_id = ma.fields.Integer()
    employee = ma.fields.Nested(PersonOut)
    work_date = ma.fields.Date()
    window = ma.fields.Integer(allow_none=True)
    window_label = ma.fields.String()
    campaign_name = ma.fields.String()
    reason = ma.fields.String()
    document_id = ma.fields.Integer()
    document_url = ma.fields.String()
    status = ma.fields.String()
    submitted_at = ma.fields.String()
    decided_by = ma.fields.Integer(allow_none=True)
    decided_at = ma.fields.String(allow_none=True)
    decision_reason = ma.fields.String()


class ExcuseQuery(PageArgs):
    status = ma.fields.String(load_default="pending",
                              validate=one_of(("pending", "approved", "rejected")))


class ComplianceQuery(Base):
    date = ma.fields.Date(load_default=None, metadata={"description": "Kosong: seluruh masa "
                                                                      "kampanye"})
    opd = ma.fields.Integer(load_default=None)


class ExportQuery(Base):
    opd = ma.fields.Integer(load_default=None)
    format = ma.fields.String(load_default="xlsx", validate=one_of(("xlsx", "pdf")))


class ComplianceOut(ma.Schema):
    campaign = ma.fields.Nested(CampaignOut)
    date = ma.fields.Date(allow_none=True)
    windows = ma.fields.List(ma.fields.String())
    employees = ma.fields.Integer()
    totals = ma.fields.Dict()
    by_window = ma.fields.List(ma.fields.Dict())
    by_opd = ma.fields.List(ma.fields.Dict())
    by_unit = ma.fields.List(ma.fields.Dict())
    non_reporters = ma.fields.List(ma.fields.Dict())
    outside_zone = ma.fields.List(ma.fields.Dict())


class MyWindow(ma.Schema):
    index = ma.fields.Integer()
    label = ma.fields.String()
    starts_at = ma.fields.String()
    ends_at = ma.fields.String()
    status = ma.fields.String()
    report = ma.fields.Nested(ReportOut, allow_none=True)


class MyCampaign(ma.Schema):
    campaign = ma.fields.Nested(CampaignOut)
    today = ma.fields.List(ma.fields.Nested(MyWindow))
    history = ma.fields.List(ma.fields.Nested(ReportOut))
