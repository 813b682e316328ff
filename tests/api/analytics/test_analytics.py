"""Analytics for the dashboard (heatmaps, trend, arrivals, ranking, tiers, fraud signals) and
today's board, with hand-countable data."""
from __future__ import annotations

from datetime import date, datetime

import pytest

from api import clock
from api.services import daily
from api.services.accounts import load_actor
from api.services.changes import absences
from tests.factories import PDF_DOCUMENT, accepted_event, daily_records, local, stored_checkin


def get(client, world, path: str, who: str = "analis"):
    response = client.get(f"/api/v1/analytics/{path}", headers=world.headers(who))
    assert response.status_code == 200, response.json
    return response.json


def check_in(day: date, hhmm: str) -> datetime:
    return clock.utc_naive(local(day, hhmm))


@pytest.fixture
def february(world):
    """OPD a on Mon 2 Feb: H, TL1, TK, CT; Tue 3 Feb: H, H, TL2, TK. OPD b: two H each day."""
    p = world.people
    monday, tuesday = date(2026, 2, 2), date(2026, 2, 3)
    daily_records(p["pegawai_a"], [monday], "H", check_in=check_in(monday, "06:40"))
    daily_records(p["pegawai_a2"], [monday], "H", late_minutes=20, late_tier=1,
                  check_in=check_in(monday, "07:20"))
    daily_records(p["atasan_a"], [monday], "TK")
    daily_records(p["operator_a"], [monday], "CT")
    daily_records(p["pegawai_a"], [tuesday], "H", check_in=check_in(tuesday, "06:50"))
    daily_records(p["operator_a"], [tuesday], "H", check_in=check_in(tuesday, "06:55"))
    daily_records(p["pegawai_a2"], [tuesday], "H", late_minutes=40, late_tier=2,
                  early_minutes=10, early_tier=1, check_in=check_in(tuesday, "07:40"))
    daily_records(p["atasan_a"], [tuesday], "TK")
    for key in ("pegawai_b", "operator_b"):
        daily_records(p[key], [monday, tuesday], "H", check_in=check_in(monday, "06:30"))
    daily_records(p["kepala_a"], [date(2026, 2, 1)], "LIBUR", workday=False)
    return world


def by(rows: list[dict], *keys) -> dict:
    return {tuple(r[k] for k in keys) if len(keys) > 1 else r[keys[0]]: r for r in rows}


def test_heatmap_opd_by_date(client, february):
    world = february
    cells = by(get(client, world, "heatmap?dim=opd_date&month=2026-02")["cells"],
               "opd_id", "work_date")
    monday = cells[(world.opds["a"].id, "2026-02-02")]
    assert (monday["decided_days"], monday["late_days"], monday["tk_days"],
            monday["excused_days"]) == (4, 1, 1, 1)
    assert (monday["late_percent"], monday["absent_percent"], monday["attendance_percent"]) == (
        25.0, 25.0, 50.0)
    assert cells[(world.opds["a"].id, "2026-02-03")]["late_percent"] == 25.0
    assert cells[(world.opds["b"].id, "2026-02-02")]["attendance_percent"] == 100.0
    assert len(cells) == 4  # the Sunday off is not a workday


def test_heatmap_unit_by_weekday_and_scope(client, february):
    world = february
    body = get(client, world, "heatmap?dim=unit_weekday&month=2026-02", "kepala_a")
    cells = by(body["cells"], "unit_id", "weekday")
    assert set(cells) == {(world.units["a"].id, 0), (world.units["a"].id, 1)}
    tuesday = cells[(world.units["a"].id, 1)]
    assert (tuesday["weekday_name"], tuesday["decided_days"], tuesday["absent_percent"]) == (
        "Selasa", 4, 25.0)


