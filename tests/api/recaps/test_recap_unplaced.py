"""An employee not placed in a unit yet (a new hire, a SIMPEG row without one) has a row in
the monthly recap with an empty unit — found by the long fuzz run, where the document said the
unit was always there."""
from __future__ import annotations

from datetime import date

from api import clock
from api.services import daily
from tests.factories import make_nip


def test_an_employee_without_a_unit_has_a_recap_row_with_no_unit(client, world):
    hired = client.post("/api/v1/employees", headers=world.headers("admin"), json={
        "nip": make_nip(), "name": "Pegawai Baru", "opd_id": world.opds["a"].id,
        "employment_type": "PNS", "schedule_group_id": world.groups["5HK"].id})
    assert hired.status_code == 201, hired.json
    employee_id = hired.json["id"]
    daily.recompute_range(date(2026, 3, 2), date(2026, 3, 2), [employee_id], clock.now())
    rows = client.get("/api/v1/recaps/monthly?month=2026-03",
                      headers=world.headers("admin")).json["rows"]
    row = next(r for r in rows if r["employee_id"] == employee_id)
    assert row["unit_id"] is None and row["unit_name"] is None
    spec = client.get("/api/v1/openapi.json").json["components"]["schemas"]["RecapRow"]
    assert spec["properties"]["unit_id"].get("nullable") is True
