"""The employee import (issue 15) at the size of a big OPD: a SIMPEG export of N employees
(xlsx), previewed and then written, through the API's test client on a fresh database.

    python bench/import_bench.py --employees 5000 [--db sqlite:////tmp/import.db]
"""
from __future__ import annotations

import argparse
import io
import json
import os
import sys
import tempfile
import time
from datetime import date, timedelta

import openpyxl

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

HEADER = ["NIP", "Nama", "Jabatan", "Golongan", "Jenis Pegawai", "Unit", "NIP Atasan",
          "Lokasi"]


def nip(n: int) -> str:
    born = date(1970, 1, 1) + timedelta(days=n // 900)
    return f"{born:%Y%m%d}201001{1 + n % 2}{n % 900 + 1:03d}"


def export(count: int, units: list[str], office: str) -> bytes:
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Pegawai")
    sheet.append(HEADER)
    for n in range(count):
        boss = "" if n % 25 == 0 else nip(n - n % 25)  # a head for every 25
        sheet.append([nip(n), f"Pegawai Nomor {n}", "Pranata Komputer", "III/a", "PNS",
                      units[n % len(units)], boss, office])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--employees", type=int, default=5000)
    parser.add_argument("--db", default=None)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="hadir-import-")
    os.environ.update({"HADIR_ENV": "test", "JWT_SECRET_KEY": "bench-secret-0123456789abcdef",
                       "DATABASE_URL": args.db or f"sqlite:///{folder}/hadir.db",
                       "UPLOAD_DIR": f"{folder}/uploads", "PASSWORD_HASH_PROFILE": "fast",
                       "LOG_LEVEL": "WARNING", "JOBS_IMMEDIATE": "true",
                       "JOBS_DB": f"{folder}/jobs.db"})
    from api import create_app, migrations
    from api.db import database
    from api.services.accounts import tokens
    from tests.factories import World

    app = create_app()
    with app.app_context():
        database.connect(reuse_if_open=True)
        migrations.migrate()
        world = World.build(app)
        opd = world.opds["a"]
        units = [world.units["a"].name]
        data = export(args.employees, units, world.locations["a"].name)
        headers = {"Authorization": "Bearer " + tokens.issue(world.people["admin"].id,
                                                             False)["access_token"]}
        client = app.test_client()
        out = {"employees": args.employees, "file_mb": round(len(data) / 1e6, 2),
               "load": round(os.getloadavg()[0], 2)}
        for name, dry in (("preview_s", "true"), ("write_s", "false"),
                          ("reimport_unchanged_s", "false")):
            started = time.perf_counter()
            response = client.post("/api/v1/employees/import", headers=headers,
                                   content_type="multipart/form-data", data={
                                       "opd": str(opd.id), "dry_run": dry,
                                       "file": (io.BytesIO(data), "simpeg.xlsx")})
            out[name] = round(time.perf_counter() - started, 2)
            assert response.status_code in (200, 201), response.get_data()[:500]
            out[name.replace("_s", "_counts")] = response.json["counts"]
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
