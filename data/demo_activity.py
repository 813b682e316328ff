"""Demo attendance: months of check-ins shaped by habits, plus the irregular cases that
supervisors and BKD analysts must see (out-of-office, fake GPS, shared phones, mismatches)."""
from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import numpy as np

from api import clock
from api.bulk import insert_rows
from api.models import CheckinEvent
from api.services.schedules import ScheduleBook

# habit → (P(no show), P(late), mean late min, P(early leave), mean early min)
HABITS = {
    "punctual": (0.008, 0.04, 8, 0.02, 10),
    "late": (0.02, 0.55, 28, 0.04, 15),
    "early": (0.02, 0.06, 10, 0.5, 45),
    "both": (0.05, 0.5, 35, 0.45, 50),
    "absent": (0.18, 0.3, 25, 0.2, 30),
}
COLUMNS = ("employee", "kind", "status", "codes", "recorded_at", "work_date", "lat", "lon",
           "accuracy_m", "is_mock", "device_uid", "location", "distance_m", "out_of_office",
           "similarity", "liveness", "selfie_sha256", "note", "idempotency_key", "response",
           "created_at")
DEMO_RESPONSE = json.dumps({"demo": True})


class Draws:
    """Random numbers drawn from numpy in large blocks and handed out one by one: the event
    loop needs millions of scalars, and one numpy call per scalar would dominate its time."""

    BLOCK = 1 << 20

    def __init__(self, rng: np.random.Generator) -> None:
        self.rng = rng
        self._uniform = self._normal = self._exponential = iter(())

    def _next(self, name: str, draw) -> float:
        try:
            return next(getattr(self, name))
        except StopIteration:
            setattr(self, name, iter(draw(self.BLOCK).tolist()))
            return next(getattr(self, name))

    def random(self) -> float:
        return self._next("_uniform", self.rng.random)

    def uniform(self, low: float, high: float) -> float:
        return low + (high - low) * self.random()

    def integers(self, low: int, high: int) -> int:
        return low + int(self.random() * (high - low))

    def normal(self, mean: float, sigma: float) -> float:
        return mean + sigma * self._next("_normal", self.rng.standard_normal)

    def exponential(self, mean: float) -> float:
        return mean * self._next("_exponential", self.rng.standard_exponential)


class EventWriter:
    """Collects event rows; a unique idempotency key per generated attempt."""

    def __init__(self) -> None:
        self.rows: list[tuple] = []

    def add(self, person, kind: str, at: datetime, office, rng, *, status="ACCEPTED",
            codes="", mock=False, device=None, similarity=None, lat=None, lon=None,
            out_of_office=False, note="", work_date=None) -> None:
        lat = office.lat + rng.normal(0, 0.00012) if lat is None else lat
        lon = office.lon + rng.normal(0, 0.00012) if lon is None else lon
        sim = min(max(rng.normal(0.965, 0.012), 0.93), 0.995) if similarity is None \
            else similarity
        key = f"demo-{person.id}-{len(self.rows)}"
        stamp = clock.utc_naive(at)
        self.rows.append((
            person.id, kind, status, codes, stamp, work_date or at.date(), round(lat, 6),
            round(lon, 6), float(rng.integers(4, 30)), mock, device or person.device, office.id,
            round(rng.uniform(3, 60), 1), out_of_office, round(sim, 4),
            round(rng.uniform(0.45, 0.99), 4), "", note, key, DEMO_RESPONSE, stamp))


def day_times(day, rng, habit):
    """(check-in time or None, check-out time or None) for one worked day."""
    absent, p_late, late_mean, p_early, early_mean = HABITS[habit]
    if rng.random() < absent:
        return None, None
    if rng.random() < p_late:
        arrive = day.checkin_close + timedelta(minutes=rng.exponential(late_mean) + 1)
    else:
        minutes = min(max(rng.normal(22, 12), 1), 110)
        arrive = day.checkin_close - timedelta(minutes=minutes)
    if rng.random() < p_early:
        leave = day.checkout_open - timedelta(minutes=rng.exponential(early_mean) + 1)
    else:
        leave = day.checkout_open + timedelta(minutes=min(max(rng.normal(20, 15), 0), 170))
    missing = rng.random()
    if missing < 0.008:
        arrive = None  # TM
    elif missing < 0.02:
        leave = None  # TP
    if arrive and leave and leave <= arrive:
        leave = arrive + timedelta(minutes=30)
    return arrive, leave


