"""Check-in API under load (issue 17): a bounded closed-loop load generator over loopback
against gunicorn as the Procfile runs it (2 workers × 4 threads), N employees enrolled with
real dev-set faces, every request through the whole check-in flow (idempotency, replay check,
face pipeline, geofence, the day's record). In the same run, the face pipeline alone on one
core, so the API's overhead is a ratio.

    python bench/checkin_load.py [--employees 60] [--seconds 20] [--levels 1,2,4,8,16] [--json]

Each request carries a fresh Idempotency-Key and a new capture of the employee's second dev
photo (`variant`: another light direction, fresh noise). Prints a table; --json for the raw
figures (docs/BENCHMARKS.md). Needs FACE_MODELS_DIR (../shared/models) like the tests."""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import cv2
import numpy as np
import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("FACE_MODELS_DIR", str(ROOT.parent / "shared" / "models"))
os.environ.setdefault("FACE_BUILD_DIR", str(ROOT / "data" / "models"))

from tests.api.faults.load import enrolled_attempts, gunicorn  # noqa: E402
from tests.factories import OFFICE_A, World  # noqa: E402

LIGHTS = 8  # light ramps from 8 directions: new captures to the replay check (max NCC 0.97)


def variant(jpeg: bytes, use: int, seed: int) -> bytes:
    """The photo as if taken again: light from another direction (the use-th of LIGHTS) and
    fresh sensor noise, so no two requests carry the same bytes. After LIGHTS uses of one
    employee the captures repeat and are refused as replays — after the full face pipeline,
    which is what a replay costs."""
    image = cv2.imdecode(np.frombuffer(jpeg, np.uint8), cv2.IMREAD_COLOR).astype(np.float32)
    h, w = image.shape[:2]
    angle = 2 * np.pi * (use % LIGHTS) / LIGHTS
    yy, xx = np.mgrid[0:h, 0:w]
    ramp = ((xx - w / 2) * np.cos(angle) + (yy - h / 2) * np.sin(angle)) / max(h, w)
    noise = np.random.default_rng(seed).normal(0, 2, image.shape)
    lit = np.clip(image * (1 + 0.9 * ramp)[..., None] + noise, 0, 255).astype(np.uint8)
    return cv2.imencode(".jpg", lit, [cv2.IMWRITE_JPEG_QUALITY, 88])[1].tobytes()


