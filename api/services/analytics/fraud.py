"""Fraud signals over check-in attempts (RULES.md §8), found with SQL GROUP BY ... HAVING.

- mock: attempts with the OS mock-location flag or refused as MOCK_LOCATION;
- shared_coordinates: one position (5 decimals, ~1 m) used by many employees on the same
  day — fake-GPS apps hand everyone the same fix (Kab. Cirebon found 1,329 ASN this way);
  counting per day keeps chance collisions of honest GPS noise at a big office out;
- shared_devices: one phone used by several employees ("titip absen"); kiosks excluded;
- face_mismatch: repeated FACE_MISMATCH per employee and device;
- replay: REPLAY_SUSPECTED attempts (the same photo or a photo of a photo);
- other_face: selfies on one account that showed another employee's enrolled face
  (FACE_OF_OTHER_EMPLOYEE), with whose face it was — the classic "titip absen"."""
from __future__ import annotations

from datetime import date

import pandas as pd
from peewee import SQL, NodeList, fn

from api.db import is_postgres
from api.frames import query_frame
from api.models import GRID, CheckinEvent, Device, Employee, Opd, flagged, position_grid

LIMIT = 100  # entries per signal; the counts say how many there are in all


def _scoped(query, opd_ids):
    """The attempts of these OPDs' current staff (all of them when None: no join, so the
    whole-pemda signals read the check-in indexes alone)."""
    if opd_ids is None:
        return query
    return (query.join(Employee, on=(CheckinEvent.employee == Employee.id))
            .where(Employee.opd.in_(list(opd_ids))))


def _in_period(date_from: date, date_to: date):
    return CheckinEvent.work_date.between(date_from, date_to)


def _people(ids) -> pd.DataFrame:
    query = (Employee.select(Employee.id, Employee.nip, Employee.name, Employee.opd, Opd.name)
             .join(Opd).where(Employee.id.in_([int(i) for i in ids])))
    return query_frame(query, columns=["employee_id", "nip", "name", "opd_id", "opd_name"])


def per_employee(condition, date_from: date, date_to: date, opd_ids,
                 min_count: int = 1) -> tuple[int, pd.DataFrame]:
    query = (_scoped(CheckinEvent.select(CheckinEvent.employee, fn.COUNT(CheckinEvent.id),
                                         fn.MAX(CheckinEvent.recorded_at)), opd_ids)
             .where(_in_period(date_from, date_to), flagged(), condition)
             .group_by(CheckinEvent.employee)
             .having(fn.COUNT(CheckinEvent.id) >= min_count))
    frame = query_frame(query, columns=["employee_id", "attempts", "last_at"])
    total = len(frame)
    frame = frame.sort_values(["attempts", "employee_id"], ascending=[False, True]).head(LIMIT)
    frame["last_at"] = frame["last_at"].astype(str)
    return total, frame.merge(_people(frame["employee_id"]), on="employee_id", how="left")


def kiosk_uids():
    return Device.select(Device.uid).where(Device.kind == "kiosk")


def shared_coordinates(date_from: date, date_to: date, opd_ids,
                       min_employees: int) -> tuple[int, pd.DataFrame]:
    """Positions used by at least `min_employees` distinct employees on one day. One pass over
    the position index, in its order (day, grid position): each busy position-day with its
    attempts and its people as a list, then summed per position."""
    lat, lon = position_grid(CheckinEvent.lat), position_grid(CheckinEvent.lon)
    people = fn.COUNT(CheckinEvent.employee.distinct())
    ids = (fn.string_agg(NodeList((SQL("DISTINCT"), CheckinEvent.employee.cast("TEXT"))),
                         SQL("','"))
           if is_postgres() else fn.GROUP_CONCAT(CheckinEvent.employee.distinct()))
    query = (_scoped(CheckinEvent.select(lat, lon, CheckinEvent.work_date,
                                         fn.COUNT(SQL("*")), ids), opd_ids)
             .where(_in_period(date_from, date_to), CheckinEvent.lat.is_null(False),
                    CheckinEvent.device_uid.not_in(kiosk_uids()))
             .group_by(CheckinEvent.work_date, lat, lon)
             .having(people >= min_employees))
    rows = query_frame(query, ["lat", "lon", "day", "attempts", "ids"])
    rows["employee"] = rows["ids"].astype(str).str.split(",")
    pairs = rows.explode("employee").astype({"employee": "int64"})
    grouped = pairs.groupby(["lat", "lon"])
    frame = pd.DataFrame({"employees": grouped["employee"].nunique(),
                          "days": grouped["day"].nunique(),
                          "attempts": rows.groupby(["lat", "lon"])["attempts"].sum()})
    total = len(frame)
    frame = frame.sort_values(["employees", "attempts"], ascending=False).head(LIMIT)
    shown = pairs.set_index(["lat", "lon"]).loc[frame.index, "employee"]
    frame["employee_ids"] = shown.groupby(["lat", "lon"]).agg(lambda s: sorted(set(s))[:50])
    frame = frame.reset_index()
    frame[["lat", "lon"]] = (frame[["lat", "lon"]].astype(float) / GRID).round(5)
    return total, frame[["lat", "lon", "employees", "days", "attempts", "employee_ids"]]