def test_trend_compares_each_week_with_the_one_before(client, february):
    world = february
    daily_records(world.people["pegawai_a"], [date(2026, 2, 9)], "H", late_minutes=5,
                  late_tier=1)
    daily_records(world.people["atasan_a"], [date(2026, 2, 9)], "H")
    series = get(client, world, "trend?period=week&from=2026-02-02&to=2026-02-15")["series"]
    first, second = series
    assert (first["start"], first["end"], first["label"]) == (
        "2026-02-02", "2026-02-08", "2 Feb – 8 Feb 2026")
    assert (first["decided_days"], first["late_days"], first["late_percent"]) == (12, 2, 16.67)
    # nothing recorded the week before: no comparison, not "0 %"
    assert first["previous_late_percent"] is None and first["change_late_percent"] is None
    assert (second["late_percent"], second["previous_late_percent"],
            second["change_late_percent"]) == (50.0, 16.67, 33.33)
    assert first["avg_late_minutes"] == 30.0
    months = get(client, world, "trend?period=month&from=2026-02-01&to=2026-02-28")["series"]
    assert [m["label"] for m in months] == ["Februari 2026"]


def test_arrival_distribution(client, february):
    world = february
    body = get(client, world, "arrivals?date=2026-02-03")
    bins = by(body["bins"], "start")
    assert body["total"] == 5 and body["late"] == 1
    assert bins["06:30"]["count"] == 2 and bins["06:45"]["on_time"] == 2
    assert bins["07:30"]["late"] == 1 and bins["07:00"]["count"] == 0
    assert body["median"] == "06:50"
    mine = get(client, world, f"arrivals?month=2026-02&opd={world.opds['a'].id}", "kepala_a")
    assert mine["total"] == 5


def test_ranking_and_tiers(client, february):
    world = february
    rows = get(client, world, "ranking?month=2026-02")["rows"]
    assert [r["opd_id"] for r in rows] == [world.opds["b"].id, world.opds["a"].id]
    assert (rows[0]["rank"], rows[0]["attendance_percent"], rows[0]["employees"]) == (
        1, 100.0, 2)
    assert rows[1]["attendance_percent"] == 62.5
    tiers = get(client, world, "tiers?month=2026-02")
    assert tiers["codes"][:4] == ["TL1", "TL2", "TL3", "TL4"]
    assert (tiers["totals"]["TL1"], tiers["totals"]["TL2"], tiers["totals"]["PSW1"]) == (
        1, 1, 1)


def test_analytics_scope_and_validation(client, february):
    world = february
    only_a = get(client, world, "heatmap?month=2026-02", "operator_a")["cells"]
    assert {c["opd_id"] for c in only_a} == {world.opds["a"].id}
    for who, path, status in (
            ("pegawai_a", "ranking?month=2026-02", 403),
            ("kepala_a", f"tiers?month=2026-02&opd={world.opds['b'].id}", 403),
            ("admin", "heatmap?month=2026-02&dim=opd_unit", 422),
            ("admin", "trend?from=2026-02-10&to=2026-02-01", 422),
            ("admin", "arrivals?date=2026-02-03&month=2026-02", 422),
            ("admin", "fraud?from=2025-01-01&to=2026-02-28", 422)):
        response = client.get(f"/api/v1/analytics/{path}", headers=world.headers(who))
        assert response.status_code == status, path


