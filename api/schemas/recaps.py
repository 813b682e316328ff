"""Recaps (Lampiran I/II), today's board and the PP 94 watch-list: queries and answers.

The answers are written straight from pandas (big tables); these schemas document them."""
from __future__ import annotations

import re
from datetime import date

import marshmallow as ma

from api.schemas.common import Base, Narrowing, one_of

MONTH_PATTERN = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


class Month(ma.fields.Field):
    """"YYYY-MM" ↔ the first day of that month."""

    default_error_messages = {"invalid": "Bulan harus berformat YYYY-MM."}

    def _deserialize(self, value, attr, data, **kwargs) -> date:
        match = MONTH_PATTERN.match(value) if isinstance(value, str) else None
        if match is None or not 2000 <= int(match.group(1)) <= 2100:
            raise self.make_error("invalid")
        return date(int(match.group(1)), int(match.group(2)), 1)

    def _serialize(self, value, attr, obj, **kwargs):
        return None if value is None else value.strftime("%Y-%m")


FORMAT = ma.fields.String(load_default="json", validate=one_of(("json", "xlsx", "pdf")),
                          metadata={"description": "json (bawaan), xlsx, atau pdf (formulir "
                                                   "Perbup untuk dicetak)"})


class MonthlyQuery(Base):
    month = Month(required=True, metadata={"example": "2026-03"})
    opd = ma.fields.Integer(load_default=None,
                            metadata={"description": "Kosong: seluruh pemda (admin/analis) "
                                                     "atau OPD pengguna (kepala OPD/operator)"})
    format = FORMAT


class DailyQuery(Base):
    date = ma.fields.Date(required=True)
    opd = ma.fields.Integer(required=True)
    format = FORMAT


class TodayQuery(Narrowing):
    opd = ma.fields.Integer(load_default=None)


class WatchlistQuery(Base):
    year = ma.fields.Integer(required=True, validate=ma.validate.Range(2000, 2100))
    opd = ma.fields.Integer(load_default=None)
    min_days = ma.fields.Integer(load_default=None, validate=ma.validate.Range(0, 366),
                                 metadata={"description": "Bawaan: hari awal tingkat PP 94 "
                                                          "pertama (3)"})


class OpdHead(ma.Schema):
    name = ma.fields.String()
    nip = ma.fields.String()
    jabatan = ma.fields.String()


class RecapRow(ma.Schema):
    """One employee × OPD; tier columns (TL1…, PSW1…) follow policy.late_codes/early_codes."""

    class Meta:
        unknown = ma.INCLUDE  # the tier columns: the document allows them (found by fuzzing)

    no, employee_id, opd_id = (ma.fields.Integer() for _ in range(3))
    nip, name, jabatan, golongan, opd_name = (ma.fields.String() for _ in range(5))
    unit_id = ma.fields.Integer(allow_none=True)  # an employee not placed in a unit yet
    unit_name = ma.fields.String(allow_none=True)
    mutation_date = ma.fields.String(allow_none=True)
    workdays, present_days, pending_days = (ma.fields.Integer() for _ in range(3))
    late_minutes, early_minutes = ma.fields.Integer(), ma.fields.Integer()
    tk_days, leave_days, izin_days = (ma.fields.Integer() for _ in range(3))
    wfh_days, tm_days, tp_days = (ma.fields.Integer() for _ in range(3))
    attendance_percent = ma.fields.Float()
    tpp_percent, tpp_uncapped, tpp_daily_cap_reduction = (ma.fields.Float() for _ in range(3))
    ytd_tk_days, ytd_late_minutes, ytd_early_minutes = (ma.fields.Integer() for _ in range(3))
    ytd_converted_days, pp94_exact_days = ma.fields.Float(), ma.fields.Float()
    pp94_days = ma.fields.Integer()
    pp94_level = ma.fields.String(allow_none=True, metadata={"enum": ["ringan", "sedang",
                                                                      "berat"]})
    pp94_penalty_id = ma.fields.String(allow_none=True)
    pp94_penalty = ma.fields.String()
    longest_tk_streak = ma.fields.Integer()
    consecutive_tk_flag = ma.fields.Boolean()


class RecapOpd(ma.Schema):
    """One OPD's totals; its tier columns (TL1…, PSW1…) follow policy.late_codes/early_codes."""

    class Meta:
        unknown = ma.INCLUDE

    opd_id, employees, pp94_employees, consecutive_tk_employees = (
        ma.fields.Integer() for _ in range(4))
    opd_code, opd_name = ma.fields.String(), ma.fields.String()
    workdays, present_days, pending_days, late_minutes, early_minutes = (
        ma.fields.Integer() for _ in range(5))
    tk_days, leave_days, izin_days, tm_days, tp_days, wfh_days = (
        ma.fields.Integer() for _ in range(6))
    attendance_percent, tpp_percent_mean = ma.fields.Float(), ma.fields.Float()
    head = ma.fields.Nested(OpdHead, allow_none=True)


