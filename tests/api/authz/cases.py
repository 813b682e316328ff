"""One request per API route, built for a subject: the object the route reads or changes
belongs to the actor themselves ("own"), to a plain employee of the actor's OPD ("same"; for
the atasan, their own subordinate), or to an employee of another OPD ("other").

Objects are made fresh for every request, as the flows store them (rows and files, as
tests/factories.py does: data, not mocks), so one actor's decision never changes what the next
one meets. A builder returns None where the object cannot exist for that subject (a pemda-wide
holiday has no owner; nobody files a cancellation for someone without a supervisor)."""
from __future__ import annotations

import io
import itertools
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from api.models import (
    AbsenceRequest,
    Campaign,
    CampaignExcuse,
    Cancellation,
    Device,
    DeviceBinding,
    Job,
    LocalDay,
    ManualSheet,
    MonthClosing,
    ProblemReport,
    RoleGrant,
    SchedulePeriod,
)
from api.services import storage
from tests.conftest import face_photo
from tests.factories import PDF_DOCUMENT, PNG_DOCUMENT, stored_checkin

ACTORS = {"P": "pegawai_a", "A": "atasan_a", "K": "kepala_a", "O": "operator_a", "M": "admin",
          "N": "analis"}
SCOPES = ("own", "same", "other")
_n = itertools.count(1)


def subject_of(actor: str, scope: str) -> str:
    if scope == "own":
        return actor
    if scope == "other":
        return "pegawai_b"
    if actor in ("admin", "analis"):
        return "staf_bkd"
    return "pegawai_a2" if actor == "pegawai_a" else "pegawai_a"


@dataclass
class Req:
    method: str
    path: str
    json: dict | None = None
    form: dict | None = None
    query: dict | None = None
    seen: Callable[[dict], bool] | None = None  # lists: was the subject's object in it?
    headers: dict = field(default_factory=dict)


@dataclass
class Ctx:
    world: object
    client: object
    actor: str
    subject: str

    @property
    def person(self):
        return self.world.people[self.subject]

    @property
    def opd_key(self) -> str:
        return {self.world.opds[k].id: k for k in self.world.opds}[self.person.opd_id]

    @property
    def opd(self):
        return self.world.opds[self.opd_key]

    def supervisor_of(self, key: str):
        person = self.world.people[key]
        return person.supervisor if person.supervisor_id else None


def n() -> int:
    return next(_n)


def workday(k: int) -> date:
    """The k-th workday from Tuesday 3 March 2026 on (the month the clock is in)."""
    day = date(2026, 3, 3)
    while True:
        if day.weekday() < 5:
            k -= 1
            if k < 0:
                return day
        day += timedelta(days=1)


_days: dict[str, int] = {}


def next_day(ctx: Ctx) -> date:
    """A workday of March no other absence of the subject's holds (before Nyepi)."""
    k = _days[ctx.subject] = _days.get(ctx.subject, -1) + 1
    return workday(k % 9)


def present(ctx: Ctx) -> None:
    """The subject checked in on 2 March (what a cancellation needs)."""
    stored_checkin(ctx.world, ctx.subject, moment())


def mentions(ctx: Ctx, text: str | None = None) -> Callable[[dict], bool]:
    """Seen when the answer names the subject (their NIP), or `text`."""
    def seen(body) -> bool:
        return (text or ctx.person.nip) in json.dumps(body)
    return seen


def document(owner) -> object:
    return storage.save(PDF_DOCUMENT, "document", owner.id, owner.id)


def pdf(name: str = "surat.pdf"):
    return (io.BytesIO(PDF_DOCUMENT), name)


def in_items(object_id) -> Callable[[dict], bool]:
    def seen(body) -> bool:
        items = body.get("items", body) if isinstance(body, dict) else body
        return any(item.get("id") == object_id for item in items)
    return seen


# --- the objects ---------------------------------------------------------------------------
def absence(ctx: Ctx) -> AbsenceRequest:
    day = next_day(ctx)
    return AbsenceRequest.create(employee=ctx.person, opd=ctx.person.opd_id, code="S",
                                 date_from=day, date_to=day, workdays=1, reason="Sakit",
                                 document=document(ctx.person), submitted_by=ctx.person.id)


def checkin_with_frames(ctx: Ctx):
    event = pending_checkin(ctx)
    frame = storage.save(face_photo("webmorph_lisa", 3), "frame", ctx.person.id, ctx.person.id)
    event.frames = str(frame.id)
    event.save()
    return event


def in_workbook(ctx: Ctx) -> Callable[[bytes], bool]:
    """An xlsx download that lists the subject (by NIP)."""
    import openpyxl

    def seen(data: bytes) -> bool:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
        return any(ctx.person.nip in str(cell) for sheet in book.worksheets
                   for row in sheet.iter_rows(values_only=True) for cell in row if cell)
    return seen


def opd_in_board(ctx: Ctx) -> Callable[[dict], bool]:
    """The Beranda board counts people of the subject's OPD (atasan: of their team)."""
    def seen(body) -> bool:
        return any(row.get("opd_id") == ctx.opd.id and row.get("total", 1)
                   for row in body.get("by_opd", []))
    return seen


