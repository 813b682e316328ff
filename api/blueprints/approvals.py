"""One approvals queue: out-of-office and offline check-ins, absences, device changes,
cancellations, face re-enrolments."""
from __future__ import annotations

from flask_smorest import Blueprint

from api import clock
from api.schemas import approvals as s
from api.schemas.attendance import DecisionIn
from api.services import approvals, daily
from api.services.accounts import authenticated, current_actor
from api.services.approvals import KINDS

blp = Blueprint("approvals", __name__, url_prefix="/api/v1/approvals",
                description="Antrean persetujuan")
SECURITY = [{"bearerAuth": []}]
KIND = f"<any({', '.join(KINDS)}):kind>"


@blp.route("", methods=["GET"])
@authenticated()
@blp.arguments(s.ApprovalQuery, location="query")
@blp.response(200, s.ApprovalPage)
@blp.doc(security=SECURITY)
def pending(args):
    """Yang menunggu keputusan pengguna, terlama lebih dulu, dengan bahan untuk memutuskan."""
    total, items = approvals.pending(current_actor(), args["kind"], args["opd"], args["limit"],
                                     args["offset"])
    return {"total": total, "items": items}


@blp.route(f"/{KIND}/<int:item_id>/approve", methods=["POST"])
@authenticated()
@blp.arguments(DecisionIn)
@blp.response(200, s.DecisionOut)
@blp.doc(security=SECURITY)
def approve(body, kind, item_id):
    return approvals.decide(current_actor(), kind, item_id, True, body["reason"],
                            daily.pemda_today(), clock.now())


@blp.route(f"/{KIND}/<int:item_id>/reject", methods=["POST"])
@authenticated()
@blp.arguments(DecisionIn)
@blp.response(200, s.DecisionOut)
@blp.doc(security=SECURITY)
def reject(body, kind, item_id):
    """Tolak; alasan wajib."""
    return approvals.decide(current_actor(), kind, item_id, False, body["reason"],
                            daily.pemda_today(), clock.now())
