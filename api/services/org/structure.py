"""Organisation writes: OPDs, units, locations, employees, roles; every one audited."""
from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from flask import current_app
from peewee import JOIN, IntegrityError, fn
from playhouse.shortcuts import model_to_dict

from api import clock
from api.db import write_transaction
from api.errors import ApiError
from api.models import (
    Assignment,
    Employee,
    EmployeeLocation,
    FaceTemplate,
    Location,
    Opd,
    RoleGrant,
    ScheduleGroup,
    Unit,
)
from api.models.accounts import OPD_ROLES
from api.rules.identifiers import InvalidIdentifier, validate_employee_id
from api.services import accounts, audit

FIRST_DAY = date(1900, 1, 1)  # the initial assignment holds for every earlier date


def snapshot(row) -> dict:
    return model_to_dict(row, recurse=False)


def invalid(field: str, text: str) -> ApiError:
    """A reference in the body that exists but does not fit (another OPD, wrong kind)."""
    return ApiError("INVALID_REFERENCE", 400, details={field: [text]})


def fetch(model, row_id, code: str = "INVALID_REFERENCE"):
    """The row, or INVALID_REFERENCE (a bad id in a body) / NOT_FOUND (a bad id in a URL)."""
    row = model.get_or_none(model.id == row_id) if row_id is not None else None
    if row is None:
        raise ApiError(code, 404 if code == "NOT_FOUND" else 400,
                       details={"id": row_id, "entity": model.__name__})
    return row


def _apply(row, changes: dict) -> None:
    for key, value in changes.items():
        setattr(row, key, value)


def create_opd(actor_id: int, data: dict) -> Opd:
    with write_transaction():
        try:
            opd = Opd.create(**data)
        except IntegrityError as exc:
            raise ApiError("DUPLICATE_CODE", 409, details={"code": data["code"]}) from exc
        audit.record(actor_id, "opd.create", "opd", opd.id, None, snapshot(opd))
    return opd


def update_row(actor_id: int, row, changes: dict, entity: str):
    with write_transaction():
        before = snapshot(row)
        _apply(row, changes)
        row.save()
        audit.record(actor_id, f"{entity}.update", entity, row.id, before, snapshot(row))
    return row


def create_unit(actor_id: int, data: dict) -> Unit:
    fetch(Opd, data["opd_id"])
    if data.get("parent_id") is not None:
        parent = fetch(Unit, data["parent_id"])
        if parent.opd_id != data["opd_id"]:
            raise invalid("parent_id", "Unit induk beda OPD.")
    with write_transaction():
        try:
            unit = Unit.create(opd=data["opd_id"], parent=data.get("parent_id"),
                               code=data["code"], name=data["name"])
        except IntegrityError as exc:
            raise ApiError("DUPLICATE_CODE", 409, details={"code": data["code"]}) from exc
        audit.record(actor_id, "unit.create", "unit", unit.id, None, snapshot(unit))
    return unit


def check_unit_parent(unit: Unit, parent_id: int | None) -> None:
    """A unit may not become its own ancestor."""
    seen = {unit.id}
    while parent_id is not None:
        if parent_id in seen:
            raise ApiError("UNIT_CYCLE", 400)
        seen.add(parent_id)
        parent = fetch(Unit, parent_id)
        if parent.opd_id != unit.opd_id:
            raise invalid("parent_id", "Unit induk beda OPD.")
        parent_id = parent.parent_id


def check_timezone(tz: str) -> None:
    try:
        ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ApiError("INVALID_TIMEZONE", 400, details={"tz": [tz]}) from exc


def create_location(actor_id: int, data: dict) -> Location:
    check_timezone(data["tz"])
    if data.get("opd_id") is not None:
        fetch(Opd, data["opd_id"])
    with write_transaction():
        location = Location.create(opd=data.get("opd_id"), **{k: v for k, v in data.items()
                                                             if k != "opd_id"})
        audit.record(actor_id, "location.create", "location", location.id, None,
                     snapshot(location))
    return location


def check_supervisor(employee_id: int | None, supervisor_id: int | None) -> None:
    """The supervisor exists and the chain of supervisors has no loop."""
    seen = {employee_id} if employee_id else set()
    current = supervisor_id
    while current is not None:
        if current in seen:
            raise ApiError("SUPERVISOR_CYCLE", 400)
        seen.add(current)
        current = fetch(Employee, current).supervisor_id


def normalised_id(nip: str, employment_type: str) -> str:
    patterns = current_app.config["NON_ASN_ID_PATTERNS"].split(";;")
    try:
        return validate_employee_id(nip, employment_type, patterns)
    except InvalidIdentifier as exc:
        code = "INVALID_NIP" if employment_type in ("PNS", "CPNS") else "INVALID_EMPLOYEE_ID"
        raise ApiError(code, 400, details={"nip": [str(exc)]}) from exc


def create_employee(actor_id: int, data: dict) -> tuple[Employee, str]:
    """A new employee with a one-time default password (returned once)."""
    nip = normalised_id(data["nip"], data["employment_type"])
    fetch(Opd, data["opd_id"])
    fetch(ScheduleGroup, data["schedule_group_id"])
    if data.get("unit_id") is not None and fetch(Unit, data["unit_id"]).opd_id != data["opd_id"]:
        raise invalid("unit_id", "Unit beda OPD.")
    check_supervisor(None, data.get("supervisor_id"))
    locations = [fetch(Location, lid) for lid in data.get("location_ids", [])]
    with write_transaction():
        try:
            employee = Employee.create(
                nip=nip, name=data["name"], jabatan=data["jabatan"], golongan=data["golongan"],
                employment_type=data["employment_type"], opd=data["opd_id"],
                unit=data.get("unit_id"), supervisor=data.get("supervisor_id"),
                schedule_group=data["schedule_group_id"],
                created_at=clock.utc_naive(clock.now()),
            )
        except IntegrityError as exc:
            raise ApiError("DUPLICATE_NIP", 409, details={"nip": nip}) from exc
        for index, location in enumerate(locations):
            EmployeeLocation.create(employee=employee, location=location, primary=index == 0)
        Assignment.create(employee=employee, opd=data["opd_id"], unit=data.get("unit_id"),
                          location=locations[0] if locations else None,
                          valid_from=FIRST_DAY, applied=True, reason="Data awal",
                          created_by=actor_id)
        password = accounts.set_default_password(employee.id, actor_id)
        audit.record(actor_id, "employee.create", "employee", employee.id, None,
                     snapshot(employee))
    return employee, password


