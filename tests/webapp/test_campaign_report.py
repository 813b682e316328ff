"""A whereabouts report from the phone (issue 11): the campaign card on Beranda shows the
open window, the employee reports with the fake camera and emulated GPS, and the head of the
OPD then counts one fewer employee who has not reported."""
from __future__ import annotations

import pytest

from tests.factories import PDF_DOCUMENT
from tests.webapp.conftest import screenshot
from tests.webapp.test_checkin_flows import WAIT, log_in

pytestmark = pytest.mark.browser


def open_window(api, server) -> dict:
    session = api("kepala_a")
    answer = session.get(f"{session.base}/api/v1/campaigns/{server['logins']['campaign']}"
                         "/compliance", params={"date": "2026-03-02"})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    return {"morning": next(w for w in body["by_window"] if w["window"] == 0),
            "waiting": {r["nip"] for r in body["non_reporters"]}}


def test_an_employee_reports_in_the_window_and_the_head_sees_it(phone, server, api, tmp_path):
    person = server["logins"]["lapor"]
    before = open_window(api, server)
    assert person["nip"] in before["waiting"]
    page = phone(face=person["face"])
    log_in(page, server, "lapor")
    card = page.locator(f"#campaign-{server['logins']['campaign']}")
    card.wait_for(timeout=WAIT)
    assert "Terbuka sekarang" in card.inner_text() and "06.00–09.00" in card.inner_text()
    screenshot(page, "campaign-card", f"#campaign-{server['logins']['campaign']}")
    page.locator(f"#report-{server['logins']['campaign']}").click()
    page.get_by_role("heading", name="Laporan Keberadaan").wait_for(timeout=WAIT)
    page.locator("#shoot").click(timeout=WAIT)
    page.locator("#send:not([disabled])").click(timeout=WAIT)
    answer = page.locator("#answer")
    answer.wait_for(timeout=WAIT)
    assert "Laporan tercatat" in answer.inner_text(), answer.inner_text()
    screenshot(page, "campaign-reported", "#answer")
    after = open_window(api, server)
    assert after["morning"]["reported"] == before["morning"]["reported"] + 1
    assert after["morning"]["open"] == before["morning"]["open"] - 1
    assert after["waiting"] == before["waiting"] - {person["nip"]}
    page.get_by_role("button", name="Kembali ke beranda").click()
    page.locator(f"#campaign-{server['logins']['campaign']}").get_by_text("Sudah lapor").wait_for(
        timeout=WAIT)
    assert not page.locator(f"#report-{server['logins']['campaign']}").count()
    # the afternoon window will be missed: the reason goes to the supervisor
    page.locator(f"#excuse-{server['logins']['campaign']}").click()
    page.get_by_role("heading", name="Alasan tidak melapor").wait_for(timeout=WAIT)
    page.locator("#excuse-window").select_option(label="15.00–17.00")
    page.locator("#excuse-reason").fill("Dinas luar ke kecamatan, surat tugas terlampir")
    document = tmp_path / "surat-tugas.pdf"
    document.write_bytes(PDF_DOCUMENT)
    page.locator("#document").set_input_files(str(document))
    page.get_by_role("button", name="Kirim alasan").click()
    page.get_by_text("Alasan terkirim").wait_for(timeout=WAIT)
    session = api("atasan")
    waiting = session.get(f"{session.base}/api/v1/campaign-excuses").json()
    mine = [e for e in waiting if e["employee"]["id"] == person["id"]]
    assert [(e["work_date"], e["window"]) for e in mine] == [("2026-03-02", 1)]
    assert page.errors == []


def test_the_supervisor_decides_the_excuse_on_the_phone(phone, server, api):
    person = server["logins"]["lapor"]
    filed = api("lapor").post(
        f"{server['url']}/api/v1/campaigns/{server['logins']['campaign']}/excuses",
        data={"work_date": "2026-03-01", "window": "0", "reason": "Kondangan di luar kota"},
        files={"document": ("undangan.pdf", PDF_DOCUMENT, "application/pdf")})
    assert filed.status_code == 201, filed.text
    page = phone(camera=False)
    log_in(page, server, "atasan")
    page.locator("#act").wait_for(timeout=WAIT)
    page.get_by_role("link", name="Tim").click()
    card = page.locator(f'[data-kind="campaign_excuse"][data-id="{filed.json()["id"]}"]')
    card.wait_for(timeout=WAIT)
    assert "Kondangan di luar kota" in card.inner_text() and person["name"] in card.inner_text()
    card.locator("button.approve").click()
    card.get_by_text("Disetujui.").wait_for(timeout=WAIT)
    decided = api("atasan").get(f"{server['url']}/api/v1/campaign-excuses",
                                params={"status": "approved"}).json()
    assert filed.json()["id"] in [e["id"] for e in decided]
    assert page.errors == []
