"""The request each API route gets in the authorization matrix, keyed "METHOD rule" exactly as
Flask's route table names it. A route missing here fails tests/api/authz/test_matrix.py."""
from __future__ import annotations

import io

import openpyxl

from tests.api.authz import cases as c
from tests.api.authz.cases import Ctx, Req
from tests.conftest import face_photo
from tests.factories import OFFICE_A, PNG_DOCUMENT, make_nip

V1 = "/api/v1"
DECISION = {"reason": "Diperiksa"}
MONTH = "2026-03"
MARCH = {"from": "2026-03-01", "to": "2026-03-31"}
TIMES = {"start": "07:30", "end": "16:00", "checkin_open": "06:00", "checkin_close": "10:00",
         "checkout_open": "14:00", "checkout_close": "20:00"}
APPROVAL_KINDS = "<any(checkin, absence, device, cancellation, face, campaign_excuse):kind>"
# routes anyone may call without a token (none of them reads or changes a record)
PUBLIC = {
    "GET /healthz", "GET /readyz", "GET /api/v1/openapi.json", "GET /", "GET /presensi",
    "GET /presensi/", "GET /presensi/<path:name>", "GET /presensi/sw.js",
    "GET /static/<path:filename>", "POST /api/v1/auth/login", "POST /api/v1/auth/refresh",
}
IDENTITIES = {"pegawai_a": "webmorph_lisa", "pegawai_a2": "london_001", "pegawai_b": "london_006",
              "atasan_a": "london_002", "kepala_a": "london_003", "operator_a": "london_004",
              "admin": "london_005", "analis": "london_007", "staf_bkd": "london_008"}


def opd_query(ctx: Ctx, **extra) -> dict:
    return {"opd": ctx.opd.id, **extra}


def on(path: str, make, method: str = "POST", body=None, seen=None):
    """A route on an object of the subject's that `make(ctx)` builds; path has "{id}"."""
    def build(ctx: Ctx):
        row = make(ctx)
        if row is None:
            return None
        value = row if isinstance(row, int) else row.id
        return Req(method, V1 + path.format(id=value), json=body,
                   seen=seen(ctx) if seen else None)
    return build


def listing(path: str, make, query, key=None):
    """A list route: seen when the subject's fresh object is among its items."""
    def build(ctx: Ctx):
        row = make(ctx)
        if row is None:
            return None
        seen = c.in_items(row.id) if key is None else key(ctx, row)
        return Req("GET", V1 + path, query=query(ctx), seen=seen)
    return build


def employee_route(path: str, method: str = "GET", body=None):
    def build(ctx: Ctx):
        payload = body(ctx) if callable(body) else body
        return Req(method, V1 + path.format(id=ctx.person.id), json=payload)
    return build


def by_employee(path: str, query: dict | None = None):
    """A read narrowed to the subject (?employee=)."""
    def build(ctx: Ctx):
        return Req("GET", V1 + path, query={"employee": ctx.person.id, **(query or {})})
    return build


def plain(method: str, path: str, body=None, query=None):
    """A route with no object of anyone's (pemda-wide settings, the caller's own data)."""
    def build(ctx: Ctx):
        return Req(method, V1 + path, json=body(ctx) if callable(body) else body,
                   query=query(ctx) if callable(query) else query)
    return build


def opd_route(method: str, path: str, body=None, query=None, seen=None):
    """A route about the subject's OPD (its recap, its settings, its lists)."""
    def build(ctx: Ctx):
        return Req(method, V1 + path.format(opd=ctx.opd.id),
                   json=body(ctx) if callable(body) else body,
                   query=query(ctx) if callable(query) else query,
                   seen=seen(ctx) if seen else None)
    return build


def form_for(ctx: Ctx, **fields) -> dict:
    return {"employee_id": str(ctx.person.id), **fields}


def absence_form(ctx: Ctx):
    day = c.next_day(ctx).isoformat()
    return Req("POST", V1 + "/absences", form=form_for(
        ctx, code="S", date_from=day, date_to=day, reason="Sakit", document=c.pdf()))