def shared_devices(date_from: date, date_to: date, opd_ids) -> tuple[int, pd.DataFrame]:
    employees = fn.COUNT(CheckinEvent.employee.distinct())
    query = (_scoped(CheckinEvent.select(CheckinEvent.device_uid, employees,
                                         fn.COUNT(CheckinEvent.id)), opd_ids)
             .where(_in_period(date_from, date_to), CheckinEvent.device_uid != "",
                    CheckinEvent.device_uid.not_in(kiosk_uids()))
             .group_by(CheckinEvent.device_uid).having(employees >= 2))
    frame = query_frame(query, columns=["device_uid", "employees", "attempts"])
    total = len(frame)
    frame = frame.sort_values(["employees", "attempts"], ascending=False).head(LIMIT)
    pairs = (CheckinEvent.select(CheckinEvent.device_uid, CheckinEvent.employee).distinct()
             .where(_in_period(date_from, date_to),
                    CheckinEvent.device_uid.in_(frame["device_uid"].tolist())))
    users = query_frame(pairs, columns=["device_uid", "employee"])
    ids = users.groupby("device_uid")["employee"].agg(lambda s: sorted(s)[:50])
    return total, frame.assign(employee_ids=frame["device_uid"].map(ids))


def face_mismatches(date_from: date, date_to: date, opd_ids,
                    min_count: int) -> tuple[int, pd.DataFrame]:
    count = fn.COUNT(CheckinEvent.id)
    query = (_scoped(CheckinEvent.select(CheckinEvent.employee, CheckinEvent.device_uid, count,
                                         fn.MAX(CheckinEvent.recorded_at)), opd_ids)
             .where(_in_period(date_from, date_to), flagged(),
                    CheckinEvent.codes.contains("FACE_MISMATCH"))
             .group_by(CheckinEvent.employee, CheckinEvent.device_uid)
             .having(count >= min_count))
    frame = query_frame(query, columns=["employee_id", "device_uid", "attempts", "last_at"])
    total = len(frame)
    frame = frame.sort_values(["attempts", "employee_id"], ascending=[False, True]).head(LIMIT)
    frame["last_at"] = frame["last_at"].astype(str)
    return total, frame.merge(_people(frame["employee_id"]), on="employee_id", how="left")


def other_faces(date_from: date, date_to: date, opd_ids) -> tuple[int, pd.DataFrame]:
    count = fn.COUNT(CheckinEvent.id)
    query = (_scoped(CheckinEvent.select(CheckinEvent.employee, CheckinEvent.matched_employee,
                                         count, fn.MAX(CheckinEvent.recorded_at)), opd_ids)
             .where(_in_period(date_from, date_to), flagged(),
                    CheckinEvent.matched_employee.is_null(False))
             .group_by(CheckinEvent.employee, CheckinEvent.matched_employee))
    frame = query_frame(query, columns=["employee_id", "matched_employee_id", "attempts",
                                        "last_at"])
    total = len(frame)
    frame = frame.sort_values(["attempts", "employee_id"], ascending=[False, True]).head(LIMIT)
    frame["last_at"] = frame["last_at"].astype(str)
    frame = frame.merge(_people(frame["employee_id"]), on="employee_id", how="left")
    matched = _people(frame["matched_employee_id"])[["employee_id", "nip", "name"]].rename(
        columns={"employee_id": "matched_employee_id", "nip": "matched_nip",
                 "name": "matched_name"})
    return total, frame.merge(matched, on="matched_employee_id", how="left")


def signals(date_from: date, date_to: date, opd_ids, min_employees: int = 3,
            min_mismatches: int = 3) -> dict:
    mock = CheckinEvent.is_mock | CheckinEvent.codes.contains("MOCK_LOCATION")
    replay = CheckinEvent.codes.contains("REPLAY_SUSPECTED")
    found = {
        "mock": per_employee(mock, date_from, date_to, opd_ids),
        "shared_coordinates": shared_coordinates(date_from, date_to, opd_ids, min_employees),
        "shared_devices": shared_devices(date_from, date_to, opd_ids),
        "face_mismatch": face_mismatches(date_from, date_to, opd_ids, min_mismatches),
        "replay": per_employee(replay, date_from, date_to, opd_ids),
        "other_face": other_faces(date_from, date_to, opd_ids),
    }
    return {"from": date_from.isoformat(), "to": date_to.isoformat(),
            "thresholds": {"min_employees": min_employees, "min_mismatches": min_mismatches},
            "counts": {name: total for name, (total, _rows) in found.items()},
            "signals": {name: rows for name, (_total, rows) in found.items()}}

