"""Fault injection (issue 17): two API processes behind a real load balancer (Debian's haproxy,
health-checking /readyz), one of them killed outright mid-load — its master and its workers at
once, as a crashed host goes. haproxy takes it out of rotation, the phones retry with their
Idempotency-Key, and the database counted afterwards holds every check-in exactly once."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import requests

from tests.api.faults.load import Phones, count, enrolled_attempts, gunicorn, workers_of
from tests.dashboard.conftest import free_port

pytestmark = pytest.mark.skipif(bool(os.environ.get("TEST_DATABASE_URL")),
                                reason="fault tests run once: in the SQLite run")
EMPLOYEES = 60

HAPROXY_CFG = """\
global
    maxconn 256
defaults
    mode http
    timeout connect 1s
    timeout client 30s
    timeout server 30s
    retries 2
    option redispatch
frontend api
    bind 127.0.0.1:{port}
    default_backend apis
backend apis
    balance roundrobin
    option httpchk GET /readyz
    http-check expect status 200
{servers}
"""


@contextmanager
def haproxy(folder: Path, backends: list[str]) -> Iterator[str]:
    """The URL of an haproxy balancing over `backends` (host:port), checking each twice a
    second, out after two failed checks."""
    port = free_port()
    servers = "\n".join(f"    server api{n} {address} check inter 500ms fall 2 rise 2"
                        for n, address in enumerate(backends))
    config = folder / "haproxy.cfg"
    config.write_text(HAPROXY_CFG.format(port=port, servers=servers))
    process = subprocess.Popen([haproxy_bin(), "-f", str(config), "-db"],
                               stdout=(folder / "haproxy.log").open("wb"),
                               stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                if requests.get(f"{url}/readyz", timeout=1).status_code == 200:
                    break
            except requests.RequestException:
                pass
            time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(10)


def crash(master: int) -> None:
    """SIGKILL a gunicorn's master and its workers together: nothing drains, nothing answers."""
    for pid in [*workers_of(master), master]:
        os.kill(pid, signal.SIGKILL)


def served(log: Path) -> int:
    """Check-ins a gunicorn answered, from its access log."""
    return sum(1 for line in log.read_text().splitlines() if "POST /api/v1/attendance" in line)


def haproxy_bin() -> str | None:
    """Debian installs it in /usr/sbin, which a non-login PATH may lack."""
    return shutil.which("haproxy") or shutil.which("haproxy", path="/usr/sbin:/usr/local/sbin")


@pytest.fixture
def balancer_tool():
    if not haproxy_bin():
        if os.environ.get("CI"):
            pytest.fail("haproxy is missing (.ci/run installs Debian's package)")
        pytest.skip("haproxy not installed (apt-get install haproxy)")


def test_one_api_process_crashing_behind_haproxy_loses_no_check_in(
        balancer_tool, app, app_config, client, world, tmp_path):
    attempts = enrolled_attempts(client, world, EMPLOYEES)
    logs = [tmp_path / "api0.log", tmp_path / "api1.log"]
    with gunicorn(app_config, workers=1, log=logs[0]) as (first, doomed), \
            gunicorn(app_config, workers=1, log=logs[1]) as (second, _survivor), \
            haproxy(tmp_path, [first.removeprefix("http://"), second.removeprefix("http://")]) \
            as url:
        phones = Phones(url, attempts, clients=6).start()
        while len(phones.answers) < EMPLOYEES // 4 or not phones.in_flight:
            time.sleep(0.01)
        answered_before = len(phones.answers)
        crash(doomed.pid)
        phones.join()
        after = requests.get(f"{url}/readyz", timeout=5).status_code

    counted = count(attempts, phones)
    by_process = [served(log) for log in logs]
    print(f"\nbalancer test: {len(attempts)} check-ins, one API process crashed after "
          f"{answered_before} answers; served {by_process}, retries {dict(phones.retried)}, "
          f"answers {dict(counted['statuses'])}, lost {len(counted['lost'])}, "
          f"duplicated {len(counted['duplicated'])}")
    assert len(phones.answers) == len(attempts)
    assert counted["statuses"][201] + counted["statuses"][200] == len(attempts)
    assert counted["lost"] == [] and counted["duplicated"] == []
    assert counted["unexpected"] == set() and counted["answers_match"]
    assert by_process[0] >= 1 and by_process[1] > by_process[0]  # both served; one carried on
    assert after == 200  # the balancer answers with the survivor alone
