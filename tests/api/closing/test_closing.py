"""Month closing per OPD: only after the deadline, nothing pending, then read-only for every
write (absences, manual entries, corrections, check-in approvals, schedules) until reopened."""
from __future__ import annotations

import io
import json
from datetime import date

from api.models import AuditEntry, DailyRecord, MonthClosing, StoredFile
from tests.factories import PDF_DOCUMENT, stored_checkin

AFTER_DEADLINE = "2026-03-09T09:00:00+07:00"  # February ended 28th; +5 days → from 6 March


def close(client, world, opd="a", month="2026-02", who="admin"):
    return client.post("/api/v1/closings", json={"opd": world.opds[opd].id, "month": month},
                       headers=world.headers(who))


def absence(client, world, who="pegawai_a", day="2026-02-25"):
    return client.post("/api/v1/absences", data={
        "code": "S", "date_from": day, "date_to": day,
        "document": (io.BytesIO(PDF_DOCUMENT), "surat.pdf")}, content_type="multipart/form-data",
        headers=world.headers(who))


def test_closing_waits_for_the_deadline(app, client, world):
    too_early = close(client, world)
    assert too_early.status_code == 409
    assert too_early.json["error"]["code"] == "MONTH_NOT_ENDED"
    assert too_early.json["error"]["details"]["earliest"] == "2026-03-06"
    assert "Februari 2026" in too_early.json["error"]["message"]
    app.config["CLOSING_DEADLINE_DAYS"] = 0
    closed = close(client, world)
    assert closed.status_code == 201  # 2 March is after a zero-day deadline
    assert closed.json["opd_name"] == world.opds["a"].name  # as a later GET shows it


def test_closed_month_is_read_only_until_reopened(app, client, world):
    pending = stored_checkin(world, "pegawai_a", "2026-02-27T07:20:00+07:00",
                             out_of_office=True, note="Rapat di kecamatan")
    app.config["HADIR_FAKE_NOW"] = AFTER_DEADLINE
    assert close(client, world, who="operator_a").status_code == 403
    blocked = close(client, world)
    assert blocked.status_code == 409 and blocked.json["error"]["code"] == "MONTH_HAS_PENDING"
    assert blocked.json["error"]["details"]["pending"]["checkins"] == 1
    client.post(f"/api/v1/attendance/checkins/{pending.id}/approve", json={"reason": ""},
                headers=world.headers("atasan_a"))

    closed = close(client, world)
    assert closed.status_code == 201, closed.json
    assert (closed.json["status"], closed.json["month"]) == ("closed", "2026-02")
    # the records are final: a February workday without events is TK now
    record = DailyRecord.get(DailyRecord.employee == world.people["pegawai_a2"].id,
                             DailyRecord.work_date == date(2026, 2, 27))
    assert record.status == "TK"
    # the out-of-office selfie kept "until the month is closed" now has a retention date
    assert StoredFile.get_by_id(pending.selfie_id).retain_until == date(2026, 6, 7)
    again = close(client, world)
    assert again.status_code == 409 and again.json["error"]["code"] == "MONTH_ALREADY_CLOSED"

    refused = absence(client, world)
    assert refused.status_code == 409 and refused.json["error"]["code"] == "MONTH_CLOSED"
    assert "Februari 2026" in refused.json["error"]["message"]
    manual = client.post("/api/v1/manual-entries", data={
        "employee_id": str(world.people["pegawai_a2"].id), "work_date": "2026-02-27",
        "code": "S", "evidence": (io.BytesIO(PDF_DOCUMENT), "bukti.pdf")},
        content_type="multipart/form-data", headers=world.headers("operator_a"))
    assert manual.json["error"]["code"] == "MONTH_CLOSED"
    correction = client.post("/api/v1/corrections", data={
        "employee_id": str(world.people["pegawai_a2"].id), "work_date": "2026-02-27",
        "code": "H", "reason": "Daftar hadir rapat", "evidence": (io.BytesIO(PDF_DOCUMENT),
                                                                    "bukti.pdf")},
        content_type="multipart/form-data", headers=world.headers("operator_a"))
    assert correction.json["error"]["code"] == "MONTH_CLOSED"
    holiday = client.post("/api/v1/holidays/local", headers=world.headers("admin"), json={
        "date": "2026-02-20", "action": "add", "name": "Hari Jadi Kabupaten", "kind": "local"})
    assert holiday.status_code == 409 and holiday.json["error"]["code"] == "MONTH_CLOSED"
    # the other OPD's February is not closed, only past: new entries wait for a reopen there
    other = absence(client, world, who="pegawai_b")
    assert other.json["error"]["code"] == "OUTSIDE_CURRENT_MONTH"

    closing_id = closed.json["id"]
    no_reason = client.post(f"/api/v1/closings/{closing_id}/reopen", json={"reason": ""},
                            headers=world.headers("admin"))
    assert no_reason.status_code == 422
    reopened = client.post(f"/api/v1/closings/{closing_id}/reopen",
                           json={"reason": "Surat sakit terlambat diverifikasi BKD"},
                           headers=world.headers("admin"))
    assert reopened.status_code == 200 and reopened.json["status"] == "reopened"
    entry = AuditEntry.get(AuditEntry.action == "month.reopen")
    assert entry.actor == world.people["admin"].id
    assert json.loads(entry.after)["reopen_reason"] == "Surat sakit terlambat diverifikasi BKD"
    assert client.post(f"/api/v1/closings/{closing_id}/reopen", json={"reason": "sekali lagi"},
                       headers=world.headers("admin")).status_code == 409
    accepted = absence(client, world)
    assert accepted.status_code == 201, accepted.json
    client.post(f"/api/v1/absences/{accepted.json['id']}/approve", json={"reason": ""},
                headers=world.headers("atasan_a"))
    record = DailyRecord.get(DailyRecord.employee == world.people["pegawai_a"].id,
                             DailyRecord.work_date == date(2026, 2, 25))
    assert record.status == "S"
    assert close(client, world).status_code == 201  # closed again, audited again
    assert AuditEntry.select().where(AuditEntry.action == "month.close").count() == 2


