"""Rule parameters: admin-written versions by effective date, merged over the version in
force, audited, refused when invalid, and past days recomputed with the rules of their day."""
from __future__ import annotations

from datetime import date

import pytest

from api import clock
from api.models import AuditEntry, DailyRecord
from api.rules.policy import Policy
from api.services import closing, daily
from tests.factories import accepted_event, local

NOTE = "Perbup Jember Nomor 12 Tahun 2026"


def post(client, world, effective: str, params: dict, who: str = "admin", note: str = NOTE):
    return client.post("/api/v1/rules", headers=world.headers(who),
                       json={"effective_from": effective, "params": params, "note": note})


def recomputed(client, world, response) -> int | None:
    """The records the version's recompute job redid (None: nothing queued)."""
    job_id = response.headers.get("X-Job-Id")
    if job_id is None:
        return None
    job = client.get(f"/api/v1/jobs/{job_id}", headers=world.headers("admin")).json
    assert job["status"] == "done" and job["params"]["reason"] == "rules.version.create"
    return job["result"]["records"]


def effective(client, world, day: str) -> dict:
    response = client.get(f"/api/v1/rules/effective?date={day}",
                          headers=world.headers("pegawai_a"))
    assert response.status_code == 200
    return response.json


def recap_row(client, world, month: str, key: str = "pegawai_a") -> dict:
    body = client.get(f"/api/v1/recaps/monthly?month={month}",
                      headers=world.headers("admin")).json
    return next(r for r in body["rows"] if r["employee_id"] == world.people[key].id)


def test_defaults_and_nothing_versioned_yet(client, world):
    body = client.get("/api/v1/rules", headers=world.headers("pegawai_b")).json
    assert body["defaults"] == Policy().to_dict()
    assert body["in_force"]["effective_from"] is None and body["versions"] == []
    assert body["in_force"]["params"]["tpp_rates"]["TK"] == 3.0


def test_a_version_changes_only_the_days_from_its_date(client, world):
    employee = world.people["pegawai_a"]
    daily.recompute_range(date(2026, 1, 1), date(2026, 2, 28), [employee.id], clock.now())
    created = post(client, world, "2026-02-01", {"tpp_rates": {"TK": 4}})
    assert created.status_code == 201, created.json
    params = created.json["params"]
    assert params["tpp_rates"]["TK"] == 4.0 and params["tpp_rates"]["TL1"] == 0.5
    assert recomputed(client, world, created) == 10 * 30  # everyone, Feb 1 – Mar 2
    assert effective(client, world, "2026-01-31")["effective_from"] is None
    assert effective(client, world, "2026-02-01")["params"]["tpp_rates"]["TK"] == 4.0
    january, february = recap_row(client, world, "2026-01"), recap_row(client, world, "2026-02")
    assert january["tpp_percent"] == january["tk_days"] * 3.0
    assert february["tpp_percent"] == february["tk_days"] * 4.0
    entry = AuditEntry.select().where(AuditEntry.action == "rules.version.create").get()
    assert (entry.actor, entry.evidence) == (world.people["admin"].id, NOTE)
    assert '"TK":4' in entry.after and '"TK":3.0' in entry.before


def test_versions_merge_over_the_one_in_force_and_stay_complete(client, world):
    assert post(client, world, "2026-02-01", {"tpp_rates": {"TK": 4}}).status_code == 201
    march = post(client, world, "2026-03-01", {"convert_minutes_to_tk": False}).json
    assert march["params"]["tpp_rates"]["TK"] == 4.0  # merged over February's version
    between = post(client, world, "2026-02-15", {"tpp_monthly_cap": 50})
    assert between.json["params"]["tpp_rates"]["TK"] == 4.0
    assert recomputed(client, world, between) == 10 * 14  # Feb 15–28: March keeps its own
    later = effective(client, world, "2026-03-02")
    assert (later["params"]["tpp_monthly_cap"], later["params"]["convert_minutes_to_tk"]) == (
        100.0, False)
    versions = client.get("/api/v1/rules", headers=world.headers("admin")).json["versions"]
    assert [v["effective_from"] for v in versions] == ["2026-03-01", "2026-02-15", "2026-02-01"]


def test_new_tier_bounds_recompute_past_days_from_their_events(client, world):
    employee, day = world.people["pegawai_a"], date(2026, 2, 2)
    accepted_event(employee, day, local(day, "07:20"), "in")
    accepted_event(employee, day, local(day, "15:05"), "out")
    daily.recompute_day(employee.id, day, clock.now())
    before = DailyRecord.get(DailyRecord.employee == employee.id, DailyRecord.work_date == day)
    assert (before.late_minutes, before.late_tier) == (20, 1)
    assert post(client, world, "2026-02-01", {"late_tier_bounds": [15, 45, 90]}).status_code \
        == 201
    after = DailyRecord.get(DailyRecord.employee == employee.id, DailyRecord.work_date == day)
    assert (after.late_minutes, after.late_tier, after.label) == (20, 2, "TL2")
    assert recap_row(client, world, "2026-02")["TL2"] == 1


def test_a_future_version_recomputes_nothing(client, world):
    response = post(client, world, "2026-04-01", {"tpp_rates": {"I": 2}})
    assert response.status_code == 201 and recomputed(client, world, response) is None
    assert effective(client, world, "2026-03-31")["params"]["tpp_rates"]["I"] == 2.5


@pytest.mark.parametrize(("params", "words"), [
    ({"late_tier_bounds": [60, 30]}, "naik berurutan"),
    ({"tm_tier": 9}, "tm_tier"),
    ({"tpp_rates": {"XX": 1}}, "tidak dikenal"),
    ({"libur": True}, "tidak dikenal"),
    ({"convert_minutes_to_tk": "ya"}, "tidak valid"),
    ({"pp94_tiers": [[3, 2, "ringan", "X"]]}, "batas atas"),
])
def test_invalid_parameters_are_refused_in_indonesian(client, world, params, words):
    response = post(client, world, "2026-02-01", params)
    assert response.status_code == 422
    assert response.json["error"]["code"] == "RULE_INVALID"
    assert words in response.json["error"]["message"]
    assert client.get("/api/v1/rules", headers=world.headers("admin")).json["versions"] == []


def test_who_may_write_and_what_is_required(client, world):
    assert post(client, world, "2026-02-01", {"tpp_rates": {"TK": 4}}, "kepala_a"
                ).status_code == 403
    assert post(client, world, "2026-02-01", {}).json["error"]["code"] == "VALIDATION_ERROR"
    assert post(client, world, "2026-02-01", {"tm_tier": 3}, note="").status_code == 422
    assert post(client, world, "2026-02-01", {"tm_tier": 3}).status_code == 201
    again = post(client, world, "2026-02-01", {"tm_tier": 2})
    assert (again.status_code, again.json["error"]["code"]) == (409, "RULE_VERSION_EXISTS")


def test_a_closed_month_cannot_be_governed_by_a_new_version(client, world):
    today, now = date(2026, 3, 2), clock.now()
    closing.close(world.people["admin"].id, world.opds["a"].id, date(2026, 1, 1), today, now)
    response = post(client, world, "2026-01-15", {"tpp_rates": {"TK": 4}})
    assert (response.status_code, response.json["error"]["code"]) == (409, "MONTH_CLOSED")
    assert post(client, world, "2026-02-01", {"tpp_rates": {"TK": 4}}).status_code == 201