def captures(attempts: list[dict], count: int) -> list[tuple[dict, bytes]]:
    """`count` requests' employee and selfie, made before the load starts (the generator
    shares the 2 cores with the server: it must not encode JPEGs while measuring)."""
    return [(attempts[n % len(attempts)],
             variant(attempts[n % len(attempts)]["selfie"], n // len(attempts), n))
            for n in range(count)]


def pemda(folder: Path, employees: int) -> tuple[dict, list[dict]]:
    from api import create_app, migrations
    from api.db import database

    config = {"HADIR_ENV": "test", "DATABASE_URL": f"sqlite:///{folder / 'hadir.db'}",
              "JWT_SECRET_KEY": "bench-secret-0123456789-0123456789",
              "AUDIT_CHECKPOINT_KEY": "bench-audit-0123456789-0123456789",
              "AUDIT_CHECKPOINT_FILE": str(folder / "checkpoints.jsonl"),
              "UPLOAD_DIR": str(folder / "uploads"), "HADIR_FAKE_NOW": "2026-03-02T07:10:00+07:00",
              "HADIR_CLOCK_RUNNING": False, "PASSWORD_HASH_PROFILE": "fast",
              "RATELIMIT_LOGIN": "100000 per minute", "RATELIMIT_CHECKIN": "100000 per minute",
              "LOG_LEVEL": "WARNING", "JOBS_IMMEDIATE": True, "JOBS_DB": str(folder / "jobs.db")}
    app = create_app(config)
    with app.app_context():
        database.connect(reuse_if_open=True)
        migrations.migrate()
        world = World.build(app)
        attempts = enrolled_attempts(app.test_client(), world, employees)
        database.close()
    return config, attempts


def level(url: str, pool, clients: int, seconds: float) -> dict:
    """`clients` phones sending back to back for `seconds`, each request the next capture of
    the pool (an iterator shared by all levels); latencies of the answered ones."""
    latencies, statuses, lock = [], {}, threading.Lock()
    stop_at = time.monotonic() + seconds

    def phone() -> None:
        session = requests.Session()
        while time.monotonic() < stop_at:
            with lock:
                n, (attempt, selfie) = next(pool, (None, (None, None)))
            if n is None:
                return
            data = {"kind": "in", "lat": str(OFFICE_A[0]), "lon": str(OFFICE_A[1]),
                    "accuracy_m": "10", "is_mock": "false", "device_id": attempt["device"]}
            start = time.perf_counter()
            try:
                answer = session.post(
                    f"{url}/api/v1/attendance/checkins", data=data, timeout=60,
                    files={"selfie": ("s.jpg", selfie, "image/jpeg")},
                    headers={"Authorization": f"Bearer {attempt['token']}",
                             "Idempotency-Key": f"load-{clients}-{n}"})
                status = answer.status_code
                if status < 300:
                    body = answer.json()
                    status = f"{status} {body['status']} {','.join(body['codes'])}".strip()
            except requests.RequestException as exc:
                status = type(exc).__name__
            took = time.perf_counter() - start
            with lock:
                statuses[status] = statuses.get(status, 0) + 1
                latencies.append(took)

    threads = [threading.Thread(target=phone) for _ in range(clients)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    ms = sorted(1000 * t for t in latencies)

    def pct(q: float) -> float:
        return round(ms[min(len(ms) - 1, int(q * len(ms)))], 1)
    return {"clients": clients, "requests": len(ms), "per_s": round(len(ms) / elapsed, 2),
            "p50_ms": pct(0.50), "p95_ms": pct(0.95), "p99_ms": pct(0.99),
            "statuses": {str(k): v for k, v in statuses.items()}}


def pipeline_per_core(photos: list[bytes], seconds: float) -> float:
    """Images/s of the face pipeline alone (decode + analyze), one thread."""
    from face_engine import EngineConfig, FaceEngine

    engine = FaceEngine(EngineConfig.from_env())
    engine.analyze(photos[0])
    done, stop_at = 0, time.monotonic() + seconds
    began = time.perf_counter()
    while time.monotonic() < stop_at:
        engine.analyze(photos[done % len(photos)])
        done += 1
    return round(done / (time.perf_counter() - began), 2)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--employees", type=int, default=60)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--levels", default="1,2,4,8,16")
    parser.add_argument("--requests", type=int, default=4000,
                        help="captures made beforehand; the run stops early if they run out")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="hadir-load-") as folder:
        config, attempts = pemda(Path(folder), args.employees)
        made = captures(attempts, args.requests)
        per_core = pipeline_per_core([selfie for _, selfie in made[:200]], args.seconds / 2)
        pool = iter(enumerate(made))
        results = []
        with gunicorn(config, workers=2, threads=4) as (url, _server):
            level(url, pool, 2, 3)  # warm-up: both workers have served
            for clients in (int(c) for c in args.levels.split(",")):
                results.append(level(url, pool, clients, args.seconds))
    best = max(r["per_s"] for r in results)
    cores = os.cpu_count() or 1
    report = {"employees": len(attempts), "seconds_per_level": args.seconds,
              "pipeline_images_per_s_one_core": per_core, "cores": cores,
              "pipeline_capacity_per_s": round(per_core * cores, 2),
              "api_best_per_s": best,
              "api_share_of_pipeline": round(best / (per_core * cores), 3), "levels": results}
    if args.json:
        print(json.dumps(report))
        return 0
    print(f"face pipeline alone: {per_core} images/s on one core, "
          f"{report['pipeline_capacity_per_s']}/s on {cores} cores; API best {best}/s = "
          f"{report['api_share_of_pipeline']:.0%}")
    print("clients  requests  per_s   p50_ms  p95_ms  p99_ms  statuses")
    for r in results:
        print(f"{r['clients']:>7}  {r['requests']:>8}  {r['per_s']:>6}  {r['p50_ms']:>6}  "
              f"{r['p95_ms']:>6}  {r['p99_ms']:>6}  {r['statuses']}")
    print("median p99/p50:", statistics.median(r["p99_ms"] / r["p50_ms"] for r in results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
