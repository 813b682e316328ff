"""Presence-reporting campaigns (SiAbOn): definitions (admin), whereabouts reports and
excuses (employees), excuse decisions (supervisors), compliance and exports (heads of OPD,
operators, BKD)."""
from __future__ import annotations

from flask import Response, current_app, request
from flask_smorest import Blueprint

from api import clock
from api.errors import ApiError
from api.extensions import limiter
from api.models import Campaign, CampaignExcuse, Employee, Opd
from api.schemas import campaigns as s
from api.schemas.absences import DocumentFile
from api.schemas.attendance import DecisionIn
from api.services import campaigns, daily, recaps, storage
from api.services.accounts import (
    REPORT_ROLES,
    authenticated,
    current_actor,
    report_opds,
    scope,
)
from api.services.checkin import CheckinRequest
from api.services.org import fetch
from api.services.storage import read_upload

from .capture import IDEMPOTENT, checkin_limit, frames, idempotency_key, image

blp = Blueprint("campaigns", __name__, url_prefix="/api/v1",
                description="Kampanye laporan keberadaan (SiAbOn): jendela, laporan, alasan, "
                            "kepatuhan")
SECURITY = [{"bearerAuth": []}]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _campaign(campaign_id: int) -> Campaign:
    return fetch(Campaign, campaign_id, "NOT_FOUND")


@blp.route("/campaigns", methods=["POST"])
@authenticated("admin")
@blp.arguments(s.CampaignIn)
@blp.response(201, s.CampaignOut)
@blp.doc(security=SECURITY)
def create_campaign(body):
    """Kampanye baru (admin): masa, jendela laporan harian (jam lokal kantor pegawai),
    sasaran, swafoto, zona, batas laporan kepala OPD. Dapat diubah sampai dimulai."""
    row = campaigns.admin.create(current_actor().id, body, daily.pemda_today())
    return campaigns.campaign_dict(row)


@blp.route("/campaigns", methods=["GET"])
@authenticated()
@blp.response(200, s.CampaignOut(many=True))
@blp.doc(security=SECURITY)
def list_campaigns():
    """Semua kampanye, terbaru dulu."""
    return [campaigns.campaign_dict(c) for c in Campaign.select().order_by(
        Campaign.date_from.desc(), Campaign.id.desc())]


@blp.route("/campaigns/<int:campaign_id>", methods=["GET"])
@authenticated()
@blp.response(200, s.CampaignOut)
@blp.doc(security=SECURITY)
def get_campaign(campaign_id):
    return campaigns.campaign_dict(_campaign(campaign_id))


@blp.route("/campaigns/<int:campaign_id>", methods=["PATCH"])
@authenticated("admin")
@blp.arguments(s.CampaignPatch)
@blp.response(200, s.CampaignOut)
@blp.doc(security=SECURITY)
def update_campaign(body, campaign_id):
    """Ubah kampanye yang belum dimulai (admin)."""
    row = campaigns.admin.update(current_actor().id, _campaign(campaign_id), body,
                                 daily.pemda_today(), clock.now())
    return campaigns.campaign_dict(row)


@blp.route("/campaigns/<int:campaign_id>", methods=["DELETE"])
@authenticated("admin")
@blp.response(204)
@blp.doc(security=SECURITY)
def delete_campaign(campaign_id):
    """Hapus kampanye yang belum dimulai (admin)."""
    campaigns.admin.delete(current_actor().id, _campaign(campaign_id), daily.pemda_today())


@blp.route("/campaigns/<int:campaign_id>/reports", methods=["POST"])
@limiter.limit(checkin_limit)
@authenticated()
@blp.arguments(s.ReportForm, location="form")
@blp.arguments(s.ReportFiles, location="files")
@blp.response(201, s.ReportOut)
@blp.alt_response(200, schema=s.ReportOut, description="Jawaban ulang: Idempotency-Key yang "
                  "sama, atau jendela ini sudah dilaporkan (laporan pertama yang berlaku)")
@blp.doc(security=SECURITY, **IDEMPOTENT)
def create_report(form, files, campaign_id):
    """Laporan keberadaan di dalam jendela: lokasi GPS dan swafoto (bila diminta), diperiksa
    seperti presensi (perangkat, keaslian wajah, kecocokan, pengulangan). Tidak mengubah
    presensi harian."""
    campaign = _campaign(campaign_id)
    actor = current_actor()
    selfie = b""
    if campaigns.rules_of(campaign).selfie_required:
        if files.get("selfie") is None:
            raise ApiError("VALIDATION_ERROR", 422, details={"selfie": ["Wajib diisi."]})
        selfie = image(files["selfie"], "selfie")
    req = CheckinRequest(kind="in", selfie=selfie, lat=form["lat"], lon=form["lon"],
                         accuracy_m=form["accuracy_m"], is_mock=form["is_mock"],
                         device_id=form["device_id"], client_time=None, note="",
                         idempotency_key=idempotency_key(), client=form["client"],
                         challenge_id=form["challenge_id"],
                         challenge_nonce=form["challenge_nonce"], frames=frames(form))
    answer, replayed = campaigns.reports.submit(
        Employee.get_by_id(actor.id), actor.must_change_password, campaign, req, clock.now())
    return answer, 200 if replayed else 201


@blp.route("/campaigns/mine", methods=["GET"])
@authenticated()
@blp.response(200, s.MyCampaign(many=True))
@blp.doc(security=SECURITY)
def my_campaigns():
    """Kampanye yang sedang berjalan untuk pegawai ini: jendela hari ini (jam kantornya) dan
    riwayat laporannya."""
    return campaigns.reports.mine(Employee.get_by_id(current_actor().id), clock.now())


