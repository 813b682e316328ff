"""Employees from a SIMPEG/BKD export (issue 15): a dry-run preview with row-level errors in
Bahasa, all or nothing, a re-import that changes nothing, a changed row updated by NIP and
audited, xlsx and CSV, the template, and the operator's scope."""
from __future__ import annotations

import io

import openpyxl

from api.models import AuditEntry, Credential, Employee
from tests.factories import make_nip

HEADER = ["NIP", "Nama", "Jabatan", "Golongan", "Jenis Pegawai", "Unit", "NIP Atasan",
          "Lokasi"]


def workbook(rows: list[list[str]]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def send(client, world, data: bytes, who="operator_a", opd="a", dry_run=True,
         name="pegawai.xlsx"):
    return client.post("/api/v1/employees/import", headers=world.headers(who),
                       content_type="multipart/form-data", data={
                           "opd": str(world.opds[opd].id), "dry_run": str(dry_run).lower(),
                           "file": (io.BytesIO(data), name)})


def people(world) -> list[list[str]]:
    boss, staff, other = make_nip(), make_nip(2), make_nip()
    unit = world.units["a"].name
    office = world.locations["a"].name
    return [[boss, "Rina Kusuma, S.T.", "Kepala Bidang", "IV/a", "PNS", unit, "", office],
            [staff, "Dimas Prakoso", "Pranata Komputer", "III/a", "PNS", unit, boss, office],
            [other, "Ayu Lestari", "Analis", "III/b", "pns", "", boss, ""]]


def test_the_template_names_the_columns(client, world):
    response = client.get("/api/v1/employees/import-template", headers=world.headers("admin"))
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.data))["Pegawai"]
    assert [c.value for c in sheet[1]] == HEADER


def test_a_file_with_mistakes_is_previewed_row_by_row_and_writes_nothing(client, world):
    rows = people(world)
    rows[1][0] = "19870315 2015"  # too short
    rows[2][5] = "Bidang Antariksa"
    rows[2][6] = "199001012020011999"  # nobody
    rows.append(list(rows[0]))  # the same NIP twice
    before = Employee.select().count()
    preview = send(client, world, workbook(rows))
    assert preview.status_code == 200, preview.json
    by_row = {r["row"]: r for r in preview.json["rows"]}
    assert by_row[3]["errors"][0].startswith("NIP tidak valid")
    assert by_row[4]["errors"] == ["Unit tidak dikenal di OPD ini: Bidang Antariksa.",
                                   "Atasan dengan NIP 199001012020011999 tidak ditemukan."]
    assert by_row[5]["errors"] == [f"NIP {rows[0][0]} ganda di berkas (baris 2)."]
    assert preview.json["counts"]["error"] == 3 and preview.json["written"] is False
    refused = send(client, world, workbook(rows), dry_run=False)
    assert refused.status_code == 422 and refused.json["error"]["code"] == "IMPORT_INVALID"
    assert len(refused.json["error"]["details"]["rows"]) == 3
    assert Employee.select().count() == before


def test_import_then_reimport_then_a_changed_row(client, world):
    rows = people(world)
    data = workbook(rows)
    preview = send(client, world, data)
    assert preview.json["counts"] == {"create": 3, "update": 0, "unchanged": 0, "error": 0}
    done = send(client, world, data, dry_run=False)
    assert done.status_code == 201 and done.json["written"] is True
    staff = Employee.get(Employee.nip == rows[1][0])
    boss = Employee.get(Employee.nip == rows[0][0])
    assert (staff.opd_id, staff.supervisor_id, staff.unit_id) == (
        world.opds["a"].id, boss.id, world.units["a"].id)
    assert [link.location_id for link in staff.location_links] == [world.locations["a"].id]
    assert Credential.get_or_none(Credential.employee == staff.id) is None  # no password yet
    audits = AuditEntry.select().count()
    again = send(client, world, data, dry_run=False)
    assert again.json["counts"] == {"create": 0, "update": 0, "unchanged": 3, "error": 0}
    assert AuditEntry.select().count() == audits  # nothing changed, nothing written
    rows[2][2] = "Analis Kebijakan Ahli Muda"
    changed = send(client, world, workbook(rows), dry_run=False)
    row = next(r for r in changed.json["rows"] if r["nip"] == rows[2][0])
    assert (row["action"], row["changes"]) == ("update", ["jabatan"])
    assert Employee.get(Employee.nip == rows[2][0]).jabatan == "Analis Kebijakan Ahli Muda"
    entry = AuditEntry.select().where(AuditEntry.action == "employee.import.update").get()
    assert "Analis Kebijakan Ahli Muda" in entry.after and '"Analis"' in entry.before


def test_a_csv_export_with_semicolons_reads_the_same(client, world):
    rows = people(world)
    text = "\n".join(";".join(r) for r in [HEADER, *rows]).encode("utf-8-sig")
    preview = send(client, world, text, name="simpeg.csv")
    assert preview.status_code == 200, preview.json
    assert preview.json["counts"]["create"] == 3


def test_scope_and_other_opds(client, world):
    rows = people(world)
    assert send(client, world, workbook(rows), who="operator_b").status_code == 403
    assert send(client, world, workbook(rows), who="pegawai_a").status_code == 403
    rows[0][0] = world.people["pegawai_b"].nip  # already an employee of OPD B
    preview = send(client, world, workbook(rows))
    assert preview.json["rows"][0]["errors"] == [
        "NIP ini terdaftar di OPD lain: pindahkan lewat mutasi."]
