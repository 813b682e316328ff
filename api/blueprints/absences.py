"""Absence requests: submit with a document, list, decide, cancel."""
from __future__ import annotations

from flask import Response, request
from flask_smorest import Blueprint

from api import clock
from api.models import AbsenceRequest
from api.schemas import absences as s
from api.schemas.attendance import DecisionIn
from api.services import daily, storage
from api.services.accounts import authenticated, current_actor
from api.services.changes import absences
from api.services.storage import read_upload

blp = Blueprint("absences", __name__, url_prefix="/api/v1/absences",
                description="Pengajuan ketidakhadiran (cuti, sakit, izin, dinas luar, diklat)")
SECURITY = [{"bearerAuth": []}]


@blp.route("", methods=["POST"])
@authenticated()
@blp.arguments(s.AbsenceForm, location="form")
@blp.arguments(s.DocumentFile, location="files")
@blp.response(201, s.AbsenceOut)
@blp.doc(security=SECURITY)
def submit(form, _files):
    """Ajukan ketidakhadiran (diri sendiri, atau oleh operator untuk pegawai OPD-nya) dengan
    dokumen pendukung PDF/JPEG/PNG; hanya hari kerja, hanya bulan berjalan."""
    document = read_upload(request.files, "document", storage.DOCUMENT_TYPES)
    row = absences.submit(current_actor(), form, document, daily.pemda_today(), clock.now())
    return absences.request_dict(row)


@blp.route("", methods=["GET"])
@authenticated()
@blp.arguments(s.AbsenceQuery, location="query")
@blp.response(200, s.AbsencePage)
@blp.doc(security=SECURITY)
def list_requests(args):
    """Pengajuan ketidakhadiran dalam lingkup pengguna."""
    query = absences.requests_query(current_actor(), args)
    rows = (query.order_by(AbsenceRequest.date_from.desc(), AbsenceRequest.id.desc())
            .limit(args["limit"]).offset(args["offset"]))
    return {"total": query.count(), "items": [absences.request_dict(r) for r in rows]}


@blp.route("/<int:request_id>", methods=["GET"])
@authenticated()
@blp.response(200, s.AbsenceOut)
@blp.doc(security=SECURITY)
def get_request(request_id):
    return absences.request_dict(absences.readable(current_actor(), request_id))


@blp.route("/<int:request_id>/document", methods=["GET"])
@authenticated()
@blp.doc(security=SECURITY, responses={200: {"content": {"application/pdf": {}}}})
def get_document(request_id):
    """Dokumen pendukung sebuah pengajuan (dalam lingkup pengguna)."""
    data, mime = absences.document(current_actor(), absences.readable(current_actor(),
                                                                      request_id))
    return Response(data, mimetype=mime, headers={"Cache-Control": "private, max-age=300"})


def _decide(request_id: int, approve: bool, reason: str) -> dict:
    row = absences.decide(current_actor(), request_id, approve, reason, daily.pemda_today(),
                          clock.now())
    return absences.request_dict(row)


@blp.route("/<int:request_id>/approve", methods=["POST"])
@authenticated("atasan", "kepala_opd", "operator")
@blp.arguments(DecisionIn)
@blp.response(200, s.AbsenceOut)
@blp.doc(security=SECURITY)
def approve(body, request_id):
    """Setujui (atasan langsung, kepala OPD, atau operator OPD); TK pada hari itu diganti."""
    return _decide(request_id, True, body["reason"])


@blp.route("/<int:request_id>/reject", methods=["POST"])
@authenticated("atasan", "kepala_opd", "operator")
@blp.arguments(DecisionIn)
@blp.response(200, s.AbsenceOut)
@blp.doc(security=SECURITY)
def reject(body, request_id):
    """Tolak pengajuan; alasan wajib."""
    return _decide(request_id, False, body["reason"])


@blp.route("/<int:request_id>/cancel", methods=["POST"])
@authenticated()
@blp.arguments(DecisionIn)
@blp.response(200, s.AbsenceOut)
@blp.doc(security=SECURITY)
def cancel(body, request_id):
    """Tarik pengajuan yang masih menunggu, atau batalkan yang sudah disetujui (penyetuju,
    dengan alasan)."""
    row = absences.cancel(current_actor(), request_id, body["reason"], daily.pemda_today(),
                          clock.now())
    return absences.request_dict(row)
