"""The audit log: every write of these features is an entry (who, when, what, before/after,
evidence); editing or deleting a row directly in the database breaks the chain, and both the
API and `flask --app api audit verify` name the entry."""
from __future__ import annotations

import io

import pytest

from api.db import database
from api.models import AuditEntry
from api.services.audit import verify_chain
from tests.factories import PDF_DOCUMENT


@pytest.fixture
def history(app, client, world):
    """A few audited writes: an absence submitted and approved, a correction."""
    from datetime import date

    from api import clock
    from api.services import daily

    app.config["HADIR_FAKE_NOW"] = "2026-03-03T16:00:00+07:00"
    daily.recompute_range(date(2026, 3, 2), date(2026, 3, 3), None, clock.now())
    absence = client.post("/api/v1/absences", data={
        "code": "S", "date_from": "2026-03-02", "date_to": "2026-03-02",
        "document": (io.BytesIO(PDF_DOCUMENT), "surat.pdf")}, content_type="multipart/form-data",
        headers=world.headers("pegawai_a")).json
    client.post(f"/api/v1/absences/{absence['id']}/approve", json={"reason": ""},
                headers=world.headers("atasan_a"))
    client.post("/api/v1/corrections", data={
        "employee_id": str(world.people["pegawai_a2"].id), "work_date": "2026-03-03",
        "check_in": "06.55", "reason": "Server presensi mati pagi hari",
        "evidence": (io.BytesIO(PDF_DOCUMENT), "daftar-hadir.pdf")},
        content_type="multipart/form-data", headers=world.headers("operator_a"))
    return absence


def sql(statement: str, *params) -> None:
    """A statement straight to the database, bypassing the application."""
    database.execute_sql(statement.replace("?", database.obj.param), params)


def test_writes_are_recorded_with_who_what_and_evidence(client, world, history):
    response = client.get(f"/api/v1/audit?entity=absence_request&entity_id={history['id']}",
                          headers=world.headers("admin"))
    assert response.status_code == 200
    entries = sorted(response.json["items"], key=lambda e: e["id"])
    assert [e["action"] for e in entries] == ["absence.submit", "absence.approve"]
    submitted, approved = entries
    assert submitted["actor"] == world.people["pegawai_a"].id
    assert submitted["actor_name"] == "Pegawai A"
    assert submitted["before"] is None and submitted["after"]["code"] == "S"
    assert submitted["evidence"].startswith("stored_file:")
    assert submitted["at"] == "2026-03-03T09:00:00Z"
    assert approved["before"] == {"status": "pending"}
    assert approved["after"]["status"] == "approved"
    assert approved["prev_hash"] == submitted["hash"]
    by_date = client.get("/api/v1/audit?action=correction.create&from=2026-03-03&to=2026-03-03",
                         headers=world.headers("admin")).json
    assert by_date["total"] == 1
    assert by_date["items"][0]["before"]["status"] == "BELUM"
    assert by_date["items"][0]["after"]["status"] == "H"
    assert client.get("/api/v1/audit?from=2026-03-04", headers=world.headers("admin")
                      ).json["total"] == 0
    assert client.get("/api/v1/audit", headers=world.headers("kepala_a")).status_code == 403
    assert client.get("/api/v1/audit/verify",
                      headers=world.headers("analis")).status_code == 403


def test_intact_chain_verifies(app, client, world, history):
    report = client.get("/api/v1/audit/verify", headers=world.headers("admin")).json
    assert report["ok"] is True and report["broken_id"] is None
    assert report["entries"] == AuditEntry.select().count()
    assert report["head"] == AuditEntry.select().order_by(AuditEntry.id.desc()).get().hash
    result = app.test_cli_runner().invoke(args=["audit", "verify"])
    assert result.exit_code == 0, result.output
    assert f"OK: {report['entries']} entri" in result.output


def test_an_edited_row_is_named(app, client, world, history):
    target = AuditEntry.get(AuditEntry.action == "absence.approve")
    sql('UPDATE audit_entry SET "after" = ? WHERE id = ?', '{"status":"rejected"}', target.id)
    report = verify_chain()
    assert (report.ok, report.broken_id, report.problem) == (False, target.id, "isi entri diubah")
    api_report = client.get("/api/v1/audit/verify", headers=world.headers("admin")).json
    assert api_report["ok"] is False and api_report["broken_id"] == target.id
    result = app.test_cli_runner().invoke(args=["audit", "verify"])
    assert result.exit_code == 1
    assert f"entri #{target.id}" in result.output and "isi entri diubah" in result.output


