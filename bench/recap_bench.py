"""Recap benchmark: a synthetic 50,000-employee month on SQLite or PostgreSQL.

    python bench/recap_bench.py --db sqlite:///data/bench/recap.db --employees 50000
    python bench/recap_bench.py --db postgresql://postgres@127.0.0.1:5432/hadir_bench
    python bench/recap_bench.py --db ... --reuse          # keep the data: recompute + reads
    python bench/recap_bench.py --db ... --reuse --skip-recompute   # reads only

Steps: build the pemda with bulk inserts (bench/recap_synth.py), time the daily-status
recompute of the month through the real CLI (`flask --app api recompute`), turn part of the
TK days into absences, then time over HTTP (the Flask test client, auth and serialisation
included): the whole-pemda recap JSON, the whole-pemda xlsx (peak RSS measured around the
export), the discipline watch-list, and the analytics endpoints. Prints one JSON line of
results for docs/BENCHMARKS.md.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from api import create_app  # noqa: E402
from api.db import database  # noqa: E402
from api.rules.months import month_end  # noqa: E402


def month_bounds(month: str) -> tuple[date, date]:
    first = date.fromisoformat(f"{month}-01")
    return first, month_end(first)


def config(url: str, fake_now: str) -> dict:
    return {"HADIR_ENV": "demo", "DATABASE_URL": url, "HADIR_FAKE_NOW": fake_now,
            "HADIR_CLOCK_RUNNING": False, "PASSWORD_HASH_PROFILE": "fast",
            "JWT_SECRET_KEY": "bench-secret-key-0123456789abcdef", "LOG_LEVEL": "WARNING"}


def reset_schema(url: str) -> None:
    from api import migrations
    from api.models import ALL_MODELS

    if url.startswith("sqlite"):
        database.close()
        path = Path(url.removeprefix("sqlite:///"))
        path.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        database.connect()
    else:
        database.drop_tables([migrations.SchemaVersion, *ALL_MODELS], cascade=True, safe=True)
    migrations.migrate()


def recompute_cli(url: str, fake_now: str, first: date, last: date) -> tuple[float, str]:
    env = {**os.environ, "DATABASE_URL": url, "HADIR_ENV": "demo", "HADIR_FAKE_NOW": fake_now,
           "HADIR_CLOCK_RUNNING": "false", "JWT_SECRET_KEY": "bench-secret-key-0123456789abc"}
    command = [sys.executable, "-m", "flask", "--app", "api", "recompute",  # this venv's flask
               "--from", first.isoformat(), "--to", last.isoformat()]
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    return time.perf_counter() - started, done.stdout.strip()


def peak_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def current_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def reset_peak() -> None:
    # Linux: writing 5 to clear_refs resets VmHWM to the current RSS.
    Path("/proc/self/clear_refs").write_text("5")


def timed_get(client, url: str, headers: dict, repeat: int = 3) -> dict:
    """Best of `repeat` wall times; the first (cold) time is kept too."""
    times, size, status = [], 0, None
    load = os.getloadavg()[0]
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(url, headers=headers)
        body = response.get_data()
        times.append(time.perf_counter() - started)
        size, status = len(body), response.status_code
    return {"url": url, "status": status, "bytes": size, "first_s": round(times[0], 2),
            "best_s": round(min(times), 2), "load": round(load, 2)}


def xlsx_with_memory(client, url: str, headers: dict) -> dict:
    before = current_rss_mb()
    load = os.getloadavg()[0]
    reset_peak()
    started = time.perf_counter()
    response = client.get(url, headers=headers)
    body = response.get_data()
    elapsed = time.perf_counter() - started
    return {"url": url, "status": response.status_code, "bytes": len(body),
            "seconds": round(elapsed, 2), "rss_before_mb": round(before, 1),
            "peak_rss_mb": round(peak_rss_mb(), 1),
            "peak_increase_mb": round(peak_rss_mb() - before, 1), "load": round(load, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", default=f"sqlite:///{ROOT / 'data' / 'bench' / 'recap.db'}")
    parser.add_argument("--employees", type=int, default=50000)
    parser.add_argument("--month", default="2026-04")
    parser.add_argument("--reuse", action="store_true", help="keep the existing data")
    parser.add_argument("--skip-recompute", action="store_true",
                        help="do not time the recompute (with --reuse: reads only)")
    args = parser.parse_args()
    first, last = month_bounds(args.month)
    fake_now = f"{(last + timedelta(days=4)).isoformat()}T08:00:00+07:00"
    app = create_app(config(args.db, fake_now))
    results: dict = {"db": args.db.split(":")[0], "employees": args.employees,
                     "month": args.month, "cpus": os.cpu_count(),
                     "python": platform.python_version()}
    with app.app_context():
        database.connect(reuse_if_open=True)
        if not args.reuse:
            from bench import recap_synth

            reset_schema(args.db)
            from api.partitions import ensure_ahead

            ensure_ahead(first)  # PostgreSQL: the month's partition, as the nightly run makes
            started = time.perf_counter()
            stats = recap_synth.build(args.employees, first, last)
            results["seed"] = {**stats, "seconds": round(time.perf_counter() - started, 1)}
            database.close()
        if not args.skip_recompute:
            database.close()
            seconds, output = recompute_cli(args.db, fake_now, first, last)
            results["recompute"] = {"seconds": round(seconds, 1), "cli": output}
            database.connect(reuse_if_open=True)
            from bench import recap_synth

            results["absences_sprinkled"] = recap_synth.sprinkle_absences(first, last)
        database.connect(reuse_if_open=True)
        if args.db.startswith("postgres"):
            # What autovacuum does after bulk writes: fresh statistics, dead tuples gone.
            database.execute_sql("VACUUM ANALYZE")
        results["load_before_reads"] = os.getloadavg()
        results["reads"] = reads(app, args.month, first)
        results["load_after_reads"] = os.getloadavg()
    print(json.dumps(results))


def reads(app, month: str, first: date) -> dict:
    from api.models import RoleGrant
    from api.services.accounts import tokens

    admin = RoleGrant.get(RoleGrant.role == "admin").employee_id
    opd = RoleGrant.select().where(RoleGrant.role == "kepala_opd").order_by(RoleGrant.opd).first()
    headers = {"Authorization": f"Bearer {tokens.issue(admin, False)['access_token']}"}
    client = app.test_client()
    base = "/api/v1"
    out = {
        "recap_json_pemda": timed_get(client, f"{base}/recaps/monthly?month={month}", headers),
        "recap_json_one_opd": timed_get(
            client, f"{base}/recaps/monthly?month={month}&opd={opd.opd_id}", headers),
        "recap_xlsx_pemda": xlsx_with_memory(
            client, f"{base}/recaps/monthly?month={month}&format=xlsx", headers),
        "recap_pdf_pemda": timed_get(
            client, f"{base}/recaps/monthly?month={month}&format=pdf", headers, repeat=1),
        "recap_pdf_one_opd": timed_get(
            client, f"{base}/recaps/monthly?month={month}&opd={opd.opd_id}&format=pdf", headers),
        "daily_sheet_json": timed_get(
            client, f"{base}/recaps/daily?date={first.isoformat()}&opd={opd.opd_id}", headers),
        "watchlist": timed_get(client, f"{base}/discipline/watchlist?year={first.year}",
                               headers),
    }
    for name, path in (("heatmap_opd_date", f"heatmap?dim=opd_date&month={month}"),
                       ("heatmap_unit_weekday", f"heatmap?dim=unit_weekday&month={month}"),
                       ("trend_week", f"trend?period=week&from={first}&to={first.replace(day=28)}"),
                       ("arrivals_month", f"arrivals?month={month}"),
                       ("ranking", f"ranking?month={month}"),
                       ("tiers", f"tiers?month={month}"),
                       ("fraud", f"fraud?from={first}&to={first.replace(day=28)}")):
        out[name] = timed_get(client, f"{base}/analytics/{path}", headers, repeat=2)
    return out


if __name__ == "__main__":
    main()
