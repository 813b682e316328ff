"""Log audit (issue 15): an admin filters the demo's audit log by actor and action, reads one
entry's before and after, and verifies the chain; against the real API."""
from __future__ import annotations

import requests

from dashboard import texts
from tests.dashboard.helpers import table, texts_shown


def _entries(api, headers, **params) -> dict:
    return requests.get(f"{api}/api/v1/audit", headers=headers, timeout=30,
                        params={"limit": 200, **params}).json()


def test_the_admin_reads_and_verifies_the_audit_log(dashboard, api, api_login):
    window = {"from": "2026-01-01", "to": "2026-03-10"}
    everything = _entries(api, api_login("admin"), **window)["items"]
    common = max({e["action"] for e in everything},
                 key=lambda a: sum(1 for e in everything if e["action"] == a))
    at = dashboard("admin", "audit")
    at.date_input(key="audit_from").set_value("2026-01-01")
    at.text_input(key="audit_action").input(common)
    at.button(key="FormSubmitter:audit_filter-Tampilkan").click().run()
    shown = table(at, texts.AUDIT_COLUMNS["action"])
    expected = _entries(api, api_login("admin"), action=common, **window)
    assert list(shown[texts.AUDIT_COLUMNS["id"]]) == [e["id"] for e in expected["items"]]
    assert set(shown[texts.AUDIT_COLUMNS["action"]]) == {common}
    assert len(at.json) == 2  # before and after, side by side
    at.button(key="audit_verify").click().run()
    assert "Rantai audit utuh" in texts_shown(at)
    at.text_input(key="audit_actor").input("000000000000000000")
    at.button(key="FormSubmitter:audit_filter-Tampilkan").click().run()
    assert texts.AUDIT_UNKNOWN_NIP in texts_shown(at)


def test_only_an_admin_has_the_audit_page(dashboard):
    from tests.dashboard.helpers import menu

    assert texts.PAGE_AUDIT in menu(dashboard("admin"))
    assert texts.PAGE_AUDIT not in menu(dashboard("kepala_opd"))