def correction_form(ctx: Ctx):
    return Req("POST", V1 + "/corrections", form=form_for(
        ctx, work_date="2026-03-02", reason="Aplikasi gagal mengunggah", check_in="07:05",
        evidence=c.pdf()))


def manual_form(ctx: Ctx):
    return Req("POST", V1 + "/manual-entries", form=form_for(
        ctx, work_date="2026-03-02", check_in="07:05", evidence=c.pdf()))


def cancellation_body(ctx: Ctx):
    c.present(ctx)
    others = [p for k, p in ctx.world.people.items()
              if p.opd_id == ctx.person.opd_id and p.id != ctx.person.id]
    if len(others) < 2:
        return None
    return Req("POST", V1 + "/cancellations", json={
        "employee_id": ctx.person.id, "work_date": "2026-03-02",
        "witness_ids": [others[0].id, others[1].id],
        "statement": "Tidak berada di ruang kerja tanpa izin.", "letter_number": "800/1"})


def checkin_form(ctx: Ctx):
    return Req("POST", V1 + "/attendance/checkins", headers={"Idempotency-Key": f"k{c.n()}"},
               form={"kind": "in", "lat": str(OFFICE_A[0]), "lon": str(OFFICE_A[1]),
                     "accuracy_m": "10", "device_id": f"hp-{ctx.actor}", "is_mock": "false",
                     "selfie": (io.BytesIO(face_photo(IDENTITIES[ctx.actor], 2)), "s.jpg")})


def face_form(ctx: Ctx):
    photo = (io.BytesIO(face_photo(IDENTITIES[ctx.subject], 1)), "1.jpg")
    return Req("POST", V1 + f"/employees/{ctx.person.id}/face", form={"photos": [photo]})


def face_photo_route(ctx: Ctx):
    photo = c.enrolled(ctx, IDENTITIES[ctx.subject])
    if photo is None:
        return None
    return Req("GET", V1 + f"/employees/{ctx.person.id}/face/photos/{photo}")


def problem_form(ctx: Ctx):
    return Req("POST", V1 + "/problem-reports", form={
        "opd_id": str(ctx.opd.id), "category": "wajah", "title": "Wajah tidak dikenali",
        "description": "Sejak pagi ditolak.", "employee_id": str(ctx.person.id)})


def excuse_form(ctx: Ctx):
    row = c.campaign(ctx)
    return Req("POST", V1 + f"/campaigns/{row.id}/excuses", form={
        "work_date": "2026-03-02", "window": "0", "reason": "Dinas luar kota",
        "document": c.pdf()})


def report_form(ctx: Ctx):
    row = c.campaign(ctx)
    return Req("POST", V1 + f"/campaigns/{row.id}/reports", headers={"Idempotency-Key":
                                                                      f"r{c.n()}"},
               form={"lat": str(OFFICE_A[0]), "lon": str(OFFICE_A[1]), "accuracy_m": "10",
                     "device_id": f"hp-{ctx.actor}",
                     "selfie": (io.BytesIO(face_photo(IDENTITIES[ctx.actor], 2)), "s.jpg")})


def sheet_template(ctx: Ctx):
    return Req("GET", V1 + "/manual-sheets/template",
               query={"opd": ctx.opd.id, "date": "2026-03-02"})


def sheet_upload(ctx: Ctx):
    """Lampiran I of the subject's OPD as the template comes, previewed (dry run)."""
    template = ctx.client.get(V1 + "/manual-sheets/template", headers=ctx.world.headers("admin"),
                              query_string={"opd": ctx.opd.id, "date": "2026-03-02"})
    return Req("POST", V1 + "/manual-sheets", form={
        "opd": str(ctx.opd.id), "date": "2026-03-02", "dry_run": "true",
        "sheet": (io.BytesIO(template.data), "presensi.xlsx"),
        "evidence": (io.BytesIO(PNG_DOCUMENT), "pindaian.png")})


