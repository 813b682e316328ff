"""Schedule groups, override periods, shifts, rosters, holidays and the resolver."""
from __future__ import annotations

from flask_smorest import Blueprint
from peewee import JOIN

from api.errors import ApiError
from api.models import Employee, LocalDay, RosterEntry, SchedulePattern, SchedulePeriod, Shift
from api.models import ScheduleGroup as GroupRow
from api.schemas import schedules as s
from api.services import daily, schedules
from api.services.accounts import authenticated, current_actor, scope
from api.services.org import fetch, snapshot
from api.services.schedules import employee_tz, load_calendar

blp = Blueprint("schedules", __name__, url_prefix="/api/v1",
                description="Jadwal kerja, shift, dan hari libur")
SECURITY = [{"bearerAuth": []}]


def _group_dict(group: GroupRow) -> dict:
    patterns = list(group.patterns.order_by(SchedulePattern.weekday))
    return {
        **snapshot(group),
        "patterns": [snapshot(p) for p in patterns if p.period_id is None],
        "periods": [{**snapshot(period),
                     "patterns": [snapshot(p) for p in patterns if p.period_id == period.id]}
                    for period in group.periods.order_by(SchedulePeriod.date_from)],
        "shifts": [snapshot(shift) for shift in group.shifts.order_by(Shift.code)],
    }


@blp.route("/schedule-groups", methods=["GET"])
@authenticated()
@blp.response(200, s.GroupOut(many=True))
@blp.doc(security=SECURITY)
def list_groups():
    """Grup jadwal (5 hari, 6 hari, shift) dengan pola mingguan, periode khusus dan shift."""
    return [_group_dict(group) for group in GroupRow.select().order_by(GroupRow.code)]


@blp.route("/schedule-groups", methods=["POST"])
@authenticated("admin")
@blp.arguments(s.GroupIn)
@blp.response(201, s.GroupOut)
@blp.doc(security=SECURITY)
def create_group(body):
    return _group_dict(schedules.create_group(current_actor().id, body))


@blp.route("/schedule-groups/<int:group_id>/patterns", methods=["PUT"])
@authenticated("admin")
@blp.arguments(s.PatternsIn)
@blp.response(200, s.GroupOut)
@blp.doc(security=SECURITY)
def replace_patterns(body, group_id):
    """Ganti pola mingguan grup; rekap bulan berjalan dihitung ulang."""
    group = fetch(GroupRow, group_id, "NOT_FOUND")
    schedules.replace_patterns(current_actor().id, group, body["patterns"], daily.pemda_today())
    return _group_dict(group)


@blp.route("/schedule-groups/<int:group_id>/periods", methods=["POST"])
@authenticated("admin")
@blp.arguments(s.PeriodIn)
@blp.response(201, s.GroupOut)
@blp.doc(security=SECURITY)
def add_period(body, group_id):
    """Periode jadwal khusus bertanggal (mis. Ramadan)."""
    group = fetch(GroupRow, group_id, "NOT_FOUND")
    schedules.add_period(current_actor().id, group, body, daily.pemda_today())
    return _group_dict(group)


@blp.route("/schedule-groups/<int:group_id>/ramadan-suggestion", methods=["GET"])
@authenticated("admin")
@blp.arguments(s.RamadanQuery, location="query")
@blp.response(200, s.RamadanOut)
@blp.doc(security=SECURITY)
def ramadan_suggestion(args, group_id):
    """Usulan periode Ramadan satu tahun dari kalender Hijriah dengan jam kerja Ramadan grup
    ini; admin memeriksa lalu menyimpannya lewat POST .../periods."""
    return schedules.ramadan_suggestion(fetch(GroupRow, group_id, "NOT_FOUND"), args["year"])


@blp.route("/schedule-periods/<int:period_id>", methods=["DELETE"])
@authenticated("admin")
@blp.response(204)
@blp.doc(security=SECURITY)
def delete_period(period_id):
    period = fetch(SchedulePeriod, period_id, "NOT_FOUND")
    schedules.delete_period(current_actor().id, period, daily.pemda_today())


