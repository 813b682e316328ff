"""Monthly partitions of the two tables that grow with every check-in (PostgreSQL only).

`checkin_event` and `daily_record` are declared `PARTITION BY RANGE (work_date)`, one
partition per month (`daily_record_y2026m03`) and a default partition for what falls outside
them (an attempt refused before it had a work date, a date far off). The migration converts
existing tables (v0012) and a fresh database is created partitioned; `ensure_ahead` creates the
coming months, run by every migration and every nightly run, so a month's partition exists
long before its first check-in. A month that already has rows in the default partition is
created beside it, the rows moved over and then attached, in one transaction.

Old months can then be detached and archived whole, and a month's queries read only its
partition. PostgreSQL requires a unique index on a partitioned table to include the partition
key: the idempotency index becomes (employee, key, work_date) with NULLS NOT DISTINCT, so a
retry and its original (which share their work date) still collide. SQLite stays one table."""
from __future__ import annotations

import logging
from datetime import date

from peewee import ForeignKeyField

from api.db import database, is_postgres
from api.rules.months import month_of, months_between, next_month

log = logging.getLogger(__name__)
KEY = "work_date"
MONTHS_AHEAD = 3


def _models():
    from api.models import CheckinEvent, DailyRecord

    return (CheckinEvent, DailyRecord)


def partition_name(table: str, month: date) -> str:
    return f"{table}_y{month:%Y}m{month:%m}"


def is_partitioned(table: str) -> bool:
    row = database.execute_sql(
        "SELECT c.relkind FROM pg_class c WHERE c.oid = to_regclass(%s)", (table,)).fetchone()
    return bool(row) and row[0] == "p"


def partitions_of(table: str) -> list[str]:
    rows = database.execute_sql(
        "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
        "WHERE i.inhparent = to_regclass(%s) ORDER BY c.relname", (table,)).fetchall()
    return [name for (name,) in rows]


def partition_tables(today: date) -> None:
    """Convert both tables to monthly partitions, keeping every row (idempotent)."""
    if not is_postgres():
        return
    for model in _models():
        table = model._meta.table_name
        if not is_partitioned(table):
            _convert(model, today)
    ensure_ahead(today)


def _convert(model, today: date) -> None:
    table = model._meta.table_name
    old = f"{table}_unpartitioned"
    first = database.execute_sql(f'SELECT MIN("{KEY}") FROM "{table}"').fetchone()[0]
    database.execute_sql(f'ALTER TABLE "{table}" RENAME TO "{old}"')
    database.execute_sql(
        f'CREATE TABLE "{table}" (LIKE "{old}" INCLUDING DEFAULTS INCLUDING STORAGE) '
        f'PARTITION BY RANGE ("{KEY}")')
    database.execute_sql(f'ALTER SEQUENCE "{table}_id_seq" OWNED BY "{table}"."id"')
    database.execute_sql(f'CREATE TABLE "{table}_default" PARTITION OF "{table}" DEFAULT')
    ensure_months(table, first or today, today)
    database.execute_sql(f'INSERT INTO "{table}" SELECT * FROM "{old}"')
    database.execute_sql(f'DROP TABLE "{old}" CASCADE')
    _constraints(model)
    log.info("table %s partitioned by month", table)


def _columns(names) -> str:
    return ", ".join(f'"{name}"' for name in names)


def _constraints(model) -> None:
    """The model's keys and indexes on the partitioned parent (each partition gets its own
    copy), with the partition key added where PostgreSQL requires it."""
    table = model._meta.table_name
    if model._meta.fields[KEY].null:  # a primary key needs NOT NULL columns: index the id
        database.execute_sql(f'CREATE INDEX "{table}_id" ON "{table}" ("id")')
    else:
        database.execute_sql(f'ALTER TABLE "{table}" ADD PRIMARY KEY ("id", "{KEY}")')
    for field in model._meta.sorted_fields:
        if isinstance(field, ForeignKeyField):
            database.execute_sql(
                f'ALTER TABLE "{table}" ADD FOREIGN KEY ("{field.column_name}") REFERENCES '
                f'"{field.rel_model._meta.table_name}" ("{field.rel_field.column_name}")')
    for index in model._meta.fields_to_index():
        columns = [getattr(expression, "column_name", None) for expression in index._expressions]
        if index._unique and KEY not in columns:
            database.execute_sql(f'CREATE UNIQUE INDEX "{index._name}" ON "{table}" '
                                 f"({_columns([*columns, KEY])}) NULLS NOT DISTINCT")
        else:  # peewee's own statement (expressions and partial indexes included)
            database.execute(index)


def ensure_months(table: str, first: date, last: date) -> list[str]:
    """Create the monthly partitions from `first` to `last` that are missing; returns their
    names. Rows of such a month already in the default partition are moved into it."""
    made, existing = [], set(partitions_of(table))
    for month in months_between(first, last):
        name = partition_name(table, month)
        if name not in existing:
            _create(table, name, month, next_month(month))
            made.append(name)
    return made


def _create(table: str, name: str, start: date, end: date) -> None:
    bounds = f"FOR VALUES FROM ('{start.isoformat()}') TO ('{end.isoformat()}')"
    in_range = f"\"{KEY}\" >= '{start.isoformat()}' AND \"{KEY}\" < '{end.isoformat()}'"
    with database.atomic():
        stray = database.execute_sql(
            f'SELECT 1 FROM "{table}_default" WHERE {in_range} LIMIT 1').fetchone()
        if stray is None:
            database.execute_sql(f'CREATE TABLE "{name}" PARTITION OF "{table}" {bounds}')
            return
        database.execute_sql(f'CREATE TABLE "{name}" (LIKE "{table}" INCLUDING DEFAULTS)')
        database.execute_sql(f'INSERT INTO "{name}" SELECT * FROM "{table}_default" '
                             f'WHERE {in_range}')
        database.execute_sql(f'DELETE FROM "{table}_default" WHERE {in_range}')
        database.execute_sql(f'ALTER TABLE "{table}" ATTACH PARTITION "{name}" {bounds}')
        log.warning("partition %s made after its rows arrived; moved from the default", name)


def ensure_ahead(today: date, months: int = MONTHS_AHEAD) -> list[str]:
    """This month's and the next `months` months' partitions of both tables."""
    if not is_postgres():
        return []
    last = month_of(today)
    for _ in range(months):
        last = next_month(last)
    made = []
    for model in _models():
        table = model._meta.table_name
        if is_partitioned(table):
            made += ensure_months(table, today, last)
    return made