def employee_import(ctx: Ctx):
    """One new employee for the subject's OPD from a SIMPEG sheet, previewed (dry run)."""
    book = openpyxl.Workbook()
    book.active.append(["NIP", "Nama", "Jabatan", "Golongan", "Jenis Pegawai", "Unit",
                        "NIP Atasan", "Lokasi"])
    book.active.append([make_nip(), "Pegawai Baru", "Staf", "III/a", "PNS",
                        ctx.world.units[ctx.opd_key].name, "",
                        ctx.world.locations[ctx.opd_key].name])
    data = io.BytesIO()
    book.save(data)
    return Req("POST", V1 + "/employees/import", form={
        "opd": str(ctx.opd.id), "dry_run": "true",
        "file": (io.BytesIO(data.getvalue()), "pegawai.xlsx")})


def mutation_body(ctx: Ctx) -> dict:
    target = ctx.world.opds["b" if ctx.opd_key != "b" else "a"]
    key = "b" if ctx.opd_key != "b" else "a"
    return {"opd_id": target.id, "unit_id": ctx.world.units[key].id,
            "location_id": ctx.world.locations[key].id, "valid_from": "2026-03-16",
            "reason": "SK Bupati", "supervisor_id": ctx.world.people[f"kepala_{key}"].id}


def roster_body(ctx: Ctx) -> dict:
    return {"entries": [{"employee_id": ctx.person.id, "work_date": "2026-03-10",
                         "shift_code": None}]}


def roles_of(ctx: Ctx):
    row = c.grant(ctx)
    return Req("DELETE", V1 + f"/employees/{ctx.person.id}/roles/{row.id}")


def opd_code() -> str:
    return f"X{c.n()}"


