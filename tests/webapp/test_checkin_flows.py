"""The employee web app in a phone-sized Chromium with a fake camera and emulated GPS: the
flows of issue 10, checked on screen and then in the API's own records."""
from __future__ import annotations

import pytest

from tests.factories import PDF_DOCUMENT
from tests.webapp.conftest import screenshot

pytestmark = pytest.mark.browser
WAIT = 30_000
FAR = 0.045  # degrees of latitude: ~5 km north of the office


def log_in(page, server, key: str, password: str | None = None) -> None:
    person = server["logins"][key]
    page.goto(f"{server['url']}/")
    page.get_by_label("NIP / ID pegawai").fill(person["nip"])
    page.get_by_label("Kata sandi").fill(password or person["password"])
    page.get_by_role("button", name="Masuk").click()


def take_selfie(page) -> None:
    page.locator("#act").click()
    page.locator("#shoot").click(timeout=WAIT)
    page.locator("#send:not([disabled])").click(timeout=WAIT)


def waiting_in_outbox(page) -> int:
    return page.evaluate("""() => new Promise((resolve) => {
        const open = indexedDB.open("hadir", 1);
        open.onsuccess = () => {
            const all = open.result.transaction("outbox").objectStore("outbox").getAll();
            all.onsuccess = () => resolve(all.result.length);
        };
    })""")


def events_of(api, server, key: str) -> list[dict]:
    person = server["logins"][key]
    session = api("atasan")
    answer = session.get(f"{session.base}/api/v1/attendance/checkins",
                         params={"employee": person["id"]})
    return answer.json()["items"]


def test_first_login_changes_the_default_password(phone, server, api):
    page = phone()
    log_in(page, server, "baru")
    page.get_by_text("kata sandi bawaan wajib diganti").wait_for(timeout=WAIT)
    assert page.locator("#tabs").is_hidden()  # nothing else until it is changed
    screenshot(page, "password")
    page.get_by_label("Kata sandi lama").fill(server["logins"]["baru"]["password"])
    page.get_by_label("Kata sandi baru", exact=True).fill("Presensi#2026")
    page.get_by_label("Ulangi kata sandi baru").fill("Presensi#2026")
    page.get_by_role("button", name="Simpan kata sandi baru").click()
    page.locator("#act").wait_for(timeout=WAIT)
    assert page.locator("#act").inner_text() == "Presensi Masuk"
    assert api("baru", password="Presensi#2026").get(
        f"{server['url']}/api/v1/me").json()["must_change_password"] is False
    # a reload keeps the session (the HttpOnly cookie), with no token in page storage
    page.reload()
    page.locator("#act").wait_for(timeout=WAIT)
    stored = page.evaluate("JSON.stringify(Object.assign({}, localStorage))")
    assert "eyJ" not in stored  # no JWT in localStorage
    assert page.errors == []


def test_own_face_in_the_office_is_accepted(phone, server, api):
    page = phone(face=server["logins"]["hadir"]["face"])
    log_in(page, server, "hadir")
    page.locator("#act").wait_for(timeout=WAIT)
    screenshot(page, "home")
    page.locator("#act").click()
    page.locator("#shoot").wait_for(timeout=WAIT)
    page.wait_for_timeout(500)
    screenshot(page, "capture")
    page.locator("#shoot").click()
    page.locator("#send:not([disabled])").click(timeout=WAIT)
    answer = page.locator("#answer")
    answer.wait_for(timeout=WAIT)
    assert "Presensi diterima" in answer.inner_text()
    assert "berhasil dicatat" in answer.inner_text()
    screenshot(page, "accepted", "#answer")
    [event] = events_of(api, server, "hadir")
    assert (event["status"], event["kind"], event["device_uid"][:4]) == ("ACCEPTED", "in", "web-")
    page.get_by_role("button", name="Kembali ke beranda").click()
    page.locator("#today-status").wait_for(timeout=WAIT)
    assert "WIB" in page.locator("#today-status").inner_text()
    assert page.locator("#act").inner_text() == "Presensi Pulang"  # the next action
    # the head's board (the dashboard's Beranda) counts it like any other check-in
    board = api("atasan").get(f"{server['url']}/api/v1/recaps/today").json()  # his team
    assert board["totals"]["present"] >= 1
    assert page.errors == []


