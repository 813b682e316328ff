"""Rule parameters (TPP table, tiers, conversion switch, caps) as dated versions over the
shipped defaults: which apply on a date, and admins' new versions."""
from .book import DEFAULT, PolicyBook, load_policies, policy_for
from .versions import InForce, create_version, in_force, in_force_dict, version_dict, versions

__all__ = ["DEFAULT", "InForce", "PolicyBook", "create_version", "in_force", "in_force_dict",
           "load_policies", "policy_for", "version_dict", "versions"]
