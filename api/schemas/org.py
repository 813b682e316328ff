from __future__ import annotations

import marshmallow as ma

from api.schemas.common import EMPLOYMENT_TYPES, Base, Moment, PageArgs, length, one_of


class OpdIn(Base):
    code = ma.fields.String(required=True, validate=length(20, 1))
    name = ma.fields.String(required=True, validate=length(200, 3))
    short_name = ma.fields.String(load_default="", validate=length(60))
    address = ma.fields.String(load_default="", validate=length(500))


class OpdPatch(Base):
    name = ma.fields.String(validate=length(200, 3))
    short_name = ma.fields.String(validate=length(60))
    address = ma.fields.String(validate=length(500))
    active = ma.fields.Boolean()


class OpdOut(ma.Schema):
    id = ma.fields.Integer()
    code = ma.fields.String()
    name = ma.fields.String()
    short_name = ma.fields.String()
    address = ma.fields.String()
    active = ma.fields.Boolean()


class UnitIn(Base):
    opd_id = ma.fields.Integer(required=True)
    parent_id = ma.fields.Integer(load_default=None, allow_none=True)
    code = ma.fields.String(required=True, validate=length(30, 1))
    name = ma.fields.String(required=True, validate=length(200, 2))


class UnitPatch(Base):
    parent_id = ma.fields.Integer(allow_none=True)
    name = ma.fields.String(validate=length(200, 2))
    active = ma.fields.Boolean()


class UnitOut(ma.Schema):
    id = ma.fields.Integer()
    opd_id = ma.fields.Integer()
    parent_id = ma.fields.Integer(allow_none=True)
    code = ma.fields.String()
    name = ma.fields.String()
    active = ma.fields.Boolean()


class OpdFilter(Base):
    opd = ma.fields.Integer(load_default=None)


class LocationIn(Base):
    opd_id = ma.fields.Integer(load_default=None, allow_none=True)
    name = ma.fields.String(required=True, validate=length(200, 2))
    kind = ma.fields.String(load_default="office", validate=one_of(("office", "alternative")))
    lat = ma.fields.Float(required=True, validate=ma.validate.Range(-90, 90))
    lon = ma.fields.Float(required=True, validate=ma.validate.Range(-180, 180))
    radius_m = ma.fields.Integer(load_default=100, validate=ma.validate.Range(10, 5000))
    tz = ma.fields.String(load_default="Asia/Jakarta", validate=length(40, 3))


class LocationPatch(Base):
    name = ma.fields.String(validate=length(200, 2))
    kind = ma.fields.String(validate=one_of(("office", "alternative")))
    lat = ma.fields.Float(validate=ma.validate.Range(-90, 90))
    lon = ma.fields.Float(validate=ma.validate.Range(-180, 180))
    radius_m = ma.fields.Integer(validate=ma.validate.Range(10, 5000))
    tz = ma.fields.String(validate=length(40, 3))
    active = ma.fields.Boolean()


class LocationOut(ma.Schema):
    id = ma.fields.Integer()
    opd_id = ma.fields.Integer(allow_none=True)
    name = ma.fields.String()
    kind = ma.fields.String()
    lat = ma.fields.Float()
    lon = ma.fields.Float()
    radius_m = ma.fields.Integer()
    tz = ma.fields.String()
    active = ma.fields.Boolean()
    primary = ma.fields.Boolean()


class EmployeeIn(Base):
    nip = ma.fields.String(required=True, validate=length(40, 4))
    name = ma.fields.String(required=True, validate=length(200, 2))
    jabatan = ma.fields.String(load_default="", validate=length(200))
    golongan = ma.fields.String(load_default="", validate=length(20))
    employment_type = ma.fields.String(load_default="PNS", validate=one_of(EMPLOYMENT_TYPES))
    opd_id = ma.fields.Integer(required=True)
    unit_id = ma.fields.Integer(load_default=None, allow_none=True)
    supervisor_id = ma.fields.Integer(load_default=None, allow_none=True)
    schedule_group_id = ma.fields.Integer(required=True)
    location_ids = ma.fields.List(ma.fields.Integer(), load_default=list,
                                  validate=ma.validate.Length(max=10))


class EmployeePatch(Base):
    name = ma.fields.String(validate=length(200, 2))
    jabatan = ma.fields.String(validate=length(200))
    golongan = ma.fields.String(validate=length(20))
    employment_type = ma.fields.String(validate=one_of(EMPLOYMENT_TYPES))
    unit_id = ma.fields.Integer(allow_none=True)
    supervisor_id = ma.fields.Integer(allow_none=True)
    schedule_group_id = ma.fields.Integer()
    active = ma.fields.Boolean()