def test_fraud_signals(client, world):
    p, day = world.people, date(2026, 2, 2)
    at = local(day, "06:45")
    accepted_event(p["pegawai_a"], day, at, "in", status="REJECTED", codes="MOCK_LOCATION",
                   is_mock=True)
    for key in ("pegawai_a2", "atasan_a", "operator_a"):  # one fake-GPS fix for three people
        accepted_event(p[key], day, local(day, "06:5" + str(len(key) % 10)), "in",
                       lat=-8.1234567, lon=113.7654321)
    for key in ("pegawai_b", "operator_b"):  # one phone, two people
        accepted_event(p[key], day, local(day, "06:40"), "in", device_uid="hp-bersama")
    for minute in ("01", "02", "03"):
        accepted_event(p["kepala_b"], day, local(day, f"07:{minute}"), "in",
                       status="REJECTED", codes="FACE_MISMATCH")
    accepted_event(p["kepala_a"], day, local(day, "06:59"), "in", status="REJECTED",
                   codes="REPLAY_SUSPECTED")
    titip = accepted_event(p["pegawai_a2"], day, local(day, "06:48"), "in", status="REJECTED",
                           codes="FACE_OF_OTHER_EMPLOYEE")  # the operator's face on his account
    titip.matched_employee = p["operator_a"].id
    titip.save()
    body = get(client, world, "fraud?from=2026-02-01&to=2026-02-28")
    signals = body["signals"]
    assert body["counts"] == {"mock": 1, "shared_coordinates": 1, "shared_devices": 1,
                              "face_mismatch": 1, "replay": 1, "other_face": 1}
    other = signals["other_face"][0]
    assert (other["name"], other["matched_name"]) == (p["pegawai_a2"].name, p["operator_a"].name)
    assert signals["mock"][0]["employee_id"] == p["pegawai_a"].id
    cluster = signals["shared_coordinates"][0]
    assert (cluster["lat"], cluster["lon"], cluster["employees"], cluster["days"]) == (
        -8.12346, 113.76543, 3, 1)
    assert cluster["employee_ids"] == sorted(p[k].id for k in ("pegawai_a2", "atasan_a",
                                                               "operator_a"))
    device = signals["shared_devices"][0]
    assert (device["device_uid"], device["employees"]) == ("hp-bersama", 2)
    assert signals["face_mismatch"][0]["attempts"] == 3
    assert signals["replay"][0]["name"] == p["kepala_a"].name
    only_b = get(client, world, "fraud?from=2026-02-01&to=2026-02-28", "kepala_b")
    assert only_b["counts"] == {"mock": 0, "shared_coordinates": 0, "shared_devices": 1,
                                "face_mismatch": 1, "replay": 0, "other_face": 0}
    stricter = get(client, world, "fraud?from=2026-02-01&to=2026-02-28&min_employees=4")
    assert stricter["counts"]["shared_coordinates"] == 0


def test_same_spot_on_different_days_is_not_a_cluster(client, world):
    """Honest GPS noise at a big office repeats a 1 m position now and then; a fake-GPS app
    gives many people the same fix on the same day."""
    p = world.people
    for offset, key in enumerate(("pegawai_a2", "atasan_a", "operator_a")):
        day = date(2026, 2, 2 + offset)
        accepted_event(p[key], day, local(day, "06:50"), "in", lat=-8.1234567, lon=113.7654321)
    body = get(client, world, "fraud?from=2026-02-01&to=2026-02-28")
    assert body["counts"]["shared_coordinates"] == 0


def test_today_board(app, client, world):
    """Monday 2 March 07:10: on time, late, not yet, on leave, and waiting for approval."""
    p, today, now = world.people, date(2026, 3, 2), clock.now()
    accepted_event(p["pegawai_a"], today, local(today, "06:50"), "in")
    accepted_event(p["pegawai_a2"], today, local(today, "07:05"), "in")
    request = absences.submit(load_actor(p["atasan_a"].id), {
        "code": "CT", "date_from": today, "date_to": today, "reason": "Cuti tahunan"},
        PDF_DOCUMENT, today, now)
    absences.decide(load_actor(p["kepala_a"].id), request.id, True, "", today, now)
    daily.recompute_range(today, today, None, now)
    stored_checkin(world, "operator_a", "2026-03-02T06:55:00+07:00", out_of_office=True,
                   note="Rapat di kecamatan")
    response = client.get("/api/v1/recaps/today", headers=world.headers("kepala_a"))
    body = response.json
    assert body["date_label"] == "Senin, 2 Maret 2026"
    assert body["totals"] == {"present": 2, "late": 1, "not_yet": 1, "pending": 1,
                              "excused": 1, "absent": 0, "off": 0, "employees": 5}
    unit = body["by_unit"][0]
    assert (unit["unit_id"], unit["present"], unit["employees"]) == (world.units["a"].id, 2, 5)
    assert body["arrivals"]["total"] == 2 and body["arrivals"]["late"] == 1
    whole = client.get("/api/v1/recaps/today", headers=world.headers("admin")).json
    assert whole["totals"]["employees"] == 10
    assert {o["opd_id"] for o in whole["by_opd"]} == {o.id for o in world.opds.values()}
    assert client.get("/api/v1/recaps/today",
                      headers=world.headers("pegawai_b")).status_code == 403