ROUTES = {
    # absences
    "POST /api/v1/absences": absence_form,
    "GET /api/v1/absences": listing("/absences", c.absence,
                                    lambda ctx: {"employee": ctx.person.id}),
    "GET /api/v1/absences/<int:request_id>": on("/absences/{id}", c.absence, "GET"),
    "GET /api/v1/absences/<int:request_id>/document": on("/absences/{id}/document", c.absence,
                                                         "GET"),
    "POST /api/v1/absences/<int:request_id>/approve": on("/absences/{id}/approve", c.absence,
                                                         body=DECISION),
    "POST /api/v1/absences/<int:request_id>/reject": on("/absences/{id}/reject", c.absence,
                                                        body=DECISION),
    "POST /api/v1/absences/<int:request_id>/cancel": on("/absences/{id}/cancel", c.absence,
                                                        body=DECISION),
    # analytics: about the subject's OPD
    "GET /api/v1/analytics/arrivals": opd_route("GET", "/analytics/arrivals",
                                                query=lambda ctx: opd_query(ctx, month=MONTH)),
    "GET /api/v1/analytics/fraud": opd_route("GET", "/analytics/fraud", query=lambda ctx:
                                             opd_query(ctx, **{"from": "2026-03-01",
                                                               "to": "2026-03-02"})),
    "GET /api/v1/analytics/heatmap": opd_route("GET", "/analytics/heatmap",
                                               query=lambda ctx: opd_query(ctx, month=MONTH)),
    "GET /api/v1/analytics/ranking": opd_route("GET", "/analytics/ranking",
                                               query=lambda ctx: opd_query(ctx, month=MONTH)),
    "GET /api/v1/analytics/tiers": opd_route("GET", "/analytics/tiers",
                                             query=lambda ctx: opd_query(ctx, month=MONTH)),
    "GET /api/v1/analytics/trend": opd_route("GET", "/analytics/trend", query=lambda ctx:
                                             opd_query(ctx, **{"from": "2026-02-01",
                                                               "to": "2026-03-02"})),
    # approvals
    "GET /api/v1/approvals": listing("/approvals", c.absence, lambda ctx: {},
                                     key=lambda ctx, row: c.in_items(row.id)),
    f"POST /api/v1/approvals/{APPROVAL_KINDS}/<int:item_id>/approve":
        on("/approvals/checkin/{id}/approve", c.pending_checkin, body=DECISION),
    f"POST /api/v1/approvals/{APPROVAL_KINDS}/<int:item_id>/reject":
        on("/approvals/absence/{id}/reject", c.absence, body=DECISION),
    # attendance
    "POST /api/v1/attendance/challenges": plain("POST", "/attendance/challenges",
                                                body=lambda ctx: {"device_id":
                                                                  f"hp-{ctx.actor}"}),
    "POST /api/v1/attendance/checkins": checkin_form,
    "GET /api/v1/attendance/checkins": listing("/attendance/checkins", c.pending_checkin,
                                               lambda ctx: {"employee": ctx.person.id}),
    "POST /api/v1/attendance/checkins/<int:event_id>/approve":
        on("/attendance/checkins/{id}/approve", c.pending_checkin, body=DECISION),
    "POST /api/v1/attendance/checkins/<int:event_id>/reject":
        on("/attendance/checkins/{id}/reject", c.pending_checkin, body=DECISION),
    "GET /api/v1/attendance/checkins/<int:event_id>/selfie":
        on("/attendance/checkins/{id}/selfie", c.pending_checkin, "GET"),
    "GET /api/v1/attendance/checkins/<int:event_id>/frames/<int:position>":
        on("/attendance/checkins/{id}/frames/1", c.checkin_with_frames, "GET"),
    "GET /api/v1/attendance/days": by_employee("/attendance/days", {"from": "2026-03-02",
                                                                    "to": "2026-03-02"}),
    # audit
    "GET /api/v1/audit": plain("GET", "/audit"),
    "POST /api/v1/audit/checkpoint": plain("POST", "/audit/checkpoint"),
    "GET /api/v1/audit/verify": plain("GET", "/audit/verify"),
    # the caller's own session
    "POST /api/v1/auth/logout": plain("POST", "/auth/logout", body={}),
    "POST /api/v1/auth/password": plain("POST", "/auth/password", body={
        "old_password": "Rahasia123", "new_password": "Rahasia-Baru-2026!"}),
    # campaigns
    "POST /api/v1/campaigns": opd_route("POST", "/campaigns", body=lambda ctx: {
        "name": "Pemantauan", "date_from": "2026-03-20", "date_to": "2026-03-24",
        "windows": [{"start": "07:00", "end": "09:00"}], "opds": [ctx.opd.id],
        "report_deadline": "2026-03-25T11:00:00+07:00"}),
    "GET /api/v1/campaigns": listing("/campaigns", c.campaign, lambda ctx: {}),
    "GET /api/v1/campaigns/mine": listing("/campaigns/mine", c.campaign, lambda ctx: {},
                                          key=lambda ctx, row: c.mentions(ctx, row.name)),
    "GET /api/v1/campaigns/<int:campaign_id>": on("/campaigns/{id}", c.campaign, "GET"),
    "PATCH /api/v1/campaigns/<int:campaign_id>": on("/campaigns/{id}", c.future_campaign,
                                                    "PATCH", body={"name": "Baru"}),
    "DELETE /api/v1/campaigns/<int:campaign_id>": on("/campaigns/{id}", c.future_campaign,
                                                     "DELETE"),
    "GET /api/v1/campaigns/<int:campaign_id>/compliance":
        on("/campaigns/{id}/compliance", c.campaign, "GET", seen=c.mentions),
    "GET /api/v1/campaigns/<int:campaign_id>/export": on("/campaigns/{id}/export", c.campaign,
                                                         "GET", seen=c.in_workbook),
    "POST /api/v1/campaigns/<int:campaign_id>/excuses": excuse_form,
    "POST /api/v1/campaigns/<int:campaign_id>/reports": report_form,
    "GET /api/v1/campaign-excuses": listing("/campaign-excuses", c.excuse, lambda ctx: {}),
    "POST /api/v1/campaign-excuses/<int:excuse_id>/approve":
        on("/campaign-excuses/{id}/approve", c.excuse, body=DECISION),
    "POST /api/v1/campaign-excuses/<int:excuse_id>/reject":
        on("/campaign-excuses/{id}/reject", c.excuse, body=DECISION),
    "GET /api/v1/campaign-excuses/<int:excuse_id>/document":
        on("/campaign-excuses/{id}/document", c.excuse, "GET"),
    # cancellations
    "POST /api/v1/cancellations": cancellation_body,
    "GET /api/v1/cancellations": listing("/cancellations", c.cancellation,
                                         lambda ctx: {"employee": ctx.person.id}),
    "GET /api/v1/cancellations/<int:cancellation_id>": on("/cancellations/{id}",
                                                          c.cancellation, "GET"),
    "POST /api/v1/cancellations/<int:cancellation_id>/approve":
        on("/cancellations/{id}/approve", c.cancellation, body=DECISION),
    "POST /api/v1/cancellations/<int:cancellation_id>/reject":
        on("/cancellations/{id}/reject", c.cancellation, body=DECISION),
    "GET /api/v1/cancellations/<int:cancellation_id>/letter":
        on("/cancellations/{id}/letter", c.cancellation, "GET"),
    # closings: of the subject's OPD
    "GET /api/v1/closings": listing("/closings", c.closing, lambda ctx: {"opd": ctx.opd.id}),
    "POST /api/v1/closings": opd_route("POST", "/closings", body=lambda ctx: {
        "opd": ctx.opd.id, "month": "2026-02"}),
    "POST /api/v1/closings/<int:closing_id>/reopen": on("/closings/{id}/reopen", c.closing,
                                                        body={"reason": "Salah hitung"}),
    # corrections and manual attendance
    "POST /api/v1/corrections": correction_form,
    "GET /api/v1/corrections": by_employee("/corrections", MARCH),
    "POST /api/v1/manual-entries": manual_form,
    "GET /api/v1/manual-entries": by_employee("/manual-entries", MARCH),
    "POST /api/v1/manual-sheets": sheet_upload,
    "GET /api/v1/manual-sheets/<int:sheet_id>": on("/manual-sheets/{id}", c.sheet, "GET"),
    "GET /api/v1/manual-sheets/template": sheet_template,
    # devices
    "POST /api/v1/devices/requests": plain("POST", "/devices/requests", body=lambda ctx: {
        "device_id": f"hp-baru-{c.n()}", "note": "HP rusak"}),
    "GET /api/v1/devices/requests": listing("/devices/requests", c.device_request,
                                            lambda ctx: {}),
    "POST /api/v1/devices/requests/<int:binding_id>/approve":
        on("/devices/requests/{id}/approve", c.device_request, body=DECISION),
    "POST /api/v1/devices/requests/<int:binding_id>/reject":
        on("/devices/requests/{id}/reject", c.device_request, body=DECISION),
    "POST /api/v1/devices/bindings/<int:binding_id>/revoke":
        on("/devices/bindings/{id}/revoke", c.active_binding, body=DECISION),
    "GET /api/v1/devices/mine": plain("GET", "/devices/mine"),
    "GET /api/v1/devices/kiosks": plain("GET", "/devices/kiosks"),
    "POST /api/v1/devices/kiosks": opd_route("POST", "/devices/kiosks", body=lambda ctx: {
        "device_id": f"kios-{c.n()}", "label": "Kios", "opd_id": ctx.opd.id}),
    # discipline and recaps: of the subject's OPD
    "GET /api/v1/discipline/watchlist": opd_route("GET", "/discipline/watchlist",
                                                  query=lambda ctx: opd_query(ctx, year=2026)),
    "GET /api/v1/recaps/daily": opd_route("GET", "/recaps/daily", query=lambda ctx:
                                          opd_query(ctx, date="2026-03-02")),
    "GET /api/v1/recaps/monthly": opd_route("GET", "/recaps/monthly", query=lambda ctx:
                                            opd_query(ctx, month=MONTH)),
    "GET /api/v1/recaps/today": opd_route("GET", "/recaps/today", query=opd_query,
                                          seen=c.opd_in_board),
    # employees
    "GET /api/v1/employees": opd_route("GET", "/employees", query=lambda ctx: {
        "q": ctx.person.nip}, seen=lambda ctx: c.in_items(ctx.person.id)),
    "POST /api/v1/employees": opd_route("POST", "/employees", body=lambda ctx: {
        "nip": make_nip(),
        "name": "Pegawai Baru", "opd_id": ctx.opd.id, "employment_type": "PNS",
        "schedule_group_id": ctx.world.groups["5HK"].id}),
    "GET /api/v1/employees/<int:employee_id>": employee_route("/employees/{id}"),
    "PATCH /api/v1/employees/<int:employee_id>": employee_route("/employees/{id}", "PATCH",
                                                                {"jabatan": "Analis"}),
    "GET /api/v1/employees/<int:employee_id>/account": employee_route(
        "/employees/{id}/account"),
    "POST /api/v1/employees/<int:employee_id>/unlock": employee_route(
        "/employees/{id}/unlock", "POST"),
    "POST /api/v1/employees/<int:employee_id>/password-reset": employee_route(
        "/employees/{id}/password-reset", "POST"),
    "GET /api/v1/employees/<int:employee_id>/face": employee_route("/employees/{id}/face"),
    "POST /api/v1/employees/<int:employee_id>/face": face_form,
    "GET /api/v1/employees/<int:employee_id>/face/photos/<int:file_id>": face_photo_route,
    "GET /api/v1/employees/<int:employee_id>/locations": employee_route(
        "/employees/{id}/locations"),
    "PUT /api/v1/employees/<int:employee_id>/locations": employee_route(
        "/employees/{id}/locations", "PUT", lambda ctx: {"locations": [
            {"location_id": ctx.world.locations[ctx.opd_key].id, "primary": True}]}),
    "GET /api/v1/employees/<int:employee_id>/mutations": employee_route(
        "/employees/{id}/mutations"),
    "POST /api/v1/employees/<int:employee_id>/mutations": employee_route(
        "/employees/{id}/mutations", "POST", mutation_body),
    "GET /api/v1/employees/<int:employee_id>/roles": employee_route("/employees/{id}/roles"),
    "POST /api/v1/employees/<int:employee_id>/roles": employee_route(
        "/employees/{id}/roles", "POST", {"role": "analis"}),
    "DELETE /api/v1/employees/<int:employee_id>/roles/<int:grant_id>": roles_of,
    "POST /api/v1/employees/import": employee_import,
    "GET /api/v1/employees/import-template": plain("GET", "/employees/import-template"),
    # holidays and schedules: pemda-wide
    "GET /api/v1/holidays": plain("GET", "/holidays", query={"year": 2026}),
    "GET /api/v1/holidays/local": plain("GET", "/holidays/local"),
    "POST /api/v1/holidays/local": plain("POST", "/holidays/local", body=lambda ctx: {
        "date": f"2026-05-{c.n() % 28 + 1:02d}", "action": "add", "name": "Hari Jadi"}),
    "DELETE /api/v1/holidays/local/<int:day_id>": on("/holidays/local/{id}", c.local_day,
                                                     "DELETE"),
    "GET /api/v1/schedule-groups": plain("GET", "/schedule-groups"),
    "POST /api/v1/schedule-groups": plain("POST", "/schedule-groups", body=lambda ctx: {
        "code": f"G{c.n()}", "name": "Kelompok baru"}),
    "PUT /api/v1/schedule-groups/<int:group_id>/patterns": lambda ctx: Req(
        "PUT", V1 + f"/schedule-groups/{ctx.world.groups['6HK'].id}/patterns",
        json={"patterns": []}),
    "POST /api/v1/schedule-groups/<int:group_id>/periods": lambda ctx: Req(
        "POST", V1 + f"/schedule-groups/{ctx.world.groups['5HK'].id}/periods",
        json={"name": "Ramadan", "date_from": "2027-02-08", "date_to": "2027-03-09",
              "patterns": [{"weekday": 0, **TIMES}]}),
    "POST /api/v1/schedule-groups/<int:group_id>/shifts": lambda ctx: Req(
        "POST", V1 + f"/schedule-groups/{ctx.world.groups['RSUD'].id}/shifts",
        json={"code": f"S{c.n()}", "name": "Pagi", **TIMES}),
    "GET /api/v1/schedule-groups/<int:group_id>/ramadan-suggestion": lambda ctx: Req(
        "GET", V1 + f"/schedule-groups/{ctx.world.groups['5HK'].id}/ramadan-suggestion",
        query={"year": 2027}),
    "DELETE /api/v1/schedule-periods/<int:period_id>": on("/schedule-periods/{id}", c.period,
                                                          "DELETE"),
    "GET /api/v1/schedule/resolve": by_employee("/schedule/resolve", {"date": "2026-03-02"}),
    "GET /api/v1/rosters": by_employee("/rosters", {"from": "2026-03-02", "to": "2026-03-08"}),
    "PUT /api/v1/rosters": lambda ctx: Req("PUT", V1 + "/rosters", json=roster_body(ctx)),
    # jobs
    "GET /api/v1/jobs": listing("/jobs", c.job, lambda ctx: {}),
    "GET /api/v1/jobs/<string:job_id>": on("/jobs/{id}", c.job, "GET"),
    # the organisation
    "GET /api/v1/opds": opd_route("GET", "/opds", seen=lambda ctx: c.in_items(ctx.opd.id)),
    "POST /api/v1/opds": plain("POST", "/opds", body=lambda ctx: {"code": opd_code(),
                                                                 "name": "Dinas Baru"}),
    "PATCH /api/v1/opds/<int:opd_id>": opd_route("PATCH", "/opds/{opd}",
                                                 body={"short_name": "Baru"}),
    "GET /api/v1/units": opd_route("GET", "/units", query=lambda ctx: {"opd": ctx.opd.id},
                                   seen=lambda ctx: c.in_items(
                                       ctx.world.units[ctx.opd_key].id)),
    "POST /api/v1/units": opd_route("POST", "/units", body=lambda ctx: {
        "opd_id": ctx.opd.id, "code": opd_code(), "name": "Bidang Baru"}),
    "PATCH /api/v1/units/<int:unit_id>": lambda ctx: Req(
        "PATCH", V1 + f"/units/{ctx.world.units[ctx.opd_key].id}", json={"name": "Sekretariat"}),
    "GET /api/v1/locations": opd_route("GET", "/locations", seen=lambda ctx: c.in_items(
        ctx.world.locations[ctx.opd_key].id)),
    "POST /api/v1/locations": opd_route("POST", "/locations", body=lambda ctx: {
        "opd_id": ctx.opd.id, "name": "Gudang", "lat": -8.1, "lon": 113.7}),
    "PATCH /api/v1/locations/<int:location_id>": lambda ctx: Req(
        "PATCH", V1 + f"/locations/{ctx.world.locations[ctx.opd_key].id}",
        json={"radius_m": 120}),
    # the caller's own pages
    "GET /api/v1/me": plain("GET", "/me"),
    "GET /api/v1/me/inbox": plain("GET", "/me/inbox"),
    "GET /api/v1/me/recap": plain("GET", "/me/recap", query={"month": MONTH}),
    # problem reports
    "POST /api/v1/problem-reports": problem_form,
    "GET /api/v1/problem-reports": listing("/problem-reports", c.problem, lambda ctx: {}),
    "GET /api/v1/problem-reports/<int:report_id>": on("/problem-reports/{id}", c.problem,
                                                      "GET"),
    "GET /api/v1/problem-reports/<int:report_id>/attachment":
        on("/problem-reports/{id}/attachment", c.problem, "GET"),
    "POST /api/v1/problem-reports/<int:report_id>/status":
        on("/problem-reports/{id}/status", c.problem, body={"status": "in_progress",
                                                             "response": "Diperiksa"}),
    # rules: pemda-wide
    "GET /api/v1/rules": plain("GET", "/rules"),
    "POST /api/v1/rules": plain("POST", "/rules", body=lambda ctx: {
        "effective_from": f"2027-{c.n() % 12 + 1:02d}-01", "params": {"late_tiers": [
            [1, 30, 0.5], [31, 60, 1.0], [61, 90, 1.25], [91, None, 1.5]]},
        "note": "Perbup baru"}),
    "GET /api/v1/rules/codes": plain("GET", "/rules/codes"),
    "GET /api/v1/rules/effective": plain("GET", "/rules/effective", query={"date":
                                                                           "2026-03-02"}),
}
