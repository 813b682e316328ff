"""Cancellation of attendance (Pasal 13): the supervisor files with two witnesses, the head
of the OPD approves, the day becomes TK and the Lampiran III letter carries the right people."""
from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from api.models import Cancellation
from tests.factories import stored_checkin

PEOPLE = {  # key: (name, jabatan, golongan)
    "pegawai_a": ("Dewi Anggraini, S.Kom.", "Pranata Komputer Ahli Pertama", "III/a"),
    "atasan_a": ("Bambang Sutrisno, S.T.", "Kepala Seksi Aplikasi Informatika", "III/d"),
    "kepala_a": ("Drs. Hadi Purnomo, M.Si.", "Kepala Dinas Komunikasi dan Informatika", "IV/c"),
    "pegawai_a2": ("Siti Rahayu", "Pengadministrasi Umum", "II/c"),
    "operator_a": ("Agus Salim, A.Md.", "Operator Presensi", "III/b"),
}


@pytest.fixture
def present(app, world):
    """Named people, and pegawai_a checked in at the office on Monday morning."""
    for key, (name, jabatan, golongan) in PEOPLE.items():
        employee = world.people[key]
        employee.name, employee.jabatan, employee.golongan = name, jabatan, golongan
        employee.save()
    stored_checkin(world, "pegawai_a", "2026-03-02T06:50:00+07:00")
    app.config["HADIR_FAKE_NOW"] = "2026-03-02T10:30:00+07:00"
    return world


def file(client, world, who="atasan_a", employee="pegawai_a", witnesses=("pegawai_a2",
         "operator_a"), work_date="2026-03-02"):
    return client.post("/api/v1/cancellations", headers=world.headers(who), json={
        "employee_id": world.people[employee].id, "work_date": work_date,
        "witness_ids": [world.people[w].id for w in witnesses],
        "statement": "Pukul 09.00 yang bersangkutan tidak berada di ruang kerja sampai jam "
                     "pulang tanpa izin.", "letter_number": "800/117/35.09.325/2026"})


def decide(client, world, cancellation_id, who="kepala_a", action="approve", reason=""):
    return client.post(f"/api/v1/cancellations/{cancellation_id}/{action}",
                       json={"reason": reason}, headers=world.headers(who))


def day_of(client, world, employee="pegawai_a", work_date="2026-03-02"):
    response = client.get(f"/api/v1/attendance/days?employee={world.people[employee].id}"
                          f"&from={work_date}&to={work_date}", headers=world.headers("admin"))
    return response.json["items"][0]


def test_approved_cancellation_makes_the_day_tk_with_a_letter(client, present):
    world = present
    assert day_of(client, world)["status"] == "H"
    filed = file(client, world)
    assert filed.status_code == 201, filed.json
    assert filed.json["status"] == "pending" and filed.json["letter_url"] is None
    assert day_of(client, world)["has_pending"] is True
    not_ready = client.get(f"/api/v1/cancellations/{filed.json['id']}/letter",
                           headers=world.headers("kepala_a"))
    assert not_ready.status_code == 409 and not_ready.json["error"]["code"] == "LETTER_NOT_READY"

    approved = decide(client, world, filed.json["id"])
    assert approved.status_code == 200, approved.json
    assert approved.json["status"] == "approved"
    day = day_of(client, world)
    assert (day["status"], day["source"]) == ("TK", "cancellation")
    assert day["check_in_at"] == "2026-03-01T23:50:00Z"  # the punch stays visible

    letter = client.get(approved.json["letter_url"], headers=world.headers("atasan_a"))
    assert letter.status_code == 200 and letter.mimetype == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(letter.data)).pages)
    text = " ".join(text.split())
    assert "SURAT KETERANGAN PEMBATALAN KEHADIRAN" in text
    assert "NOMOR : 800/117/35.09.325/2026" in text
    assert "PEMERINTAH KABUPATEN JEMBER" in text and "DINAS KOMUNIKASI DAN INFORMATIKA" in text
    assert "Senin, 2 Maret 2026" in text and "Jember, 2 Maret 2026" in text
    for key, (name, jabatan, golongan) in PEOPLE.items():
        nip = world.people[key].nip
        assert name in text, key
        assert f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}" in text, key
        assert golongan in text and jabatan in text, key
    assert "Penata Muda / III/a" in text and "Penata Tingkat I / III/d" in text
    assert "Pembina Utama Muda / IV/c" in text and "Pengatur / II/c" in text
    assert "tidak hadir secara fisik" in text and "2 (dua) orang saksi" in text
    assert len(PdfReader(io.BytesIO(letter.data)).pages) == 1
    assert "Mengetahui" in text and "Atasan Langsung" in text
    assert client.get(approved.json["letter_url"],
                      headers=world.headers("pegawai_b")).status_code == 403


