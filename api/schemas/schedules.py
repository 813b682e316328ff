from __future__ import annotations

import marshmallow as ma

from api.schemas.common import Base, length, one_of


class TimesIn(Base):
    start = ma.fields.Time(required=True)
    end = ma.fields.Time(required=True)
    break_start = ma.fields.Time(load_default=None, allow_none=True)
    break_end = ma.fields.Time(load_default=None, allow_none=True)
    checkin_open = ma.fields.Time(required=True)
    checkin_close = ma.fields.Time(required=True)
    checkout_open = ma.fields.Time(required=True)
    checkout_close = ma.fields.Time(required=True)


class PatternIn(TimesIn):
    weekday = ma.fields.Integer(required=True, validate=ma.validate.Range(0, 6))


class TimesOut(ma.Schema):
    start = ma.fields.Time()
    end = ma.fields.Time()
    break_start = ma.fields.Time(allow_none=True)
    break_end = ma.fields.Time(allow_none=True)
    checkin_open = ma.fields.Time()
    checkin_close = ma.fields.Time()
    checkout_open = ma.fields.Time()
    checkout_close = ma.fields.Time()


class PatternOut(TimesOut):
    weekday = ma.fields.Integer()


class ShiftIn(TimesIn):
    code = ma.fields.String(required=True, validate=length(20, 1))
    name = ma.fields.String(required=True, validate=length(80, 1))


class ShiftOut(TimesOut):
    id = ma.fields.Integer()
    code = ma.fields.String()
    name = ma.fields.String()


class PeriodOut(ma.Schema):
    id = ma.fields.Integer()
    name = ma.fields.String()
    date_from = ma.fields.Date()
    date_to = ma.fields.Date()
    patterns = ma.fields.List(ma.fields.Nested(PatternOut))


class GroupOut(ma.Schema):
    id = ma.fields.Integer()
    code = ma.fields.String()
    name = ma.fields.String()
    kind = ma.fields.String()
    observes_holidays = ma.fields.Boolean()
    patterns = ma.fields.List(ma.fields.Nested(PatternOut))
    periods = ma.fields.List(ma.fields.Nested(PeriodOut))
    shifts = ma.fields.List(ma.fields.Nested(ShiftOut))


class GroupIn(Base):
    code = ma.fields.String(required=True, validate=length(30, 1))
    name = ma.fields.String(required=True, validate=length(120, 2))
    kind = ma.fields.String(load_default="weekly", validate=one_of(("weekly", "shift")))
    observes_holidays = ma.fields.Boolean(load_default=True)
    patterns = ma.fields.List(ma.fields.Nested(PatternIn), load_default=list)
    shifts = ma.fields.List(ma.fields.Nested(ShiftIn), load_default=list)


class PatternsIn(Base):
    patterns = ma.fields.List(ma.fields.Nested(PatternIn), required=True)


class RamadanQuery(Base):
    # the Umm al-Qura tables (hijridate) end in 1500 H, i.e. 2077 (fuzzing found 2099 a 500)
    year = ma.fields.Integer(required=True, validate=ma.validate.Range(2000, 2077),
                             metadata={"example": 2027})


class SuggestedPattern(ma.Schema):
    """A weekday as PeriodIn takes it back ("HH:MM")."""

    weekday = ma.fields.Integer()
    start = ma.fields.String()
    end = ma.fields.String()
    break_start = ma.fields.String(allow_none=True)
    break_end = ma.fields.String(allow_none=True)
    checkin_open = ma.fields.String()
    checkin_close = ma.fields.String()
    checkout_open = ma.fields.String()
    checkout_close = ma.fields.String()


class RamadanOut(ma.Schema):
    name = ma.fields.String()
    date_from = ma.fields.Date()
    date_to = ma.fields.Date()
    patterns = ma.fields.List(ma.fields.Nested(SuggestedPattern))
    basis = ma.fields.String(metadata={"description": "Dasar tanggal usulan"})


class PeriodIn(Base):
    name = ma.fields.String(required=True, validate=length(120, 2))
    date_from = ma.fields.Date(required=True)
    date_to = ma.fields.Date(required=True)
    patterns = ma.fields.List(ma.fields.Nested(PatternIn), required=True,
                              validate=ma.validate.Length(1, 7))

    @ma.validates_schema
    def _range(self, data, **_):
        if data["date_to"] < data["date_from"]:
            raise ma.ValidationError("Tanggal akhir sebelum tanggal awal.", "date_to")


class RosterEntryIn(Base):
    employee_id = ma.fields.Integer(required=True)
    work_date = ma.fields.Date(required=True)
    shift_code = ma.fields.String(load_default=None, allow_none=True, validate=length(20))


class RosterIn(Base):
    entries = ma.fields.List(ma.fields.Nested(RosterEntryIn), required=True,
                             validate=ma.validate.Length(1, 5000))


class RosterQuery(Base):
    opd = ma.fields.Integer(load_default=None)
    employee = ma.fields.Integer(load_default=None)
    date_from = ma.fields.Date(data_key="from", required=True)
    date_to = ma.fields.Date(data_key="to", required=True)


class RosterOut(ma.Schema):
    employee_id = ma.fields.Integer()
    work_date = ma.fields.Date()
    shift_code = ma.fields.String(allow_none=True)


class HolidayQuery(Base):
    year = ma.fields.Integer(required=True, validate=ma.validate.Range(2000, 2100))


class HolidayOut(ma.Schema):
    date = ma.fields.Date()
    name = ma.fields.String()
    kind = ma.fields.String()


class LocalDayIn(Base):
    date = ma.fields.Date(required=True)
    action = ma.fields.String(required=True, validate=one_of(("add", "remove")))
    name = ma.fields.String(load_default="", validate=length(200))
    kind = ma.fields.String(load_default="local", validate=one_of(("local", "cuti_bersama")))

    @ma.validates_schema
    def _named(self, data, **_):
        if data["action"] == "add" and not data["name"].strip():
            raise ma.ValidationError("Nama hari libur wajib diisi.", "name")


class LocalDayOut(ma.Schema):
    id = ma.fields.Integer()
    date = ma.fields.Date()
    action = ma.fields.String()
    name = ma.fields.String()
    kind = ma.fields.String()


class ResolveQuery(Base):
    employee = ma.fields.Integer(load_default=None)
    date = ma.fields.Date(required=True)


class ScheduleDayOut(ma.Schema):
    work_date = ma.fields.Date()
    workday = ma.fields.Boolean()
    off_reason = ma.fields.String(allow_none=True)
    holiday_name = ma.fields.String(allow_none=True)
    tz = ma.fields.String()
    source = ma.fields.String()
    start = ma.fields.String(allow_none=True)
    end = ma.fields.String(allow_none=True)
    break_start = ma.fields.String(allow_none=True)
    break_end = ma.fields.String(allow_none=True)
    checkin_open = ma.fields.String(allow_none=True)
    checkin_close = ma.fields.String(allow_none=True)
    checkout_open = ma.fields.String(allow_none=True)
    checkout_close = ma.fields.String(allow_none=True)
