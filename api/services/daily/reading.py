"""Reading daily records, scoped."""
from __future__ import annotations

from api.errors import ApiError
from api.formats import iso_z
from api.models import DailyRecord, Employee
from api.services.accounts import Actor
from api.services.accounts.scope import readable_employee, record_filter


def days_query(actor: Actor, args: dict):
    query = (DailyRecord.select(DailyRecord, Employee.name.alias("employee_name"),
                                Employee.nip.alias("nip"))
             .join(Employee)
             .where(record_filter(actor, DailyRecord),
                    DailyRecord.work_date.between(args["date_from"], args["date_to"])))
    if args.get("employee") is not None:
        readable_employee(actor, args["employee"])
        query = query.where(DailyRecord.employee == args["employee"])
    if args.get("opd") is not None:
        if not (actor.whole_pemda or args["opd"] in actor.opds_for("kepala_opd", "operator")):
            raise ApiError("OUT_OF_SCOPE", 403)
        query = query.where(DailyRecord.opd == args["opd"])
    return query


def day_dict(row: DailyRecord) -> dict:
    return {
        "employee_id": row.employee_id, "employee_name": getattr(row, "employee_name", None),
        "nip": getattr(row, "nip", None), "work_date": row.work_date, "opd_id": row.opd_id,
        "unit_id": row.unit_id, "workday": row.workday, "status": row.status,
        "label": row.label, "check_in_at": iso_z(row.check_in_at),
        "check_out_at": iso_z(row.check_out_at), "late_minutes": row.late_minutes,
        "early_minutes": row.early_minutes, "late_tier": row.late_tier,
        "early_tier": row.early_tier, "excused_code": row.excused_code, "source": row.source,
        "has_pending": row.has_pending,
    }
