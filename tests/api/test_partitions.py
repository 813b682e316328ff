"""Monthly partitions on PostgreSQL (issue 17): both tables that grow with every check-in are
partitioned by work date, the coming months are made ahead, a row that arrived before its month
existed is moved into it, and converting an existing table keeps every row. On SQLite there is
nothing to partition (and nothing to test)."""
from __future__ import annotations

import os
from datetime import date

import pytest

from api.db import database
from api.models import CheckinEvent, DailyRecord
from api.partitions import ensure_ahead, is_partitioned, partition_tables, partitions_of
from tests.api.checkin_helpers import checkin, enroll
from tests.factories import daily_records

pytestmark = pytest.mark.skipif(not os.environ.get("TEST_DATABASE_URL"),
                                reason="partitions are a PostgreSQL feature")


def home(table: str, row_id: int) -> str:
    return database.execute_sql(f'SELECT tableoid::regclass::text FROM "{table}" WHERE id = %s',
                                (row_id,)).fetchone()[0]


def test_both_tables_are_partitioned_and_the_coming_months_made_ahead(app):
    for table in ("checkin_event", "daily_record"):
        assert is_partitioned(table)
        assert f"{table}_default" in partitions_of(table)
    ensure_ahead(date(2026, 3, 2))
    assert {f"daily_record_y2026m0{m}" for m in (3, 4, 5, 6)} <= set(partitions_of("daily_record"))
    assert ensure_ahead(date(2026, 3, 2)) == []  # made once


def test_a_check_in_made_before_its_month_existed_moves_into_it(app, client, world):
    """Without March's partitions (dropped: the tables are empty), a March check-in waits in
    the default partition; making the month moves it and its day record there, and the
    phone's retry still finds it, once."""
    database.execute_sql("DROP TABLE IF EXISTS checkin_event_y2026m03, daily_record_y2026m03")
    enroll(client, world, "pegawai_a", "webmorph_lisa")
    made = checkin(client, world, "pegawai_a", key="hp-a-0703")
    assert made.status_code == 201, made.json
    event = CheckinEvent.get_by_id(made.json["event_id"])
    record = DailyRecord.get(DailyRecord.employee == event.employee_id,
                             DailyRecord.work_date == date(2026, 3, 2))
    assert home("checkin_event", event.id) == "checkin_event_default"
    assert home("daily_record", record.id) == "daily_record_default"
    assert {"checkin_event_y2026m03", "daily_record_y2026m03"} <= set(ensure_ahead(
        date(2026, 3, 2)))
    assert home("checkin_event", event.id) == "checkin_event_y2026m03"
    assert home("daily_record", record.id) == "daily_record_y2026m03"
    again = checkin(client, world, "pegawai_a", key="hp-a-0703")
    assert again.json["event_id"] == event.id
    assert CheckinEvent.select().count() == 1


def test_converting_an_unpartitioned_table_keeps_every_row_and_the_upsert(app, world):
    DailyRecord.drop_table(cascade=True)
    DailyRecord.create_table()  # the table as it was before v0012
    assert not is_partitioned("daily_record")
    days = [date(2026, 1, 5), date(2026, 2, 2), date(2026, 3, 2)]
    daily_records(world.people["pegawai_a"], days)
    before = sorted(DailyRecord.select(DailyRecord.id, DailyRecord.work_date,
                                       DailyRecord.status).tuples())
    partition_tables(date(2026, 3, 2))
    assert is_partitioned("daily_record")
    assert {f"daily_record_y2026m0{m}" for m in (1, 2, 3, 4)} <= set(partitions_of("daily_record"))
    assert sorted(DailyRecord.select(DailyRecord.id, DailyRecord.work_date,
                                     DailyRecord.status).tuples()) == before
    assert home("daily_record", before[0][0]) == "daily_record_y2026m01"
    from api import clock
    from api.services.daily import recompute_range

    recompute_range(date(2026, 3, 2), date(2026, 3, 2), [world.people["pegawai_a"].id],
                    clock.now())  # the ON CONFLICT upsert on the partitioned table
    assert DailyRecord.get(DailyRecord.work_date == date(2026, 3, 2)).status != "TK"
    fresh = DailyRecord.create(employee=world.people["pegawai_b"].id, work_date=date(2026, 3, 3),
                               opd=world.people["pegawai_b"].opd_id, workday=True,
                               status="BELUM", label="BELUM")
    assert fresh.id > max(row[0] for row in before)  # the id sequence carried over
