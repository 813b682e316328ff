"""Rule parameter versions (TPP table, tiers, conversion switch, caps) by effective date.

A new version is a partial change merged over the version in force on its date and stored
complete, so it never shifts when another version is added before it; a past month is
always recomputed with the rules in force then."""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from peewee import IntegrityError

from api import clock
from api.db import write_transaction
from api.errors import ApiError
from api.models import RuleVersion
from api.rules.policy import Policy
from api.services import audit, closing, jobs

from .book import DEFAULT


@dataclass(frozen=True)
class InForce:
    """The policy on a date and the version it comes from (None: the shipped defaults)."""

    policy: Policy
    effective_from: date | None
    version_id: int | None


def in_force(day: date) -> InForce:
    row = (RuleVersion.select().where(RuleVersion.effective_from <= day)
           .order_by(RuleVersion.effective_from.desc()).first())
    if row is None:
        return InForce(DEFAULT, None, None)
    return InForce(Policy.from_dict(json.loads(row.params)), row.effective_from, row.id)


def in_force_dict(day: date) -> dict:
    found = in_force(day)
    return {"date": day, "effective_from": found.effective_from, "version_id": found.version_id,
            "params": found.policy.to_dict()}


def version_dict(row: RuleVersion) -> dict:
    return {"id": row.id, "effective_from": row.effective_from,
            "params": json.loads(row.params), "note": row.note, "created_by": row.created_by,
            "created_at": clock.from_db(row.created_at)}


def versions() -> list[dict]:
    return [version_dict(row) for row in
            RuleVersion.select().order_by(RuleVersion.effective_from.desc())]


def merged(base: Policy, changes: dict) -> dict:
    """`changes` over `base`: a partial TPP table changes only the codes it names."""
    params = base.to_dict()
    for key, value in changes.items():
        if key == "tpp_rates" and isinstance(value, dict):
            params[key] = {**params[key], **value}
        else:
            params[key] = value
    return params


def next_version_after(day: date) -> date | None:
    row = (RuleVersion.select(RuleVersion.effective_from)
           .where(RuleVersion.effective_from > day)
           .order_by(RuleVersion.effective_from).first())
    return row.effective_from if row else None


def create_version(actor_id: int, effective_from: date, changes: dict, note: str, today: date,
                   now: datetime) -> RuleVersion:
    """Save and audit; the past days the version governs are recomputed by a queued job."""
    if not changes:
        raise ApiError("VALIDATION_ERROR", 422, details={"params": ["Tidak ada perubahan."]})
    base = in_force(effective_from)
    try:
        policy = Policy.from_dict(merged(base.policy, changes))
    except ValueError as exc:
        raise ApiError("RULE_INVALID", 422, details={"params": [str(exc)]},
                       message_text=f"Parameter aturan tidak valid: {exc}") from exc
    until = governed_until(effective_from, today)
    with write_transaction():
        if until is not None:
            closing.require_months_open(effective_from, until)
        try:
            row = RuleVersion.create(effective_from=effective_from,
                                     params=json.dumps(policy.to_dict(), sort_keys=True),
                                     note=note, created_by=actor_id,
                                     created_at=clock.utc_naive(now))
        except IntegrityError as exc:
            raise ApiError("RULE_VERSION_EXISTS", 409,
                           details={"effective_from": [effective_from.isoformat()]}) from exc
        audit.record(actor_id, "rules.version.create", "rule_version", row.id,
                     {"effective_from": base.effective_from, "params": base.policy.to_dict()},
                     {"effective_from": effective_from, "changes": changes,
                      "params": policy.to_dict()}, evidence=note)
    if until is not None:
        jobs.enqueue_recompute(actor_id, effective_from, until, None, "rules.version.create")
    return row


def governed_until(effective_from: date, today: date) -> date | None:
    """The last past day a version from this date would govern (None: none yet).

    Later versions are complete in themselves, so the days after the next version keep it."""
    if effective_from > today:
        return None
    following = next_version_after(effective_from)
    until = min(today, following - timedelta(days=1)) if following else today
    return until if until >= effective_from else None