def test_someone_elses_face_is_rejected_with_the_reason(phone, server, api):
    page = phone(face="london_045")  # not the face enrolled for "titip"
    log_in(page, server, "titip")
    take_selfie(page)
    answer = page.locator("#answer")
    answer.wait_for(timeout=WAIT)
    text = answer.inner_text()
    assert "Presensi ditolak" in text and "tidak cocok" in text
    assert "wajah Anda sendiri" in text  # what to do
    assert page.locator("#new-photo").is_visible()
    screenshot(page, "rejected", "#answer")
    [event] = events_of(api, server, "titip")
    assert event["status"] == "REJECTED" and "FACE_MISMATCH" in event["codes"]


def test_outside_the_office_the_same_capture_is_sent_again_with_a_note(phone, server, api):
    office = server["logins"]["office"]
    page = phone(face=server["logins"]["luar"]["face"], at=(office["lat"] + FAR, office["lon"]))
    log_in(page, server, "luar")
    take_selfie(page)
    page.locator("#purpose-form").wait_for(timeout=WAIT)
    assert "pilih keperluan" in page.locator("#answer").inner_text()
    page.locator("#resend").click()  # nothing chosen yet: asked again, nothing sent
    assert page.get_by_text("Pilih keperluan dan isi keterangan.").is_visible()
    page.get_by_label("Tugas kedinasan di luar kantor").check()
    page.get_by_label("Keterangan").fill("Rapat koordinasi di Kantor Kecamatan Ajung")
    screenshot(page, "note", "#purpose-form")
    page.locator("#resend").click()
    page.locator("#answer.wait").wait_for(timeout=WAIT)
    text = page.locator("#answer").inner_text()
    assert "Menunggu persetujuan" in text and "Budi Santoso" in text
    screenshot(page, "pending", "#answer")
    events = events_of(api, server, "luar")
    assert sorted(e["status"] for e in events) == ["PENDING", "REJECTED"]
    pending = next(e for e in events if e["status"] == "PENDING")
    assert pending["purpose"] == "DINAS_LUAR" and pending["codes"] == ["OUTSIDE_GEOFENCE"]
    assert "Kecamatan Ajung" in pending["note"]


def test_an_offline_capture_waits_in_the_outbox_then_goes_to_the_supervisor(phone, server, api):
    page = phone(face=server["logins"]["offline"]["face"])
    log_in(page, server, "offline")
    page.locator("#act").wait_for(timeout=WAIT)
    page.context.set_offline(True)
    take_selfie(page)
    page.locator("#queued").wait_for(timeout=WAIT)
    assert "disimpan di perangkat" in page.locator("#queued").inner_text()
    assert events_of(api, server, "offline") == []  # nothing reached the server
    page.get_by_role("button", name="Kembali ke beranda").click()
    page.get_by_text("1 presensi menunggu dikirim").wait_for(timeout=WAIT)
    assert page.locator("#net").is_visible()
    assert page.locator("#act").inner_text() == "Presensi Pulang"  # the IN is on its way
    screenshot(page, "outbox")
    page.context.set_offline(False)  # the signal is back: the outbox sends itself
    page.get_by_text("Presensi tertunda sudah dikirim.").wait_for(timeout=WAIT)
    [event] = events_of(api, server, "offline")
    assert event["status"] == "PENDING" and event["codes"] == ["OFFLINE_CAPTURE"]
    assert event["offline"] is True and event["client_time"]
    page.locator("#outbox").wait_for(state="detached", timeout=WAIT)  # home shows it gone
    # the direct supervisor sees it on the phone, with capture and receive time, and approves
    boss = phone(face=server["logins"]["atasan"]["face"])
    log_in(boss, server, "atasan")
    boss.get_by_role("link", name="Tim").click()
    card = boss.locator(f"[data-kind=checkin][data-id='{event['id']}']")
    card.wait_for(timeout=WAIT)
    assert "tanpa sinyal" in card.inner_text() and "Diambil (jam perangkat)" in card.inner_text()
    boss.wait_for_function("() => [...document.querySelectorAll('#team-queue img')]"
                           ".every(img => img.complete && img.naturalWidth > 0)", timeout=WAIT)
    screenshot(boss, "team", f"[data-id='{event['id']}']")
    card.get_by_role("button", name="Setujui").click()
    card.get_by_text("Disetujui.").wait_for(timeout=WAIT)
    [decided] = events_of(api, server, "offline")
    assert decided["approval"] == "approved"
    day = api("offline").get(f"{server['url']}/api/v1/attendance/days",
                             params={"from": "2026-03-02", "to": "2026-03-02"}).json()["items"]
    assert day[0]["status"] == "H" and day[0]["check_in_at"] is not None
    assert page.errors == [] and boss.errors == []


