"""Employees imported from a SIMPEG/BKD export (xlsx or CSV): preview, then write."""
from __future__ import annotations

from flask import Response, current_app, request
from flask_smorest import Blueprint

from api.errors import ApiError
from api.models import Opd, ScheduleGroup
from api.schemas import org as s
from api.services.accounts import authenticated, current_actor, scope
from api.services.org import employee_import, fetch

blp = Blueprint("employee_import", __name__, url_prefix="/api/v1",
                description="Impor data pegawai (SIMPEG/BKD)")
SECURITY = [{"bearerAuth": []}]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@blp.route("/employees/import-template", methods=["GET"])
@authenticated("admin", "operator")
@blp.doc(security=SECURITY, responses={200: {"description": "xlsx", "content": {XLSX: {}}}})
def import_template():
    """Templat impor pegawai: kolom ekspor SIMPEG/BKD dan petunjuknya."""
    return Response(employee_import.template(), mimetype=XLSX, headers={
        "Content-Disposition": 'attachment; filename="templat-impor-pegawai.xlsx"'})


@blp.route("/employees/import", methods=["POST"])
@authenticated("admin", "operator")
@blp.arguments(s.ImportForm, location="form")
@blp.arguments(s.ImportFiles, location="files")
@blp.response(200, s.ImportOut, description="Pratinjau (dry_run): tidak ada yang disimpan")
@blp.alt_response(201, schema=s.ImportOut, description="Semua baris disimpan")
@blp.doc(security=SECURITY)
def import_employees(form, _files):
    """Impor pegawai satu OPD dari berkas xlsx/CSV. Dengan dry_run (bawaan) hanya diperiksa;
    tanpa dry_run disimpan semua dalam satu transaksi, atau tidak sama sekali bila ada baris
    yang salah. Akun baru belum punya kata sandi (terbitkan dengan reset kata sandi)."""
    opd = fetch(Opd, form["opd"])
    scope.require_manage_opd(current_actor(), opd.id)
    content = _table_file()
    patterns = current_app.config["NON_ASN_ID_PATTERNS"].split(";;")
    rows = employee_import.check(opd, employee_import.read(content), patterns)
    answer = employee_import.summary(rows)
    if form["dry_run"]:
        return {**answer, "written": False}
    if answer["counts"]["error"]:
        raise ApiError("IMPORT_INVALID", 422, details={
            "rows": [r for r in answer["rows"] if r["errors"]]})
    group = form["schedule_group"] or _default_group()
    written = employee_import.apply(current_actor().id, opd, rows, group)
    return {**written, "written": True}, 201


def _default_group() -> int:
    row = (ScheduleGroup.get_or_none(ScheduleGroup.code == "5HK")
           or ScheduleGroup.select().order_by(ScheduleGroup.id).first())
    return row.id


def _table_file() -> bytes:
    """The uploaded export (xlsx or CSV: the reader tells them apart), within the size limit."""
    limit = current_app.config["MAX_DOCUMENT_BYTES"]
    data = request.files["file"].read(limit + 1)
    if not data:
        raise ApiError("VALIDATION_ERROR", 422, details={"file": ["Berkas kosong."]})
    if len(data) > limit:
        raise ApiError("PAYLOAD_TOO_LARGE", 413, details={
            "file": [f"Maksimal {limit // 1024} KB."]})
    return data
