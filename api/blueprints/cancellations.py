"""Cancellations of attendance (Pasal 13) and their Lampiran III letters."""
from __future__ import annotations

from flask import Response
from flask_smorest import Blueprint

from api import clock
from api.models import Cancellation
from api.schemas import cancellations as s
from api.schemas.attendance import DecisionIn
from api.services import daily
from api.services.accounts import authenticated, current_actor
from api.services.changes import cancellations

blp = Blueprint("cancellations", __name__, url_prefix="/api/v1/cancellations",
                description="Pembatalan kehadiran (Pasal 13, Lampiran III)")
SECURITY = [{"bearerAuth": []}]


@blp.route("", methods=["POST"])
@authenticated("atasan")
@blp.arguments(s.CancellationIn)
@blp.response(201, s.CancellationOut)
@blp.doc(security=SECURITY)
def file(body):
    """Atasan langsung mengajukan pembatalan kehadiran dengan dua saksi."""
    row = cancellations.file(current_actor(), body, daily.pemda_today(), clock.now())
    return cancellations.cancellation_dict(row)


@blp.route("", methods=["GET"])
@authenticated()
@blp.arguments(s.CancellationQuery, location="query")
@blp.response(200, s.CancellationPage)
@blp.doc(security=SECURITY)
def list_cancellations(args):
    query = cancellations.cancellations_query(current_actor(), args)
    rows = (query.order_by(Cancellation.work_date.desc(), Cancellation.id.desc())
            .limit(args["limit"]).offset(args["offset"]))
    return {"total": query.count(),
            "items": [cancellations.cancellation_dict(r) for r in rows]}


@blp.route("/<int:cancellation_id>", methods=["GET"])
@authenticated()
@blp.response(200, s.CancellationOut)
@blp.doc(security=SECURITY)
def get_cancellation(cancellation_id):
    return cancellations.cancellation_dict(
        cancellations.readable(current_actor(), cancellation_id))


def _decide(cancellation_id: int, approve: bool, reason: str) -> dict:
    row = cancellations.decide(current_actor(), cancellation_id, approve, reason,
                               daily.pemda_today(), clock.now())
    return cancellations.cancellation_dict(row)


@blp.route("/<int:cancellation_id>/approve", methods=["POST"])
@authenticated("kepala_opd", "admin")
@blp.arguments(DecisionIn)
@blp.response(200, s.CancellationOut)
@blp.doc(security=SECURITY)
def approve(body, cancellation_id):
    """Kepala OPD menyetujui: hari itu menjadi TK dan surat Lampiran III dibuat. Yang diajukan
    kepala OPD sendiri sebagai atasan langsung diputuskan admin."""
    return _decide(cancellation_id, True, body["reason"])


@blp.route("/<int:cancellation_id>/reject", methods=["POST"])
@authenticated("kepala_opd", "admin")
@blp.arguments(DecisionIn)
@blp.response(200, s.CancellationOut)
@blp.doc(security=SECURITY)
def reject(body, cancellation_id):
    return _decide(cancellation_id, False, body["reason"])


@blp.route("/<int:cancellation_id>/letter", methods=["GET"])
@authenticated()
@blp.doc(security=SECURITY, responses={200: {"content": {"application/pdf": {}}}})
def letter(cancellation_id):
    """Surat keterangan pembatalan kehadiran (PDF)."""
    row = cancellations.readable(current_actor(), cancellation_id)
    name = f"pembatalan-kehadiran-{row.id}-{row.work_date:%Y-%m-%d}.pdf"
    return Response(cancellations.letter(current_actor(), row), mimetype="application/pdf",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})
