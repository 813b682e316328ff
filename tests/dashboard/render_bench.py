"""How fast the whole-pemda Analitik page renders after login, in a real browser.

    python -m tests.dashboard.render_bench --logins PATH [--repeat 5] [--workers 2]

Uses the demo database named by DATABASE_URL (with UPLOAD_DIR and HADIR_FAKE_NOW, as
`python -m data.demo` made it); starts the API (gunicorn) once and, for each repetition, a
fresh dashboard (`streamlit run`, empty caches); drives headless Chromium:
- warm-up: the kepala OPD logs in (the browser caches plotly.js, as a returning user's has);
- `login`: the analis clicks "Masuk" → Beranda's charts drawn;
- `analytics_after_login`: then at once "Analitik" → all six charts drawn and the run over;
- `analytics_again`: Beranda and back to Analitik (the dashboard's cache answers);
- `link_login_to_analytics`: the admin opens a link to /analitik, logs in → six charts drawn
  (cold: another user's cache entries)."""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from tests.dashboard import browser
from tests.dashboard.conftest import APP, ROOT, free_port, stop, wait_until_up

PASSWORD = "Hadir#Demo2026"


def start(command: list[str], env: dict, health: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    process = subprocess.Popen([*command[:1], *[c.format(port=port) for c in command[1:]]],
                               cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    wait_until_up(f"{url}{health}", process, 120)
    return process, url


def _analytics_drawn(page) -> None:
    page.get_by_role("heading", level=1).filter(has_text="Analitik").wait_for(
        timeout=browser.WAIT_MS)
    browser.charts_drawn(page, 6)
    browser.settle(page, 0)


def _submit_login(page, nip: str) -> float:
    page.get_by_label("NIP / ID pegawai").fill(nip)
    page.get_by_label("Kata sandi").fill(PASSWORD)
    started = time.perf_counter()
    page.get_by_role("button", name="Masuk").click()
    return started


def measure(dashboard_url: str, logins: dict[str, str]) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    timings = {}
    with sync_playwright() as playwright:
        chromium = browser.launch(playwright)
        context = chromium.new_context(viewport={"width": 1440, "height": 1000})
        warm_up = context.new_page()
        browser.log_in(warm_up, dashboard_url, logins["kepala_opd"], PASSWORD)
        browser.charts_drawn(warm_up, 2)
        warm_up.close()

        page = context.new_page()
        page.goto(dashboard_url)
        started = _submit_login(page, logins["analis"])
        browser.charts_drawn(page, 2)
        browser.settle(page, 0)
        timings["login"] = time.perf_counter() - started
        for label in ("analytics_after_login", "analytics_again"):
            if label == "analytics_again":
                browser.open_page(page, "Beranda")
            started = time.perf_counter()
            page.locator('[data-testid="stSidebarNav"]').get_by_text(
                "Analitik", exact=True).click()
            _analytics_drawn(page)
            timings[label] = time.perf_counter() - started

        linked = context.new_page()
        linked.goto(f"{dashboard_url}/analitik")
        started = _submit_login(linked, logins["admin"])
        _analytics_drawn(linked)
        timings["link_login_to_analytics"] = time.perf_counter() - started
        chromium.close()
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--logins", type=Path, required=True)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    logins = {e["role"]: e["nip"] for e in json.loads(args.logins.read_text())}
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LOG_LEVEL": "WARNING",
           "RATELIMIT_LOGIN": "1000 per minute"}
    api, api_url = start([sys.executable, "-m", "gunicorn", "--workers", str(args.workers),
                          "--threads", "4", "--bind", "127.0.0.1:{port}", "api:create_app()"],
                         env, "/healthz")
    runs = []
    try:
        for _ in range(args.repeat):
            dashboard, url = start(
                [sys.executable, "-m", "streamlit", "run", str(APP), "--server.port", "{port}",
                 "--server.headless", "true", "--browser.gatherUsageStats", "false",
                 "--server.fileWatcherType", "none"],
                {**env, "HADIR_API_URL": api_url}, "/_stcore/health")
            try:
                runs.append(measure(url, logins))
            finally:
                stop(dashboard)
    finally:
        stop(api)
    summary = {key: {"median_s": round(statistics.median(r[key] for r in runs), 2),
                     "max_s": round(max(r[key] for r in runs), 2)} for key in runs[0]}
    print(json.dumps({"runs": [{k: round(v, 2) for k, v in r.items()} for r in runs],
                      "summary": summary}, indent=2))


if __name__ == "__main__":
    main()
