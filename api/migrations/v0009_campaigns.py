"""Presence-reporting campaigns (issue 11): campaigns, whereabouts reports, excuses."""
from __future__ import annotations

from api.models import Campaign, CampaignExcuse, CampaignReport


def upgrade(db, migrator) -> None:
    db.create_tables([Campaign, CampaignReport, CampaignExcuse])
