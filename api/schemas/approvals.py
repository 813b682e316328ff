"""The approvals queue."""
from __future__ import annotations

import marshmallow as ma

from api.schemas.attendance import LivenessOut
from api.schemas.common import PageArgs, one_of
from api.services.approvals import KINDS


class ApprovalQuery(PageArgs):
    kind = ma.fields.String(load_default=None, validate=one_of(KINDS))
    opd = ma.fields.Integer(load_default=None)


class ApprovalOpd(ma.Schema):
    id = ma.fields.Integer()
    name = ma.fields.String()


class ApprovalEmployee(ma.Schema):
    id = ma.fields.Integer()
    name = ma.fields.String()
    nip = ma.fields.String()
    jabatan = ma.fields.String()
    opd = ma.fields.Nested(ApprovalOpd)


class ApprovalGeofence(ma.Schema):
    location_id = ma.fields.Integer()
    name = ma.fields.String()
    lat = ma.fields.Float()
    lon = ma.fields.Float()
    radius_m = ma.fields.Integer()


class CheckinDetail(LivenessOut):
    kind = ma.fields.String()
    work_date = ma.fields.Date(allow_none=True)
    recorded_at = ma.fields.String()
    selfie_url = ma.fields.String(allow_none=True)
    lat = ma.fields.Float(allow_none=True)
    lon = ma.fields.Float(allow_none=True)
    accuracy_m = ma.fields.Float(allow_none=True)
    is_mock = ma.fields.Boolean()
    distance_m = ma.fields.Float(allow_none=True)
    geofence = ma.fields.Nested(ApprovalGeofence, allow_none=True)
    note = ma.fields.String()
    purpose = ma.fields.String(allow_none=True)
    similarity = ma.fields.Float(allow_none=True)
    liveness = ma.fields.Float(allow_none=True)
    codes = ma.fields.List(ma.fields.String())
    offline = ma.fields.Boolean()
    captured_at = ma.fields.String(allow_none=True, metadata={
        "description": "Tanpa sinyal: waktu pengambilan menurut perangkat (recorded_at = "
                       "waktu diterima server)"})
    frame_urls = ma.fields.List(ma.fields.String(), metadata={
        "description": "Foto rangkaian tantangan, urutan pengambilan"})


class AbsenceDetail(ma.Schema):
    code = ma.fields.String()
    code_label = ma.fields.String()
    date_from = ma.fields.Date()
    date_to = ma.fields.Date()
    workdays = ma.fields.Integer()
    reason = ma.fields.String()
    document_url = ma.fields.String()
    submitted_by = ma.fields.Integer()


class DeviceDetail(ma.Schema):
    device_uid = ma.fields.String()
    note = ma.fields.String()
    current_devices = ma.fields.List(ma.fields.String())


class FaceDetail(ma.Schema):
    template_id = ma.fields.Integer()
    photo_count = ma.fields.Integer()
    photos = ma.fields.List(ma.fields.String(), metadata={"description": "Foto baru"})
    current_photos = ma.fields.List(ma.fields.String(), metadata={
        "description": "Foto templat yang berlaku sekarang (kosong bila tidak tersimpan)"})
    similarity_to_current = ma.fields.Float(allow_none=True, metadata={
        "description": "Kemiripan tertinggi wajah baru dengan wajah yang berlaku"})
    enrolled_by = ma.fields.String(allow_none=True)


class ApprovalPerson(ma.Schema):
    id = ma.fields.Integer()
    name = ma.fields.String()
    nip = ma.fields.String()
    jabatan = ma.fields.String()


class ApprovalDay(ma.Schema):
    status = ma.fields.String()
    label = ma.fields.String()
    check_in_at = ma.fields.String(allow_none=True)
    check_out_at = ma.fields.String(allow_none=True)


class CancellationDetail(ma.Schema):
    work_date = ma.fields.Date()
    statement = ma.fields.String()
    supervisor = ma.fields.Nested(ApprovalPerson)
    witnesses = ma.fields.List(ma.fields.Nested(ApprovalPerson))
    day = ma.fields.Nested(ApprovalDay, allow_none=True)


class CampaignExcuseDetail(ma.Schema):
    campaign_name = ma.fields.String()
    work_date = ma.fields.Date()
    window_label = ma.fields.String()
    reason = ma.fields.String()
    document_url = ma.fields.String()


class ApprovalItem(ma.Schema):
    kind = ma.fields.String(metadata={"enum": list(KINDS)})
    id = ma.fields.Integer()
    employee = ma.fields.Nested(ApprovalEmployee)
    submitted_at = ma.fields.String()
    summary = ma.fields.String()
    checkin = ma.fields.Nested(CheckinDetail)
    absence = ma.fields.Nested(AbsenceDetail)
    device = ma.fields.Nested(DeviceDetail)
    cancellation = ma.fields.Nested(CancellationDetail)
    face = ma.fields.Nested(FaceDetail)
    campaign_excuse = ma.fields.Nested(CampaignExcuseDetail)


class ApprovalPage(ma.Schema):
    total = ma.fields.Integer()
    items = ma.fields.List(ma.fields.Nested(ApprovalItem))


class DecisionOut(ma.Schema):
    kind = ma.fields.String()
    id = ma.fields.Integer()
    status = ma.fields.String(metadata={"enum": ["approved", "rejected"]})
    decided_at = ma.fields.String(allow_none=True)
