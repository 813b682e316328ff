"""Checkpoints of the audit chain's head, kept outside the audit table.

The chain alone proves that no entry in the middle was changed or removed; it cannot show
that the newest entries were cut off, because a shorter chain is still a valid chain. So at
each nightly run and on demand, the head (the newest entry's id and hash, and the count) is
signed with an HMAC whose key lives only in the environment (`AUDIT_CHECKPOINT_KEY`), appended
to an append-only file (`AUDIT_CHECKPOINT_FILE`) and written to the log, which a deployment
ships off the host. Verification then finds the tail cut or rewritten back to the last
checkpoint; a file line without a valid MAC is reported as forged."""
from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
from datetime import datetime
from pathlib import Path

from flask import current_app
from peewee import fn

from api import clock
from api.models import AuditEntry

from .chain import canonical

log = logging.getLogger("api.audit")
FIELDS = ("entry_id", "entries", "head", "at")


def _mac(payload: dict) -> str:
    key = current_app.config["AUDIT_CHECKPOINT_KEY"].encode()
    return hmac.new(key, canonical({k: payload[k] for k in FIELDS}).encode(),
                    hashlib.sha256).hexdigest()


def _path() -> Path:
    return Path(current_app.config["AUDIT_CHECKPOINT_FILE"])


def write(now: datetime | None = None) -> dict:
    """Sign the current head and append it (file + log)."""
    last = AuditEntry.select(AuditEntry.id, AuditEntry.hash).order_by(AuditEntry.id.desc()).first()
    payload = {"entry_id": last.id if last else 0, "entries": AuditEntry.select().count(),
               "head": last.hash if last else "", "at": (now or clock.now()).isoformat()}
    line = {**payload, "mac": _mac(payload)}
    path = _path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as out:  # append-only: never rewritten
        out.write(json.dumps(line, sort_keys=True) + "\n")
        out.flush()
        os.fsync(out.fileno())
    log.info("audit checkpoint", extra={"checkpoint": line})
    return line


def latest() -> tuple[dict | None, int]:
    """(the newest checkpoint with a valid MAC, number of lines whose MAC is wrong)."""
    path = _path()
    if not path.is_file():
        return None, 0
    newest, forged = None, 0
    for raw in path.read_text(encoding="utf-8").splitlines():
        try:
            line = json.loads(raw)
            valid = hmac.compare_digest(line["mac"], _mac(line))
        except (ValueError, KeyError, TypeError):
            valid = False
        if valid:
            newest = line
        elif raw.strip():
            forged += 1
    return newest, forged


def tail_problem(checkpoint: dict) -> str:
    """What happened to the chain since the checkpoint ('' when its head is still there)."""
    entry = AuditEntry.get_or_none(AuditEntry.id == checkpoint["entry_id"])
    if checkpoint["entry_id"] and entry is None:
        return (f"ekor rantai terpotong: entri #{checkpoint['entry_id']} dari checkpoint "
                f"{checkpoint['at']} sudah tidak ada")
    if entry is not None and entry.hash != checkpoint["head"]:
        return f"entri #{entry.id} berbeda dari yang ditandatangani checkpoint {checkpoint['at']}"
    kept = (AuditEntry.select(fn.COUNT(AuditEntry.id))
            .where(AuditEntry.id <= checkpoint["entry_id"]).scalar())
    if kept != checkpoint["entries"]:
        return (f"{checkpoint['entries'] - kept} entri sebelum checkpoint {checkpoint['at']} "
                "hilang")
    return ""
