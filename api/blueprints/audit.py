"""The audit log, read-only for admins, and the verification of its hash chain."""
from __future__ import annotations

from flask_smorest import Blueprint

from api.models import AuditEntry
from api.schemas import audit as s
from api.services import audit_log
from api.services.actor import authenticated
from api.services.audit import verify_chain

blp = Blueprint("audit", __name__, url_prefix="/api/v1/audit", description="Log audit")
SECURITY = [{"bearerAuth": []}]


@blp.route("", methods=["GET"])
@authenticated("admin")
@blp.arguments(s.AuditQuery, location="query")
@blp.response(200, s.AuditPage)
@blp.doc(security=SECURITY)
def list_entries(args):
    """Entri log audit (siapa, kapan, apa, sebelum/sesudah, bukti), terbaru lebih dulu."""
    query = audit_log.entries_query(args)
    rows = (query.order_by(AuditEntry.id.desc()).limit(args["limit"]).offset(args["offset"])
            .objects())
    return {"total": query.count(), "items": [audit_log.entry_dict(e) for e in rows]}


@blp.route("/verify", methods=["GET"])
@authenticated("admin")
@blp.response(200, s.ChainReportOut)
@blp.doc(security=SECURITY)
def verify():
    """Periksa rantai hash; entri pertama yang rusak disebutkan."""
    return audit_log.report_dict(verify_chain())
