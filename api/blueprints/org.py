"""OPDs, units, presence locations, employees, roles and mutations."""
from __future__ import annotations

from flask import request
from flask_smorest import Blueprint

from api.models import Employee, EmployeeLocation, Location, Opd, Unit
from api.schemas import org as s
from api.services import accounts, daily, jobs, org
from api.services.accounts import authenticated, current_actor, duties, scope
from api.services.org import mutations

blp = Blueprint("org", __name__, url_prefix="/api/v1", description="Organisasi dan pegawai")
SECURITY = [{"bearerAuth": []}]


def _visible_opds(actor):
    query = Opd.select().order_by(Opd.code)
    if not actor.whole_pemda:
        query = query.where(Opd.id.in_([actor.opd_id, *actor.opds_for("kepala_opd", "operator")]))
    return query


@blp.route("/opds", methods=["GET"])
@authenticated()
@blp.response(200, s.OpdOut(many=True))
@blp.doc(security=SECURITY)
def list_opds():
    """Daftar OPD dalam lingkup pengguna."""
    return list(_visible_opds(current_actor()))


@blp.route("/opds", methods=["POST"])
@authenticated("admin")
@blp.arguments(s.OpdIn)
@blp.response(201, s.OpdOut)
@blp.doc(security=SECURITY)
def create_opd(body):
    return org.create_opd(current_actor().id, body)


@blp.route("/opds/<int:opd_id>", methods=["PATCH"])
@authenticated("admin")
@blp.arguments(s.OpdPatch)
@blp.response(200, s.OpdOut)
@blp.doc(security=SECURITY)
def update_opd(body, opd_id):
    return org.update_row(current_actor().id, org.fetch(Opd, opd_id, "NOT_FOUND"), body, "opd")


@blp.route("/units", methods=["GET"])
@authenticated()
@blp.arguments(s.OpdFilter, location="query")
@blp.response(200, s.UnitOut(many=True))
@blp.doc(security=SECURITY)
def list_units(args):
    """Pohon unit kerja (sebagai daftar dengan parent_id)."""
    opds = [o.id for o in _visible_opds(current_actor())]
    query = Unit.select().where(Unit.opd.in_(opds)).order_by(Unit.opd, Unit.code)
    if args["opd"] is not None:
        query = query.where(Unit.opd == args["opd"])
    return list(query)


@blp.route("/units", methods=["POST"])
@authenticated("admin", "operator")
@blp.arguments(s.UnitIn)
@blp.response(201, s.UnitOut)
@blp.doc(security=SECURITY)
def create_unit(body):
    scope.require_manage_opd(current_actor(), body["opd_id"])
    return org.create_unit(current_actor().id, body)


@blp.route("/units/<int:unit_id>", methods=["PATCH"])
@authenticated("admin", "operator")
@blp.arguments(s.UnitPatch)
@blp.response(200, s.UnitOut)
@blp.doc(security=SECURITY)
def update_unit(body, unit_id):
    unit = org.fetch(Unit, unit_id, "NOT_FOUND")
    scope.require_manage_opd(current_actor(), unit.opd_id)
    if "parent_id" in body:
        org.check_unit_parent(unit, body["parent_id"])
        body["parent"] = body.pop("parent_id")
    return org.update_row(current_actor().id, unit, body, "unit")


@blp.route("/locations", methods=["GET"])
@authenticated()
@blp.arguments(s.OpdFilter, location="query")
@blp.response(200, s.LocationOut(many=True))
@blp.doc(security=SECURITY)
def list_locations(args):
    """Lokasi presensi (geofence) dalam lingkup pengguna, termasuk lokasi bersama."""
    opds = [o.id for o in _visible_opds(current_actor())]
    query = Location.select().where(Location.opd.in_(opds) | Location.opd.is_null())
    if args["opd"] is not None:
        query = query.where(Location.opd == args["opd"])
    return list(query.order_by(Location.id))


@blp.route("/locations", methods=["POST"])
@authenticated("admin", "operator")
@blp.arguments(s.LocationIn)
@blp.response(201, s.LocationOut)
@blp.doc(security=SECURITY)
def create_location(body):
    scope.require_manage_opd(current_actor(), body.get("opd_id"))
    return org.create_location(current_actor().id, body)


