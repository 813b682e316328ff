"""The hand-computed fixture month (February 2026) of the recap tests, built from real inputs.

Calendar (5-day week): 17 workdays — Feb 16 is cuti bersama (Imlek, from `holidays`), Feb 17
Tahun Baru Imlek, Feb 25 a local holiday added by the admin; the 6-day OPD "c" also works the
four Saturdays (21 workdays). Fridays end at 14.30 (5-day) and 11.00 (6-day).

People (OPD a unless said otherwise), every input through the real flows:
- rajin: on time every day (and a stray check-in on the cuti bersama day, ignored);
- telat: TL1–TL4, PSW1–PSW4 (one PSW1 only because Friday ends at 14.30), a TM day, a TP
  day and a TK day — 235 late + 215 early minutes;
- absen: CT 2, S 1, DL 2 (with a check-in that the absence overrides), DIK 1, I 2, TB 1,
  CAP 1, through absence requests approved by the head of the OPD;
- pindah: mutated to OPD b from Feb 16 (TK on Feb 10 in a, 20 minutes late on Feb 19 in b);
- batal: present every day, Feb 19 cancelled (Pasal 13) by the supervisor with two witnesses
  and approved by the head of the OPD → TK;
- mangkir (OPD b): TK on 10 consecutive workdays Feb 2–13 and on Feb 18 (11 in a row: the
  holidays in between neither count nor break), 2 TK days and 15 × 30 late minutes (= 450 =
  one TK day) in January → PP 94 year to date 13 + 1 = 14 days (sedang, 9 months);
- shift (OPD b, hospital roster): morning, afternoon and night shifts, a night shift that
  checks out the next morning, a morning shift on the cuti bersama day, a TP night;
- enam (OPD c, 6-day week): late on a Saturday, early on another Saturday, and 11.05 on a
  Friday which is on time for the 6-day week.
"""
from __future__ import annotations

from datetime import date, timedelta

from api import clock
from api.services import daily, org, schedules
from api.services.accounts import load_actor
from api.services.changes import absences, cancellations
from api.services.org import mutations
from tests.factories import OFFICE_A, PDF_DOCUMENT, World, accepted_event, local

BUILD_NOW = "2026-02-27T20:00:00+07:00"  # inside February: absences/cancellations allowed
RECAP_NOW = "2026-03-02T07:10:00+07:00"
FEB = [date(2026, 2, d) for d in range(1, 29)]
HOLIDAYS = {date(2026, 2, 16), date(2026, 2, 17), date(2026, 2, 25)}
WORKDAYS = [d for d in FEB if d.weekday() < 5 and d not in HOLIDAYS]  # 17
SIX_DAY = [d for d in FEB if d.weekday() < 6 and d not in HOLIDAYS]  # 21
JAN_WORKDAYS = [d for d in (date(2026, 1, 1) + timedelta(i) for i in range(31))
                if d.weekday() < 5 and d not in (date(2026, 1, 1), date(2026, 1, 16))]


def d(day: int) -> date:
    return date(2026, 2, day)


def on_time(employee, day: date, six_day: bool = False) -> None:
    """In 06:50, out five minutes after the day's end."""
    ends = ({4: "11:05", 5: "12:35"} if six_day else {4: "14:35"}).get(
        day.weekday(), "14:05" if six_day else "15:05")
    accepted_event(employee, day, local(day, "06:50"), "in")
    accepted_event(employee, day, local(day, ends), "out")


def punches(employee, day: date, check_in: str | None, check_out: str | None,
            out_next_day: bool = False) -> None:
    if check_in:
        accepted_event(employee, day, local(day, check_in), "in")
    if check_out:
        accepted_event(employee, day, local(day, check_out, plus_days=int(out_next_day)), "out")