def test_an_absence_request_with_a_pdf(phone, server, api, tmp_path):
    document = tmp_path / "surat-dokter.pdf"
    document.write_bytes(PDF_DOCUMENT)
    page = phone(camera=False)
    log_in(page, server, "izin")
    page.get_by_role("link", name="Ajukan").click()
    page.locator("#code").select_option("S")
    page.get_by_label("Alasan").fill("Demam, surat dokter terlampir")
    page.get_by_role("button", name="Kirim pengajuan").click()
    assert page.get_by_text("Lampirkan dokumen pendukung.").is_visible()  # refused here first
    page.locator("#document").set_input_files(str(document))
    page.get_by_role("button", name="Kirim pengajuan").click()
    page.locator("#my-requests").get_by_text("menunggu").wait_for(timeout=WAIT)
    screenshot(page, "absence")
    mine = api("izin").get(f"{server['url']}/api/v1/absences").json()["items"]
    assert [(r["code"], r["status"]) for r in mine] == [("S", "pending")]
    assert "Demam" in mine[0]["reason"]


def test_camera_denied_shows_guidance_and_sends_nothing(phone, server, api):
    page = phone(camera=False)  # no fake camera, no camera permission
    log_in(page, server, "kamera")
    page.locator("#act").click(timeout=WAIT)
    problem = page.locator("#problem")
    problem.wait_for(timeout=WAIT)
    assert "kamera" in problem.inner_text().lower()
    assert page.locator("#shoot").count() == 0
    screenshot(page, "camera-denied", "#problem")
    assert events_of(api, server, "kamera") == []


def test_calendar_recap_inbox_and_device_of_an_employee_with_history(phone, server):
    page = phone(camera=False)
    log_in(page, server, "riwayat")
    page.locator("#act").wait_for(timeout=WAIT)
    page.get_by_role("link", name="Kalender").click()
    page.get_by_role("button", name="‹ Bulan sebelumnya").click()
    page.get_by_role("heading", name="Februari 2026").wait_for(timeout=WAIT)
    late = page.locator("[data-date='2026-02-05']")
    assert "late" in late.get_attribute("class") and "TL2" in late.inner_text()
    assert "excused" in page.locator("[data-date='2026-02-24']").get_attribute("class")
    late.click()
    details = page.locator("#day-details").inner_text()
    assert "40 menit" in details and "07:40 WIB" in details
    screenshot(page, "calendar")
    page.get_by_role("link", name="Lainnya").click()
    page.get_by_role("button", name="Rekap bulanan saya").click()
    page.get_by_role("button", name="‹ Bulan sebelumnya").click()
    page.get_by_role("heading", name="Februari 2026").wait_for(timeout=WAIT)
    recap = page.locator("#recap").inner_text()
    assert "Cuti/Sakit/Dinas Luar/Diklat (hari)\n2" in recap
    screenshot(page, "recap")
    page.get_by_role("link", name="Pesan").click()
    inbox = page.locator("#inbox")
    inbox.wait_for(timeout=WAIT)
    assert "Tidak ada surat tugas" in inbox.inner_text() and "Lekas sembuh" in inbox.inner_text()
    screenshot(page, "inbox")
    page.get_by_role("link", name="Lainnya").click()
    page.get_by_role("button", name="Perangkat").click()
    device_id = page.locator("#device-id").inner_text()
    assert device_id.startswith("web-") and device_id == page.evaluate(
        "localStorage.getItem('hadir.device_id')")
    screenshot(page, "device")
    assert page.errors == []


def test_an_operator_enrols_a_face_with_the_phone_camera_then_its_owner_checks_in(
        phone, server, api):
    operator = phone(face="webmorph_lisa", photo_number=2)  # 1 fills the square frame: too close
    log_in(operator, server, "operator")
    operator.get_by_role("link", name="Lainnya").click()
    operator.get_by_role("button", name="Daftarkan wajah pegawai").click()
    operator.get_by_label("Cari pegawai (nama atau NIP)").fill("Wajah")
    person = server["logins"]["wajah"]
    operator.locator(f"#enrol-people button[data-id='{person['id']}']").click(timeout=WAIT)
    operator.locator("#enrol-shoot:not([disabled])").click(timeout=WAIT)
    operator.get_by_text("1 foto diambil").wait_for(timeout=WAIT)
    operator.locator("#enrol-shoot").click()
    operator.get_by_text("2 foto diambil").wait_for(timeout=WAIT)
    screenshot(operator, "enrol", "#enrol-photos")
    operator.locator("#enrol-submit").click()
    operator.locator("#enrol-done").wait_for(timeout=WAIT)
    face = api("operator").get(f"{server['url']}/api/v1/employees/{person['id']}/face").json()
    assert face["enrolled"] and face["photo_count"] == 2
    owner = phone(face="webmorph_lisa", photo_number=3)  # another day, another selfie
    log_in(owner, server, "wajah")
    take_selfie(owner)
    owner.locator("#answer.good").wait_for(timeout=WAIT)
    assert operator.errors == [] and owner.errors == []


