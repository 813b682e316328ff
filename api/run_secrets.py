"""Secrets a demo, test or development machine may make up — once, for every process.

With several gunicorn workers (the Procfile runs two) a secret invented per process makes a
token signed by one worker invalid at the next (401 TOKEN_INVALID right after a login) and an
audit checkpoint signed by one read as forged by another. So a missing secret is made once,
in a file under RUN_DIR that the first process creates atomically and every other reads.
Outside demo/test/development a missing secret still refuses the start (api/config.py)."""
from __future__ import annotations

import os
import secrets
import time
from pathlib import Path

WAIT_S = 5.0  # how long a process waits for the one that is writing the file


def shared_secret(path: Path) -> str:
    """The secret in `path`, made (48 random URL-safe characters, mode 0600) if absent."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return _read_when_written(path)
    value = secrets.token_urlsafe(36)
    with os.fdopen(descriptor, "w") as out:
        out.write(value + "\n")
    return value


def _read_when_written(path: Path) -> str:
    deadline = time.monotonic() + WAIT_S
    while True:
        value = path.read_text().strip()
        if value or time.monotonic() > deadline:
            break
        time.sleep(0.05)  # created a moment ago, not yet written
    if not value:
        raise RuntimeError(f"{path} is empty: delete it, or set the secret in the environment")
    return value
