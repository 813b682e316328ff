"""Face enrolment by operators and admins; a re-enrolment waits for a second person."""
from __future__ import annotations

import marshmallow as ma
from flask import Response, current_app, request
from flask_smorest import Blueprint

from api.errors import ApiError
from api.models import Employee, FaceTemplate, StoredFile
from api.schemas.common import Moment
from api.services import storage
from api.services.accounts import authenticated, current_actor, duties, scope
from api.services.checkin import enrolment
from api.services.org import fetch

blp = Blueprint("faces", __name__, url_prefix="/api/v1/employees", description="Data wajah")
SECURITY = [{"bearerAuth": []}]


class PhotosIn(ma.Schema):
    photos = ma.fields.List(ma.fields.Raw(metadata={"type": "string", "format": "binary"}),
                            required=True)


class TemplateOut(ma.Schema):
    enrolled = ma.fields.Boolean()
    template_id = ma.fields.Integer(allow_none=True)
    model_version = ma.fields.String(allow_none=True)
    photo_count = ma.fields.Integer(allow_none=True)
    enrolled_at = Moment(allow_none=True)
    pending = ma.fields.Dict(allow_none=True, metadata={
        "description": "Pendaftaran ulang yang menunggu persetujuan orang kedua (template_id, "
                       "enrolled_at, enrolled_by)"})


def template_dict(employee_id: int) -> dict:
    def query(*conditions):
        return (FaceTemplate.select().where(FaceTemplate.employee == employee_id, *conditions)
                .order_by(FaceTemplate.id.desc()).first())

    active, waiting = query(FaceTemplate.active), query(FaceTemplate.approval == "pending")
    pending = None if waiting is None else {
        "template_id": waiting.id, "enrolled_at": waiting.enrolled_at.isoformat() + "Z",
        "enrolled_by": waiting.enrolled_by}
    if active is None:
        return {"enrolled": False, "pending": pending}
    return {"enrolled": True, "template_id": active.id, "model_version": active.model_version,
            "photo_count": active.photo_count, "enrolled_at": active.enrolled_at,
            "pending": pending}


@blp.route("/<int:employee_id>/face", methods=["GET"])
@authenticated()
@blp.response(200, TemplateOut)
@blp.doc(security=SECURITY)
def get_face(employee_id):
    employee = scope.readable_employee(current_actor(), employee_id)
    return template_dict(employee.id)


@blp.route("/<int:employee_id>/face", methods=["POST"])
@authenticated("admin", "operator")
@blp.doc(security=SECURITY, requestBody={"content": {"multipart/form-data": {
    "schema": PhotosIn}}})
@blp.response(201, TemplateOut)
@blp.alt_response(202, schema=TemplateOut, description="Pendaftaran ulang: menunggu persetujuan "
                  "kepala OPD atau admin (bukan yang mendaftarkan)")
def enroll_face(employee_id):
    """Daftarkan wajah pegawai dari 1–5 foto. Pendaftaran pertama langsung berlaku; pendaftaran
    ulang berlaku setelah disetujui orang kedua. Tidak untuk wajah sendiri."""
    employee = fetch(Employee, employee_id, "NOT_FOUND")
    duties.require("face.enrol", current_actor(), employee)
    files = request.files.getlist("photos")
    limit = current_app.config["MAX_SELFIE_BYTES"]
    photos = [f.read(limit + 1) for f in files]
    if not photos:
        raise ApiError("ENROLL_PHOTO_COUNT", 400)
    row = enrolment.enroll(current_actor().id, employee, photos)
    return template_dict(employee.id), 202 if row.approval == "pending" else 201


@blp.route("/<int:employee_id>/face/photos/<int:file_id>", methods=["GET"])
@authenticated()
@blp.doc(security=SECURITY, responses={200: {"description": "Foto pendaftaran wajah (JPEG/PNG)",
                                             "content": {"image/jpeg": {}}}})
def get_face_photo(employee_id, file_id):
    """Foto pendaftaran wajah (untuk yang memutuskan pendaftaran ulang); diunduh tercatat."""
    actor = current_actor()
    scope.require_evidence(actor, employee_id)
    owned = any(file_id in enrolment.photo_ids(row) for row in FaceTemplate.select().where(
        FaceTemplate.employee == employee_id))
    stored = StoredFile.get_or_none(StoredFile.id == file_id)
    if not owned or stored is None:
        raise ApiError("NOT_FOUND", 404)
    return Response(storage.read_audited(actor.id, stored, employee_id), mimetype=stored.mime,
                    headers={"Cache-Control": "private, max-age=300"})
