"""The caller's own profile and today's resolved schedule."""
from __future__ import annotations

from datetime import date

from flask import current_app

from api.models import Employee, FaceTemplate
from api.rules.schedule import ScheduleDay
from api.services.actor import Actor
from api.services.schedules import TIME_FIELDS, ScheduleBook


def schedule_dict(day: ScheduleDay) -> dict:
    out = {"work_date": day.work_date, "workday": day.workday, "off_reason": day.off_reason,
           "holiday_name": day.holiday_name, "tz": day.tz, "source": day.source}
    for name in TIME_FIELDS:
        moment = getattr(day, name)
        out[name] = moment.isoformat() if moment else None
    return out


def resolve_for(employee: Employee, work_date: date, tz: str) -> ScheduleDay:
    book = ScheduleBook.load(work_date, work_date, [employee.id])
    return book.day(employee.id, employee.schedule_group_id, work_date, tz)


def profile(actor: Actor, locations: list[dict], today: date, tz: str) -> dict:
    employee = Employee.get_by_id(actor.id)
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
        "today": schedule_dict(resolve_for(employee, today, tz)),
        "pemda": {"name": current_app.config["PEMDA_NAME"], "tz": current_app.config["PEMDA_TZ"]},
    }
