"""Campaign definitions: an admin creates one, edits or deletes it until it starts; every
write is audited. Bad windows, zones, dates and targets are refused with their reasons."""
from __future__ import annotations

import json
from datetime import date, datetime

from api import clock
from api.db import write_transaction
from api.errors import ApiError
from api.models import Campaign, Opd
from api.rules.campaigns import window_problems, zone_problems
from api.services import audit

from .book import campaign_dict, parse_windows, zone_of

FIELDS = ("name", "date_from", "date_to", "windows", "opds", "employment_types",
          "selfie_required", "zone", "report_deadline")


def _problems(data: dict, today: date) -> dict[str, list[str]]:
    problems: dict[str, list[str]] = {}
    if data["date_to"] < data["date_from"]:
        problems["date_to"] = ["Tanggal selesai harus sama atau setelah tanggal mulai."]
    elif data["date_from"] <= today:
        problems["date_from"] = ["Kampanye harus dimulai paling cepat besok."]
    elif (data["date_to"] - data["date_from"]).days > 92:
        problems["date_to"] = ["Kampanye paling lama 93 hari."]
    windows = window_problems(parse_windows(data["windows"]))
    if windows:
        problems["windows"] = windows
    zone = zone_problems(zone_of(data["zone"]))
    if zone:
        problems["zone"] = zone
    known = {row[0] for row in Opd.select(Opd.id).where(Opd.id.in_(data["opds"])).tuples()}
    unknown = sorted(set(data["opds"]) - known)
    if unknown:
        problems["opds"] = [f"OPD tidak dikenal: {', '.join(map(str, unknown))}."]
    if data["report_deadline"].date() < data["date_to"]:
        problems["report_deadline"] = ["Batas laporan kepala OPD harus setelah kampanye "
                                       "berakhir."]
    return problems


def _stored(data: dict) -> dict:
    return {**data, "windows": json.dumps(data["windows"]), "opds": json.dumps(data["opds"]),
            "employment_types": json.dumps(data["employment_types"]),
            "zone": json.dumps(data["zone"], sort_keys=True),
            "report_deadline": clock.utc_naive(data["report_deadline"])}


def _refuse_if_bad(data: dict, today: date) -> None:
    problems = _problems(data, today)
    if problems:
        raise ApiError("CAMPAIGN_INVALID", 422, details=problems)


def create(actor_id: int, data: dict, today: date) -> Campaign:
    _refuse_if_bad(data, today)
    with write_transaction():
        row = Campaign.create(**_stored(data), created_by=actor_id)
        audit.record(actor_id, "campaign.create", "campaign", row.id, None, campaign_dict(row))
    return row


def _editable(row: Campaign, today: date) -> None:
    if row.date_from <= today:
        raise ApiError("CAMPAIGN_STARTED", 409, details={"date_from": [
            row.date_from.isoformat()]})


def update(actor_id: int, row: Campaign, changes: dict, today: date,
           now: datetime) -> Campaign:
    _editable(row, today)
    current = campaign_dict(row)
    merged = {"name": row.name, "date_from": row.date_from, "date_to": row.date_to,
              "windows": [[w["start"], w["end"]] for w in current["windows"]],
              "opds": current["opds"], "employment_types": current["employment_types"],
              "selfie_required": row.selfie_required, "zone": current["zone"],
              "report_deadline": clock.from_db(row.report_deadline), **changes}
    _refuse_if_bad(merged, today)
    with write_transaction():
        for key, value in _stored(merged).items():
            setattr(row, key, value)
        row.updated_at = clock.utc_naive(now)
        row.save()
        audit.record(actor_id, "campaign.update", "campaign", row.id, current,
                     campaign_dict(row))
    return row


def delete(actor_id: int, row: Campaign, today: date) -> None:
    _editable(row, today)
    with write_transaction():
        audit.record(actor_id, "campaign.delete", "campaign", row.id, campaign_dict(row), None)
        row.delete_instance(recursive=True)
