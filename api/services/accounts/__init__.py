"""Accounts and access: who is calling (the actor behind a token and their role grants), login
with lockout, passwords, tokens, and the role scope every query is filtered by."""
from . import duties, passwords, scope, tokens
from .actor import Actor, authenticated, current_actor, load_actor
from .credentials import (
    account_status,
    change_password,
    login,
    normalise_nip,
    profile_roles,
    set_default_password,
    unlock,
)
from .own_profile import profile
from .report_scope import REPORT_ROLES, Reach, reach_for, report_opds
from .revocation import reachable as revocation_store_reachable

__all__ = ["REPORT_ROLES", "Actor", "Reach", "account_status", "authenticated",
           "change_password", "current_actor", "duties", "load_actor", "login", "normalise_nip",
           "passwords", "profile", "profile_roles", "reach_for", "report_opds",
           "revocation_store_reachable", "scope", "set_default_password", "tokens", "unlock"]
