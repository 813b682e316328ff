"""Fault injection (issue 16): gunicorn workers SIGKILLed mid-request under load, the way an
out-of-memory kill or a crashed host takes them. Phones retry with their Idempotency-Key, as
the web app does (api/webapp/js/outbox.js); afterwards the database is counted: every
check-in is there exactly once — 0 lost, 0 duplicated — and every phone holds the answer of
the row that is there. A selfie whose transaction died with its worker is removed by the
nightly sweep (storage.sweep_orphans)."""
from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from datetime import date
from pathlib import Path

import requests

from api.models import CheckinEvent, StoredFile
from api.services import storage
from tests.api.checkin_helpers import enroll
from tests.conftest import FACES, ROOT, face_photo
from tests.dashboard.conftest import free_port, stop, wait_until_up
from tests.factories import OFFICE_A

EMPLOYEES = 24
KINDS = ("in", "out")  # N = EMPLOYEES × 2 check-ins
CLIENTS = 8
KILLS = 4
RETRYABLE = {502, 503, 504}


def identities() -> list[str]:
    return sorted(p.name for p in FACES.glob("london_*") if (p / "2.jpg").is_file())[:EMPLOYEES]


def server_env(app_config: dict) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for key, value in app_config.items():
        env[key] = str(value).lower() if isinstance(value, bool) else str(value)
    return env


def workers_of(master: int) -> list[int]:
    children = Path(f"/proc/{master}/task/{master}/children")
    return [int(pid) for pid in children.read_text().split()] if children.exists() else []


class Phones:
    """CLIENTS threads sending the queued check-ins; a failed connection, a 5xx gateway
    answer or a timeout is retried with the same key until a real answer comes."""

    def __init__(self, url: str, attempts: list[dict]):
        self.url, self.queue = url, list(attempts)
        self.lock = threading.Lock()
        self.in_flight = 0
        self.answers: dict[str, tuple[int, dict]] = {}
        self.retries = 0

    def _send(self, attempt: dict) -> requests.Response:
        data = {"kind": attempt["kind"], "lat": str(OFFICE_A[0]), "lon": str(OFFICE_A[1]),
                "accuracy_m": "10", "is_mock": "false", "device_id": attempt["device"],
                "client_time": "2026-03-02T07:09:58+07:00", "note": "", "offline": "false"}
        with self.lock:
            self.in_flight += 1
        try:
            return requests.post(
                f"{self.url}/api/v1/attendance/checkins", data=data, timeout=30,
                files={"selfie": ("selfie.jpg", io.BytesIO(attempt["selfie"]), "image/jpeg")},
                headers={"Authorization": f"Bearer {attempt['token']}",
                         "Idempotency-Key": attempt["key"]})
        finally:
            with self.lock:
                self.in_flight -= 1

    def _work(self) -> None:
        while True:
            with self.lock:
                if not self.queue:
                    return
                attempt = self.queue.pop(0)
            for tries in range(60):
                try:
                    response = self._send(attempt)
                    if response.status_code not in RETRYABLE:
                        self.answers[attempt["key"]] = (response.status_code, response.json())
                        break
                except requests.RequestException:
                    pass
                with self.lock:
                    self.retries += 1
                time.sleep(0.1 * (tries + 1))

    def run(self) -> list[threading.Thread]:
        threads = [threading.Thread(target=self._work, daemon=True) for _ in range(CLIENTS)]
        for thread in threads:
            thread.start()
        return threads


def kill_workers_mid_request(master: subprocess.Popen, phones: Phones,
                             threads: list[threading.Thread]) -> int:
    """SIGKILL a worker whenever a request is in flight, KILLS times, letting the master
    respawn one (it loads the face models) between kills. Returns the kills made."""
    kills = 0
    while kills < KILLS and any(t.is_alive() for t in threads):
        workers = workers_of(master.pid)
        if phones.in_flight and len(workers) == 2:
            os.kill(workers[kills % 2], signal.SIGKILL)
            kills += 1
            time.sleep(1.5)
        else:
            time.sleep(0.02)
    return kills


def test_killed_workers_lose_and_duplicate_no_check_in(app, app_config, client, world):
    people = [world.add_person(f"staf_{n}", "a", supervisor="kepala_a") for n in
              range(EMPLOYEES)]
    attempts = []
    for n, (person, identity) in enumerate(zip(people, identities(), strict=True)):
        enroll(client, world, f"staf_{n}", identity)
        token = world.token(f"staf_{n}")
        attempts += [{"key": f"hp-{person.id}-{kind}", "kind": kind, "token": token,
                      "device": f"hp-{person.id}", "selfie": face_photo(identity, 2)}
                     for kind in KINDS]
    files_before = StoredFile.select().count()
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--workers", "2", "--threads", "4", "--bind",
         f"127.0.0.1:{port}", "api:create_app()"], cwd=ROOT, env=server_env(app_config),
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(f"{url}/readyz", server, seconds=120)
        while len(workers_of(server.pid)) < 2:
            time.sleep(0.1)
        phones = Phones(url, attempts)
        threads = phones.run()
        kills = kill_workers_mid_request(server, phones, threads)
        for thread in threads:
            thread.join(timeout=300)
    finally:
        stop(server)

    rows = Counter(e.idempotency_key for e in CheckinEvent.select())
    answered = {key: body.get("event_id") for key, (status, body) in phones.answers.items()}
    statuses = Counter(status for status, _body in phones.answers.values())
    lost = [a["key"] for a in attempts if rows[a["key"]] == 0]
    duplicated = [key for key, count in rows.items() if count > 1]
    print(f"\nkill test: {len(attempts)} check-ins, {kills} workers SIGKILLed mid-request, "
          f"{phones.retries} retries, answers {dict(statuses)}, lost {len(lost)}, "
          f"duplicated {len(duplicated)}")
    assert kills == KILLS
    assert len(phones.answers) == len(attempts)  # every phone got a real answer in the end
    assert statuses[201] + statuses[200] == len(attempts), statuses
    assert lost == [] and duplicated == []
    assert set(rows) == {a["key"] for a in attempts}
    ids = {e.idempotency_key: e.id for e in CheckinEvent.select()}
    assert answered == ids  # each phone's answer names the one row that exists
    assert StoredFile.select().count() == files_before + len(attempts)  # one selfie each
    swept = storage.sweep_orphans(date(2026, 3, 1), date(2026, 3, 2), grace_s=0)
    print(f"selfies a kill left without their row, removed by the nightly sweep: {swept}")
    assert orphans() == set()


def orphans() -> set[str]:
    """Files on the upload disk that no row names."""
    base = storage.root()
    on_disk = {str(f.relative_to(base)) for f in base.rglob("*") if f.is_file()}
    return on_disk - {f.path for f in StoredFile.select()}
