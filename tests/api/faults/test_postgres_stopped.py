"""Fault injection (issue 16): the database server stops mid-load. A private PostgreSQL
cluster, started by this test (never the shared service), is stopped the hard way
(`pg_ctl stop -m immediate`: what a crash or a lost host does) while phones send check-ins,
and started again a few seconds later. Every answer meanwhile is 503 DATABASE_UNAVAILABLE
with Retry-After in the one error shape, never a 500; the API recovers by itself; the phones'
retries leave every check-in exactly once, each with its selfie and its day record."""
from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from api.models import CheckinEvent, DailyRecord, StoredFile
from tests.api.faults.load import Phones, count, enrolled_attempts, gunicorn
from tests.dashboard.conftest import free_port

pytestmark = pytest.mark.skipif(bool(os.environ.get("TEST_DATABASE_URL")),
                                reason="fault tests run once: in the SQLite run")
EMPLOYEES = 32  # one check-in each
DOWN_S = 4


def postgres_bin(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


class Cluster:
    """A throwaway PostgreSQL cluster in a temporary folder, run as the `postgres` user when
    the tests run as root (initdb refuses root)."""

    def __init__(self, folder: Path):
        self.folder, self.port = folder, free_port()
        self.data = folder / "data"
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    def _run(self, tool: str, *args: str) -> None:
        subprocess.run([*self.as_user, postgres_bin(tool), *args], check=True,
                       capture_output=True, timeout=120)

    def init(self) -> None:
        if self.as_user:
            shutil.chown(self.folder, "postgres")
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust",
                  "--no-sync")

    def start(self) -> None:
        options = (f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 "
                   "-c fsync=off -c full_page_writes=off")
        self._run("pg_ctl", "start", "-w", "-D", str(self.data), "-o", options,
                  "-l", str(self.folder / "server.log"))

    def crash(self) -> None:
        self._run("pg_ctl", "stop", "-m", "immediate", "-D", str(self.data))

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"


@pytest.fixture
def cluster() -> Iterator[Cluster]:
    if not postgres_bin("initdb") or not postgres_bin("pg_ctl"):
        pytest.skip("initdb/pg_ctl not installed")
    folder = Path(tempfile.mkdtemp(prefix="hadir-pg-"))  # /tmp: reachable by `postgres`
    cluster = Cluster(folder)
    cluster.init()
    cluster.start()
    yield cluster
    subprocess.run([*cluster.as_user, postgres_bin("pg_ctl"), "stop", "-m", "immediate",
                    "-D", str(cluster.data)], capture_output=True)
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def app_config(app_config, cluster) -> dict:
    return {**app_config, "DATABASE_URL": cluster.url}


def test_a_crashed_database_answers_503_and_loses_nothing(app, app_config, client, world,
                                                          cluster):
    from api.db import database

    attempts = enrolled_attempts(client, world, EMPLOYEES)
    database.close()  # this process's connection would die with the server too
    with gunicorn(app_config, workers=2) as (url, _server):
        phones = Phones(url, attempts).start()
        while len(phones.answers) < len(attempts) // 4:
            time.sleep(0.01)
        cluster.crash()
        crashed_at = len(phones.answers)
        during = requests.get(f"{url}/api/v1/me", timeout=10,
                              headers={"Authorization": f"Bearer {attempts[0]['token']}"})
        ready = requests.get(f"{url}/readyz", timeout=10)
        time.sleep(DOWN_S)
        cluster.start()
        phones.join()
        after = requests.get(f"{url}/readyz", timeout=10)

    database.connect(reuse_if_open=True)
    counted = count(attempts, phones)
    print(f"\nPostgreSQL crashed after {crashed_at} of {len(attempts)} check-ins, down "
          f"{DOWN_S} s: retries {dict(phones.retried)}, answers {dict(counted['statuses'])}, "
          f"lost {len(counted['lost'])}, duplicated {len(counted['duplicated'])}")
    assert during.status_code == 503 and during.headers["Retry-After"] == "5"
    assert during.json()["error"]["code"] == "DATABASE_UNAVAILABLE"
    assert ready.status_code == 503 and after.status_code == 200
    assert crashed_at < len(attempts)  # the crash came mid-load
    assert set(phones.retried) <= {"503 DATABASE_UNAVAILABLE"}, phones.retried
    assert phones.retry_after <= {"5"}
    assert len(phones.answers) == len(attempts)
    assert counted["statuses"][201] + counted["statuses"][200] == len(attempts)
    assert counted["lost"] == [] and counted["duplicated"] == []
    assert counted["unexpected"] == set() and counted["answers_match"]
    events = list(CheckinEvent.select())
    assert all(e.selfie_id and StoredFile.get_by_id(e.selfie_id) for e in events)
    records = {(r.employee_id, r.work_date): r for r in DailyRecord.select()}
    for event in events:  # the day was recomputed in the event's own transaction
        record = records.get((event.employee_id, event.work_date))
        assert record is not None, event.id
        assert (record.check_in_at is not None) == (event.status == "ACCEPTED"), event.id
