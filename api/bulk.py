"""Fast multi-row inserts and upserts (executemany / execute_values), for bulk work where
building one peewee query per batch costs more than the database does."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime

from api.db import database, is_postgres

BATCH = 5000


def insert_rows(model, columns: Sequence[str], rows: Iterable[Sequence],
                conflict: Sequence[str] = (), update: Sequence[str] = ()) -> int:
    """Insert tuples into `model`'s table, in batches, inside one transaction per batch.

    With `conflict` (unique columns) and `update`, rows that exist are updated instead
    (INSERT ... ON CONFLICT ... DO UPDATE, the same statement on SQLite and PostgreSQL)."""
    table = model._meta.table_name
    # NOT NULL columns left out get the model's default, as Model.create would give them
    defaults = [f for f in model._meta.sorted_fields
                if f.name not in columns and not f.null and f.default is not None
                and not f.primary_key]
    extra = tuple(f.default() if callable(f.default) else f.default for f in defaults)
    columns = (*columns, *(f.name for f in defaults))
    column = {name: f'"{model._meta.fields[name].column_name}"' for name in columns}
    names = ", ".join(column[c] for c in columns)
    suffix = ""
    if conflict:
        sets = ", ".join(f"{column[c]} = excluded.{column[c]}" for c in update)
        suffix = f" ON CONFLICT ({', '.join(column[c] for c in conflict)}) DO UPDATE SET {sets}"
    count = 0
    batch: list[Sequence] = []

    def flush() -> None:
        if not batch:
            return
        with database.atomic():
            cursor = database.cursor()  # joins the caller's transaction when there is one
            if is_postgres():
                from psycopg2.extras import execute_values

                execute_values(cursor, f'INSERT INTO "{table}" ({names}) VALUES %s{suffix}',
                               batch, page_size=1000)
            else:
                marks = ", ".join("?" for _ in columns)
                cursor.executemany(
                    f'INSERT INTO "{table}" ({names}) VALUES ({marks}){suffix}', batch)
        batch.clear()

    for row in rows:
        batch.append((*row, *extra))
        count += 1
        if len(batch) >= BATCH:
            flush()
    flush()
    return count


def next_id(model) -> int:
    """The next free primary key (generated rows carry explicit ids)."""
    last = model.select(model.id).order_by(model.id.desc()).first()
    return (last.id if last else 0) + 1


def reset_sequences(models) -> None:
    """After explicit ids, move PostgreSQL sequences past them."""
    if not is_postgres():
        return
    for model in models:
        table = model._meta.table_name
        database.execute_sql(
            f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
            f"COALESCE((SELECT MAX(id) FROM \"{table}\"), 1))")


def raw_rows(query):
    """Rows of a peewee query as the driver returns them, skipping peewee's per-value
    conversion (use as_date / as_datetime on the columns that need it)."""
    return database.execute(query)


def as_date(value) -> date:
    """A DATE column: SQLite gives text, PostgreSQL a date."""
    return date.fromisoformat(value) if isinstance(value, str) else value


def as_datetime(value) -> datetime:
    """A naive-UTC DATETIME column as an aware UTC datetime."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=UTC)
