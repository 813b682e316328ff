"""Month closing per OPD (admin) and its audited reopen."""
from __future__ import annotations

from flask_smorest import Blueprint

from api import clock
from api.models import MonthClosing, Opd
from api.schemas import closing as s
from api.services import closing, daily
from api.services.accounts import authenticated, current_actor
from api.services.org import fetch

blp = Blueprint("closing", __name__, url_prefix="/api/v1/closings",
                description="Penutupan bulan per OPD")
SECURITY = [{"bearerAuth": []}]


@blp.route("", methods=["GET"])
@authenticated("admin", "analis", "kepala_opd", "operator")
@blp.arguments(s.ClosingQuery, location="query")
@blp.response(200, s.ClosingOut(many=True))
@blp.doc(security=SECURITY)
def list_closings(args):
    """Status penutupan bulan (OPD dalam lingkup pengguna)."""
    actor = current_actor()
    opds = None if actor.whole_pemda else set(actor.opds_for("kepala_opd", "operator"))
    if args["opd"] is not None:
        opds = {args["opd"]} if opds is None else opds & {args["opd"]}
    return [closing.closing_dict(r) for r in closing.closings_query(opds, args["year"])]


@blp.route("", methods=["POST"])
@authenticated("admin")
@blp.arguments(s.ClosingIn)
@blp.response(201, s.ClosingOut)
@blp.doc(security=SECURITY)
def close_month(body):
    """Tutup satu bulan untuk satu OPD setelah batas waktu (CLOSING_DEADLINE_DAYS)."""
    opd = fetch(Opd, body["opd"])
    row = closing.close(current_actor().id, opd.id, body["month"], daily.pemda_today(),
                        clock.now())
    return closing.closing_dict(row)


@blp.route("/<int:closing_id>/reopen", methods=["POST"])
@authenticated("admin")
@blp.arguments(s.ReopenIn)
@blp.response(200, s.ClosingOut)
@blp.doc(security=SECURITY)
def reopen(body, closing_id):
    """Buka kembali bulan yang sudah ditutup; alasan wajib dan tercatat di audit."""
    row = fetch(MonthClosing, closing_id, "NOT_FOUND")
    return closing.closing_dict(closing.reopen(current_actor().id, row, body["reason"],
                                               clock.now()))
