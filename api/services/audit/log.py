"""Reading the audit log (admins): entries by entity and time, and the chain's verification."""
from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from flask import current_app
from peewee import JOIN

from api import clock
from api.formats import iso_z
from api.models import AuditEntry, Employee

from .chain import ChainReport


def _utc_bound(day: date, end: bool) -> datetime:
    """A pemda-local date as the naive UTC instant the log stores (end: the next midnight)."""
    zone = ZoneInfo(current_app.config["PEMDA_TZ"])
    return clock.utc_naive(datetime.combine(day + timedelta(days=1) if end else day, time(0),
                                            tzinfo=zone))


def entries_query(args: dict):
    query = AuditEntry.select(AuditEntry, Employee.name.alias("actor_name")).join(
        Employee, on=(AuditEntry.actor == Employee.id), join_type=JOIN.LEFT_OUTER)
    if args.get("entity"):
        query = query.where(AuditEntry.entity == args["entity"])
    if args.get("entity_id"):
        query = query.where(AuditEntry.entity_id == args["entity_id"])
    if args.get("action"):
        query = query.where(AuditEntry.action == args["action"])
    if args.get("actor") is not None:
        query = query.where(AuditEntry.actor == args["actor"])
    if args.get("date_from") is not None:
        query = query.where(AuditEntry.at >= _utc_bound(args["date_from"], end=False))
    if args.get("date_to") is not None:
        query = query.where(AuditEntry.at < _utc_bound(args["date_to"], end=True))
    return query


def _json(text: str):
    try:
        return json.loads(text)
    except (TypeError, ValueError):
        return text  # shown as stored: a tampered value is still worth seeing


def entry_dict(entry: AuditEntry) -> dict:
    return {
        "id": entry.id, "at": iso_z(entry.at), "actor": entry.actor,
        "actor_name": getattr(entry, "actor_name", None), "action": entry.action,
        "entity": entry.entity, "entity_id": entry.entity_id, "before": _json(entry.before),
        "after": _json(entry.after), "evidence": entry.evidence, "prev_hash": entry.prev_hash,
        "hash": entry.hash,
    }


def report_dict(report: ChainReport) -> dict:
    signed = report.checkpoint
    return {"ok": report.ok, "entries": report.entries, "broken_id": report.broken_id,
            "problem": report.problem, "head": report.head,
            "checkpoint": None if signed is None else {
                "entry_id": signed["entry_id"], "entries": signed["entries"],
                "at": signed["at"]},
            "forged_checkpoints": report.forged_checkpoints}