def pending_checkin(ctx: Ctx):
    return stored_checkin(ctx.world, ctx.subject, moment(), out_of_office=True, note="Rapat")


def moment() -> str:
    """A time on the morning of 2 March never used before in this run (keys stay unique)."""
    return (datetime(2026, 3, 2, 6, 0) + timedelta(seconds=n())).isoformat() + "+07:00"


def cancellation(ctx: Ctx) -> Cancellation | None:
    supervisor = ctx.supervisor_of(ctx.subject)
    if supervisor is None:
        return None
    others = [p for k, p in ctx.world.people.items()
              if p.opd_id == ctx.person.opd_id and p.id not in (ctx.person.id, supervisor.id)]
    if len(others) < 2:
        return None
    return Cancellation.create(employee=ctx.person, work_date=date(2026, 3, 2),
                               opd=ctx.person.opd_id, supervisor=supervisor,
                               witness_1=others[0], witness_2=others[1],
                               statement="Tidak berada di ruang kerja tanpa izin.")


def campaign(ctx: Ctx) -> Campaign:
    return Campaign.create(name=f"Pemantauan {n()}", date_from=date(2026, 3, 1),
                           date_to=date(2026, 3, 5), windows=json.dumps([["07:00", "09:00"]]),
                           opds=json.dumps([ctx.person.opd_id]),
                           report_deadline=datetime(2026, 3, 6, 4, 0),
                           created_by=ctx.world.people["admin"].id)


def future_campaign(ctx: Ctx) -> Campaign:
    row = campaign(ctx)
    row.date_from, row.date_to = date(2026, 3, 20), date(2026, 3, 24)
    row.report_deadline = datetime(2026, 3, 25, 4, 0)
    row.save()
    return row


def excuse(ctx: Ctx) -> CampaignExcuse:
    return CampaignExcuse.create(campaign=campaign(ctx), employee=ctx.person,
                                 opd=ctx.person.opd_id, work_date=date(2026, 3, 2), window=0,
                                 reason="Dinas luar", document=document(ctx.person))


def device_request(ctx: Ctx) -> DeviceBinding:
    device = Device.create(uid=f"hp-baru-{n()}")
    return DeviceBinding.create(employee=ctx.person, device=device, status="pending",
                                note="HP lama rusak")


def active_binding(ctx: Ctx) -> DeviceBinding:
    row = device_request(ctx)
    row.status = "active"
    row.save()
    return row


def closing(ctx: Ctx) -> MonthClosing:
    k = n()
    return MonthClosing.create(opd=ctx.person.opd_id, month=date(2024 - k // 12, k % 12 + 1, 1),
                               status="closed", closed_by=ctx.world.people["admin"].id,
                               closed_at=datetime(2026, 3, 1))


def sheet(ctx: Ctx) -> ManualSheet:
    return ManualSheet.create(opd=ctx.person.opd_id, work_date=date(2026, 3, 2),
                              workbook=document(ctx.person), evidence=document(ctx.person),
                              entry_count=0, uploaded_by=ctx.world.people["admin"].id)


def problem(ctx: Ctx) -> ProblemReport:
    filer = ctx.world.people["operator_b" if ctx.opd_key == "b" else "operator_a"]
    return ProblemReport.create(opd=ctx.person.opd_id, filed_by=filer, category="wajah",
                                title="Wajah tidak dikenali", description="Ditolak sejak pagi.",
                                employee=ctx.person,
                                attachment=storage.save(PNG_DOCUMENT, "problem", filer.id,
                                                        filer.id))


def grant(ctx: Ctx) -> RoleGrant:
    return RoleGrant.create(employee=ctx.person, role="analis", opd=None,
                            granted_by=ctx.world.people["admin"].id)


def job(ctx: Ctx) -> Job:
    return Job.create(id=f"00000000-0000-4000-8000-{n():012d}", kind="recompute",
                      created_by=ctx.person.id)


def local_day(ctx: Ctx) -> LocalDay:
    return LocalDay.create(date=date(2026, 4, 1) + timedelta(days=n()), action="add",
                           name="Hari Jadi")


def period(ctx: Ctx) -> SchedulePeriod:
    year = 2030 + n()
    return SchedulePeriod.create(group=ctx.world.groups["5HK"], name="Ramadan",
                                 date_from=date(year, 2, 1), date_to=date(year, 2, 20))


def enrolled(ctx: Ctx, identity: str) -> int | None:
    """The subject's face, enrolled by an admin; the id of its first photo."""
    from api.models import FaceTemplate
    from api.services.checkin import enrolment

    template = FaceTemplate.select().where(FaceTemplate.employee == ctx.person.id).first()
    if template is None:
        photo = [(io.BytesIO(face_photo(identity, 1)), "1.jpg")]
        response = ctx.client.post(f"/api/v1/employees/{ctx.person.id}/face",
                                   headers=ctx.world.headers("admin"),
                                   data={"photos": photo}, content_type="multipart/form-data")
        if response.status_code != 201:  # the admin's own face: another admin's duty
            return None
        template = FaceTemplate.select().where(FaceTemplate.employee == ctx.person.id).first()
    return enrolment.photo_ids(template)[0]
