"""The server's clock decides. HADIR_FAKE_NOW shifts it (demo and test only)."""
from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from flask import current_app, has_app_context


def parse_fake_now(value: str) -> datetime:
    """An ISO time; naive values are taken as the pemda's zone is unknown here, so UTC."""
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def now() -> datetime:
    """Aware UTC now; honours HADIR_FAKE_NOW (already validated by Config).

    The fake clock starts at HADIR_FAKE_NOW when the app is created and runs forward
    (HADIR_CLOCK_ANCHOR); tests that need an exact instant leave the anchor unset.
    """
    real = datetime.now(UTC)
    if has_app_context():
        fake = current_app.config.get("HADIR_FAKE_NOW")
        if fake:
            anchor = current_app.config.get("HADIR_CLOCK_ANCHOR")
            return parse_fake_now(fake) + (real - anchor if anchor else real - real)
    return real


def utc_naive(moment: datetime) -> datetime:
    """Database form: naive UTC."""
    return moment.astimezone(UTC).replace(tzinfo=None)


def from_db(moment: datetime | None) -> datetime | None:
    """Database naive UTC → aware UTC."""
    if moment is None:
        return None
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    return moment.replace(tzinfo=UTC)


def local(moment: datetime, tz: str) -> datetime:
    return moment.astimezone(ZoneInfo(tz))
