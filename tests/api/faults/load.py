"""Load for the fault tests: enrolled employees with real dev-set selfies, a real gunicorn as
the Procfile runs it, and phones that retry with their Idempotency-Key as the web app does
(api/webapp/js/checkins.js keeps such a capture in its outbox): a failed connection, a 5xx
gateway or unavailability answer, or a timeout is sent again with the same key until a real
answer comes."""
from __future__ import annotations

import io
import os
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import requests

from api.models import CheckinEvent, StoredFile
from api.services import storage
from tests.conftest import FACES, ROOT, face_photo
from tests.dashboard.conftest import free_port, stop, wait_until_up
from tests.factories import OFFICE_A

RETRYABLE = {502, 503, 504}


def enrolled_attempts(client, world, employees: int) -> list[dict]:
    """`employees` new staff of OPD A, each enrolled with a distinct dev-set face, and one
    check-in each with its own key and the face's second photo (one: a check-out with the
    same photo would rightly be refused as a replay)."""
    identities = sorted(p.name for p in FACES.glob("london_*") if (p / "2.jpg").is_file())
    attempts = []
    for n, identity in enumerate(identities):
        if len(attempts) == employees:
            break
        person = world.add_person(f"staf_{n}", "a", supervisor="kepala_a")
        photo = [(io.BytesIO(face_photo(identity, 1)), "1.jpg")]
        enrolled = client.post(f"/api/v1/employees/{person.id}/face", data={"photos": photo},
                               headers=world.headers("operator_a"),
                               content_type="multipart/form-data")
        if enrolled.status_code != 201:  # a look-alike of a face enrolled before: next one
            continue
        token = world.token(f"staf_{n}")
        attempts.append({"key": f"hp-{person.id}-in", "kind": "in", "token": token,
                         "device": f"hp-{person.id}", "selfie": face_photo(identity, 2)})
    return attempts


def server_env(app_config: dict) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for key, value in app_config.items():
        env[key] = str(value).lower() if isinstance(value, bool) else str(value)
    return env


@contextmanager
def gunicorn(app_config: dict, workers: int = 2, threads: int = 4,
             log: Path | None = None) -> Iterator[tuple]:
    """(url, master process) of a gunicorn over the test's database, as the Procfile runs it
    (with its access log, into `log` when given)."""
    port = free_port()
    out = open(log, "wb") if log else subprocess.DEVNULL  # noqa: SIM115 - closed below
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--workers", str(workers), "--threads",
         str(threads), "--bind", f"127.0.0.1:{port}", "--access-logfile", "-",
         "api:create_app()"], cwd=ROOT, env=server_env(app_config), stdout=out,
        stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(f"{url}/readyz", server, seconds=120)
        while len(workers_of(server.pid)) < workers:
            time.sleep(0.1)
        yield url, server
    finally:
        stop(server)
        if log:
            out.close()


def workers_of(master: int) -> list[int]:
    children = Path(f"/proc/{master}/task/{master}/children")
    return [int(pid) for pid in children.read_text().split()] if children.exists() else []


class Phones:
    """`clients` threads sending the queued check-ins, each retried until answered."""

    def __init__(self, url: str, attempts: list[dict], clients: int = 8):
        self.url, self.queue, self.clients = url, list(attempts), clients
        self.lock = threading.Lock()
        self.in_flight = 0
        self.answers: dict[str, tuple[int, dict]] = {}
        self.retried: Counter = Counter()  # what made a phone retry: an answer's code or
        self.retry_after: set[str] = set()  # the exception; the Retry-After values seen
        self.threads: list[threading.Thread] = []

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
            for tries in range(80):
                try:
                    response = self._send(attempt)
                except requests.RequestException as exc:
                    why = type(exc).__name__
                else:
                    if response.status_code not in RETRYABLE:
                        self.answers[attempt["key"]] = (response.status_code, response.json())
                        break
                    why = f"{response.status_code} {_code(response)}"
                    self.retry_after.add(response.headers.get("Retry-After", ""))
                with self.lock:
                    self.retried[why] += 1
                time.sleep(min(0.1 * (tries + 1), 1.0))

    def start(self) -> Phones:
        self.threads = [threading.Thread(target=self._work, daemon=True)
                        for _ in range(self.clients)]
        for thread in self.threads:
            thread.start()
        return self

    def busy(self) -> bool:
        return any(thread.is_alive() for thread in self.threads)

    def join(self, seconds: float = 300) -> None:
        for thread in self.threads:
            thread.join(timeout=seconds)


def _code(response: requests.Response) -> str:
    try:
        return response.json()["error"]["code"]
    except (ValueError, KeyError, TypeError):
        return "no error shape"


def count(attempts: list[dict], phones: Phones) -> dict:
    """What the database holds against what the phones were told."""
    events = list(CheckinEvent.select(CheckinEvent.id, CheckinEvent.idempotency_key))
    rows = Counter(e.idempotency_key for e in events)
    answered = {key: body.get("event_id") for key, (_status, body) in phones.answers.items()}
    return {
        "statuses": Counter(status for status, _body in phones.answers.values()),
        "lost": [a["key"] for a in attempts if rows[a["key"]] == 0],
        "duplicated": [key for key, n in rows.items() if n > 1],
        "unexpected": set(rows) - {a["key"] for a in attempts},
        "answers_match": answered == {e.idempotency_key: e.id for e in events},
    }


def orphans() -> set[str]:
    """Files on the upload disk that no row names."""
    base = storage.root()
    on_disk = {str(f.relative_to(base)) for f in base.rglob("*") if f.is_file()}
    return on_disk - {f.path for f in StoredFile.select()}
