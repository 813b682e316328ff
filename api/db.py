"""One deferred database, initialised from DATABASE_URL; a connection per request (taken from
the process's pool on PostgreSQL)."""
from __future__ import annotations

import contextlib
from collections.abc import Iterator

from peewee import DatabaseProxy, PostgresqlDatabase, SqliteDatabase
from playhouse.db_url import connect

database = DatabaseProxy()

SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": 10000,
    "synchronous": "normal",
    "cache_size": -32000,
}


def make_database(url: str, pool_max: int = 0):
    """A peewee database for a URL: SQLite gets WAL and foreign keys; PostgreSQL gets a pool of
    up to `pool_max` connections per process when it is above 0 (playhouse.pool: a connection
    is checked with a round trip before reuse, so one a restarted server dropped is replaced,
    and one idle for 5 minutes is closed)."""
    if url.startswith("sqlite"):
        return connect(url, pragmas=SQLITE_PRAGMAS, timeout=10, check_same_thread=False)
    if url.startswith("postgres"):
        scheme = "postgres+pool://" if pool_max > 0 else "postgres://"
        url = scheme + url.split("://", 1)[1]
        if pool_max > 0:  # a request waits up to 10 s for a free connection, then 503
            return connect(url, max_connections=pool_max, stale_timeout=300, timeout=10)
        return connect(url)
    raise RuntimeError(f"Unsupported DATABASE_URL: {url.split(':', 1)[0]}")


def init_database(url: str, pool_max: int = 0):
    db = make_database(url, pool_max)
    database.initialize(db)
    return db


def is_postgres() -> bool:
    return isinstance(database.obj, PostgresqlDatabase)


def is_sqlite() -> bool:
    return isinstance(database.obj, SqliteDatabase)


@contextlib.contextmanager
def write_transaction() -> Iterator[None]:
    """A write transaction that takes the write lock up front on SQLite.

    A deferred SQLite transaction that reads and then writes fails with SQLITE_BUSY when
    another writer committed in between; IMMEDIATE waits for the lock instead.
    """
    if is_sqlite() and not database.obj.in_transaction():
        with database.obj.atomic("IMMEDIATE"):
            yield
    else:
        with database.atomic():
            yield


def init_app(app) -> None:
    """peewee connects on the first query of a request; the connection closes at teardown."""
    init_database(app.config["DATABASE_URL"], app.config["DATABASE_POOL_MAX"])

    @app.teardown_request
    def _close(_exc) -> None:
        if not database.is_closed():
            database.close()