def test_today_board_for_a_direct_supervisor_and_with_filters(client, world):
    """An atasan without a report role sees their own team; unit and type narrow a board."""
    p, today = world.people, date(2026, 3, 2)
    accepted_event(p["pegawai_a"], today, local(today, "07:20"), "in")
    accepted_event(p["pegawai_a2"], today, local(today, "06:40"), "in")
    daily.recompute_range(today, today, None, clock.now())
    team = client.get("/api/v1/recaps/today", headers=world.headers("atasan_a")).json
    assert team["totals"]["employees"] == 1  # pegawai_a only: pegawai_a2 reports to kepala_a
    assert (team["totals"]["present"], team["totals"]["late"]) == (1, 1)
    assert team["arrivals"]["total"] == 1
    world.add_person("honorer", "a", supervisor="atasan_a", password=None)
    contract = p["honorer"]
    contract.employment_type, contract.unit = "PTT-PK", None
    contract.save()
    narrowed = client.get("/api/v1/recaps/today?employment_type=PTT-PK",
                          headers=world.headers("kepala_a")).json
    assert narrowed["totals"]["employees"] == 1 and narrowed["totals"]["not_yet"] == 1
    by_unit = client.get(f"/api/v1/recaps/today?unit={world.units['a'].id}",
                         headers=world.headers("kepala_a")).json
    assert by_unit["totals"]["employees"] == 5  # the honorer has no unit
    assert client.get("/api/v1/recaps/today?employment_type=X",
                      headers=world.headers("kepala_a")).status_code == 422




def test_an_employee_without_a_unit_is_counted_with_a_null_unit(client, february):
    world = february
    loner = world.add_person("tanpa_unit", "a", password=None)
    loner.unit = None
    loner.save()
    daily_records(loner, [date(2026, 2, 2)], "TK")
    cells = get(client, world, "heatmap?dim=unit_weekday&month=2026-02")["cells"]
    assert any(c["unit_id"] is None and c["tk_days"] == 1 for c in cells)
    assert all(isinstance(c["unit_id"], int) for c in cells if c["unit_id"] is not None)
    rows = client.get("/api/v1/recaps/monthly?month=2026-02",
                      headers=world.headers("admin")).json["rows"]
    mine = next(r for r in rows if r["employee_id"] == loner.id)
    assert (mine["unit_id"], mine["unit_name"], mine["tk_days"]) == (None, None, 1)
    assert all(isinstance(r["unit_id"], int) for r in rows if r["employee_id"] != loner.id)


def test_analytics_honour_the_unit_and_employee_type_filters(client, february):
    world = february
    everyone = get(client, world, "ranking?month=2026-02")["rows"]
    assert get(client, world, "ranking?month=2026-02&employment_type=PPPK")["rows"] == []
    contract = world.people["pegawai_b"]
    contract.employment_type = "PPPK"
    contract.save()
    try:
        pppk = get(client, world, "ranking?month=2026-02&employment_type=PPPK")["rows"]
    finally:
        contract.employment_type = "PNS"
        contract.save()
    assert [(r["opd_id"], r["employees"]) for r in pppk] == [(world.opds["b"].id, 1)]
    assert sum(r["employees"] for r in everyone) > 1
    unit = world.units["a"].id
    cells = get(client, world, f"heatmap?dim=unit_weekday&month=2026-02&unit={unit}")["cells"]
    assert cells and {c["unit_id"] for c in cells} == {unit}
    assert get(client, world, "tiers?month=2026-02&employment_type=PNS")["totals"] == \
        get(client, world, "tiers?month=2026-02")["totals"]