def test_an_edited_actor_is_named(app, world, history):
    target = AuditEntry.get(AuditEntry.action == "correction.create")
    sql("UPDATE audit_entry SET actor = ? WHERE id = ?", world.people["admin"].id, target.id)
    assert verify_chain().broken_id == target.id


def test_a_deleted_row_breaks_the_next_link(app, world, history):
    target = AuditEntry.get(AuditEntry.action == "absence.submit")
    following = (AuditEntry.select().where(AuditEntry.id > target.id)
                 .order_by(AuditEntry.id).first())
    sql("DELETE FROM audit_entry WHERE id = ?", target.id)
    report = verify_chain()
    assert report.ok is False and report.broken_id == following.id
    assert "terputus" in report.problem
    result = app.test_cli_runner().invoke(args=["audit", "verify"])
    assert result.exit_code == 1 and f"entri #{following.id}" in result.output


def newest() -> AuditEntry:
    return AuditEntry.select().order_by(AuditEntry.id.desc()).first()


def test_deleting_the_newest_entries_is_found_against_the_checkpoint(app, client, world,
                                                                     history):
    signed = client.post("/api/v1/audit/checkpoint", headers=world.headers("admin"))
    assert signed.status_code == 201 and signed.json["entry_id"] == newest().id
    assert verify_chain().ok
    # an attacker with database access removes the newest entry: the chain alone stays valid
    last = newest()
    sql("DELETE FROM audit_entry WHERE id = ?", last.id)
    report = verify_chain()
    assert report.ok is False and "terpotong" in report.problem
    assert f"#{last.id}" in report.problem
    api = client.get("/api/v1/audit/verify", headers=world.headers("admin")).json
    assert api["ok"] is False and api["checkpoint"]["entry_id"] == last.id
    result = app.test_cli_runner().invoke(args=["audit", "verify"])
    assert result.exit_code == 1 and "terpotong" in result.output


def test_a_rewritten_tail_with_a_valid_chain_is_found(app, world, history):
    """Delete the newest entry and append a forged one in its place, chain links recomputed:
    the chain verifies, the checkpoint does not."""
    from api.services.audit import canonical, entry_hash

    app.test_cli_runner().invoke(args=["audit", "checkpoint"])
    last = newest()
    sql("DELETE FROM audit_entry WHERE id = ?", last.id)
    fields = {"at": last.at, "actor": last.actor, "action": "absence.reject", "entity":
              last.entity, "entity_id": last.entity_id, "before": last.before,
              "after": canonical({"status": "rejected"}), "evidence": "",
              "prev_hash": newest().hash}
    forged = AuditEntry(**fields)
    forged.hash = entry_hash({**fields})
    forged.save(force_insert=True)
    assert forged.id == last.id or forged.id > last.id
    report = verify_chain()
    assert report.ok is False and report.broken_id is None


def test_a_forged_checkpoint_line_is_reported(app, world, history):
    import json

    line = app.test_cli_runner().invoke(args=["audit", "checkpoint"])
    assert line.exit_code == 0, line.output
    path = app.config["AUDIT_CHECKPOINT_FILE"]
    fake = {"entry_id": 1, "entries": 1, "head": "0" * 64, "at": "2026-03-02T00:00:00+00:00",
            "mac": "f" * 64}
    with open(path, "a", encoding="utf-8") as out:  # written without the key
        out.write(json.dumps(fake) + "\n")
    report = verify_chain()
    assert report.ok is False and "tidak sah" in report.problem
    assert report.checkpoint["entry_id"] == newest().id  # the genuine one still counts


def test_the_nightly_run_writes_a_checkpoint(app, world, history):
    result = app.test_cli_runner().invoke(args=["nightly"])
    assert result.exit_code == 0, result.output
    report = verify_chain()
    assert report.ok and report.checkpoint["entry_id"] == newest().id
