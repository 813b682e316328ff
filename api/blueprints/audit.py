"""The audit log, read-only for admins, and the verification of its hash chain."""
from __future__ import annotations

from flask_smorest import Blueprint

from api.models import AuditEntry
from api.schemas import audit as s
from api.services import audit
from api.services.accounts import authenticated

blp = Blueprint("audit", __name__, url_prefix="/api/v1/audit", description="Log audit")
SECURITY = [{"bearerAuth": []}]


@blp.route("", methods=["GET"])
@authenticated("admin")
@blp.arguments(s.AuditQuery, location="query")
@blp.response(200, s.AuditPage)
@blp.doc(security=SECURITY)
def list_entries(args):
    """Entri log audit (siapa, kapan, apa, sebelum/sesudah, bukti), terbaru lebih dulu."""
    query = audit.entries_query(args)
    rows = (query.order_by(AuditEntry.id.desc()).limit(args["limit"]).offset(args["offset"])
            .objects())
    return {"total": query.count(), "items": [audit.entry_dict(e) for e in rows]}


@blp.route("/verify", methods=["GET"])
@authenticated("admin")
@blp.response(200, s.ChainReportOut)
@blp.doc(security=SECURITY)
def verify():
    """Periksa rantai hash dan ekornya terhadap checkpoint bertanda tangan terakhir; entri
    pertama yang rusak, atau ekor yang terpotong, disebutkan."""
    return audit.report_dict(audit.verify_chain())


@blp.route("/checkpoint", methods=["POST"])
@authenticated("admin")
@blp.response(201, s.CheckpointOut)
@blp.doc(security=SECURITY)
def checkpoint():
    """Tandatangani kepala rantai sekarang (HMAC) dan simpan di luar basis data."""
    return audit.checkpoint.write()
