"""The caller's own profile."""
from __future__ import annotations

from flask_smorest import Blueprint

from api import clock
from api.blueprints.org import locations_out
from api.models import Employee
from api.schemas.me import MeOut
from api.services import accounts, schedules
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
    return accounts.profile(employee, actor, locations_out(employee),
                            schedules.schedule_dict(today))