def add_opd_c(world: World) -> None:
    world.opds["c"] = org.create_opd(None, {"code": "DAMKAR", "name": "Dinas Pemadam Kebakaran",
                                            "short_name": "Damkar",
                                            "address": "Jl. Slamet Riyadi 1, Jember"})
    world.units["c"] = org.create_unit(None, {"opd_id": world.opds["c"].id, "parent_id": None,
                                              "code": "OPS", "name": "Bidang Operasi"})
    world.locations["c"] = org.create_location(None, {
        "opd_id": world.opds["c"].id, "name": "Markas Damkar", "kind": "office",
        "lat": OFFICE_A[0] + 0.01, "lon": OFFICE_A[1], "radius_m": 100, "tz": "Asia/Jakarta"})


def build(app, world: World) -> dict:
    """Create the month; returns the fixture people by key."""
    app.config["HADIR_FAKE_NOW"] = BUILD_NOW
    now, today = clock.now(), d(27)
    add_opd_c(world)
    add = world.add_person
    people = {
        "rajin": add("rajin", "a", supervisor="kepala_a"),
        "telat": add("telat", "a", supervisor="kepala_a"),
        "absen": add("absen", "a", supervisor="kepala_a"),
        "pindah": add("pindah", "a", supervisor="kepala_a"),
        "batal": add("batal", "a", supervisor="atasan_a"),
        "mangkir": add("mangkir", "b", supervisor="kepala_b"),
        "shift": add("shift", "b", supervisor="kepala_b", group="RSUD"),
        "enam": add("enam", "c", group="6HK"),
    }
    admin = world.people["admin"].id
    schedules.set_local_day(admin, {"date": d(25), "action": "add",
                                         "name": "Hari Jadi Kabupaten Jember", "kind": "local"},
                                 today)
    _events(people)
    _roster_and_shift(admin, people["shift"], today)
    mutations.create(admin, people["pindah"], {
        "opd_id": world.opds["b"].id, "unit_id": world.units["b"].id,
        "location_id": world.locations["b"].id, "valid_from": d(16),
        "reason": "Mutasi ke Dinas Kesehatan", "supervisor_id": world.people["kepala_b"].id},
        today)
    ids = [p.id for p in people.values()]
    daily.recompute_range(d(1), today, ids, now)
    daily.recompute_range(date(2026, 1, 1), date(2026, 1, 31), [people["mangkir"].id], now)
    _absences(world, people["absen"], today, now)
    _cancellation(world, people["batal"], today, now)
    app.config["HADIR_FAKE_NOW"] = RECAP_NOW
    daily.recompute_range(d(1), d(28), ids, clock.now())
    return people


def _events(people: dict) -> None:
    for day in WORKDAYS:
        on_time(people["rajin"], day)
        on_time(people["batal"], day)
        if day >= d(18):
            on_time(people["absen"], day)
            on_time(people["telat"], day)
        if day not in (d(10), d(19)):
            on_time(people["pindah"], day)
        if day >= d(19):
            on_time(people["mangkir"], day)
    accepted_event(people["rajin"], d(16), local(d(16), "06:50"), "in")  # cuti bersama
    punches(people["pindah"], d(19), "07:20", "15:05")
    accepted_event(people["absen"], d(5), local(d(5), "06:50"), "in")  # DL wins over it
    telat = people["telat"]
    for day, check_in, check_out in ((2, "07:15", "15:05"), (3, "07:45", "15:05"),
                                     (4, "08:10", "15:05"), (5, "08:45", "14:20"),
                                     (6, "06:55", "14:20"), (9, None, "15:10"),
                                     (10, "06:50", None), (11, "06:50", "13:20"),
                                     (12, "06:50", "13:55")):
        punches(telat, d(day), check_in, check_out)
    mangkir = people["mangkir"]
    late_days = [day for day in JAN_WORKDAYS if day.day not in (6, 7)][:15]
    for day in JAN_WORKDAYS:
        if day.day in (6, 7):
            continue
        punches(mangkir, day, "07:30" if day in late_days else "06:50",
                "14:35" if day.weekday() == 4 else "15:05")
    enam = people["enam"]
    for day in SIX_DAY:
        if day == d(7):
            punches(enam, day, "06:50", "12:00")
        elif day == d(14):
            punches(enam, day, "07:40", "12:35")
        else:
            on_time(enam, day, six_day=True)


SHIFTS = {2: "P", 3: "S", 4: "M", 5: None, 6: None, 9: "P", 10: "S", 11: "M", 12: None,
          16: "P", 17: "M"}


