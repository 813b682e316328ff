"""All settings come from the environment, in one place (documented in README)."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, fields
from pathlib import Path

from api.run_secrets import shared_secret

ROOT = Path(__file__).resolve().parent.parent
RELAXED_ENVS = {"demo", "test", "development"}


def split_list(value: str) -> tuple[str, ...]:
    """A comma-separated setting as its items."""
    return tuple(item.strip() for item in value.split(",") if item.strip())


def _env(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return value if value not in (None, "") else default


def _int(name: str, default: int) -> int:
    return int(_env(name, str(default)))


def _float(name: str, default: float) -> float:
    return float(_env(name, str(default)))


@dataclass
class Config:
    """Settings of one API process; `Config.from_env()` reads them, tests override fields."""

    HADIR_ENV: str = "production"
    DATABASE_URL: str = f"sqlite:///{ROOT / 'data' / 'hadir.db'}"
    # PostgreSQL connections each process keeps open for reuse (0: connect per request); a
    # gunicorn worker serves up to --threads requests at once, plus the job threads
    DATABASE_POOL_MAX: int = 16
    JWT_SECRET_KEY: str = ""
    JWT_ACCESS_MINUTES: int = 15
    JWT_REFRESH_DAYS: int = 30
    HADIR_FAKE_NOW: str | None = None
    HADIR_CLOCK_RUNNING: bool = True  # the fake clock runs on from HADIR_FAKE_NOW
    PEMDA_NAME: str = "Pemerintah Kabupaten Jember"
    PEMDA_TZ: str = "Asia/Jakarta"
    UPLOAD_DIR: str = str(ROOT / "data" / "uploads")
    # where stored files' bytes live: empty = UPLOAD_DIR on the local disk; s3://bucket[/prefix]
    # = an S3-compatible store (S3_ENDPOINT_URL for one that is not AWS; the credentials from
    # AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, as boto3 reads them)
    STORAGE_URL: str = ""
    S3_ENDPOINT_URL: str = ""
    S3_REGION: str = "us-east-1"
    MAX_SELFIE_BYTES: int = 5 * 1024 * 1024
    MAX_DOCUMENT_BYTES: int = 5 * 1024 * 1024
    SELFIE_RETENTION_DAYS: int = 90
    # a month may be closed per OPD once this many days after its last day have passed
    CLOSING_DEADLINE_DAYS: int = 5
    LOGIN_MAX_FAILURES: int = 5
    LOGIN_LOCKOUT_MINUTES: int = 15
    RATELIMIT_STORAGE_URI: str = "memory://"
    # the job queue (huey): its SQLite file on one machine, Redis when REDIS_URL is set;
    # JOBS_IMMEDIATE runs each job inside the request (tests, one-off scripts)
    JOBS_DB: str = str(ROOT / "data" / "jobs.db")
    JOBS_IMMEDIATE: bool = False
    JOBS_WORKERS: int = 2
    # the nightly run, at this pemda-local time (HH:MM), catching up every day it missed
    NIGHTLY_AT: str = "01:30"
    # Redis for token revocation (and the job queue): empty = the database alone
    REDIS_URL: str = ""
    REDIS_PREFIX: str = "hadir"  # keys are REDIS_PREFIX:...; one prefix per installation
    RATELIMIT_LOGIN: str = "20 per minute"
    RATELIMIT_CHECKIN: str = "30 per minute"
    CORS_ORIGINS: str = ""  # comma-separated origins a browser may call the API from
    TRUSTED_PROXIES: str = ""  # comma-separated addresses whose X-Forwarded-For is believed
    MAX_DEVICES_PER_EMPLOYEE: int = 1
    MAX_EMPLOYEES_PER_DEVICE: int = 1
    REPLAY_WINDOW_DAYS: int = 30
    # an offline capture (web app outbox) older than this is refused, not queued for approval
    OFFLINE_MAX_AGE_HOURS: int = 72
    # the active liveness challenge (docs/FACE_ENGINE.md): which client kinds must send one
    # (comma-separated: web, android, ios, kiosk, other; "*" all; "none"), how long an
    # issued challenge lives, which instructions are drawn, and how many a device may ask for
    LIVENESS_CHALLENGE_REQUIRED: str = "web"
    LIVENESS_CHALLENGE_TTL_S: int = 120
    LIVENESS_CHALLENGE_INSTRUCTIONS: str = "closer,farther"
    RATELIMIT_CHALLENGE: str = "20 per minute"
    NON_ASN_ID_PATTERNS: str = r"^[A-Z0-9.\-]{4,30}$"
    LOG_LEVEL: str = "INFO"
    PASSWORD_HASH_PROFILE: str = "strong"  # "fast" only for tests and the demo generator
    FACE_REQUIRED: bool = True
    # the audit chain's signed checkpoints (api/services/audit/checkpoint.py): a key only the
    # environment knows, and an append-only file (ship the log off the host as well)
    AUDIT_CHECKPOINT_KEY: str = ""
    AUDIT_CHECKPOINT_FILE: str = str(ROOT / "data" / "audit" / "checkpoints.jsonl")
    # where a demo/test/development server keeps the secrets it made up (api/run_secrets.py)
    RUN_DIR: str = str(ROOT / "data" / "run")
    # the web app's session cookie: "auto" = Secure outside demo/test/development
    WEB_COOKIE_SECURE: str = "auto"
    extra: dict = field(default_factory=dict)

    @classmethod
    def from_env(cls) -> Config:
        cfg = cls()
        for f in fields(cls):
            if f.name == "extra" or os.environ.get(f.name) in (None, ""):
                continue
            raw = os.environ[f.name]
            current = getattr(cfg, f.name)
            if isinstance(current, bool):
                value: object = raw.lower() in {"1", "true", "yes", "on"}
            elif isinstance(current, int):
                value = int(raw)
            else:
                value = raw
            setattr(cfg, f.name, value)
        return cfg

    def web_cookie_secure(self) -> bool:
        if self.WEB_COOKIE_SECURE == "auto":
            return self.HADIR_ENV not in RELAXED_ENVS
        return self.WEB_COOKIE_SECURE.lower() in {"1", "true", "yes", "on"}

    def validate(self) -> None:
        """Refuse unsafe combinations before the app serves anything."""
        relaxed = self.HADIR_ENV in RELAXED_ENVS
        if self.HADIR_FAKE_NOW and not relaxed:
            raise RuntimeError(
                "HADIR_FAKE_NOW is only allowed when HADIR_ENV is demo or test "
                f"(HADIR_ENV={self.HADIR_ENV!r})"
            )
        if not self.JWT_SECRET_KEY:
            if not relaxed:
                raise RuntimeError("JWT_SECRET_KEY must be set outside demo/test/development")
            self.JWT_SECRET_KEY = shared_secret(Path(self.RUN_DIR) / "jwt_secret")
        if self.PASSWORD_HASH_PROFILE != "strong" and not relaxed:
            raise RuntimeError("PASSWORD_HASH_PROFILE=fast is only allowed in demo/test")
        if not self.AUDIT_CHECKPOINT_KEY:
            if not relaxed:
                raise RuntimeError("AUDIT_CHECKPOINT_KEY must be set outside demo/test/development")
            self.AUDIT_CHECKPOINT_KEY = shared_secret(Path(self.RUN_DIR) / "audit_key")
        if len(self.JWT_SECRET_KEY) < 16:
            raise RuntimeError("JWT_SECRET_KEY is too short (min 16 characters)")
        if self.STORAGE_URL and not re.fullmatch(r"s3://[a-z0-9.\-]{3,63}(/[\w.\-/]*)?",
                                                 self.STORAGE_URL):
            raise RuntimeError("STORAGE_URL must be empty (local disk) or s3://bucket[/prefix]")
        from face_engine.challenge import INSTRUCTIONS

        drawn = split_list(self.LIVENESS_CHALLENGE_INSTRUCTIONS)
        if not drawn or not set(drawn) <= set(INSTRUCTIONS):
            raise RuntimeError("LIVENESS_CHALLENGE_INSTRUCTIONS must name some of "
                               + ", ".join(INSTRUCTIONS))