def generate(org, date_from: date, today: date, now: datetime, rng, skip=frozenset()) -> int:
    """Every employee's check-ins from date_from to now; `skip` = (employee id, date) pairs
    covered by an approved absence."""
    rng = Draws(rng)
    book = ScheduleBook.load(date_from, today)
    writer = EventWriter()
    for person in org.people:
        person.device = org.devices[person.id]
    ring, ring_from = fake_gps_ring(org, rng, today)
    day = date_from
    while day <= today:
        weekly = {code: book.day(0, org.groups[code].id, day, "Asia/Jakarta")
                  for code in ("5HK", "6HK")}
        for person in org.people:
            if (person.id, day) in skip:
                continue
            schedule = weekly.get(person.group) or book.day(person.id, org.groups["RSUD"].id,
                                                             day, "Asia/Jakarta")
            if not schedule.workday:
                continue
            office = org.offices[person.opd]
            arrive, leave = day_times(schedule, rng, person.habit)
            if arrive and arrive <= now:
                spoofed = person.id in ring and day >= ring_from
                writer.add(person, "in", arrive, office, rng, work_date=day,
                           lat=office.lat if spoofed else None,
                           lon=office.lon if spoofed else None)
            if leave and leave <= now:
                writer.add(person, "out", leave, office, rng, work_date=day)
        day += timedelta(days=1)
    irregular(org, writer, book, date_from, today, now, rng)
    return insert_rows(CheckinEvent, COLUMNS, writer.rows)


def fake_gps_ring(org, rng, today: date) -> tuple[set[int], date]:
    """A dozen staff of one OPD whose last two weeks of check-ins all carry the office's exact
    coordinates: the identical-coordinates pattern that exposed fake GPS in Kab. Cirebon."""
    code = "DISPENDIK"
    members = [p for p in org.people if p.opd == code and p.supervisor_id is not None]
    chosen = rng.rng.choice(len(members), size=min(12, len(members)), replace=False)
    return {members[i].id for i in chosen}, today - timedelta(days=14)


def irregular(org, writer, book, date_from, today, now, rng) -> None:
    """Refused attempts and fraud patterns for the analytics and approvals pages."""
    staff = [p for p in org.people if p.supervisor_id is not None and p.group != "RSUD"]
    days = [date_from + timedelta(days=i) for i in range((today - date_from).days + 1)]
    workdays = [d for d in days if book.day(0, org.groups["5HK"].id, d, "Asia/Jakarta").workday]
    count = min(len(staff), max(12, len(staff) // 40))
    picks = rng.rng.choice(len(staff), size=count, replace=False)
    for index, person in enumerate(staff[i] for i in picks):
        d = workdays[int(rng.integers(0, len(workdays)))]
        day = book.day(0, org.groups[person.group].id, d, "Asia/Jakarta")
        at = day.checkin_close - timedelta(minutes=int(rng.integers(5, 60)))
        if at > now:
            continue
        office = org.offices[person.opd]
        kind = index % 4
        if kind == 0:  # an OS mock-location flag
            writer.add(person, "in", at, office, rng, status="REJECTED", codes="MOCK_LOCATION",
                       mock=True, work_date=d)
        elif kind == 1:  # someone else's face on this account
            writer.add(person, "in", at, office, rng, status="REJECTED", codes="FACE_MISMATCH",
                       similarity=round(float(rng.uniform(0.55, 0.8)), 4), work_date=d)
        elif kind == 2:  # a colleague's phone
            other = staff[int(rng.integers(0, len(staff)))]
            writer.add(person, "in", at, office, rng, status="REJECTED", codes="DEVICE_SHARED",
                       device=org.devices[other.id], work_date=d)
        else:
            writer.add(person, "in", at, office, rng, status="REJECTED",
                       codes="REPLAY_SUSPECTED", work_date=d)
