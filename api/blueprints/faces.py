"""Face enrolment by operators and admins."""
from __future__ import annotations

import marshmallow as ma
from flask import current_app, request
from flask_smorest import Blueprint

from api.errors import ApiError
from api.models import Employee, FaceTemplate
from api.services.accounts import authenticated, current_actor, scope
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
    enrolled_at = ma.fields.DateTime(allow_none=True)


def template_dict(row: FaceTemplate | None) -> dict:
    if row is None:
        return {"enrolled": False}
    return {"enrolled": True, "template_id": row.id, "model_version": row.model_version,
            "photo_count": row.photo_count, "enrolled_at": row.enrolled_at}


@blp.route("/<int:employee_id>/face", methods=["GET"])
@authenticated()
@blp.response(200, TemplateOut)
@blp.doc(security=SECURITY)
def get_face(employee_id):
    employee = scope.readable_employee(current_actor(), employee_id)
    row = (FaceTemplate.select().where(FaceTemplate.employee == employee.id, FaceTemplate.active)
           .order_by(FaceTemplate.id.desc()).first())
    return template_dict(row)


@blp.route("/<int:employee_id>/face", methods=["POST"])
@authenticated("admin", "operator")
@blp.doc(security=SECURITY, requestBody={"content": {"multipart/form-data": {
    "schema": PhotosIn}}})
@blp.response(201, TemplateOut)
def enroll_face(employee_id):
    """Daftarkan (ulang) wajah pegawai dari 1–5 foto; pendaftaran ulang tercatat di audit."""
    employee = fetch(Employee, employee_id, "NOT_FOUND")
    scope.require_manage_opd(current_actor(), employee.opd_id)
    files = request.files.getlist("photos")
    limit = current_app.config["MAX_SELFIE_BYTES"]
    photos = [f.read(limit + 1) for f in files]
    if not photos:
        raise ApiError("ENROLL_PHOTO_COUNT", 400)
    return template_dict(enrolment.enroll(current_actor().id, employee, photos))