class RecapPolicy(ma.Schema):
    effective_from = ma.fields.String(allow_none=True)
    late_codes, early_codes, extra_codes = (ma.fields.List(ma.fields.String())
                                            for _ in range(3))
    tpp_rates = ma.fields.Dict(keys=ma.fields.String(), values=ma.fields.Float())
    tpp_monthly_cap = ma.fields.Float()
    tpp_daily_cap = ma.fields.Float(allow_none=True)
    convert_minutes_to_tk = ma.fields.Boolean()
    minutes_per_tk_day, consecutive_tk_limit = ma.fields.Integer(), ma.fields.Integer()


class RecapPeriod(ma.Schema):
    from_ = ma.fields.String(data_key="from")
    to = ma.fields.String()


class MonthlyOut(ma.Schema):
    month, month_label, pemda = ma.fields.String(), ma.fields.String(), ma.fields.String()
    period = ma.fields.Nested(RecapPeriod)
    opd_ids = ma.fields.List(ma.fields.Integer(), allow_none=True)
    policy = ma.fields.Nested(RecapPolicy)
    opds = ma.fields.List(ma.fields.Nested(RecapOpd))
    rows = ma.fields.List(ma.fields.Nested(RecapRow))


class SheetRow(ma.Schema):
    no, employee_id, late_minutes, early_minutes = (ma.fields.Integer() for _ in range(4))
    nip, name, jabatan, label, remarks, source = (ma.fields.String() for _ in range(6))
    status = ma.fields.String(allow_none=True, metadata={"description": "null: belum dihitung"})
    check_in = ma.fields.String(allow_none=True, metadata={"example": "06:52"})
    check_out = ma.fields.String(allow_none=True, metadata={"example": "07:05 (+1)"})
    code = ma.fields.String(metadata={"description": "Kolom TK/C/S/DL/I"})
    has_pending = ma.fields.Boolean()


class SheetOpd(ma.Schema):
    id = ma.fields.Integer()
    code, name, address = ma.fields.String(), ma.fields.String(), ma.fields.String()


class DailySheetOut(ma.Schema):
    date, date_label, pemda, zone = (ma.fields.String() for _ in range(4))
    holiday = ma.fields.String(allow_none=True)
    opd = ma.fields.Nested(SheetOpd)
    head = ma.fields.Nested(OpdHead, allow_none=True)
    rows = ma.fields.List(ma.fields.Nested(SheetRow))


class TodayCounts(ma.Schema):
    employees, present, late, not_yet, pending, excused, absent, off = (
        ma.fields.Integer() for _ in range(8))


class TodayOut(ma.Schema):
    date, date_label, pemda = ma.fields.String(), ma.fields.String(), ma.fields.String()
    totals = ma.fields.Nested(TodayCounts)
    by_opd = ma.fields.List(ma.fields.Dict(), metadata={"description": "opd_id, opd_name + "
                                                                       "hitungan"})
    by_unit = ma.fields.List(ma.fields.Dict(), metadata={"description": "opd_id, unit_id, "
                                                                        "unit_name + hitungan"})
    arrivals = ma.fields.Dict(metadata={"description": "Sebaran jam datang (lihat "
                                                      "/analytics/arrivals)"})


class WatchRow(ma.Schema):
    employee_id, opd_id, pp94_days, longest_tk_streak = (ma.fields.Integer() for _ in range(4))
    nip, name, jabatan, opd_name = (ma.fields.String() for _ in range(4))
    ytd_tk_days, ytd_late_minutes, ytd_early_minutes = (ma.fields.Integer() for _ in range(3))
    ytd_converted_days, pp94_exact_days = ma.fields.Float(), ma.fields.Float()
    pp94_level, pp94_penalty_id = (ma.fields.String(allow_none=True) for _ in range(2))
    pp94_penalty = ma.fields.String()
    next_level_at = ma.fields.Integer(allow_none=True)
    consecutive_tk_flag = ma.fields.Boolean()


class WatchlistOut(ma.Schema):
    year = ma.fields.Integer()
    as_of = ma.fields.String()
    period = ma.fields.Nested(RecapPeriod)
    threshold_days, flagged_consecutive = ma.fields.Integer(), ma.fields.Integer()
    counts_by_level = ma.fields.Dict(keys=ma.fields.String(), values=ma.fields.Integer())
    rows = ma.fields.List(ma.fields.Nested(WatchRow))