@blp.route("/locations/<int:location_id>", methods=["PATCH"])
@authenticated("admin", "operator")
@blp.arguments(s.LocationPatch)
@blp.response(200, s.LocationOut)
@blp.doc(security=SECURITY)
def update_location(body, location_id):
    location = org.fetch(Location, location_id, "NOT_FOUND")
    scope.require_manage_opd(current_actor(), location.opd_id)
    if "tz" in body:
        org.check_timezone(body["tz"])
    users = [link.employee_id for link in location.employee_links.where(
        EmployeeLocation.primary)]
    tz_before = daily.office_tz(users)
    row = org.update_row(current_actor().id, location, body, "location")
    daily.after_office_change(current_actor().id, tz_before, "location.update")
    return row


@blp.route("/employees", methods=["GET"])
@authenticated()
@blp.arguments(s.EmployeeQuery, location="query")
@blp.response(200, s.EmployeePage)
@blp.doc(security=SECURITY)
def list_employees(args):
    """Cari pegawai dalam lingkup pengguna."""
    query = Employee.select().where(scope.employee_filter(current_actor()))
    for field, column in (("opd", Employee.opd), ("unit", Employee.unit),
                          ("active", Employee.active),
                          ("employment_type", Employee.employment_type)):
        if args[field] is not None:
            query = query.where(column == args[field])
    if args["q"]:
        needle = f"%{args['q'].lower()}%"
        query = query.where(Employee.name.ilike(needle) | Employee.nip.contains(args["q"]))
    total = query.count()
    rows = org.employees_with_names(query.order_by(Employee.name)
                                    .limit(args["limit"]).offset(args["offset"]))
    return {"total": total, "items": [org.employee_dict(row) for row in rows]}


def _employee_out(employee_id: int) -> dict:
    row = org.employees_with_names(Employee.select().where(Employee.id == employee_id)).get()
    return org.employee_dict(row)


@blp.route("/employees/<int:employee_id>", methods=["GET"])
@authenticated()
@blp.response(200, s.EmployeeOut)
@blp.doc(security=SECURITY)
def get_employee(employee_id):
    scope.readable_employee(current_actor(), employee_id)
    return _employee_out(employee_id)


@blp.route("/employees", methods=["POST"])
@authenticated("admin", "operator")
@blp.arguments(s.EmployeeIn)
@blp.response(201, s.EmployeeOut)
@blp.doc(security=SECURITY)
def create_employee(body):
    """Tambah pegawai; kata sandi bawaan sekali pakai dikembalikan satu kali."""
    scope.require_manage_opd(current_actor(), body["opd_id"])
    employee, password = org.create_employee(current_actor().id, body)
    return {**_employee_out(employee.id), "default_password": password}


def _managed_employee(employee_id: int, duty: str | None = None) -> Employee:
    """The employee, if the caller administers their OPD (and holds `duty` towards them)."""
    employee = org.fetch(Employee, employee_id, "NOT_FOUND")
    if duty:
        duties.require(duty, current_actor(), employee)
    else:
        scope.require_manage_opd(current_actor(), employee.opd_id)
    return employee


@blp.route("/employees/<int:employee_id>", methods=["PATCH"])
@authenticated("admin", "operator")
@blp.arguments(s.EmployeePatch)
@blp.response(200, s.EmployeeOut)
@blp.doc(security=SECURITY)
def update_employee(body, employee_id):
    employee = _managed_employee(employee_id, "employee.update")
    group_before = employee.schedule_group_id
    org.update_employee(current_actor().id, employee, body)
    if body.get("schedule_group_id", group_before) != group_before:
        daily.after_group_change(current_actor().id, employee, "employee.schedule_group")
    return _employee_out(employee_id)


@blp.route("/employees/<int:employee_id>/password-reset", methods=["POST"])
@authenticated("admin", "operator")
@blp.response(200, s.PasswordOut)
@blp.doc(security=SECURITY)
def reset_password(employee_id):
    """Kata sandi bawaan baru (sekali pakai); semua sesi akun itu dicabut. Operator hanya untuk
    pegawai/atasan OPD-nya; akun berperan kepala OPD, operator, admin atau analis: admin."""
    employee = _managed_employee(employee_id, "password.reset")
    return {"default_password": accounts.set_default_password(employee.id, current_actor().id)}