class EmployeeOut(ma.Schema):
    id = ma.fields.Integer()
    nip = ma.fields.String()
    name = ma.fields.String()
    jabatan = ma.fields.String()
    golongan = ma.fields.String()
    employment_type = ma.fields.String()
    opd_id = ma.fields.Integer()
    opd_name = ma.fields.String()
    unit_id = ma.fields.Integer(allow_none=True)
    unit_name = ma.fields.String(allow_none=True)
    supervisor_id = ma.fields.Integer(allow_none=True)
    supervisor_name = ma.fields.String(allow_none=True)
    schedule_group_id = ma.fields.Integer()
    active = ma.fields.Boolean()
    face_enrolled = ma.fields.Boolean()
    default_password = ma.fields.String(metadata={"description": "Hanya saat dibuat/di-reset"})


class EmployeeQuery(PageArgs):
    opd = ma.fields.Integer(load_default=None)
    unit = ma.fields.Integer(load_default=None)
    q = ma.fields.String(load_default=None, validate=length(100))
    active = ma.fields.Boolean(load_default=None)
    employment_type = ma.fields.String(load_default=None, validate=one_of(EMPLOYMENT_TYPES))


class EmployeePage(ma.Schema):
    total = ma.fields.Integer()
    items = ma.fields.List(ma.fields.Nested(EmployeeOut))


class PasswordOut(ma.Schema):
    default_password = ma.fields.String()


class AccountOut(ma.Schema):
    has_password = ma.fields.Boolean(metadata={"description": "Akun sudah punya kata sandi"})
    must_change_password = ma.fields.Boolean()
    locked = ma.fields.Boolean(metadata={"description": "Terkunci karena salah kata sandi"})
    locked_until = Moment(allow_none=True)
    failed_count = ma.fields.Integer(metadata={"description": "Salah kata sandi berturut-turut"})
    last_login_at = Moment(allow_none=True)
    password_changed_at = Moment(allow_none=True)


class LocationLink(Base):
    location_id = ma.fields.Integer(required=True)
    primary = ma.fields.Boolean(load_default=False)


class EmployeeLocationsIn(Base):
    locations = ma.fields.List(ma.fields.Nested(LocationLink), required=True,
                               validate=ma.validate.Length(1, 10))

    @ma.validates_schema
    def _one_each(self, data, **_):
        ids = [link["location_id"] for link in data.get("locations", [])]
        if len(ids) != len(set(ids)):  # found by fuzzing: a duplicate was a 500
            raise ma.ValidationError("Setiap lokasi cukup disebut sekali.", "locations")
        if sum(1 for link in data.get("locations", []) if link["primary"]) > 1:
            raise ma.ValidationError("Hanya satu lokasi yang menjadi kantor utama.", "locations")


class MutationIn(Base):
    opd_id = ma.fields.Integer(required=True)
    unit_id = ma.fields.Integer(load_default=None, allow_none=True)
    location_id = ma.fields.Integer(load_default=None, allow_none=True)
    supervisor_id = ma.fields.Integer(required=True, allow_none=True, error_messages={
        "required": "Atasan langsung di tempat baru wajib diisi (null bila tidak ada)."},
        metadata={"description": "Atasan langsung di tempat baru (wajib; null bila tidak ada)"})
    valid_from = ma.fields.Date(required=True)
    reason = ma.fields.String(required=True, validate=length(500, 3))


class MutationOut(ma.Schema):
    id = ma.fields.Integer()
    opd_id = ma.fields.Integer()
    unit_id = ma.fields.Integer(allow_none=True)
    location_id = ma.fields.Integer(allow_none=True)
    supervisor_id = ma.fields.Integer(allow_none=True)
    valid_from = ma.fields.Date()
    applied = ma.fields.Boolean()
    reason = ma.fields.String()


class RoleIn(Base):
    role = ma.fields.String(required=True,
                            validate=one_of(("kepala_opd", "operator", "admin", "analis")))
    opd_id = ma.fields.Integer(load_default=None, allow_none=True)


class RoleOut(ma.Schema):
    id = ma.fields.Integer()
    role = ma.fields.String()
    opd_id = ma.fields.Integer(allow_none=True)


class ImportForm(Base):
    opd = ma.fields.Integer(required=True)
    dry_run = ma.fields.Boolean(load_default=True, metadata={
        "description": "Bawaan: hanya diperiksa, tidak ada yang disimpan"})
    schedule_group = ma.fields.Integer(load_default=None, metadata={
        "description": "Kelompok jadwal pegawai baru (bawaan: 5 hari kerja)"})


class ImportFiles(ma.Schema):
    file = ma.fields.Raw(required=True, metadata={"type": "string", "format": "binary",
                                                  "description": "Ekspor SIMPEG/BKD (xlsx/CSV)"})


class ImportRowOut(ma.Schema):
    row = ma.fields.Integer()
    nip = ma.fields.String()
    name = ma.fields.String()
    action = ma.fields.String(metadata={"enum": ["create", "update", "unchanged", "error"]})
    changes = ma.fields.List(ma.fields.String())
    errors = ma.fields.List(ma.fields.String())


class ImportOut(ma.Schema):
    counts = ma.fields.Dict()
    rows = ma.fields.List(ma.fields.Nested(ImportRowOut))
    written = ma.fields.Boolean()
