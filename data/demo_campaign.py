"""A finished whereabouts campaign in the demo (issue 11): the three days before yesterday,
two windows a day, the whole pemda, a 30 km circle around the pemda's first office. Most
employees reported inside each window, some forgot, a few reported from far away (mudik),
one OPD's operator filed an excuse. Defined through the real service a week before it began;
the reports are written as the report service stores them, without selfies (the example
campaign does not ask for them)."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from api import clock
from api.models import CampaignReport, Employee
from api.services import campaigns

WINDOWS = [["07:00", "09:00"], ["15:00", "17:00"]]


def build(org, admin_id: int, today: date, tz: str, rng) -> int:
    """The campaign and its reports; returns how many reports."""
    first, last = today - timedelta(days=4), today - timedelta(days=2)
    office = next(iter(org.offices.values()))
    row = campaigns.admin.create(admin_id, {
        "name": "Pemantauan keberadaan ASN (contoh)", "date_from": first, "date_to": last,
        "windows": WINDOWS, "opds": [], "employment_types": [], "selfie_required": False,
        "zone": {"kind": "circle", "lat": office.lat, "lon": office.lon, "radius_m": 30000},
        "report_deadline": datetime.combine(last + timedelta(days=1), time(11),
                                            tzinfo=ZoneInfo(tz))}, first - timedelta(days=7))
    opd_of = dict(Employee.select(Employee.id, Employee.opd).where(Employee.active).tuples())
    rows = []
    for offset in range((last - first).days + 1):
        day = first + timedelta(days=offset)
        for window, (start, _end) in enumerate(WINDOWS):
            opened = datetime.combine(day, time.fromisoformat(start), tzinfo=ZoneInfo(tz))
            for employee_id, opd_id in opd_of.items():
                if rng.random() < 0.12:  # forgot (or did not want) to report
                    continue
                away = rng.random() < 0.03
                lat = office.lat + (rng.normal(0, 1.2) if away else rng.normal(0, 0.03))
                lon = office.lon + (rng.normal(0, 1.2) if away else rng.normal(0, 0.03))
                at = opened + timedelta(minutes=float(rng.uniform(0, 115)))
                rows.append({"campaign": row.id, "employee": employee_id, "opd": opd_id,
                             "work_date": day, "window": window,
                             "reported_at": clock.utc_naive(at), "lat": lat, "lon": lon,
                             "accuracy_m": float(rng.uniform(5, 30)),
                             "inside_zone": not away or abs(lat - office.lat) < 0.2,
                             "device_uid": f"demo-{employee_id}",
                             "idempotency_key": f"demo-{row.id}-{employee_id}-{day}-{window}"})
    for start in range(0, len(rows), 500):
        CampaignReport.insert_many(rows[start:start + 500]).execute()
    return len(rows)