def update_employee(actor_id: int, employee: Employee, changes: dict) -> Employee:
    if "supervisor_id" in changes:
        check_supervisor(employee.id, changes["supervisor_id"])
    unit_id = changes.get("unit_id")
    if unit_id is not None and fetch(Unit, unit_id).opd_id != employee.opd_id:
        raise invalid("unit_id", "Unit beda OPD.")
    if "schedule_group_id" in changes:
        fetch(ScheduleGroup, changes["schedule_group_id"])
    deactivated = employee.active and changes.get("active") is False
    changes = {key.removesuffix("_id"): value for key, value in changes.items()}
    changes["updated_at"] = clock.utc_naive(clock.now())
    with write_transaction():
        row = update_row(actor_id, employee, changes, "employee")
        if deactivated:
            accounts.tokens.revoke_all(employee.id)
    return row


def set_locations(actor_id: int, employee: Employee, links: list[dict]) -> None:
    locations = [fetch(Location, link["location_id"]) for link in links]
    for location in locations:
        if location.opd_id not in (None, employee.opd_id):
            raise ApiError("INVALID_REFERENCE", 400,
                           details={"location_id": [f"Lokasi {location.id} milik OPD lain."]})
    primary_count = sum(1 for link in links if link["primary"])
    with write_transaction():
        before = [(link.location_id, link.primary) for link in employee.location_links]
        EmployeeLocation.delete().where(EmployeeLocation.employee == employee).execute()
        for index, (link, location) in enumerate(zip(links, locations, strict=True)):
            primary = link["primary"] if primary_count else index == 0
            EmployeeLocation.create(employee=employee, location=location, primary=primary)
        audit.record(actor_id, "employee.locations", "employee", employee.id, before,
                     [(link["location_id"], link["primary"]) for link in links])


def grant_role(actor_id: int, employee: Employee, role: str, opd_id: int | None) -> RoleGrant:
    if role in OPD_ROLES:
        if opd_id is None:
            raise ApiError("VALIDATION_ERROR", 422, details={"opd_id": ["Wajib untuk peran ini."]})
        fetch(Opd, opd_id)
    else:
        opd_id = None
    with write_transaction():
        grant, created = RoleGrant.get_or_create(employee=employee, role=role, opd=opd_id,
                                                 defaults={"granted_by": actor_id})
        if created:
            audit.record(actor_id, "role.grant", "employee", employee.id, None,
                         {"role": role, "opd_id": opd_id})
            accounts.tokens.revoke_all(employee.id)  # sessions are re-made with the new role
    return grant


def revoke_role(actor_id: int, employee: Employee, grant_id: int) -> None:
    grant = RoleGrant.get_or_none(RoleGrant.id == grant_id, RoleGrant.employee == employee)
    if grant is None:
        raise ApiError("NOT_FOUND", 404)
    with write_transaction():
        audit.record(actor_id, "role.revoke", "employee", employee.id,
                     {"role": grant.role, "opd_id": grant.opd_id}, None)
        grant.delete_instance()
        accounts.tokens.revoke_all(employee.id)


def employees_with_names(query):
    """Rows for lists: employee plus OPD, unit and supervisor names, face enrolment."""
    supervisor = Employee.alias("sup")
    enrolled = (FaceTemplate.select(fn.COUNT(FaceTemplate.id))
                .where(FaceTemplate.employee == Employee.id, FaceTemplate.active))
    return (query.select_extend(Opd.name.alias("opd_name"), Unit.name.alias("unit_name"),
                                supervisor.name.alias("supervisor_name"),
                                enrolled.alias("face_count"))
            .join_from(Employee, Opd)
            .join_from(Employee, Unit, join_type=JOIN.LEFT_OUTER)
            .join_from(Employee, supervisor, join_type=JOIN.LEFT_OUTER,
                       on=(Employee.supervisor == supervisor.id))
            .objects())


def employee_dict(row) -> dict:
    return {
        "id": row.id, "nip": row.nip, "name": row.name, "jabatan": row.jabatan,
        "golongan": row.golongan, "employment_type": row.employment_type,
        "opd_id": row.opd_id, "opd_name": getattr(row, "opd_name", None),
        "unit_id": row.unit_id, "unit_name": getattr(row, "unit_name", None),
        "supervisor_id": row.supervisor_id,
        "supervisor_name": getattr(row, "supervisor_name", None),
        "schedule_group_id": row.schedule_group_id, "active": row.active,
        "face_enrolled": bool(getattr(row, "face_count", 0)),
    }


def head_of(opd_id: int) -> Employee | None:
    """The head of an OPD (the kepala_opd grant holder; the lowest id when several)."""
    return (Employee.select().join(RoleGrant, on=(RoleGrant.employee == Employee.id))
            .where(RoleGrant.role == "kepala_opd", RoleGrant.opd == opd_id, Employee.active)
            .order_by(Employee.id).first())
