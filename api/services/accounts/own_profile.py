"""The caller's own profile (GET /me), with today's resolved schedule."""
from __future__ import annotations

from flask import current_app

from api import clock
from api.models import Employee, FaceTemplate

from .actor import Actor


def profile(employee: Employee, actor: Actor, locations: list[dict], today: dict) -> dict:
    """`today`: the employee's resolved schedule for today, as the schedules package shows it."""
    enrolled = FaceTemplate.select().where(FaceTemplate.employee == employee.id,
                                           FaceTemplate.active).exists()
    return {
        "id": employee.id, "nip": employee.nip, "name": employee.name,
        "jabatan": employee.jabatan, "golongan": employee.golongan,
        "employment_type": employee.employment_type,
        "opd": {"id": employee.opd.id, "code": employee.opd.code, "name": employee.opd.name},
        "unit": {"id": employee.unit.id, "name": employee.unit.name} if employee.unit else None,
        "supervisor": ({"id": employee.supervisor.id, "name": employee.supervisor.name,
                        "nip": employee.supervisor.nip} if employee.supervisor else None),
        "roles": sorted(actor.roles),
        "role_opds": {role: sorted(ids) for role, ids in actor.opd_grants.items()},
        "must_change_password": actor.must_change_password,
        "face_enrolled": enrolled,
        "locations": locations,
        "today": today,
        "pemda": {"name": current_app.config["PEMDA_NAME"], "tz": current_app.config["PEMDA_TZ"]},
        "server_time": clock.now().isoformat().replace("+00:00", "Z"),
    }
