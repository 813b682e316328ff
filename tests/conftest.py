"""Shared fixtures: an app on a real database (SQLite by default, PostgreSQL with
TEST_DATABASE_URL), a client, a small pemda ("world") and face photos from ../shared."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
os.environ.setdefault("FACE_MODELS_DIR", str(SHARED / "models"))
os.environ.setdefault("FACE_BUILD_DIR", str(ROOT / "data" / "models"))
FACES = SHARED / "faces" / "dev"
DEFAULT_NOW = "2026-03-02T07:10:00+07:00"  # a Monday in Asia/Jakarta
REDIS = "redis://127.0.0.1:6379/0"  # the machine's Redis (CI has one too)


def redis_up() -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(REDIS, socket_timeout=1).ping())
    except redis.RedisError:
        return False


@pytest.fixture(scope="session", autouse=True)
def face_models_built():
    """The converted recognizer in FACE_BUILD_DIR (built once; skipped when already there)."""
    from face_engine.provision import build_models

    build_models(Path(os.environ["FACE_BUILD_DIR"]),
                 search_dirs=[Path(os.environ["FACE_MODELS_DIR"])])


def pytest_report_header() -> str:
    return f"database: {os.environ.get('TEST_DATABASE_URL') or 'SQLite (temporary file)'}"


@pytest.fixture(scope="session")
def postgres_url():
    """The PostgreSQL URL of a fresh schema private to this test run (None on SQLite).

    A schema per run keeps parallel runs against one database apart; it is dropped at the end.
    """
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        yield None
        return
    from api.db import init_database
    from api.migrations import migrate

    schema = f"hadir_test_{os.getpid()}"
    admin = init_database(url)
    admin.execute_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
    admin.execute_sql(f'CREATE SCHEMA "{schema}"')
    admin.close()
    separator = "&" if "?" in url else "?"
    scoped = f"{url}{separator}options=-csearch_path%3D{schema}"
    db = init_database(scoped)
    with db.connection_context():
        migrate()
    db.close()
    yield scoped
    admin = init_database(url)
    admin.execute_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
    admin.close()


def _truncate_all() -> None:
    """Empty the run's schema for the next test: DELETE from the tables holding rows, foreign
    keys off meanwhile (TRUNCATE costs a new file per relation, cascading into every partition
    of the partitioned tables), then every id sequence back to 1."""
    from peewee import AutoField

    from api.db import database
    from api.models import ALL_MODELS

    tables = [m._meta.table_name for m in ALL_MODELS]
    probe = " UNION ALL ".join(f"SELECT '{t}' WHERE EXISTS (SELECT 1 FROM \"{t}\")"
                               for t in tables)
    filled = [name for (name,) in database.execute_sql(probe).fetchall()]
    database.execute_sql("SET session_replication_role = replica")  # no FK checks meanwhile
    for table in filled:
        database.execute_sql(f'DELETE FROM "{table}"')
    database.execute_sql("SET session_replication_role = DEFAULT")
    counted = [m._meta.table_name for m in ALL_MODELS if isinstance(m._meta.primary_key, AutoField)]
    database.execute_sql("SELECT " + ", ".join(
        f"setval(pg_get_serial_sequence('\"{t}\"', 'id'), 1, false)" for t in counted))


@pytest.fixture
def app_config(tmp_path, postgres_url) -> dict:
    return {
        "HADIR_ENV": "test",
        "DATABASE_URL": postgres_url or f"sqlite:///{tmp_path / 'hadir.db'}",
        "JWT_SECRET_KEY": "test-secret-key-for-hadir-0123456789",
        "AUDIT_CHECKPOINT_KEY": "test-audit-checkpoint-key-0123456789",
        "AUDIT_CHECKPOINT_FILE": str(tmp_path / "audit" / "checkpoints.jsonl"),
        "UPLOAD_DIR": str(tmp_path / "uploads"),
        "HADIR_FAKE_NOW": DEFAULT_NOW,
        "HADIR_CLOCK_RUNNING": False,
        "PASSWORD_HASH_PROFILE": "fast",
        "RATELIMIT_LOGIN": "1000 per minute",
        "RATELIMIT_CHECKIN": "1000 per minute",
        "LOG_LEVEL": "WARNING",
        # jobs run inside the request that queues them (huey's immediate mode); the real
        # consumer is tested in tests/api/test_jobs.py
        "JOBS_IMMEDIATE": True,
        "JOBS_DB": str(tmp_path / "jobs.db"),
    }


@pytest.fixture
def app(app_config, postgres_url):
    from api import create_app, migrations
    from api.db import database

    app = create_app(app_config)
    with app.app_context():
        database.connect(reuse_if_open=True)
        if postgres_url:
            _truncate_all()
        else:
            migrations.migrate()
        yield app
        if not database.is_closed():
            database.close()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def world(app):
    from tests.factories import World

    return World.build(app)


def face_photo(identity: str, number: int = 1) -> bytes:
    return (FACES / identity / f"{number}.jpg").read_bytes()
