"""Dashboard analytics, aggregated on the server and scoped like every other read."""
from __future__ import annotations

from flask_smorest import Blueprint

from api.frames import json_response
from api.schemas import analytics as s
from api.services import analytics
from api.services.accounts import REPORT_ROLES, authenticated, current_actor, reach_for, report_opds
from api.services.recaps import month_bounds

blp = Blueprint("analytics", __name__, url_prefix="/api/v1/analytics",
                description="Analitik: heatmap, tren keterlambatan, jam datang, peringkat OPD, "
                            "tingkat TL/PSW, sinyal kecurangan")
SECURITY = [{"bearerAuth": []}]


def _scope(args):
    return report_opds(current_actor(), args["opd"])


def _reach(args):
    return reach_for(current_actor(), args["opd"], args["unit"], args["employment_type"])


@blp.route("/heatmap", methods=["GET"])
@authenticated(*REPORT_ROLES)
@blp.arguments(s.HeatmapQuery, location="query")
@blp.response(200, s.Table)
@blp.doc(security=SECURITY)
def heatmap(args):
    """Persentase terlambat/TK per OPD × tanggal (dim=opd_date) atau unit × hari (unit_weekday)."""
    first, last = month_bounds(args["month"])
    return json_response(analytics.heatmap(args["dim"], first, last, _reach(args)))


@blp.route("/trend", methods=["GET"])
@authenticated(*REPORT_ROLES)
@blp.arguments(s.TrendQuery, location="query")
@blp.response(200, s.Table)
@blp.doc(security=SECURITY)
def trend(args):
    """Tren keterlambatan dan TK per minggu/bulan, dibandingkan dengan periode sebelumnya."""
    return json_response(analytics.trend(args["period"], args["date_from"], args["date_to"],
                                         _reach(args)))


@blp.route("/arrivals", methods=["GET"])
@authenticated(*REPORT_ROLES)
@blp.arguments(s.ArrivalsQuery, location="query")
@blp.response(200, s.Table)
@blp.doc(security=SECURITY)
def arrivals(args):
    """Sebaran jam datang (per 15 menit, tepat waktu/terlambat) untuk satu tanggal atau bulan."""
    first, last = (args["date"], args["date"]) if args["date"] else month_bounds(args["month"])
    answer = analytics.distribution(first, last, _reach(args))
    return json_response({"from": first.isoformat(), "to": last.isoformat(), **answer})


@blp.route("/ranking", methods=["GET"])
@authenticated(*REPORT_ROLES)
@blp.arguments(s.MonthQuery, location="query")
@blp.response(200, s.Table)
@blp.doc(security=SECURITY)
def ranking(args):
    """Peringkat OPD menurut kehadiran, lalu keterlambatan dan TK."""
    first, last = month_bounds(args["month"])
    return json_response(analytics.ranking(first, last, _reach(args)))


@blp.route("/tiers", methods=["GET"])
@authenticated(*REPORT_ROLES)
@blp.arguments(s.MonthQuery, location="query")
@blp.response(200, s.Table)
@blp.doc(security=SECURITY)
def tiers(args):
    """Jumlah kejadian TL1–TL4 dan PSW1–PSW4 (TM/TP ikut tingkatnya) per OPD."""
    first, last = month_bounds(args["month"])
    return json_response(analytics.tiers(first, last, _reach(args)))


@blp.route("/fraud", methods=["GET"])
@authenticated(*REPORT_ROLES)
@blp.arguments(s.FraudQuery, location="query")
@blp.response(200, s.Table)
@blp.doc(security=SECURITY)
def fraud(args):
    """Sinyal kecurangan: lokasi palsu, koordinat identik, HP dipakai bersama, wajah tidak
    cocok berulang, foto ulang."""
    return json_response(analytics.signals(
        args["date_from"], args["date_to"], _scope(args), args["min_employees"],
        args["min_mismatches"]))
