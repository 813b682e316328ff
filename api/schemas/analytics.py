"""Analytics queries (the answers are plain JSON tables the dashboard plots)."""
from __future__ import annotations

import marshmallow as ma

from api.schemas.common import Base, Narrowing, one_of
from api.schemas.recaps import Month

MAX_RANGE_DAYS = 366


def _range_check(data: dict) -> None:
    if data["date_to"] < data["date_from"]:
        raise ma.ValidationError("Tanggal akhir sebelum tanggal awal.", "to")
    if (data["date_to"] - data["date_from"]).days > MAX_RANGE_DAYS:
        raise ma.ValidationError(f"Rentang maksimal {MAX_RANGE_DAYS} hari.", "to")


class HeatmapQuery(Narrowing):
    dim = ma.fields.String(load_default="opd_date",
                           validate=one_of(("opd_date", "unit_weekday")))
    month = Month(required=True)
    opd = ma.fields.Integer(load_default=None)


class TrendQuery(Narrowing):
    period = ma.fields.String(load_default="week", validate=one_of(("week", "month")))
    date_from = ma.fields.Date(data_key="from", required=True)
    date_to = ma.fields.Date(data_key="to", required=True)
    opd = ma.fields.Integer(load_default=None)

    @ma.validates_schema
    def _range(self, data, **_):
        _range_check(data)


class ArrivalsQuery(Narrowing):
    date = ma.fields.Date(load_default=None)
    month = Month(load_default=None)
    opd = ma.fields.Integer(load_default=None)

    @ma.validates_schema
    def _one(self, data, **_):
        if (data["date"] is None) == (data["month"] is None):
            raise ma.ValidationError("Isi salah satu: date atau month.", "date")


class MonthQuery(Narrowing):
    month = Month(required=True)
    opd = ma.fields.Integer(load_default=None)


class FraudQuery(Base):
    date_from = ma.fields.Date(data_key="from", required=True)
    date_to = ma.fields.Date(data_key="to", required=True)
    opd = ma.fields.Integer(load_default=None)
    min_employees = ma.fields.Integer(load_default=3, validate=ma.validate.Range(2, 10000),
                                      metadata={"description": "Koordinat sama: minimal "
                                                               "pegawai berbeda"})
    min_mismatches = ma.fields.Integer(load_default=3, validate=ma.validate.Range(1, 1000),
                                       metadata={"description": "Wajah tidak cocok: minimal "
                                                                "kejadian per pegawai+HP"})

    @ma.validates_schema
    def _range(self, data, **_):
        _range_check(data)


class Table(ma.Schema):
    """Documentation only: the analytics answers are objects holding row lists."""

    class Meta:
        unknown = ma.INCLUDE
