"""The append-only, hash-chained audit log: write an entry, verify the chain."""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime

from api import clock
from api.db import database, is_postgres
from api.models import AuditEntry

GENESIS = "0" * 64


def canonical(value) -> str:
    """Canonical JSON: sorted keys, no spaces, UTF-8, dates as ISO strings."""

    def default(obj):
        if isinstance(obj, datetime | date):
            return obj.isoformat()
        return str(obj)

    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      default=default)


def _zulu(value):
    """A snapshot with its naive moments (the database's UTC) written with their Z."""
    if isinstance(value, datetime) and value.tzinfo is None:
        return value.isoformat() + "Z"
    if isinstance(value, dict):
        return {key: _zulu(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_zulu(item) for item in value]
    return value


def entry_hash(fields: dict) -> str:
    return hashlib.sha256(canonical(fields).encode()).hexdigest()


def _fields(entry: AuditEntry) -> dict:
    at = entry.at if isinstance(entry.at, datetime) else datetime.fromisoformat(str(entry.at))
    return {
        "at": at.replace(microsecond=0).isoformat(),
        "actor": entry.actor,
        "action": entry.action,
        "entity": entry.entity,
        "entity_id": str(entry.entity_id),
        "before": entry.before,
        "after": entry.after,
        "evidence": entry.evidence,
        "prev_hash": entry.prev_hash,
    }


def record(actor_id: int | None, action: str, entity: str, entity_id, before=None, after=None,
           evidence: str = "") -> AuditEntry:
    """Append one entry; call inside the write's transaction so both land or neither does."""
    with database.atomic():
        if is_postgres():
            # serialise appends so the chain never forks (the unique prev_hash also refuses it)
            database.execute_sql("SELECT pg_advisory_xact_lock(4242)")
        last = AuditEntry.select(AuditEntry.hash).order_by(AuditEntry.id.desc()).first()
        entry = AuditEntry(
            at=clock.utc_naive(clock.now()).replace(microsecond=0),
            actor=actor_id,
            action=action,
            entity=entity,
            entity_id=str(entity_id),
            before=canonical(_zulu(before)),
            after=canonical(_zulu(after)),
            evidence=evidence or "",
            prev_hash=last.hash if last else GENESIS,
        )
        entry.hash = entry_hash(_fields(entry))
        entry.save(force_insert=True)
    return entry


@dataclass(frozen=True)
class ChainReport:
    entries: int
    ok: bool
    broken_id: int | None = None
    problem: str = ""
    head: str = ""
    checkpoint: dict | None = None  # the newest signed head kept outside the table
    forged_checkpoints: int = 0


def walk_chain() -> ChainReport:
    """Walk the chain in order; name the first entry whose link or content is wrong."""
    previous = GENESIS
    count = 0
    for entry in AuditEntry.select().order_by(AuditEntry.id).iterator():
        count += 1
        if entry.prev_hash != previous:
            return ChainReport(count, False, entry.id, "rantai terputus (entri sebelumnya diubah "
                                                        "atau dihapus)")
        if entry_hash(_fields(entry)) != entry.hash:
            return ChainReport(count, False, entry.id, "isi entri diubah")
        previous = entry.hash
    return ChainReport(count, True, head=previous)


def verify_chain() -> ChainReport:
    """The chain walked, then its tail held against the last signed checkpoint."""
    from . import checkpoint

    report = walk_chain()
    signed, forged = checkpoint.latest()
    problem = report.problem
    if report.ok and signed is not None:
        problem = checkpoint.tail_problem(signed)
    if report.ok and forged and not problem:
        problem = f"{forged} baris checkpoint tidak sah (tanda tangan salah)"
    return ChainReport(report.entries, report.ok and not problem, report.broken_id, problem,
                       report.head, signed, forged)