@pytest.mark.parametrize("witnesses, problem", [
    (("pegawai_a", "operator_a"), "bersangkutan tidak dapat menjadi saksi"),
    (("atasan_a", "operator_a"), "Atasan langsung tidak dapat menjadi saksi"),
    (("operator_a", "operator_a"), "orang yang berbeda"),
])
def test_witnesses_must_be_two_other_people(client, present, witnesses, problem):
    response = file(client, present, witnesses=witnesses)
    assert response.status_code == 422
    assert response.json["error"]["code"] == "WITNESS_INVALID"
    assert any(problem in p for p in response.json["error"]["details"]["witness_ids"])


def test_filing_refusals(client, present):
    world = present
    one = file(client, world, witnesses=("operator_a",))
    assert one.status_code == 422 and "witness_ids" in one.json["error"]["details"]
    not_supervisor = file(client, world, who="kepala_a")  # head of OPD, not the direct one
    assert not_supervisor.status_code == 403
    assert not_supervisor.json["error"]["code"] == "NOT_DIRECT_SUPERVISOR"
    assert file(client, world, who="pegawai_a2").status_code == 403  # not an atasan at all
    absent = file(client, world, who="kepala_a", employee="pegawai_a2",
                  witnesses=("operator_a", "atasan_a"))
    assert absent.status_code == 409 and absent.json["error"]["code"] == "NOT_RECORDED_PRESENT"
    future = file(client, world, work_date="2026-03-03")
    assert future.json["error"]["code"] == "FUTURE_DATE"
    assert file(client, world).status_code == 201
    twice = file(client, world)
    assert twice.status_code == 409 and twice.json["error"]["code"] == "CANCELLATION_EXISTS"


def test_only_the_head_of_the_employees_opd_decides(client, present):
    world = present
    cancellation_id = file(client, world).json["id"]
    assert decide(client, world, cancellation_id, who="atasan_a").status_code == 403
    other_head = decide(client, world, cancellation_id, who="kepala_b")
    assert other_head.status_code == 403 and other_head.json["error"]["code"] == "OUT_OF_SCOPE"
    no_reason = decide(client, world, cancellation_id, action="reject")
    assert no_reason.status_code == 400
    rejected = decide(client, world, cancellation_id, action="reject",
                      reason="Saksi menyatakan pegawai sedang rapat di Bappeda")
    assert rejected.json["status"] == "rejected"
    assert Cancellation.get_by_id(cancellation_id).letter_id is None
    assert day_of(client, world)["status"] == "H"
    again = decide(client, world, cancellation_id)
    assert again.status_code == 409 and again.json["error"]["code"] == "REQUEST_NOT_PENDING"


def test_a_cancelled_day_cannot_be_corrected(client, present):
    from tests.factories import PDF_DOCUMENT

    world = present
    decide(client, world, file(client, world).json["id"])
    response = client.post("/api/v1/corrections", data={
        "employee_id": str(world.people["pegawai_a"].id), "work_date": "2026-03-02",
        "code": "H", "reason": "Mencoba mengembalikan kehadiran",
        "evidence": (io.BytesIO(PDF_DOCUMENT), "bukti.pdf")}, content_type="multipart/form-data",
        headers=world.headers("operator_a"))
    assert response.status_code == 409 and response.json["error"]["code"] == "DAY_CANCELLED"
    assert day_of(client, world)["status"] == "TK"


def test_what_the_head_filed_as_supervisor_an_admin_decides(client, present):
    world = present
    stored_checkin(world, "atasan_a", "2026-03-02T06:55:00+07:00")
    filed = file(client, world, who="kepala_a", employee="atasan_a",
                 witnesses=("pegawai_a2", "operator_a"))
    assert filed.status_code == 201, filed.json
    own = decide(client, world, filed.json["id"], who="kepala_a")
    assert own.status_code == 403 and own.json["error"]["code"] == "FOUR_EYES_REQUIRED"
    by_admin = decide(client, world, filed.json["id"], who="admin")
    assert by_admin.status_code == 200 and by_admin.json["status"] == "approved"
    assert day_of(client, world, "atasan_a")["status"] == "TK"
