"""A stored campaign as the pure rules see it (api/rules/campaigns.py), and as answers show
it."""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, time

from api.formats import iso_z
from api.models import Campaign
from api.rules.campaigns import Window, Zone


@dataclass(frozen=True)
class CampaignRules:
    id: int
    name: str
    date_from: date
    date_to: date
    windows: tuple[Window, ...]
    opds: frozenset[int]  # empty: the whole pemda
    employment_types: frozenset[str]  # empty: every type
    selfie_required: bool
    zone: Zone

    def targets(self, opd_id: int, employment_type: str) -> bool:
        return ((not self.opds or opd_id in self.opds)
                and (not self.employment_types or employment_type in self.employment_types))

    def covers(self, day: date) -> bool:
        return self.date_from <= day <= self.date_to


def parse_windows(raw: list) -> tuple[Window, ...]:
    return tuple(Window(time.fromisoformat(start), time.fromisoformat(end))
                 for start, end in raw)


def zone_of(raw: dict) -> Zone:
    points = tuple((float(lat), float(lon)) for lat, lon in raw.get("points", ()))
    return Zone(raw.get("kind", "none"), raw.get("lat"), raw.get("lon"), raw.get("radius_m"),
                points)


def rules_of(row: Campaign) -> CampaignRules:
    return CampaignRules(row.id, row.name, row.date_from, row.date_to,
                         parse_windows(json.loads(row.windows)),
                         frozenset(json.loads(row.opds)),
                         frozenset(json.loads(row.employment_types)), row.selfie_required,
                         zone_of(json.loads(row.zone)))


def campaign_dict(row: Campaign) -> dict:
    rules = rules_of(row)
    return {"id": row.id, "name": row.name, "date_from": row.date_from,
            "date_to": row.date_to,
            "windows": [{"index": i, "start": f"{w.start:%H:%M}", "end": f"{w.end:%H:%M}",
                         "label": w.label} for i, w in enumerate(rules.windows)],
            "opds": sorted(rules.opds), "employment_types": sorted(rules.employment_types),
            "selfie_required": row.selfie_required, "zone": json.loads(row.zone),
            "report_deadline": iso_z(row.report_deadline), "created_by": row.created_by,
            "created_at": iso_z(row.created_at), "updated_at": iso_z(row.updated_at)}
