"""Rule parameters (TPP table, tiers, minute conversion, caps), versioned by effective date."""
from __future__ import annotations

from flask_smorest import Blueprint

from api import clock
from api.rules.codes import CODES
from api.schemas import rules as s
from api.services import daily, policy
from api.services.accounts import authenticated, current_actor
from api.services.policy import DEFAULT

blp = Blueprint("rules", __name__, url_prefix="/api/v1/rules",
                description="Parameter aturan berversi menurut tanggal berlaku")
SECURITY = [{"bearerAuth": []}]


@blp.route("", methods=["GET"])
@authenticated()
@blp.response(200, s.RulesOut)
@blp.doc(security=SECURITY)
def list_rules():
    """Nilai bawaan, aturan yang berlaku hari ini, dan semua versi (terbaru dulu)."""
    return {"defaults": DEFAULT.to_dict(),
            "in_force": policy.in_force_dict(daily.pemda_today()),
            "versions": policy.versions()}


@blp.route("", methods=["POST"])
@authenticated("admin")
@blp.arguments(s.RuleVersionIn)
@blp.response(201, s.RuleVersionOut)
@blp.doc(security=SECURITY)
def create_rule_version(body):
    """Versi baru mulai tanggal tertentu (admin); hari yang sudah lewat dihitung ulang di
    latar (X-Job-Id, GET /jobs/{id})."""
    row = policy.create_version(current_actor().id, body["effective_from"], body["params"],
                                body["note"], daily.pemda_today(), clock.now())
    return policy.version_dict(row)


@blp.route("/effective", methods=["GET"])
@authenticated()
@blp.arguments(s.EffectiveQuery, location="query")
@blp.response(200, s.EffectiveOut)
@blp.doc(security=SECURITY)
def effective(args):
    """Aturan yang berlaku pada suatu tanggal."""
    return policy.in_force_dict(args["date"] or daily.pemda_today())


@blp.route("/codes", methods=["GET"])
@authenticated()
@blp.response(200, s.StatusCodeOut(many=True))
@blp.doc(security=SECURITY)
def list_codes():
    """Kode status harian dan ketidakhadiran (RULES.md §4) dengan labelnya; `requestable`:
    boleh diajukan pegawai."""
    return [{"code": c.code, "label": c.label, "category": c.category,
             "requestable": c.requestable} for c in CODES.values()]
