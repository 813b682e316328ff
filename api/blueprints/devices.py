"""Device bindings: own devices, change requests, admin decisions, kiosks."""
from __future__ import annotations

from flask_smorest import Blueprint

from api.models import Device, DeviceBinding, Employee
from api.schemas import devices as s
from api.schemas.attendance import DecisionIn
from api.services.accounts import authenticated, current_actor, scope
from api.services.checkin import devices
from api.services.org import fetch

blp = Blueprint("devices", __name__, url_prefix="/api/v1/devices", description="Perangkat")
SECURITY = [{"bearerAuth": []}]


def binding_dict(binding: DeviceBinding) -> dict:
    return {
        "id": binding.id, "employee_id": binding.employee_id,
        "employee_name": binding.employee.name, "device_uid": binding.device.uid,
        "device_kind": binding.device.kind, "status": binding.status, "note": binding.note,
        "requested_at": binding.requested_at, "decided_at": binding.decided_at,
        "decision_reason": binding.decision_reason,
    }


def kiosk_dict(device: Device) -> dict:
    return {"id": device.id, "uid": device.uid, "label": device.label,
            "opd_id": device.opd_id, "active": device.active}


@blp.route("/mine", methods=["GET"])
@authenticated()
@blp.response(200, s.BindingOut(many=True))
@blp.doc(security=SECURITY)
def my_devices():
    """Perangkat yang terikat pada akun sendiri dan permintaan ganti perangkat."""
    rows = DeviceBinding.select().where(DeviceBinding.employee == current_actor().id)
    return [binding_dict(b) for b in rows.order_by(DeviceBinding.id.desc())]


@blp.route("/requests", methods=["POST"])
@authenticated()
@blp.arguments(s.DeviceRequestIn)
@blp.response(201, s.BindingOut)
@blp.doc(security=SECURITY)
def request_change(body):
    """Ajukan ganti perangkat (HP baru); diputuskan admin BKD."""
    employee = Employee.get_by_id(current_actor().id)
    return binding_dict(devices.request_change(employee, body["device_id"], body["note"]))


@blp.route("/requests", methods=["GET"])
@authenticated("admin", "operator", "kepala_opd", "analis")
@blp.arguments(s.BindingQuery, location="query")
@blp.response(200, s.BindingOut(many=True))
@blp.doc(security=SECURITY)
def list_requests(args):
    """Permintaan/ikatan perangkat dalam lingkup pengguna."""
    query = (DeviceBinding.select(DeviceBinding).join(Employee)
             .where(DeviceBinding.status == args["status"],
                    scope.employee_filter(current_actor())))
    if args["opd"] is not None:
        query = query.where(Employee.opd == args["opd"])
    return [binding_dict(b) for b in query.order_by(DeviceBinding.requested_at)]


def _decide(binding_id: int, approve: bool, reason: str) -> dict:
    binding = fetch(DeviceBinding, binding_id, "NOT_FOUND")
    return binding_dict(devices.decide(current_actor(), binding, approve, reason))


@blp.route("/requests/<int:binding_id>/approve", methods=["POST"])
@authenticated("admin")
@blp.arguments(DecisionIn)
@blp.response(200, s.BindingOut)
@blp.doc(security=SECURITY)
def approve_request(body, binding_id):
    """Setujui ganti perangkat; perangkat lama dicabut sesuai kebijakan."""
    return _decide(binding_id, True, body["reason"])


@blp.route("/requests/<int:binding_id>/reject", methods=["POST"])
@authenticated("admin")
@blp.arguments(DecisionIn)
@blp.response(200, s.BindingOut)
@blp.doc(security=SECURITY)
def reject_request(body, binding_id):
    return _decide(binding_id, False, body["reason"])


@blp.route("/bindings/<int:binding_id>/revoke", methods=["POST"])
@authenticated("admin")
@blp.arguments(DecisionIn)
@blp.response(200, s.BindingOut)
@blp.doc(security=SECURITY)
def revoke_binding(body, binding_id):
    binding = fetch(DeviceBinding, binding_id, "NOT_FOUND")
    return binding_dict(devices.revoke(current_actor(), binding, body["reason"]))


@blp.route("/kiosks", methods=["GET"])
@authenticated("admin", "operator", "kepala_opd", "analis")
@blp.response(200, s.KioskOut(many=True))
@blp.doc(security=SECURITY)
def list_kiosks():
    actor = current_actor()
    query = Device.select().where(Device.kind == "kiosk")
    if not actor.whole_pemda:
        query = query.where(Device.opd.in_(list(actor.opds_for("operator", "kepala_opd"))))
    return [kiosk_dict(d) for d in query]


@blp.route("/kiosks", methods=["POST"])
@authenticated("admin", "operator")
@blp.arguments(s.KioskIn)
@blp.response(201, s.KioskOut)
@blp.doc(security=SECURITY)
def register_kiosk(body):
    """Daftarkan perangkat kios bersama milik OPD (Perbup Jember Pasal 15)."""
    scope.require_manage_opd(current_actor(), body["opd_id"])
    device = devices.register_kiosk(current_actor().id, body["device_id"], body["label"],
                                    body["opd_id"])
    return kiosk_dict(device)
