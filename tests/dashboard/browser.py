"""Playwright helpers for driving the dashboard in headless Chromium (the Debian package)."""
from __future__ import annotations

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
WAIT_MS = 30_000


def launch(playwright):
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)


def settle(page, pause_ms: int = 300) -> None:
    """Wait until Streamlit has finished the current run (its status widget is gone); the
    pause lets a run that was just triggered show its status widget first."""
    page.wait_for_timeout(pause_ms)
    page.locator('[data-testid="stStatusWidget"]').wait_for(state="hidden", timeout=WAIT_MS)


def log_in(page, url: str, nip: str, password: str) -> None:
    page.goto(url)
    page.get_by_label("NIP / ID pegawai").fill(nip)
    page.get_by_label("Kata sandi").fill(password)
    page.get_by_role("button", name="Masuk").click()
    page.locator('[data-testid="stSidebarNav"]').wait_for(timeout=WAIT_MS)
    settle(page)


def open_page(page, title: str) -> None:
    """Follow the navigation link (a new URL would start a new, logged-out session)."""
    page.locator('[data-testid="stSidebarNav"]').get_by_text(title, exact=True).click()
    page.get_by_role("heading", level=1).filter(has_text=title.split()[0]).wait_for(
        timeout=WAIT_MS)
    settle(page)


def charts_drawn(page, count: int) -> None:
    """Wait until `count` plotly charts have been drawn (their SVG exists)."""
    page.wait_for_function(
        "n => document.querySelectorAll('.js-plotly-plot .main-svg').length >= n",
        arg=count, timeout=WAIT_MS)


def screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
