"""Manual attendance: single entries and the Lampiran I daily sheet (xlsx)."""
from __future__ import annotations

from flask import Response, request
from flask_smorest import Blueprint

from api import clock
from api.models import ManualEntry, ManualSheet, Opd
from api.schemas import manual as s
from api.schemas.absences import EvidenceFile
from api.schemas.common import DayRowsQuery
from api.services import daily, storage
from api.services.accounts import authenticated, current_actor, scope
from api.services.changes import day_rows_query, manual, manual_sheet
from api.services.org import fetch
from api.services.storage import read_upload

blp = Blueprint("manual", __name__, url_prefix="/api/v1",
                description="Presensi manual (Pasal 11 ayat (7)–(8), Lampiran I)")
SECURITY = [{"bearerAuth": []}]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@blp.route("/manual-entries", methods=["POST"])
@authenticated("operator", "admin")
@blp.arguments(s.ManualForm, location="form")
@blp.arguments(EvidenceFile, location="files")
@blp.response(201, s.ManualOut)
@blp.doc(security=SECURITY)
def create_entry(form, _files):
    """Satu entri presensi manual (jam datang/pulang atau kode) dengan berkas bukti."""
    evidence = read_upload(request.files, "evidence", storage.DOCUMENT_TYPES)
    row = manual.create_entry(current_actor(), form, evidence, daily.pemda_today(),
                                         clock.now())
    return manual.entry_dict(row)


@blp.route("/manual-entries", methods=["GET"])
@authenticated()
@blp.arguments(DayRowsQuery, location="query")
@blp.response(200, s.ManualPage)
@blp.doc(security=SECURITY)
def list_entries(args):
    """Entri presensi manual dalam lingkup pengguna."""
    query = day_rows_query(ManualEntry, current_actor(), args)
    rows = (query.order_by(ManualEntry.work_date.desc(), ManualEntry.id)
            .limit(args["limit"]).offset(args["offset"]))
    return {"total": query.count(), "items": [manual.entry_dict(r) for r in rows]}


@blp.route("/manual-sheets/template", methods=["GET"])
@authenticated("operator", "admin")
@blp.arguments(s.SheetTarget, location="query")
@blp.doc(security=SECURITY, responses={200: {"content": {XLSX: {}}}})
def template(args):
    """Templat Lampiran I (xlsx) untuk satu OPD dan tanggal, berisi pegawai aktifnya."""
    opd = fetch(Opd, args["opd"])
    scope.require_manage_opd(current_actor(), opd.id)
    name = f"presensi-manual-{opd.code}-{args['date']:%Y-%m-%d}.xlsx"
    return Response(manual_sheet.build_template(opd, args["date"]), mimetype=XLSX,
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


@blp.route("/manual-sheets", methods=["POST"])
@authenticated("operator", "admin")
@blp.arguments(s.SheetForm, location="form")
@blp.arguments(s.SheetFiles, location="files")
@blp.response(201, s.SheetOut)
@blp.alt_response(200, schema=s.SheetOut, description="Pratinjau (dry_run): belum disimpan")
@blp.doc(security=SECURITY)
def import_sheet(form, _files):
    """Impor Lampiran I yang sudah diisi, dengan pindaian lembar bertanda tangan sebagai bukti.
    Setiap baris diperiksa; satu baris salah = tidak ada yang diimpor. dry_run=true: pratinjau,
    jawaban yang sama tanpa menyimpan apa pun. Jawabannya melaporkan per
    baris apa yang berubah, dan mengapa tidak (presensi aplikasi, cuti yang disetujui, …)."""
    opd = fetch(Opd, form["opd"])
    scope.require_manage_opd(current_actor(), opd.id)
    workbook = read_upload(request.files, "sheet", ("application/zip",))
    evidence = read_upload(request.files, "evidence", storage.DOCUMENT_TYPES)
    answer = manual_sheet.import_sheet(current_actor(), opd, form["date"], workbook, evidence,
                                       daily.pemda_today(), clock.now(), form["dry_run"])
    return answer, 200 if answer["preview"] else 201


@blp.route("/manual-sheets/<int:sheet_id>", methods=["GET"])
@authenticated("operator", "admin")
@blp.response(200, s.SheetOut)
@blp.doc(security=SECURITY)
def get_sheet(sheet_id):
    """Satu Lampiran I yang diimpor, dengan laporan per barisnya."""
    sheet = fetch(ManualSheet, sheet_id, "NOT_FOUND")
    scope.require_manage_opd(current_actor(), sheet.opd_id)
    return manual_sheet.sheet_dict(sheet)