@blp.route("/campaigns/<int:campaign_id>/excuses", methods=["POST"])
@authenticated()
@blp.arguments(s.ExcuseForm, location="form")
@blp.arguments(DocumentFile, location="files")
@blp.response(201, s.ExcuseOut)
@blp.doc(security=SECURITY)
def create_excuse(form, _files, campaign_id):
    """Alasan (dengan dokumen) untuk jendela yang terlewat; diputuskan atasan langsung."""
    document = read_upload(request.files, "document", storage.DOCUMENT_TYPES)
    row = campaigns.excuses.create(Employee.get_by_id(current_actor().id),
                                   _campaign(campaign_id),
                                   form["work_date"], form["window"], form["reason"].strip(),
                                   document, daily.pemda_today())
    return campaigns.excuses.excuse_dict(row)


@blp.route("/campaign-excuses", methods=["GET"])
@authenticated()
@blp.arguments(s.ExcuseQuery, location="query")
@blp.response(200, s.ExcuseOut(many=True))
@blp.doc(security=SECURITY)
def list_excuses(args):
    """Alasan dalam lingkup pengguna: miliknya, bawahannya, OPD-nya (kepala/operator)."""
    actor = current_actor()
    query = (CampaignExcuse.select(CampaignExcuse, Employee).join(Employee)
             .where(scope.employee_filter(actor), CampaignExcuse.status == args["status"])
             .order_by(CampaignExcuse.submitted_at.desc())
             .limit(args["limit"]).offset(args["offset"]))
    return [campaigns.excuses.excuse_dict(row) for row in query]


@blp.route("/campaign-excuses/<int:excuse_id>/document", methods=["GET"])
@authenticated()
@blp.doc(security=SECURITY, responses={200: {"description": "PDF atau foto", "content": {
    "application/pdf": {}, "image/jpeg": {}, "image/png": {}}}})
def get_excuse_document(excuse_id):
    """Dokumen pendukung sebuah alasan (pegawai, yang memutuskan, admin; tercatat di log)."""
    row = fetch(CampaignExcuse, excuse_id, "NOT_FOUND")
    content, mime = campaigns.excuses.document(current_actor(), row)
    return Response(content, mimetype=mime, headers={"Cache-Control": "private, max-age=300"})


def _decide(excuse_id: int, approve: bool, reason: str):
    row = fetch(CampaignExcuse, excuse_id, "NOT_FOUND")
    decided = campaigns.excuses.decide(current_actor(), row, approve, reason, clock.now())
    return campaigns.excuses.excuse_dict(decided)


@blp.route("/campaign-excuses/<int:excuse_id>/approve", methods=["POST"])
@authenticated()
@blp.arguments(DecisionIn)
@blp.response(200, s.ExcuseOut)
@blp.doc(security=SECURITY)
def approve_excuse(body, excuse_id):
    """Setujui alasan (atasan langsung atau kepala OPD; bukan untuk diri sendiri)."""
    return _decide(excuse_id, True, body["reason"])


@blp.route("/campaign-excuses/<int:excuse_id>/reject", methods=["POST"])
@authenticated()
@blp.arguments(DecisionIn)
@blp.response(200, s.ExcuseOut)
@blp.doc(security=SECURITY)
def reject_excuse(body, excuse_id):
    """Tolak alasan, dengan alasan penolakan."""
    return _decide(excuse_id, False, body["reason"])


def _compliance(campaign_id: int, opd: int | None, day=None):
    """(campaign, its cells in the caller's scope, the compliance answer, the OPD ids)."""
    campaign = _campaign(campaign_id)
    opd_ids = report_opds(current_actor(), opd)
    frame = campaigns.compliance.cells(campaign, clock.now(), opd_ids, day)
    return campaign, frame, campaigns.compliance.report(campaign, frame, day), opd_ids


@blp.route("/campaigns/<int:campaign_id>/compliance", methods=["GET"])
@authenticated(*REPORT_ROLES)
@blp.arguments(s.ComplianceQuery, location="query")
@blp.response(200, s.ComplianceOut)
@blp.doc(security=SECURITY)
def compliance(args, campaign_id):
    """Kepatuhan per jendela dan hari, per OPD dan unit; daftar pegawai yang tidak melapor;
    laporan di luar zona (kemungkinan bepergian)."""
    campaign, _frame, answer, _ = _compliance(campaign_id, args["opd"], args["date"])
    return {"campaign": campaigns.campaign_dict(campaign), **answer}


@blp.route("/campaigns/<int:campaign_id>/export", methods=["GET"])
@authenticated(*REPORT_ROLES)
@blp.arguments(s.ExportQuery, location="query")
@blp.doc(security=SECURITY, responses={200: {"description": "xlsx atau PDF", "content": {
    XLSX: {}, "application/pdf": {}}}})
def export(args, campaign_id):
    """Unduh hasil pemantauan: xlsx (ringkasan per OPD + satu lembar per OPD) atau PDF
    (daftar pegawai yang tidak melapor per OPD, ditandatangani kepala OPD)."""
    campaign, frame, answer, opd_ids = _compliance(campaign_id, args["opd"])
    query = Opd.select().order_by(Opd.code)
    if opd_ids is not None:
        query = query.where(Opd.id.in_(list(opd_ids)))
    opds = list(query)
    pemda = current_app.config["PEMDA_NAME"]
    name = f"laporan-keberadaan-{campaign.id}-{opds[0].code if len(opds) == 1 else 'pemda'}"
    if args["format"] == "pdf":
        content = campaigns.exports.write_pdf(campaign, answer, pemda, opds,
                                              daily.pemda_today())
        return recaps.pdf.send_pdf(content, f"{name}.pdf")
    return recaps.xlsx.send_workbook(
        lambda path: campaigns.exports.write_xlsx(path, campaign, answer, frame, pemda, opds),
        f"{name}.xlsx")
