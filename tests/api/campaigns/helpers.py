"""Helpers for campaign tests: the SiAbOn-style campaign of the fixture month, and a report
sent like the web app sends it."""
from __future__ import annotations

import io
import itertools
import uuid

from tests.conftest import face_photo
from tests.factories import OFFICE_A

_keys = itertools.count(1)
BEFORE = "2026-02-25T10:00:00+07:00"  # when the admin defines the campaign


def siabon(world, **overrides) -> dict:
    """1–5 March 2026 (a Sunday included), 07–09 and 15–17 office time, OPD A, a 20 km
    circle around the Diskominfo office, heads report by 6 March 11:00."""
    body = {"name": "Pemantauan keberadaan ASN", "date_from": "2026-03-01",
            "date_to": "2026-03-05",
            "windows": [{"start": "07:00", "end": "09:00"}, {"start": "15:00", "end": "17:00"}],
            "opds": [world.opds["a"].id], "selfie_required": True,
            "zone": {"kind": "circle", "lat": OFFICE_A[0], "lon": OFFICE_A[1],
                     "radius_m": 20000},
            "report_deadline": "2026-03-06T11:00:00+07:00"}
    body.update(overrides)
    return body


def define(client, world, app, **overrides):
    """Create the campaign as the admin on 25 February; the clock is left there."""
    app.config["HADIR_FAKE_NOW"] = BEFORE
    return client.post("/api/v1/campaigns", headers=world.headers("admin"),
                       json=siabon(world, **overrides))


def report(client, world, who: str, campaign_id: int, *, identity: str = "webmorph_lisa",
           number: int = 2, lat: float = OFFICE_A[0], lon: float = OFFICE_A[1],
           key: str | None = None, selfie: bytes | None = None):
    data = {"lat": str(lat), "lon": str(lon), "accuracy_m": "12", "device_id": f"hp-{who}",
            "selfie": (io.BytesIO(selfie if selfie is not None else face_photo(identity, number)),
                       "swafoto.jpg")}
    return client.post(f"/api/v1/campaigns/{campaign_id}/reports", data=data,
                       content_type="multipart/form-data",
                       headers={**world.headers(who),
                                "Idempotency-Key": key or f"r-{next(_keys)}-{uuid.uuid4().hex}"})


def compliance(client, world, campaign_id: int, who: str = "admin", **query):
    response = client.get(f"/api/v1/campaigns/{campaign_id}/compliance",
                          query_string=query, headers=world.headers(who))
    assert response.status_code == 200, response.json
    return response.json


def file_excuse(client, world, campaign_id: int, who: str, **fields):
    """A reason with its document, as the web app sends it."""
    from tests.factories import PDF_DOCUMENT

    data = {**fields, "document": (io.BytesIO(PDF_DOCUMENT), "surat.pdf")}
    return client.post(f"/api/v1/campaigns/{campaign_id}/excuses", headers=world.headers(who),
                       data=data, content_type="multipart/form-data")
