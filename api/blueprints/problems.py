"""Reports of system problems: filed by an OPD's operator, followed up by the administrator."""
from __future__ import annotations

from flask import Response, request
from flask_smorest import Blueprint

from api import clock
from api.models import ProblemReport
from api.schemas import problems as s
from api.services import problems, storage
from api.services.accounts import authenticated, current_actor
from api.services.storage import read_upload

blp = Blueprint("problems", __name__, url_prefix="/api/v1/problem-reports",
                description="Laporan gangguan sistem presensi (Perbup Pasal 5–6)")
SECURITY = [{"bearerAuth": []}]


@blp.route("", methods=["POST"])
@authenticated("operator")
@blp.arguments(s.ProblemForm, location="form")
@blp.arguments(s.AttachmentFile, location="files")
@blp.response(201, s.ProblemOut)
@blp.doc(security=SECURITY)
def file_report(form, _files):
    """Operator OPD melaporkan gangguan sistem presensi, dengan tangkapan layar bila ada."""
    attachment = (read_upload(request.files, "attachment", storage.DOCUMENT_TYPES)
                  if "attachment" in request.files else None)
    row = problems.file(current_actor(), form, attachment, clock.now())
    return problems.report_dict(row)


@blp.route("", methods=["GET"])
@authenticated("operator", "admin")
@blp.arguments(s.ProblemQuery, location="query")
@blp.response(200, s.ProblemPage)
@blp.doc(security=SECURITY)
def list_reports(args):
    """Laporan gangguan: admin melihat semua, operator laporan OPD-nya."""
    query = problems.visible(current_actor())
    for name, column in (("opd", ProblemReport.opd), ("status", ProblemReport.status)):
        if args[name] is not None:
            query = query.where(column == args[name])
    rows = query.limit(args["limit"]).offset(args["offset"])
    return {"total": query.count(), "items": [problems.report_dict(r) for r in rows]}


@blp.route("/<int:report_id>", methods=["GET"])
@authenticated("operator", "admin")
@blp.response(200, s.ProblemOut)
@blp.doc(security=SECURITY)
def get_report(report_id):
    return problems.report_dict(problems.readable(current_actor(), report_id))


@blp.route("/<int:report_id>/status", methods=["POST"])
@authenticated("admin")
@blp.arguments(s.FollowUpIn)
@blp.response(200, s.ProblemOut)
@blp.doc(security=SECURITY)
def follow_up(body, report_id):
    """Admin menindaklanjuti: status (open, in_progress, resolved) dan jawabannya."""
    row = problems.readable(current_actor(), report_id)
    return problems.report_dict(problems.follow_up(current_actor(), row, body["status"],
                                                   body["response"], clock.now()))


@blp.route("/<int:report_id>/attachment", methods=["GET"])
@authenticated("operator", "admin")
@blp.doc(security=SECURITY, responses={200: {"description": "Lampiran laporan", "content": {
    "application/pdf": {}, "image/jpeg": {}, "image/png": {}}}})
def get_attachment(report_id):
    """Lampiran sebuah laporan (diunduh tercatat di log audit)."""
    content, mime = problems.attachment(current_actor(),
                                        problems.readable(current_actor(), report_id))
    return Response(content, mimetype=mime, headers={"Cache-Control": "private, max-age=300"})
