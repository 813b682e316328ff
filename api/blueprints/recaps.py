"""Monthly recap (Lampiran II), daily sheet (Lampiran I), today's board, PP 94 watch-list."""
from __future__ import annotations

from datetime import date

from flask import current_app
from flask_smorest import Blueprint

from api.frames import json_response
from api.models import Opd
from api.schemas import recaps as s
from api.services import daily, recaps
from api.services.accounts import REPORT_ROLES, authenticated, current_actor, reach_for, report_opds
from api.services.policy import in_force

blp = Blueprint("recaps", __name__, url_prefix="/api/v1",
                description="Rekap presensi (Lampiran I/II), papan hari ini, disiplin PP 94")
SECURITY = [{"bearerAuth": []}]
XLSX_NOTE = ("JSON; dengan format=xlsx: berkas .xlsx, format=pdf: formulir Perbup siap cetak "
             "(diunduh)")


@blp.route("/recaps/monthly", methods=["GET"])
@authenticated(*REPORT_ROLES)
@blp.arguments(s.MonthlyQuery, location="query")
@blp.response(200, s.MonthlyOut, description=XLSX_NOTE)
@blp.doc(security=SECURITY)
def monthly(args):
    """Rekap bulanan per pegawai (kolom Lampiran II + TPP + PP 94), satu OPD atau se-pemda."""
    opd_ids = report_opds(current_actor(), args["opd"])
    data = recaps.monthly(args["month"], opd_ids)
    pemda, today = current_app.config["PEMDA_NAME"], daily.pemda_today()
    where = data.opds["opd_code"].iloc[0] if len(data.opds) == 1 else "pemda"
    name = f"rekap-bulanan-{data.first:%Y-%m}-{where}"
    if args["format"] == "xlsx":
        return recaps.xlsx.send_workbook(
            lambda path: recaps.xlsx.write_monthly(path, data, pemda, today), f"{name}.xlsx")
    if args["format"] == "pdf":
        return recaps.pdf.send_pdf(recaps.pdf.lampiran_ii_pdf(data, pemda, today),
                                   f"lampiran-ii-{name}.pdf")
    return json_response(recaps.envelope(data, opd_ids))


@blp.route("/recaps/daily", methods=["GET"])
@authenticated(*REPORT_ROLES)
@blp.arguments(s.DailyQuery, location="query")
@blp.response(200, s.DailySheetOut, description=XLSX_NOTE)
@blp.doc(security=SECURITY)
def daily_sheet_view(args):
    """Presensi harian satu OPD (Lampiran I): jam datang/pulang, kode, keterangan."""
    report_opds(current_actor(), args["opd"])
    opd = Opd.get_by_id(args["opd"])
    data = recaps.daily_sheet.sheet(opd, args["date"], daily.pemda_today())
    name = f"presensi-harian-{args['date']:%Y-%m-%d}-{opd.code}"
    if args["format"] == "xlsx":
        return recaps.xlsx.send_workbook(
            lambda path: recaps.daily_sheet.write_sheet(path, data, args["date"]), f"{name}.xlsx")
    if args["format"] == "pdf":
        return recaps.pdf.send_pdf(recaps.pdf.lampiran_i_pdf(data, args["date"]),
                                   f"lampiran-i-{name}.pdf")
    return json_response(data)


@blp.route("/recaps/today", methods=["GET"])
@authenticated(*REPORT_ROLES, "atasan")
@blp.arguments(s.TodayQuery, location="query")
@blp.response(200, s.TodayOut)
@blp.doc(security=SECURITY)
def today(args):
    """Papan hari ini (Beranda): hadir, terlambat, belum presensi, izin/cuti, menunggu — per
    OPD untuk peran laporan, per tim untuk atasan langsung; bisa disaring unit dan jenis."""
    reach = reach_for(current_actor(), args["opd"], args["unit"], args["employment_type"],
                      team=True)
    return json_response(recaps.board(daily.pemda_today(), reach))


@blp.route("/discipline/watchlist", methods=["GET"])
@authenticated(*REPORT_ROLES)
@blp.arguments(s.WatchlistQuery, location="query")
@blp.response(200, s.WatchlistOut)
@blp.doc(security=SECURITY)
def watchlist(args):
    """Daftar pantau PP 94/2021: TK s.d. hari ini (termasuk konversi menit) dan TK 10 hari
    kerja berturut-turut."""
    opd_ids = report_opds(current_actor(), args["opd"])
    as_of = min(daily.pemda_today(), date(args["year"], 12, 31))
    policy = in_force(as_of).policy
    return json_response(recaps.watchlist(args["year"], as_of, policy, opd_ids,
                                                    args["min_days"]))