def test_pending_checkin_of_a_closed_month_cannot_be_decided(app, client, world):
    app.config["HADIR_FAKE_NOW"] = AFTER_DEADLINE
    assert close(client, world).status_code == 201
    late = stored_checkin(world, "pegawai_a", "2026-02-26T07:05:00+07:00", out_of_office=True,
                          note="Dinas luar")  # e.g. synced from an offline phone after closing
    response = client.post(f"/api/v1/attendance/checkins/{late.id}/approve",
                           json={"reason": ""}, headers=world.headers("atasan_a"))
    assert response.status_code == 409 and response.json["error"]["code"] == "MONTH_CLOSED"


def test_roster_edits_touching_a_closed_month_are_refused(app, client, world):
    nurse = world.add_person("perawat_b", "b", supervisor="kepala_b", group="RSUD")
    app.config["HADIR_FAKE_NOW"] = AFTER_DEADLINE
    assert close(client, world, opd="b").status_code == 201
    roster = client.put("/api/v1/rosters", headers=world.headers("operator_b"), json={
        "entries": [{"employee_id": nurse.id, "work_date": "2026-02-27", "shift_code": None}]})
    assert roster.status_code == 409 and roster.json["error"]["code"] == "MONTH_CLOSED"
    march = client.put("/api/v1/rosters", headers=world.headers("operator_b"), json={
        "entries": [{"employee_id": nurse.id, "work_date": "2026-03-10", "shift_code": None}]})
    assert march.status_code == 200


def test_closings_are_listed_in_scope(app, client, world):
    app.config["HADIR_FAKE_NOW"] = AFTER_DEADLINE
    close(client, world, opd="a")
    close(client, world, opd="b")
    assert len(client.get("/api/v1/closings", headers=world.headers("analis")).json) == 2
    own = client.get("/api/v1/closings", headers=world.headers("operator_a")).json
    assert [c["opd_id"] for c in own] == [world.opds["a"].id]
    foreign = client.get(f"/api/v1/closings?opd={world.opds['b'].id}",
                         headers=world.headers("kepala_a")).json
    assert foreign == []
    assert client.get("/api/v1/closings", headers=world.headers("pegawai_a")).status_code == 403
    assert MonthClosing.select().count() == 2


def test_a_recompute_leaves_a_closed_month_as_it_was_closed(client, world, app):
    """Schedule data can change after closing; the signed month must not."""
    from api.models import DailyRecord, MonthClosing

    app.config["HADIR_FAKE_NOW"] = "2026-04-10T09:00:00+07:00"
    opd = world.opds["a"].id
    closed = client.post("/api/v1/closings", headers=world.headers("admin"),
                         json={"opd": opd, "month": "2026-03"})
    assert closed.status_code == 201, closed.json
    employee = world.people["pegawai_a"].id
    before = DailyRecord.get(DailyRecord.employee == employee,
                             DailyRecord.work_date == "2026-03-04")
    assert before.status == "TK"
    from api.models import LocalDay

    LocalDay.create(date="2026-03-04", action="add", name="Libur setelah penutupan")
    result = app.test_cli_runner().invoke(args=["recompute", "--from", "2026-03-01",
                                                "--to", "2026-04-09"])
    assert result.exit_code == 0
    after = DailyRecord.get(DailyRecord.employee == employee,
                            DailyRecord.work_date == "2026-03-04")
    assert after.status == "TK"  # unchanged: the closed month is final
    april = DailyRecord.get(DailyRecord.employee == employee, DailyRecord.work_date == "2026-04-06")
    assert april.status == "TK"  # the open month is recomputed as usual
    assert MonthClosing.get(MonthClosing.opd == opd).status == "closed"
