"""The authorization matrix (issue 16; OWASP API1 and API5): every route of Flask's route
table × every role × an object of the actor's own, of a plain employee of the actor's OPD,
and of an employee of another OPD. The table is read from the app, so a new endpoint without
a rule in routes.py and expected.py fails here before anyone can call it.

A cell is "allowed" when the answer is neither 401, 403 nor 404 (for a list: when the
subject's object is in it). A 409 or 422 after the scope check counts as allowed: the caller
was let through to the rules of the domain. Without a token every route is 401."""
from __future__ import annotations

import os

import pytest

from tests.api.authz.cases import ACTORS, SCOPES, Ctx, Req, subject_of
from tests.api.authz.expected import EXPECTED
from tests.api.authz.routes import PUBLIC, ROUTES

DENIED = {401, 403, 404}
DISCOVER = bool(os.environ.get("AUTHZ_DISCOVER"))  # print what the API does, to review


def route_table(app) -> set[str]:
    return {f"{method} {rule.rule}" for rule in app.url_map.iter_rules()
            for method in rule.methods - {"HEAD", "OPTIONS"}}


def test_every_route_has_a_rule(app):
    table = route_table(app)
    assert table - PUBLIC - set(ROUTES) == set(), "routes without an authorization rule"
    assert set(ROUTES) - table == set(), "rules for routes that no longer exist"
    assert set(EXPECTED) == set(ROUTES)


def send(client, req: Req, headers: dict):
    kwargs = {"headers": {**headers, **req.headers}, "query_string": req.query}
    if req.form is not None:
        kwargs.update(data=fresh(req.form), content_type="multipart/form-data")
    elif req.json is not None:
        kwargs["json"] = req.json
    return client.open(req.path, method=req.method, **kwargs)


def fresh(form: dict) -> dict:
    """Each send reads its files from the start."""
    out = {}
    for key, value in form.items():
        if isinstance(value, tuple):
            value[0].seek(0)
        elif isinstance(value, list):
            for item in value:
                item[0].seek(0)
        out[key] = value
    return out


def allowed(response, req: Req) -> bool:
    if response.status_code in DENIED:
        return False
    if req.seen is not None and response.status_code == 200:
        return req.seen(response.get_json() if response.is_json else response.data)
    return True


@pytest.fixture
def scene(world):
    world.add_person("kepala_bkd", "bkd")
    world.add_person("staf_bkd", "bkd", supervisor="kepala_bkd")
    world.add_person("pegawai_b2", "b", supervisor="kepala_b")
    return world


@pytest.mark.parametrize("route", sorted(ROUTES))
def test_each_role_reaches_exactly_what_its_rule_says(client, scene, route):
    build = ROUTES[route]
    observed, notes, built = [], [], 0
    for scope in SCOPES:
        letters = ""
        for letter, actor in ACTORS.items():
            req = build(Ctx(scene, client, actor, subject_of(actor, scope)))
            if req is None:
                continue
            built += 1
            response = send(client, req, scene.headers(actor))
            if response.status_code >= 500:
                pytest.fail(f"{route} as {actor} ({scope}): {response.status_code}")
            if allowed(response, req):
                letters += letter
                if response.status_code >= 400 or DISCOVER:
                    notes.append(f"{letter}/{scope}: {answer(response)}")
            elif expected_allows(route, scope, letter):
                notes.append(f"{letter}/{scope}: {answer(response)}")
        observed.append(letters)
    if DISCOVER:
        print(f"\n    {route!r}: {'|'.join(observed)!r},  # {built} cells; {'; '.join(notes)}")
    assert built, "no request could be built"
    assert "|".join(observed) == EXPECTED.get(route), notes

    anonymous = build(Ctx(scene, client, "pegawai_a", "pegawai_a")) or \
        build(Ctx(scene, client, "admin", "pegawai_b"))
    assert send(client, anonymous, {}).status_code == 401


def answer(response) -> str:
    body = response.get_json(silent=True)
    code = (body.get("error") or {}).get("code", "") if isinstance(body, dict) else ""
    return f"{response.status_code} {code}".strip()


def expected_allows(route: str, scope: str, letter: str) -> bool:
    cells = EXPECTED.get(route, "||").split("|")
    return letter in cells[SCOPES.index(scope)]

