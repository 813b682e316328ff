"""Presence-reporting campaigns (SiAbOn, issue 11): admins define them, employees report
their whereabouts inside the windows, supervisors decide excuses, heads of OPD and BKD read
the compliance and export it. Separate from attendance."""
from . import admin, compliance, excuses, exports, reports
from .book import CampaignRules, campaign_dict, rules_of

__all__ = ["CampaignRules", "admin", "campaign_dict", "compliance", "excuses", "exports",
           "reports", "rules_of"]