@blp.route("/schedule-groups/<int:group_id>/shifts", methods=["POST"])
@authenticated("admin")
@blp.arguments(s.ShiftIn)
@blp.response(201, s.ShiftOut)
@blp.doc(security=SECURITY)
def add_shift(body, group_id):
    return schedules.add_shift(current_actor().id, fetch(GroupRow, group_id, "NOT_FOUND"),
                                    body)


@blp.route("/rosters", methods=["GET"])
@authenticated()
@blp.arguments(s.RosterQuery, location="query")
@blp.response(200, s.RosterOut(many=True))
@blp.doc(security=SECURITY)
def list_roster(args):
    query = (RosterEntry.select(RosterEntry, Shift.code.alias("shift_code"))
             .join(Employee, on=(RosterEntry.employee == Employee.id))
             .switch(RosterEntry).join(Shift, join_type=JOIN.LEFT_OUTER)
             .where(scope.employee_filter(current_actor()),
                    RosterEntry.work_date.between(args["date_from"], args["date_to"])))
    if args["opd"] is not None:
        query = query.where(Employee.opd == args["opd"])
    if args["employee"] is not None:
        query = query.where(RosterEntry.employee == args["employee"])
    return [{"employee_id": r.employee_id, "work_date": r.work_date,
             "shift_code": r.shift_code} for r in query.order_by(RosterEntry.work_date).objects()]


@blp.route("/rosters", methods=["PUT"])
@authenticated("admin", "operator")
@blp.arguments(s.RosterIn)
@blp.response(200, s.RosterOut(many=True))
@blp.doc(security=SECURITY)
def set_roster(body):
    """Isi/ubah jadwal shift pegawai (null = libur). Operator: pegawai OPD sendiri."""
    actor = current_actor()
    ids = {entry["employee_id"] for entry in body["entries"]}
    employees = {e.id: e for e in Employee.select().where(Employee.id.in_(list(ids)))}
    if len(employees) != len(ids):
        missing = sorted(ids - set(employees))
        raise ApiError("INVALID_REFERENCE", 400, details={"employee_id": missing})
    for employee in employees.values():
        scope.require_manage_opd(actor, employee.opd_id)
    schedules.set_roster(actor.id, body["entries"], employees, daily.pemda_today())
    return body["entries"]


@blp.route("/holidays", methods=["GET"])
@authenticated()
@blp.arguments(s.HolidayQuery, location="query")
@blp.response(200, s.HolidayOut(many=True))
@blp.doc(security=SECURITY)
def list_holidays(args):
    """Hari libur nasional, cuti bersama dan libur daerah dalam satu tahun."""
    calendar = load_calendar([args["year"]])
    return sorted(({"date": h.date, "name": h.name, "kind": h.kind} for h in calendar
                   if h.date.year == args["year"]), key=lambda h: h["date"])


@blp.route("/holidays/local", methods=["GET"])
@authenticated()
@blp.response(200, s.LocalDayOut(many=True))
@blp.doc(security=SECURITY)
def list_local_days():
    return list(LocalDay.select().order_by(LocalDay.date))


@blp.route("/holidays/local", methods=["POST"])
@authenticated("admin")
@blp.arguments(s.LocalDayIn)
@blp.response(201, s.LocalDayOut)
@blp.doc(security=SECURITY)
def set_local_day(body):
    """Tambah libur daerah (add) atau batalkan hari libur (remove)."""
    return schedules.set_local_day(current_actor().id, body, daily.pemda_today())


@blp.route("/holidays/local/<int:day_id>", methods=["DELETE"])
@authenticated("admin")
@blp.response(204)
@blp.doc(security=SECURITY)
def delete_local_day(day_id):
    schedules.delete_local_day(current_actor().id, fetch(LocalDay, day_id, "NOT_FOUND"),
                               daily.pemda_today())


@blp.route("/schedule/resolve", methods=["GET"])
@authenticated()
@blp.arguments(s.ResolveQuery, location="query")
@blp.response(200, s.ScheduleDayOut)
@blp.doc(security=SECURITY)
def resolve(args):
    """Jadwal hasil resolusi untuk seorang pegawai pada satu tanggal."""
    actor = current_actor()
    employee = scope.readable_employee(actor, args["employee"] or actor.id)
    day = schedules.resolve_for(employee, args["date"], employee_tz(employee.id))
    return schedules.schedule_dict(day)
