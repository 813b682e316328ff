"""Laporan keberadaan (SiAbOn campaigns) in the dashboard, against the real API over the demo:
the admin defines a campaign (refusals shown in Bahasa, the typed values kept) and deletes it
before it starts; the demo's finished campaign shows the same numbers as the API; a head of
OPD sees their own OPD's units and non-reporters and can download; an analyst only reads."""
from __future__ import annotations

import requests

from dashboard import texts
from tests.dashboard.helpers import metrics, table, texts_shown


def _campaigns(api, headers) -> list[dict]:
    return requests.get(f"{api}/api/v1/campaigns", headers=headers, timeout=10).json()


def _compliance(api, headers, campaign_id: int) -> dict:
    return requests.get(f"{api}/api/v1/campaigns/{campaign_id}/compliance", headers=headers,
                        timeout=30).json()


def test_the_demo_campaign_shows_what_the_api_counts(dashboard, api, api_login):
    demo = next(c for c in _campaigns(api, api_login("admin")) if "(contoh)" in c["name"])
    at = dashboard("admin", "kampanye")
    at.selectbox(key="campaign_pick").set_value(demo["id"]).run()
    answer = _compliance(api, api_login("admin"), demo["id"])
    shown = metrics(at)
    assert shown[texts.CAMPAIGN_COUNTS["reported"]] == str(answer["totals"]["reported"])
    assert shown[texts.CAMPAIGN_COUNTS["missed"]] == str(answer["totals"]["missed"])
    non = table(at, texts.CAMPAIGN_MISSED)
    assert sorted(non["NIP"]) == sorted(r["nip"] for r in answer["non_reporters"])
    opds = table(at, texts.OPD)
    assert int(opds[texts.CAMPAIGN_COUNTS["reported"]].sum()) == answer["totals"]["reported"]
    away = table(at, texts.CAMPAIGN_WHEN)
    assert len(away) > 0
    labels = [b.label for b in at.get("download_button")]
    assert texts.CAMPAIGN_EXPORT["xlsx"] in labels and texts.CAMPAIGN_EXPORT["pdf"] in labels


def test_the_admin_defines_a_campaign_and_sees_the_refusals(dashboard, api, api_login):
    at = dashboard("admin", "kampanye")
    at.text_input(key="cmp_name").input("Pemantauan Idul Fitri")
    at.text_input(key="cmp_windows").input("09:00-07:00")
    at.button(key="FormSubmitter:campaign_new-Simpan").click().run()
    shown = texts_shown(at)
    assert "Kampanye tidak valid" in shown and "setelah jam mulai" in shown
    assert at.text_input(key="cmp_name").value == "Pemantauan Idul Fitri"  # nothing lost
    at.text_input(key="cmp_windows").input("07:00-09:00, 15:00-17:00")
    at.button(key="FormSubmitter:campaign_new-Simpan").click().run()
    assert texts.CAMPAIGN_SAVED.format(name="Pemantauan Idul Fitri") in texts_shown(at)
    created = next(c for c in _campaigns(api, api_login("admin"))
                   if c["name"] == "Pemantauan Idul Fitri")
    assert [w["label"] for w in created["windows"]] == ["07.00–09.00", "15.00–17.00"]
    assert at.selectbox(key="campaign_pick").value == created["id"]
    at.button(key="campaign_delete").click().run()
    assert texts.CAMPAIGN_DELETED in texts_shown(at)
    assert all(c["id"] != created["id"] for c in _campaigns(api, api_login("admin")))


def test_a_head_sees_their_opd_and_an_analyst_only_reads(dashboard, api, api_login):
    demo = next(c for c in _campaigns(api, api_login("admin")) if "(contoh)" in c["name"])
    at = dashboard("kepala_opd", "kampanye")
    at.selectbox(key="campaign_pick").set_value(demo["id"]).run()
    units = table(at, texts.UNIT)
    answer = _compliance(api, api_login("kepala_opd"), demo["id"])
    assert int(units[texts.CAMPAIGN_COUNTS["missed"]].sum()) == answer["totals"]["missed"]
    assert {r["opd_id"] for r in answer["non_reporters"]} <= {answer["by_opd"][0]["opd_id"]}
    assert not [e for e in at.expander if e.label == texts.CAMPAIGN_NEW]
    reader = dashboard("analis", "kampanye")
    assert not [e for e in reader.expander if e.label == texts.CAMPAIGN_NEW]
    assert not [b for b in reader.button if b.key == "campaign_delete"]