def test_the_installed_shell_opens_without_network_and_caches_no_api_answer(phone, server):
    page = phone(camera=False)
    log_in(page, server, "riwayat")
    page.locator("#act").wait_for(timeout=WAIT)
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()  # now controlled by the service worker
    page.locator("#act").wait_for(timeout=WAIT)
    assert page.evaluate("Boolean(navigator.serviceWorker.controller)")
    page.context.set_offline(True)
    page.reload()
    page.get_by_text("Tanpa sinyal: data terakhir").wait_for(timeout=WAIT)
    assert page.locator("#act").is_visible()  # a capture can still be taken and queued
    cached = page.evaluate("""async () => {
        const urls = [];
        for (const name of await caches.keys()) {
            for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
        }
        return urls;
    }""")
    assert cached and all("/presensi/" in url and "/api/" not in url for url in cached)
    page.context.set_offline(False)
    assert page.errors == []


def test_poor_gps_is_fixed_by_waiting_and_the_same_photo_goes_again(phone, server, api):
    page = phone(face=server["logins"]["gps"]["face"], accuracy=450)
    log_in(page, server, "gps")
    page.locator("#act").click(timeout=WAIT)
    page.get_by_text("terlalu lebar").wait_for(timeout=WAIT)  # warned before the photo
    page.locator("#shoot").click(timeout=WAIT)
    page.locator("#send:not([disabled])").click(timeout=WAIT)
    page.locator("#resend").wait_for(timeout=WAIT)
    assert "Akurasi GPS terlalu rendah" in page.locator("#answer").inner_text()
    office = server["logins"]["office"]
    page.context.set_geolocation({"latitude": office["lat"], "longitude": office["lon"],
                                  "accuracy": 9})
    page.get_by_text("akurasi ±9 m").wait_for(timeout=WAIT)
    page.locator("#resend").click()
    page.locator("#answer.good").wait_for(timeout=WAIT)
    events = events_of(api, server, "gps")
    assert sorted(e["status"] for e in events) == ["ACCEPTED", "REJECTED"]
    assert {e["accuracy_m"] for e in events} == {450.0, 9.0}


def test_location_denied_shows_guidance_and_sends_nothing(playwright_session, server, api):
    from tests.webapp.conftest import ARGS, CAMERA, CHROMIUM, PHONE

    browser = playwright_session.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                                 args=[*ARGS, *CAMERA])
    try:
        page = browser.new_context(viewport=PHONE, permissions=["camera"]).new_page()
        log_in(page, server, "kamera")
        page.locator("#act").click(timeout=WAIT)
        page.get_by_text("Izin lokasi ditolak.").wait_for(timeout=WAIT)
        page.locator("#shoot").click(timeout=WAIT)
        assert page.locator("#send").is_disabled()
        assert "izinkan Lokasi" in page.locator("#screen").inner_text()
    finally:
        browser.close()
    assert events_of(api, server, "kamera") == []


def test_a_503_keeps_the_capture_and_a_retry_sends_it(phone, server, api):
    page = phone(face=server["logins"]["server"]["face"])
    log_in(page, server, "server")
    down = {"on": True}

    def face_engine_down(route):
        if down["on"] and route.request.method == "POST":
            route.fulfill(status=503, content_type="application/json", body='{"status": '
                          '"REJECTED", "codes": ["FACE_ENGINE_UNAVAILABLE"], "message": "x"}')
        else:
            route.continue_()

    page.route("**/api/v1/attendance/checkins", face_engine_down)
    take_selfie(page)
    page.locator("#queued").wait_for(timeout=WAIT)
    assert "pemeriksa wajah sedang tidak tersedia" in page.locator("#queued").inner_text()
    assert waiting_in_outbox(page) == 1  # kept on the phone, not lost
    down["on"] = False
    page.locator("#retry").click()
    page.locator("#answer.good").wait_for(timeout=WAIT)
    assert waiting_in_outbox(page) == 0
    [event] = events_of(api, server, "server")
    assert event["status"] == "ACCEPTED" and event["offline"] is False
