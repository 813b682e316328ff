"""API hygiene over the whole route table (issue 14): every GET endpoint refuses a query
parameter it does not know with 422 and the one error shape, instead of ignoring it (a
supervisor typing `?employee_id=` must not be shown his own data as if it were another's).
A new endpoint is covered as soon as it is registered."""
from __future__ import annotations

import re

ROLES = ("admin", "kepala_a", "atasan_a", "operator_a", "analis", "pegawai_a")


def get_routes(app) -> list[str]:
    """Every GET route of the API, its path parameters filled with 1."""
    routes = []
    for rule in app.url_map.iter_rules():
        if "GET" in rule.methods and rule.rule.startswith("/api/v1/"):
            routes.append(re.sub(r"<(?:[^:<>]+:)?[^<>]+>", "1", rule.rule))
    return sorted(set(routes))


def test_every_get_route_refuses_an_unknown_query_parameter(app, client, world):
    routes = get_routes(app)
    assert len(routes) > 40
    answered = {}
    for path in routes:
        for role in ROLES:
            response = client.get(f"{path}?zz_unknown=1", headers=world.headers(role))
            if response.status_code not in (401, 403):  # a role that may call it
                break
        answered[path] = response.status_code
        if response.status_code == 422:
            error = response.json["error"]
            assert error["code"] == "VALIDATION_ERROR", path
            assert error["details"]["zz_unknown"] == ["Kolom tidak dikenal."], path
    assert {path: status for path, status in answered.items() if status != 422} == {}


def test_the_misspelled_parameter_of_the_issue(client, world):
    other = world.people["pegawai_a"].id
    month = "from=2026-03-01&to=2026-03-31"
    response = client.get(f"/api/v1/attendance/days?employee_id={other}&{month}",
                          headers=world.headers("atasan_a"))
    assert response.status_code == 422
    assert list(response.json["error"]["details"]) == ["employee_id"]
    assert client.get(f"/api/v1/attendance/days?employee={other}&{month}",
                      headers=world.headers("atasan_a")).status_code == 200
