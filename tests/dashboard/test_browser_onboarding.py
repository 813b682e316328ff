"""Issue 15's flow in a real browser: an operator imports 50 employees from a SIMPEG xlsx,
enrols one face from photos and issues that employee a password; the employee checks in
through the API from a phone; the operator's Beranda then counts them."""
from __future__ import annotations

import io
import re
import uuid

import openpyxl
import pytest
import requests

from dashboard import texts
from tests.conftest import face_photo
from tests.dashboard import browser
from tests.dashboard.conftest import PASSWORD
from tests.dashboard.people import new_nip

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not browser.CHROMIUM.exists(),
                       reason="needs /usr/bin/chromium (apt-get install -y chromium)"),
]
IDENTITY = "london_002"  # enrolled from photo 1; the selfie is photo 2
HEADER = ["NIP", "Nama", "Jabatan", "Golongan", "Jenis Pegawai", "Unit", "NIP Atasan",
          "Lokasi"]


def simpeg_export(office: str, count: int = 50) -> tuple[bytes, list[str]]:
    book = openpyxl.Workbook()
    book.active.append(HEADER)
    nips = [new_nip() for _ in range(count)]
    for number, nip in enumerate(nips, start=1):
        book.active.append([nip, f"Pegawai Impor {number:02d}", "Pelaksana", "II/c", "PNS", "",
                            "", office])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue(), nips


def metric(page, label: str) -> int:
    """A Beranda metric's number (its label and value sit in one stMetric block)."""
    block = page.locator('[data-testid="stMetric"]').filter(
        has=page.get_by_text(label, exact=True)).first
    return int(block.locator('[data-testid="stMetricValue"]').inner_text())


def board(page) -> dict[str, int]:
    page.get_by_role("button", name=texts.BOARD_REFRESH).click()
    browser.settle(page, 800)
    return {key: metric(page, texts.STATE_NAMES[key])
            for key in ("employees", "present", "late", "pending", "not_yet")}


def upload(page, label: str, files: list[tuple[str, bytes, str]]) -> None:
    """Choose files in the uploader with this label, as the file dialog would."""
    section = page.locator('[data-testid="stFileUploader"]').filter(has_text=label).first
    section.locator('input[type="file"]').set_input_files(
        [{"name": name, "mimeType": mime, "buffer": content} for name, content, mime in files])
    browser.settle(page, 800)


def check_in(api: str, nip: str, password: str, office: dict) -> dict:
    """The employee's first login (a new password) and a check-in from their phone."""
    first = requests.post(f"{api}/api/v1/auth/login", json={"nip": nip, "password": password},
                          timeout=10).json()
    assert first["must_change_password"] is True
    headers = {"Authorization": f"Bearer {first['access_token']}"}
    changed = requests.post(f"{api}/api/v1/auth/password", headers=headers, timeout=10,
                            json={"old_password": password, "new_password": "Presensi#Baru26"})
    assert changed.status_code == 200, changed.text
    headers = {"Authorization": f"Bearer {changed.json()['access_token']}",
               "Idempotency-Key": uuid.uuid4().hex}
    answer = requests.post(f"{api}/api/v1/attendance/checkins", headers=headers, timeout=60,
                           data={"kind": "in", "lat": str(office["lat"]),
                                 "lon": str(office["lon"]), "accuracy_m": "8",
                                 "is_mock": "false", "device_id": "hp-impor-01"},
                           files={"selfie": ("selfie.jpg", face_photo(IDENTITY, 2))})
    assert answer.status_code in (200, 201), answer.text
    return answer.json()


def test_import_enrol_check_in_and_see_it_on_beranda(streamlit_url, api_url, demo_logins,
                                                     tmp_path):
    from playwright.sync_api import sync_playwright

    operator = demo_logins["operator"]
    token = requests.post(f"{api_url}/api/v1/auth/login", timeout=10, json={
        "nip": operator["nip"], "password": PASSWORD}).json()["access_token"]
    me = requests.get(f"{api_url}/api/v1/me", timeout=10,
                      headers={"Authorization": f"Bearer {token}"}).json()
    office = next(loc for loc in requests.get(
        f"{api_url}/api/v1/locations", params={"opd": me["opd"]["id"]}, timeout=10,
        headers={"Authorization": f"Bearer {token}"}).json() if loc["kind"] == "office")
    export, nips = simpeg_export(office["name"])

    with sync_playwright() as playwright:
        chromium = browser.launch(playwright)
        page = chromium.new_page(viewport={"width": 1440, "height": 1800})
        browser.log_in(page, streamlit_url, operator["nip"], PASSWORD)
        page.get_by_role("button", name=texts.BOARD_REFRESH).wait_for(timeout=browser.WAIT_MS)
        before = board(page)

        # 1. the SIMPEG export: checked first, then written
        browser.open_page(page, texts.PAGE_KELOLA)
        page.get_by_role("tab", name=texts.EMP_TAB_IMPORT).click()
        upload(page, texts.IMPORT_FILE, [("simpeg.xlsx", export, "application/vnd.openxmlformats"
                                          "-officedocument.spreadsheetml.sheet")])
        page.get_by_role("button", name=texts.IMPORT_PREVIEW).click()
        write = page.get_by_role("button", name=texts.IMPORT_WRITE.format(count=50))
        write.wait_for(timeout=browser.WAIT_MS)
        browser.screenshot(page, "kelola-impor")
        write.click()
        page.get_by_text(texts.IMPORT_DONE.format(create=50, update=0, unchanged=0, error=0)
                         ).wait_for(timeout=browser.WAIT_MS)

        # 2. one of them: a face from a photo, then a one-time password
        page.get_by_role("tab", name=texts.EMP_TAB_LIST).click()
        page.get_by_label(texts.EMP_SEARCH).fill(nips[0])
        page.keyboard.press("Enter")
        page.get_by_text(texts.EMP_FOUND.format(total=1, shown=1)).wait_for(
            timeout=browser.WAIT_MS)
        page.get_by_role("tab", name=texts.EMP_TAB_FACE).click()
        upload(page, texts.FACE_PHOTOS, [("1.jpg", face_photo(IDENTITY, 1), "image/jpeg")])
        page.get_by_role("button", name=texts.FACE_ENROL).click()
        page.get_by_text(texts.FACE_DONE.format(name="Pegawai Impor 01")).wait_for(
            timeout=browser.WAIT_MS)
        page.get_by_role("tab", name=texts.EMP_TAB_ACCOUNT).click()
        page.get_by_role("button", name=texts.EMP_RESET).click()
        code = page.locator('[data-testid="stCode"] code').first
        code.wait_for(timeout=browser.WAIT_MS)
        password = code.inner_text().strip()
        browser.screenshot(page, "kelola-akun")

        # 3. the employee checks in from their phone
        answer = check_in(api_url, nips[0], password, office)
        assert answer["status"] in ("ACCEPTED", "PENDING"), answer

        # 4. the operator's Beranda counts the 50 and the one who came
        browser.open_page(page, texts.PAGE_BERANDA)
        page.get_by_role("button", name=texts.BOARD_REFRESH).wait_for(timeout=browser.WAIT_MS)
        after = board(page)
        browser.screenshot(page, "beranda-setelah-impor")
        chromium.close()
    assert after["employees"] == before["employees"] + 50
    came = sum(after[k] - before[k] for k in ("present", "pending"))
    assert came == 1, (before, after)
    assert after["late"] == before["late"] + 1  # at 08.30 (the demo's clock): late, TL3
    assert after["not_yet"] == before["not_yet"] + 49
    assert re.fullmatch(r"\S{8,}", password)
