from __future__ import annotations

import marshmallow as ma

from api.schemas.common import Base, PageArgs, length, one_of
from api.services.checkin import CLIENTS, INSTRUCTIONS, PURPOSES


class CheckinForm(Base):
    kind = ma.fields.String(required=True, validate=one_of(("in", "out")))
    lat = ma.fields.Float(required=True, validate=ma.validate.Range(-90, 90))
    lon = ma.fields.Float(required=True, validate=ma.validate.Range(-180, 180))
    accuracy_m = ma.fields.Float(required=True, validate=ma.validate.Range(0, 100000))
    is_mock = ma.fields.Boolean(load_default=False)
    device_id = ma.fields.String(required=True, validate=length(128, 4))
    client_time = ma.fields.AwareDateTime(load_default=None, default_timezone=None)
    note = ma.fields.String(load_default="", validate=length(500))
    purpose = ma.fields.String(load_default=None, validate=one_of(PURPOSES), metadata={
        "description": "Keperluan presensi di luar area kantor (wajib bersama keterangan)"})
    offline = ma.fields.Boolean(load_default=False, metadata={
        "description": "Diambil tanpa sinyal (antrean aplikasi web); client_time = waktu "
                       "pengambilan; selalu menunggu persetujuan"})


    client = ma.fields.String(load_default="other", validate=one_of(CLIENTS), metadata={
        "description": "Jenis klien (web, android, ios, kiosk, other); klien yang wajib "
                       "tantangan diatur LIVENESS_CHALLENGE_REQUIRED"})
    challenge_id = ma.fields.Integer(load_default=None, validate=ma.validate.Range(1, 2**53),
                                     metadata={"description": "Tantangan keaslian wajah yang "
                                               "diikuti (POST /attendance/challenges)"})
    challenge_nonce = ma.fields.String(load_default="", validate=length(64))


class SelfieFile(ma.Schema):
    selfie = ma.fields.Raw(required=True, metadata={"type": "string", "format": "binary"})
    frames = ma.fields.List(ma.fields.Raw(metadata={"type": "string", "format": "binary"}),
                            load_default=list, metadata={
                                "description": "Rangkaian foto tantangan selain swafoto (1–3, "
                                               "urutan pengambilan)"})


class ChallengeIn(Base):
    device_id = ma.fields.String(required=True, validate=length(128, 4))


class ChallengeOut(ma.Schema):
    challenge_id = ma.fields.Integer()
    nonce = ma.fields.String()
    instruction = ma.fields.String(metadata={"enum": list(INSTRUCTIONS), "description":
                                             "closer: dari jauh ke dekat; farther: sebaliknya"})
    expires_at = ma.fields.String()
    ttl_s = ma.fields.Integer()


class CheckinOut(ma.Schema):
    event_id = ma.fields.Integer()
    status = ma.fields.String(metadata={"enum": ["ACCEPTED", "PENDING", "REJECTED"]})
    codes = ma.fields.List(ma.fields.String())
    message = ma.fields.String()
    recorded_at = ma.fields.String()
    work_date = ma.fields.String(allow_none=True)
    late_minutes = ma.fields.Integer()
    early_minutes = ma.fields.Integer()
    similarity = ma.fields.Float(allow_none=True)
    liveness = ma.fields.Float(allow_none=True)
    captured_at = ma.fields.String(allow_none=True, metadata={
        "description": "Waktu pengambilan foto menurut perangkat (hanya presensi tanpa sinyal)"})
    approver = ma.fields.Dict(allow_none=True, metadata={
        "description": "Yang memutuskan presensi yang menunggu persetujuan (nama, jabatan)"})
    liveness_band = ma.fields.String(allow_none=True, metadata={
        "enum": ["accept", "review", "reject", None]})
    liveness_path = ma.fields.String(allow_none=True, metadata={
        "enum": ["challenge", "passive", None]})
    challenge = ma.fields.Dict(allow_none=True, metadata={
        "description": "Hasil tantangan (outcome, reason, growth, flatness, parallax, ...)"})


class DecisionIn(Base):
    reason = ma.fields.String(load_default="", validate=length(500))


