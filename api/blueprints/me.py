"""The caller's own profile, monthly recap and inbox."""
from __future__ import annotations

from flask_smorest import Blueprint

from api import clock
from api.blueprints.org import locations_out
from api.frames import json_response
from api.models import Employee
from api.schemas.me import InboxOut, InboxQuery, MeOut, OwnRecapOut, OwnRecapQuery
from api.services import accounts, approvals, checkin, recaps, schedules
from api.services.accounts import authenticated, current_actor

blp = Blueprint("me", __name__, url_prefix="/api/v1", description="Profil sendiri")


@blp.route("/me", methods=["GET"])
@authenticated(allow_default_password=True)
@blp.response(200, MeOut)
@blp.doc(security=[{"bearerAuth": []}])
def get_me():
    """Profil, peran, lokasi presensi dan jadwal hari ini."""
    actor = current_actor()
    employee = Employee.get_by_id(actor.id)
    tz = schedules.employee_tz(actor.id)
    today = schedules.resolve_for(employee, clock.local(clock.now(), tz).date(), tz)
    return {**accounts.profile(employee, actor, locations_out(employee),
                               schedules.schedule_dict(today)),
            "liveness_challenge": checkin.challenges.required_for("web")}


@blp.route("/me/recap", methods=["GET"])
@authenticated()
@blp.arguments(OwnRecapQuery, location="query")
@blp.response(200, OwnRecapOut)
@blp.doc(security=[{"bearerAuth": []}])
def get_own_recap(args):
    """Rekap bulanan sendiri: angka Lampiran II, potongan TPP, PP 94 sejak awal tahun."""
    return json_response(recaps.own_recap(Employee.get_by_id(current_actor().id),
                                          args["month"]))


@blp.route("/me/inbox", methods=["GET"])
@authenticated()
@blp.arguments(InboxQuery, location="query")
@blp.response(200, InboxOut)
@blp.doc(security=[{"bearerAuth": []}])
def get_inbox(args):
    """Kotak masuk: keputusan atas pengajuan dan presensi sendiri, koreksi data presensi."""
    return {"items": approvals.inbox(current_actor().id, args["limit"])}
