"""Corrections of a day's record by the OPD's operator or an admin (evidence and reason
required)."""
from __future__ import annotations

from flask import request
from flask_smorest import Blueprint

from api import clock
from api.models import Correction
from api.schemas import corrections as s
from api.schemas.absences import EvidenceFile
from api.schemas.common import DayRowsQuery
from api.services import daily, storage
from api.services.accounts import authenticated, current_actor
from api.services.changes import corrections, day_rows_query
from api.services.storage import read_upload

blp = Blueprint("corrections", __name__, url_prefix="/api/v1/corrections",
                description="Koreksi data kehadiran oleh operator OPD")
SECURITY = [{"bearerAuth": []}]


@blp.route("", methods=["POST"])
@authenticated("operator", "admin")
@blp.arguments(s.CorrectionForm, location="form")
@blp.arguments(EvidenceFile, location="files")
@blp.response(201, s.CorrectionOut)
@blp.doc(security=SECURITY)
def create(form, _files):
    """Koreksi jam datang/pulang atau kode hari itu, dengan bukti dan alasan."""
    evidence = read_upload(request.files, "evidence", storage.DOCUMENT_TYPES)
    row = corrections.correct(current_actor(), form, evidence, daily.pemda_today(), clock.now())
    return corrections.correction_dict(row)


@blp.route("", methods=["GET"])
@authenticated()
@blp.arguments(DayRowsQuery, location="query")
@blp.response(200, s.CorrectionPage)
@blp.doc(security=SECURITY)
def list_corrections(args):
    """Koreksi dalam lingkup pengguna."""
    query = day_rows_query(Correction, current_actor(), args)
    rows = (query.order_by(Correction.work_date.desc(), Correction.id.desc())
            .limit(args["limit"]).offset(args["offset"]))
    return {"total": query.count(), "items": [corrections.correction_dict(r) for r in rows]}