class EventQuery(PageArgs):
    employee = ma.fields.Integer(load_default=None)
    date_from = ma.fields.Date(data_key="from", load_default=None)
    date_to = ma.fields.Date(data_key="to", load_default=None)
    status = ma.fields.String(load_default=None,
                              validate=one_of(("ACCEPTED", "PENDING", "REJECTED")))
    approval = ma.fields.String(load_default=None,
                                validate=one_of(("pending", "approved", "rejected")))


class LivenessOut(ma.Schema):
    """What a check-in's liveness step used and found (issue 13)."""

    client = ma.fields.String(metadata={"description": "Jenis klien yang dinyatakan"})
    liveness_band = ma.fields.String(allow_none=True, metadata={
        "description": "accept | review | reject; kosong bila tidak dinilai"})
    liveness_path = ma.fields.String(allow_none=True, metadata={
        "description": "challenge (dengan tantangan) | passive"})
    challenge = ma.fields.Dict(allow_none=True, metadata={
        "description": "Hasil tantangan: outcome, reason, growth, flatness, parallax, ..."})
    frame_count = ma.fields.Integer(metadata={"description": "Foto tantangan yang disimpan: "
                                              "GET /attendance/checkins/{id}/frames/{n}"})


class EventOut(LivenessOut):
    id = ma.fields.Integer()
    employee_id = ma.fields.Integer()
    employee_name = ma.fields.String()
    kind = ma.fields.String()
    status = ma.fields.String()
    codes = ma.fields.List(ma.fields.String())
    recorded_at = ma.fields.String()
    work_date = ma.fields.Date(allow_none=True)
    lat = ma.fields.Float(allow_none=True)
    lon = ma.fields.Float(allow_none=True)
    accuracy_m = ma.fields.Float(allow_none=True)
    is_mock = ma.fields.Boolean()
    device_uid = ma.fields.String()
    location_id = ma.fields.Integer(allow_none=True)
    distance_m = ma.fields.Float(allow_none=True)
    out_of_office = ma.fields.Boolean()
    similarity = ma.fields.Float(allow_none=True)
    liveness = ma.fields.Float(allow_none=True)
    has_selfie = ma.fields.Boolean()
    note = ma.fields.String()
    purpose = ma.fields.String(allow_none=True)
    offline = ma.fields.Boolean()
    client_time = ma.fields.String(allow_none=True)
    approval = ma.fields.String(allow_none=True)
    decision_reason = ma.fields.String()


class EventPage(ma.Schema):
    total = ma.fields.Integer()
    items = ma.fields.List(ma.fields.Nested(EventOut))


class DaysQuery(Base):
    employee = ma.fields.Integer(load_default=None)
    opd = ma.fields.Integer(load_default=None)
    date_from = ma.fields.Date(data_key="from", required=True)
    date_to = ma.fields.Date(data_key="to", required=True)
    limit = ma.fields.Integer(load_default=5000, validate=ma.validate.Range(1, 50000))
    offset = ma.fields.Integer(load_default=0, validate=ma.validate.Range(0))

    @ma.validates_schema
    def _range(self, data, **_):
        if data["date_to"] < data["date_from"]:
            raise ma.ValidationError("Tanggal akhir sebelum tanggal awal.", "to")
        if (data["date_to"] - data["date_from"]).days > 366:
            raise ma.ValidationError("Rentang maksimal 366 hari.", "to")


class DayOut(ma.Schema):
    employee_id = ma.fields.Integer()
    employee_name = ma.fields.String()
    nip = ma.fields.String()
    work_date = ma.fields.Date()
    opd_id = ma.fields.Integer()
    unit_id = ma.fields.Integer(allow_none=True)
    workday = ma.fields.Boolean()
    status = ma.fields.String()
    label = ma.fields.String()
    check_in_at = ma.fields.String(allow_none=True)
    check_out_at = ma.fields.String(allow_none=True)
    late_minutes = ma.fields.Integer()
    early_minutes = ma.fields.Integer()
    late_tier = ma.fields.Integer()
    early_tier = ma.fields.Integer()
    excused_code = ma.fields.String(allow_none=True)
    source = ma.fields.String()
    has_pending = ma.fields.Boolean()


class DayPage(ma.Schema):
    total = ma.fields.Integer()
    items = ma.fields.List(ma.fields.Nested(DayOut))
