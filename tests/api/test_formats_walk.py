"""Dates and times have one form in every answer (issue 14): a date is YYYY-MM-DD, a moment
is ISO 8601 with its offset (Z or ±HH:MM), never naive and never an HTTP date. Every GET route
of the route table is read as admin over a world with records of each kind."""
from __future__ import annotations

import re

from tests.api.approvals.test_approvals import queue  # noqa: F401 (a pending item of each kind)
from tests.api.test_strict_args import get_views, required_query

MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
WITH_OFFSET = re.compile(r"(Z|[+-]\d{2}:\d{2})$")
HTTP_DATE = re.compile(r"^\w{3}, \d{2} \w{3} \d{4} ")


def strings(value, path="$"):
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value[:5]):
            yield from strings(item, f"{path}[{index}]")


def test_every_answer_writes_dates_and_moments_one_way(app, client, world, queue):  # noqa: F811
    closed = client.post("/api/v1/closings", headers=world.headers("admin"),
                         json={"opd": world.opds["b"].id, "month": "2026-01"})
    assert closed.status_code == 201, closed.json
    bad = {}
    read = 0
    for path, fields in get_views(app):
        response = client.get(f"{path}?{required_query(fields)}", headers=world.headers("admin"))
        if response.status_code != 200 or not response.is_json:
            continue
        read += 1
        for where, text in strings(response.json):
            if HTTP_DATE.match(text) or (MOMENT.match(text) and not WITH_OFFSET.search(text)):
                bad[f"{path} {where}"] = text
    assert read > 25
    assert bad == {}
