"""The main flows in a real browser: a kepala OPD approves an out-of-office check-in and
downloads the monthly xlsx; every page is photographed (artifacts/screenshots/)."""
from __future__ import annotations

import io
import re

import openpyxl
import pytest

from dashboard import texts
from tests.dashboard import browser
from tests.dashboard.conftest import PASSWORD

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not browser.CHROMIUM.exists(),
                       reason="needs /usr/bin/chromium (apt-get install -y chromium)"),
]


def _queue_size(page) -> int:
    caption = page.get_by_text(re.compile(r"^\d+ menunggu keputusan Anda$"))
    caption.wait_for(timeout=browser.WAIT_MS)
    return int(caption.inner_text().split()[0])


def test_kepala_opd_approves_and_downloads(streamlit_url, demo_logins, tmp_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = browser.launch(playwright)
        page = chromium.new_page(viewport={"width": 1440, "height": 1600},
                                 accept_downloads=True)
        browser.log_in(page, streamlit_url, demo_logins["kepala_opd"]["nip"], PASSWORD)
        browser.charts_drawn(page, 2)
        browser.screenshot(page, "beranda")

        browser.open_page(page, texts.PAGE_PERSETUJUAN)
        before = _queue_size(page)
        assert before >= 1
        browser.charts_drawn(page, 1)  # the first card's map
        browser.screenshot(page, "persetujuan")
        first_card = page.locator('[class*="st-key-card_checkin_"]').first
        name = first_card.locator("strong").first.inner_text()
        first_card.get_by_role("button", name=texts.APPROVE, exact=True).click()
        page.get_by_text(f"{before - 1} menunggu keputusan Anda", exact=True).wait_for(
            timeout=browser.WAIT_MS)
        page.get_by_text(texts.APPROVED.format(who=name)).wait_for(timeout=browser.WAIT_MS)

        browser.open_page(page, texts.PAGE_MONITORING)
        browser.charts_drawn(page, 1)  # the employee calendar
        browser.screenshot(page, "monitoring")
        with page.expect_download(timeout=browser.WAIT_MS) as download:
            page.get_by_role("button", name=texts.EXPORT_MONTHLY["xlsx"]).click()
        saved = tmp_path / download.value.suggested_filename
        download.value.save_as(saved)
        assert saved.name == "rekap-bulanan-2026-03-DINKES.xlsx"
        book = openpyxl.load_workbook(io.BytesIO(saved.read_bytes()))
        cells = " ".join(str(c.value) for row in book.active.iter_rows() for c in row
                         if c.value is not None).upper()
        assert "DINAS KESEHATAN" in cells and "MARET 2026" in cells
        with page.expect_download(timeout=browser.WAIT_MS) as download:
            page.get_by_role("button", name=texts.EXPORT_MONTHLY["pdf"]).click()
        printed = tmp_path / download.value.suggested_filename
        download.value.save_as(printed)
        assert printed.name == "rekap-bulanan-2026-03-DINKES.pdf"
        from pypdf import PdfReader

        text = PdfReader(printed).pages[0].extract_text()
        assert "LAMPIRAN II PERATURAN BUPATI JEMBER" in text and "BULAN MARET 2026" in text

        browser.open_page(page, texts.PAGE_PEGAWAI)
        browser.charts_drawn(page, 1)
        browser.screenshot(page, "pegawai")
        chromium.close()


def test_a_shared_link_survives_login_and_bkd_pages_render(streamlit_url, demo_logins):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = browser.launch(playwright)
        page = chromium.new_page(viewport={"width": 1440, "height": 1600})
        link = f"{streamlit_url}/analitik?bulan=2026-02"
        browser.log_in(page, link, demo_logins["admin"]["nip"], PASSWORD)
        heading = page.get_by_role("heading", level=1).first
        assert heading.inner_text() == texts.ANALITIK_TITLE.format(month="Februari 2026")
        assert page.url == link
        browser.charts_drawn(page, 6)
        assert not page.locator('[data-testid="stException"]').count()
        browser.screenshot(page, "analitik")
        browser.open_page(page, texts.PAGE_PENGATURAN)
        page.get_by_role("tab", name=texts.TAB_LOCATIONS).click()
        browser.charts_drawn(page, 1)
        page.wait_for_timeout(500)
        browser.screenshot(page, "pengaturan")
        chromium.close()