def _roster_and_shift(admin: int, nurse, today: date) -> None:
    entries = [{"employee_id": nurse.id, "work_date": d(day), "shift_code": code}
               for day, code in SHIFTS.items()]
    schedules.set_roster(admin, entries, {nurse.id: nurse}, today)
    for day, check_in, check_out, next_day in ((2, "06:50", "14:05", False),
                                               (3, "14:10", "21:02", False),
                                               (4, "20:55", "07:02", True),
                                               (9, "06:55", "14:00", False),
                                               (10, "13:50", "20:30", False),
                                               (11, "21:20", "07:10", True),
                                               (16, "06:58", "14:01", False),
                                               (17, "20:50", None, False)):
        punches(nurse, d(day), check_in, check_out, next_day)


ABSENCES = [("CT", 2, 3), ("S", 4, 4), ("DL", 5, 6), ("DIK", 9, 9), ("I", 10, 11),
            ("TB", 12, 12), ("CAP", 13, 13)]


def _absences(world: World, employee, today: date, now) -> None:
    """Submitted by the employee, approved by the head of the OPD (issue 4's service)."""
    own, head = load_actor(employee.id), load_actor(world.people["kepala_a"].id)
    for code, first, last in ABSENCES:
        row = absences.submit(own, {"code": code, "date_from": d(first), "date_to": d(last),
                                    "reason": f"Keperluan {code}"}, PDF_DOCUMENT, today, now)
        absences.decide(head, row.id, True, "", today, now)


def _cancellation(world: World, employee, today: date, now) -> None:
    """Filed by the direct supervisor with two witnesses, approved by the head of the OPD."""
    supervisor = load_actor(world.people["atasan_a"].id)
    row = cancellations.file(supervisor, {
        "employee_id": employee.id, "work_date": d(19),
        "witness_ids": [world.people["pegawai_a"].id, world.people["pegawai_a2"].id],
        "statement": "Tidak berada di tempat tugas sejak pukul 09.00 tanpa izin."},
        today, now)
    cancellations.decide(load_actor(world.people["kepala_a"].id), row.id, True, "", today, now)


ZERO = {"late_minutes": 0, "early_minutes": 0, "tk_days": 0, "leave_days": 0, "izin_days": 0,
        "pending_days": 0, "wfh_days": 0, "tm_days": 0, "tp_days": 0, "TL1": 0, "TL2": 0,
        "TL3": 0, "TL4": 0, "PSW1": 0, "PSW2": 0, "PSW3": 0, "PSW4": 0, "tpp_percent": 0.0,
        "mutation_date": None, "longest_tk_streak": 0, "consecutive_tk_flag": False,
        "ytd_tk_days": 0, "ytd_late_minutes": 0, "ytd_early_minutes": 0,
        "ytd_converted_days": 0.0, "pp94_exact_days": 0.0, "pp94_days": 0,
        "pp94_level": None, "pp94_penalty_id": None, "pp94_penalty": "Tidak ada hukuman disiplin"}


def row(**values) -> dict:
    return {**ZERO, **values}


