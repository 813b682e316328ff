"""Fault injection (issue 16): gunicorn workers SIGKILLed mid-request under load, the way an
out-of-memory kill or a crashed host takes them, while phones retry with their
Idempotency-Key. Afterwards the database is counted: every check-in is there exactly once —
0 lost, 0 duplicated — and every phone holds the answer of the row that is there. A selfie
whose transaction died with its worker is removed by the nightly sweep."""
from __future__ import annotations

import os
import signal
import time
from datetime import date

from api.models import StoredFile
from api.services import storage
from tests.api.faults.load import Phones, count, enrolled_attempts, gunicorn, orphans, workers_of

EMPLOYEES = 60  # N = 60 check-ins, one each
KILLS = 4


def kill_workers_mid_request(master: int, phones: Phones) -> int:
    """SIGKILL a worker whenever a request is in flight, KILLS times, letting the master
    respawn one (it loads the face models) between kills. Returns the kills made."""
    kills = 0
    while kills < KILLS and phones.busy():
        workers = workers_of(master)
        if phones.in_flight and len(workers) == 2:
            os.kill(workers[kills % 2], signal.SIGKILL)
            kills += 1
            time.sleep(0.8)
        else:
            time.sleep(0.02)
    return kills


def test_killed_workers_lose_and_duplicate_no_check_in(app, app_config, client, world):
    attempts = enrolled_attempts(client, world, EMPLOYEES)
    files_before = StoredFile.select().count()
    with gunicorn(app_config, workers=2) as (url, server):
        phones = Phones(url, attempts).start()
        kills = kill_workers_mid_request(server.pid, phones)
        phones.join()

    counted = count(attempts, phones)
    print(f"\nkill test: {len(attempts)} check-ins, {kills} workers SIGKILLed mid-request, "
          f"retries {dict(phones.retried)}, answers {dict(counted['statuses'])}, "
          f"lost {len(counted['lost'])}, duplicated {len(counted['duplicated'])}")
    assert kills == KILLS
    assert len(phones.answers) == len(attempts)  # every phone got a real answer in the end
    assert counted["statuses"][201] + counted["statuses"][200] == len(attempts)
    assert counted["lost"] == [] and counted["duplicated"] == []
    assert counted["unexpected"] == set() and counted["answers_match"]
    assert StoredFile.select().count() == files_before + len(attempts)  # one selfie each
    swept = storage.sweep_orphans(date(2026, 3, 1), date(2026, 3, 2), grace_s=0)
    print(f"selfies a kill left without their row, removed by the nightly sweep: {swept}")
    assert orphans() == set()