@blp.route("/employees/<int:employee_id>/account", methods=["GET"])
@authenticated("admin", "operator")
@blp.response(200, s.AccountOut)
@blp.doc(security=SECURITY)
def get_account(employee_id):
    """Keadaan akun pegawai (terkunci, wajib ganti kata sandi, masuk terakhir), untuk yang
    berwenang mereset kata sandinya."""
    return accounts.account_status(_managed_employee(employee_id, "password.reset").id)


@blp.route("/employees/<int:employee_id>/unlock", methods=["POST"])
@authenticated("admin", "operator")
@blp.response(200, s.AccountOut)
@blp.doc(security=SECURITY)
def unlock_account(employee_id):
    """Buka kunci akun yang terkunci karena salah kata sandi; kata sandinya tetap."""
    employee = _managed_employee(employee_id, "account.unlock")
    return accounts.unlock(employee.id, current_actor().id)


@blp.route("/employees/<int:employee_id>/locations", methods=["GET"])
@authenticated()
@blp.response(200, s.LocationOut(many=True))
@blp.doc(security=SECURITY)
def get_employee_locations(employee_id):
    return locations_out(scope.readable_employee(current_actor(), employee_id))


def locations_out(employee: Employee) -> list[dict]:
    return [{**org.snapshot(link.location), "opd_id": link.location.opd_id,
             "primary": link.primary} for link in employee.location_links]


@blp.route("/employees/<int:employee_id>/locations", methods=["PUT"])
@authenticated("admin", "operator")
@blp.arguments(s.EmployeeLocationsIn)
@blp.response(200, s.LocationOut(many=True))
@blp.doc(security=SECURITY)
def set_employee_locations(body, employee_id):
    """Tetapkan lokasi presensi pegawai (kantor + lokasi alternatif yang disetujui)."""
    employee = _managed_employee(employee_id, "locations.set")
    tz_before = daily.office_tz([employee.id])
    org.set_locations(current_actor().id, employee, body["locations"])
    daily.after_office_change(current_actor().id, tz_before, "employee.locations")
    return locations_out(employee)


@blp.route("/employees/<int:employee_id>/mutations", methods=["GET"])
@authenticated()
@blp.response(200, s.MutationOut(many=True))
@blp.doc(security=SECURITY)
def list_mutations(employee_id):
    return mutations.history(scope.readable_employee(current_actor(), employee_id))


@blp.route("/employees/<int:employee_id>/mutations", methods=["POST"])
@authenticated("admin")
@blp.arguments(s.MutationIn)
@blp.response(201, s.MutationOut)
@blp.doc(security=SECURITY)
def create_mutation(body, employee_id):
    """Mutasi pegawai ke OPD/unit/lokasi lain dan atasan langsung barunya mulai tanggal
    tertentu (admin BKD); berlaku pada tanggalnya tanpa menunggu proses malam."""
    employee = _managed_employee(employee_id, "mutation.create")
    today = daily.pemda_today()
    assignment = mutations.create(current_actor().id, employee, body, today)
    if body["valid_from"] <= today:  # the days already passed move to the new OPD
        jobs.enqueue_recompute(current_actor().id, body["valid_from"], today, [employee.id],
                               "employee.mutation")
    return assignment


@blp.before_app_request
def apply_due_mutations():
    """A mutation moves the employee on its date, whether or not the nightly run ran."""
    if request.path.startswith("/api/"):
        today = daily.pemda_today()
        if mutations.any_due(today):
            mutations.apply_due(today)


@blp.route("/employees/<int:employee_id>/roles", methods=["GET"])
@authenticated("admin", "operator")
@blp.response(200, s.RoleOut(many=True))
@blp.doc(security=SECURITY)
def list_roles(employee_id):
    return list(_managed_employee(employee_id).grants)


@blp.route("/employees/<int:employee_id>/roles", methods=["POST"])
@authenticated("admin")
@blp.arguments(s.RoleIn)
@blp.response(201, s.RoleOut)
@blp.doc(security=SECURITY)
def grant_role(body, employee_id):
    employee = _managed_employee(employee_id, "roles.change")
    return org.grant_role(current_actor().id, employee, body["role"], body.get("opd_id"))


@blp.route("/employees/<int:employee_id>/roles/<int:grant_id>", methods=["DELETE"])
@authenticated("admin")
@blp.response(204)
@blp.doc(security=SECURITY)
def revoke_role(employee_id, grant_id):
    org.revoke_role(current_actor().id, _managed_employee(employee_id, "roles.change"),
                    grant_id)
