"""Property-based fuzzing of the served OpenAPI document (issue 16): schemathesis generates
requests from every operation's schema — the examples, then the coverage phase's boundary and
wrong-type values, then random ones, then stateful sequences that follow the document's links
(a new absence to its approval: api/openapi.py) — as a plain employee, an operator and an
admin, against a real gunicorn over a demo pemda. No answer may be a 5xx, and every answer
must match the document (a 2xx its schema, an error the one error shape).

A bounded budget runs here; `make fuzz` runs the longer one (docs/RELIABILITY.md)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from tests.dashboard.conftest import PASSWORD

pytestmark = [pytest.mark.fuzz,
              pytest.mark.skipif(bool(os.environ.get("TEST_DATABASE_URL")),
                                 reason="fuzzing runs on one database (SQLite)")]
SCALE = float(os.environ.get("FUZZ_SCALE", "1"))  # `make fuzz`: 12 (about 18 minutes)
# the least powerful first: the admin's run resets passwords and deactivates accounts, which
# would lock the later logins out of the shared demo pemda
BUDGET_S = {role: round(seconds * SCALE) for role, seconds in
            {"pegawai": 15, "operator": 25, "admin": 50}.items()}
CHECKS = "not_a_server_error,response_schema_conformance,status_code_conformance"


def schemathesis() -> list[str]:
    found = shutil.which("schemathesis", path=str(Path(sys.executable).parent))
    return [found] if found else [sys.executable, "-m", "schemathesis.cli"]


@pytest.mark.parametrize("role", list(BUDGET_S))
def test_no_operation_answers_500_or_outside_its_schema(api_url, demo_logins, role, tmp_path):
    token = requests.post(f"{api_url}/api/v1/auth/login", timeout=10, json={
        "nip": demo_logins[role]["nip"], "password": PASSWORD}).json()["access_token"]
    run = subprocess.run(
        [*schemathesis(), "run", f"{api_url}/api/v1/openapi.json",
         "-H", f"Authorization: Bearer {token}", "--checks", CHECKS,
         "--phases", "examples,coverage,fuzzing,stateful", "--max-time", str(BUDGET_S[role]),
         "--workers", "1", "--seed", "15", "--exclude-path-regex", "/auth/",
         "--report", "junit", "--report-dir", str(tmp_path)],
        capture_output=True, text=True, timeout=BUDGET_S[role] + 240,
        cwd=tmp_path)  # its .schemathesis/ cache stays out of the working tree
    counted = [line.strip() for line in run.stdout.splitlines()
               if any(word in line for word in ("generated,", "Scenarios:", "API Links:"))]
    print(role, *counted)  # "Scenarios: 141", "API Links: 19 covered / …", "4464 generated, …"
    failures = run.stdout.partition("=== FAILURES ===")[2].partition("=== WARNINGS ===")[0]
    assert run.returncode == 0, (failures or run.stdout)[-8000:]
