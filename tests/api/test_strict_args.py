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


def query_fields(view) -> dict:
    """The query fields a view's schema takes, by the name a caller writes."""
    for parameter in getattr(view, "_apidoc", {}).get("arguments", {}).get("parameters", []):
        if parameter.get("in") in ("query", "querystring"):
            schema = parameter["schema"]
            schema = schema() if isinstance(schema, type) else schema
            return {f.data_key or name: f for name, f in schema.fields.items()}
    return {}


def get_views(app) -> list[tuple[str, dict]]:
    """(GET path with its parameters filled with 1, its query fields) for every API route."""
    return [(re.sub(r"<(?:[^:<>]+:)?[^<>]+>", "1", rule.rule),
             query_fields(app.view_functions[rule.endpoint]))
            for rule in app.url_map.iter_rules()
            if "GET" in rule.methods and rule.rule.startswith("/api/v1/")]


FILLED = {"from": "2026-03-01", "to": "2026-03-31", "month": "2026-03", "date": "2026-03-02",
          "year": "2026", "opd": "2"}


def required_query(fields: dict) -> str:
    return "&".join(f"{name}={FILLED[name]}" for name, f in fields.items() if f.required)


def employee_routes(app) -> list[tuple[str, dict]]:
    """GET routes whose query takes `employee`."""
    return [(path, fields) for path, fields in get_views(app) if "employee" in fields]


def test_one_refusal_rule_for_another_persons_data(app, client, world):
    """A pegawai or a supervisor naming someone they may not read gets 403 OUT_OF_SCOPE from
    every endpoint, never an empty list; whoever may read them gets 200."""
    routes = employee_routes(app)
    assert {"/api/v1/attendance/checkins", "/api/v1/attendance/days", "/api/v1/absences",
            "/api/v1/manual-entries", "/api/v1/corrections", "/api/v1/cancellations"} <= {
        path for path, _ in routes}
    other = world.people["pegawai_b"].id
    answers = {}
    for path, fields in routes:
        query = required_query(fields)
        for who, expected in (("pegawai_a", 403), ("atasan_a", 403), ("kepala_b", 200),
                              ("admin", 200)):
            response = client.get(f"{path}?employee={other}&{query}",
                                  headers=world.headers(who))
            answers[(path, who)] = (response.status_code, expected)
            if expected == 403 and response.status_code == 403:
                assert response.json["error"]["code"] == "OUT_OF_SCOPE"
    assert {key: got for key, (got, expected) in answers.items() if got != expected} == {}
    huge = client.get("/api/v1/absences?employee=99999999999999999999",
                      headers=world.headers("pegawai_a"))
    assert huge.status_code == 404
