"""PP 94 year to date in December (issue 17): the recap bench's month made into a year.

    python bench/recap_bench.py --db URL --employees 50000      # first: the April month
    python bench/december_ytd.py --db URL

The bench's April day records are copied into eleven more 30-day blocks (January 1 to
December 26; the same people and statuses, so each employee's year holds twelve months of
their April), the month tallies rebuilt from them, and then, with the clock at December 31,
the watch-list (year to date, every employee) and December's whole-pemda recap (whose PP 94
columns are the year to date) are timed over HTTP like the recap bench's reads. Prints one
JSON line for docs/BENCHMARKS.md. Copying is skipped when the year is already there.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from api import create_app  # noqa: E402
from api.db import database, is_postgres  # noqa: E402
from bench.recap_bench import config, timed_get  # noqa: E402

APRIL = (date(2026, 4, 1), date(2026, 4, 30))
BLOCKS = [k for k in range(-3, 9) if k != 0]  # 30-day shifts: Jan 1 … Dec 26
COLUMNS = ("employee_id", "opd_id", "unit_id", "workday", "status", "label", "check_in_at",
           "check_out_at", "late_minutes", "early_minutes", "late_tier", "early_tier",
           "excused_code", "source", "has_pending", "computed_at")


def copy_year() -> int:
    from api.models import DailyRecord
    from api.partitions import ensure_months
    from api.rules.months import months_between
    from api.services.daily import refresh_tally

    if DailyRecord.select().where(DailyRecord.work_date < APRIL[0]).exists():
        return 0
    year = (date(2026, 1, 1), date(2026, 12, 31))
    if is_postgres():
        ensure_months("daily_record", *year)
    columns = ", ".join(f'"{c}"' for c in COLUMNS)
    copied = 0
    with database.atomic():
        for k in BLOCKS:
            shifted = (f"work_date + {30 * k}" if is_postgres()
                       else f"date(work_date, '{30 * k:+d} days')")
            mark = database.obj.param  # the driver's placeholder: ? or %s
            cursor = database.execute_sql(
                f'INSERT INTO daily_record ("work_date", {columns}) SELECT {shifted}, {columns} '
                f"FROM daily_record WHERE work_date BETWEEN {mark} AND {mark}", APRIL)
            copied += cursor.rowcount
        refresh_tally(None, months_between(*year))
    return copied


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", required=True)
    args = parser.parse_args()
    app = create_app(config(args.db, "2026-12-31T08:00:00+07:00"))
    results: dict = {"db": args.db.split(":")[0]}
    with app.app_context():
        database.connect(reuse_if_open=True)
        started = time.perf_counter()
        results["copied_records"] = copy_year()
        results["copy_seconds"] = round(time.perf_counter() - started, 1)
        if is_postgres():
            database.execute_sql("VACUUM ANALYZE")
        from api.models import DailyRecord, MonthTally, RoleGrant
        from api.services.accounts import tokens

        results["records"] = DailyRecord.select().count()
        results["tally_rows"] = MonthTally.select().count()
        admin = RoleGrant.get(RoleGrant.role == "admin").employee_id
        headers = {"Authorization": f"Bearer {tokens.issue(admin, False)['access_token']}"}
        client = app.test_client()
        results["watchlist_december"] = timed_get(
            client, "/api/v1/discipline/watchlist?year=2026", headers)
        results["recap_json_december"] = timed_get(
            client, "/api/v1/recaps/monthly?month=2026-12", headers)
        results["last_day"] = (APRIL[1] + timedelta(days=30 * BLOCKS[-1])).isoformat()
    print(json.dumps(results))


if __name__ == "__main__":
    main()