# (person, OPD key) → every recap column, computed by hand from the story above.
EXPECTED = {
    ("rajin", "a"): row(workdays=17, present_days=17, attendance_percent=100.0),
    ("telat", "a"): row(workdays=17, present_days=16, attendance_percent=94.12,
                        late_minutes=235, early_minutes=215, tk_days=1, tm_days=1, tp_days=1,
                        TL1=1, TL2=1, TL3=1, TL4=2, PSW1=1, PSW2=1, PSW3=1, PSW4=2,
                        tpp_percent=14.5, longest_tk_streak=1, ytd_tk_days=1,
                        ytd_late_minutes=235, ytd_early_minutes=215, ytd_converted_days=1.0,
                        pp94_exact_days=2.0, pp94_days=2),
    ("absen", "a"): row(workdays=17, present_days=7, attendance_percent=41.18, leave_days=8,
                        izin_days=2, tpp_percent=5.0),
    ("pindah", "a"): row(workdays=10, present_days=9, attendance_percent=90.0, tk_days=1,
                         tpp_percent=3.0, mutation_date="2026-02-16", longest_tk_streak=1,
                         ytd_tk_days=1, ytd_late_minutes=20, ytd_converted_days=0.0444,
                         pp94_exact_days=1.0444, pp94_days=1),
    ("pindah", "b"): row(workdays=7, present_days=7, attendance_percent=100.0,
                         late_minutes=20, TL1=1, tpp_percent=0.5, mutation_date="2026-02-16",
                         longest_tk_streak=1,  # discipline is per person, over every OPD
                         ytd_tk_days=1, ytd_late_minutes=20, ytd_converted_days=0.0444,
                         pp94_exact_days=1.0444, pp94_days=1),
    ("batal", "a"): row(workdays=17, present_days=16, attendance_percent=94.12, tk_days=1,
                        tpp_percent=3.0, longest_tk_streak=1, ytd_tk_days=1, pp94_exact_days=1.0,
                        pp94_days=1),
    ("mangkir", "b"): row(workdays=17, present_days=6, attendance_percent=35.29, tk_days=11,
                          tpp_percent=33.0, longest_tk_streak=11, consecutive_tk_flag=True,
                          ytd_tk_days=13, ytd_late_minutes=450, ytd_converted_days=1.0,
                          pp94_exact_days=14.0, pp94_days=14, pp94_level="sedang",
                          pp94_penalty_id="POTONG_TPP_25_9_BULAN",
                          pp94_penalty="Pemotongan tunjangan kinerja/TPP sebesar 25% selama 9 "
                                       "bulan"),
    ("shift", "b"): row(workdays=8, present_days=8, attendance_percent=100.0,
                        late_minutes=30, early_minutes=30, tp_days=1, TL1=2, PSW1=1, PSW4=1,
                        tpp_percent=3.0, ytd_late_minutes=30, ytd_early_minutes=30,
                        ytd_converted_days=0.1333, pp94_exact_days=0.1333, pp94_days=0),
    ("enam", "c"): row(workdays=21, present_days=21, attendance_percent=100.0,
                       late_minutes=40, early_minutes=30, TL2=1, PSW1=1, tpp_percent=1.5,
                       ytd_late_minutes=40, ytd_early_minutes=30, ytd_converted_days=0.1556,
                       pp94_exact_days=0.1556, pp94_days=0),
}


class Month:
    """The built month: the app (inside its context), the world and the fixture people."""

    def __init__(self, app, world: World, people: dict):
        self.app, self.world, self.people = app, world, people
        self.client = app.test_client()

    def get(self, url: str, who: str = "admin"):
        return self.client.get(url, headers=self.world.headers(who))

    def opd_key(self, opd_id: int) -> str:
        return next(k for k, o in self.world.opds.items() if o.id == opd_id)

    def keyed(self, rows: list[dict]) -> dict:
        names = {p.id: k for k, p in self.people.items()}
        return {(names.get(r["employee_id"], r["employee_id"]), self.opd_key(r["opd_id"])): r
                for r in rows}


def app_with_month(tmp_path, postgres_url):
    """A module-scoped app holding the fixture month (built once: it takes a few seconds)."""
    from api import create_app, migrations
    from api.db import database
    from tests.conftest import DEFAULT_NOW, _truncate_all

    app = create_app({
        "HADIR_ENV": "test", "DATABASE_URL": postgres_url or f"sqlite:///{tmp_path / 'h.db'}",
        "JWT_SECRET_KEY": "test-secret-key-for-hadir-0123456789",
        "UPLOAD_DIR": str(tmp_path / "uploads"), "HADIR_FAKE_NOW": DEFAULT_NOW,
        "HADIR_CLOCK_RUNNING": False, "PASSWORD_HASH_PROFILE": "fast", "LOG_LEVEL": "WARNING"})
    with app.app_context():
        database.connect(reuse_if_open=True)
        if postgres_url:
            _truncate_all()
        else:
            migrations.migrate()
        world = World.build(app)
        yield Month(app, world, build(app, world))
        if not database.is_closed():
            database.close()
