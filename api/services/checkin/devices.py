"""Device binding under the pemda's policy: first use binds, a new phone needs admin approval."""
from __future__ import annotations

from dataclasses import dataclass

from flask import current_app
from peewee import IntegrityError

from api import clock
from api.db import write_transaction
from api.errors import ApiError
from api.models import Device, DeviceBinding, Employee
from api.services import audit
from api.services.accounts import Actor, duties


@dataclass(frozen=True)
class DeviceCheck:
    """The outcome of step 1's device check. `bind_on_success`: a first-use binding to
    create only if the check-in is not rejected (an impostor must not bind a phone)."""

    code: str | None
    device: Device | None
    bind_on_success: bool = False


def _active_bindings(employee_id: int):
    return DeviceBinding.select().where(DeviceBinding.employee == employee_id,
                                        DeviceBinding.status == "active")


def check(employee: Employee, uid: str) -> DeviceCheck:
    device = Device.get_or_none(Device.uid == uid)
    if device is not None and not device.active:
        return DeviceCheck("DEVICE_BLOCKED", device)
    if device is not None and device.kind == "kiosk":
        ok = device.opd_id in (None, employee.opd_id)
        return DeviceCheck(None if ok else "DEVICE_NOT_BOUND", device)
    own = list(_active_bindings(employee.id))
    if device is not None and any(b.device_id == device.id for b in own):
        return DeviceCheck(None, device)
    if device is not None:
        others = (DeviceBinding.select().where(DeviceBinding.device == device.id,
                                               DeviceBinding.status == "active",
                                               DeviceBinding.employee != employee.id).count())
        if others >= current_app.config["MAX_EMPLOYEES_PER_DEVICE"]:
            return DeviceCheck("DEVICE_SHARED", device)
    if len(own) < current_app.config["MAX_DEVICES_PER_EMPLOYEE"]:
        return DeviceCheck(None, device, bind_on_success=True)
    pending = DeviceBinding.select().where(DeviceBinding.employee == employee.id,
                                           DeviceBinding.status == "pending")
    if pending.exists():
        return DeviceCheck("DEVICE_PENDING", device)
    return DeviceCheck("DEVICE_CHANGE_REQUESTED", device)


def _device(uid: str, label: str = "") -> Device:
    device, _ = Device.get_or_create(uid=uid, defaults={"label": label})
    return device


def bind_first_use(employee: Employee, uid: str) -> Device:
    device = _device(uid)
    binding = DeviceBinding.create(employee=employee, device=device, status="active",
                                   note="Terikat otomatis pada penggunaan pertama")
    audit.record(employee.id, "device.bind", "device_binding", binding.id, None,
                 {"employee": employee.id, "device": uid, "reason": "first_use"})
    return device


def request_change(employee: Employee, uid: str, note: str = "") -> DeviceBinding:
    """A rebind request for a new phone, decided by an admin."""
    with write_transaction():
        if DeviceBinding.select().where(DeviceBinding.employee == employee.id,
                                        DeviceBinding.status == "pending").exists():
            raise ApiError("DEVICE_REQUEST_EXISTS", 409)
        device = _device(uid)
        if device.kind == "kiosk":
            raise ApiError("VALIDATION_ERROR", 422,
                           details={"device_id": ["Perangkat kios tidak perlu didaftarkan."]})
        if _active_bindings(employee.id).where(DeviceBinding.device == device.id).exists():
            raise ApiError("DEVICE_ALREADY_BOUND", 409)
        binding = DeviceBinding.create(employee=employee, device=device, status="pending",
                                       note=note)
        audit.record(employee.id, "device.request", "device_binding", binding.id, None,
                     {"employee": employee.id, "device": uid, "note": note})
    return binding


def decide(actor: Actor, binding: DeviceBinding, approve: bool, reason: str) -> DeviceBinding:
    duties.require("device.decide", actor, Employee.get_by_id(binding.employee_id))
    actor_id = actor.id
    if binding.status != "pending":
        raise ApiError("NOT_PENDING", 409, message_text="Permintaan ini sudah diputuskan.")
    if not approve and not reason.strip():
        raise ApiError("REASON_REQUIRED", 400)
    now = clock.utc_naive(clock.now())
    with write_transaction():
        before = {"status": binding.status}
        if approve:
            # the new phone replaces the old ones beyond the policy's limit
            keep = current_app.config["MAX_DEVICES_PER_EMPLOYEE"] - 1
            old = list(_active_bindings(binding.employee_id).order_by(DeviceBinding.id.desc()))
            for stale in old[max(keep, 0):]:
                stale.status, stale.decided_by, stale.decided_at = "revoked", actor_id, now
                stale.decision_reason = "Diganti perangkat baru"
                stale.save()
        binding.status = "active" if approve else "rejected"
        binding.decided_by, binding.decided_at, binding.decision_reason = actor_id, now, reason
        binding.save()
        audit.record(actor_id, "device.approve" if approve else "device.reject",
                     "device_binding", binding.id, before,
                     {"status": binding.status, "reason": reason})
    return binding


def revoke(actor: Actor, binding: DeviceBinding, reason: str) -> DeviceBinding:
    duties.require("device.revoke", actor, Employee.get_by_id(binding.employee_id))
    actor_id = actor.id
    with write_transaction():
        before = {"status": binding.status}
        binding.status = "revoked"
        binding.decided_by, binding.decided_at = actor_id, clock.utc_naive(clock.now())
        binding.decision_reason = reason
        binding.save()
        audit.record(actor_id, "device.revoke", "device_binding", binding.id, before,
                     {"status": "revoked", "reason": reason})
    return binding


def register_kiosk(actor_id: int, uid: str, label: str, opd_id: int) -> Device:
    with write_transaction():
        try:
            device = Device.create(uid=uid, kind="kiosk", opd=opd_id, label=label,
                                   registered_by=actor_id)
        except IntegrityError as exc:
            raise ApiError("CONFLICT", 409, details={"device_id": ["Perangkat sudah terdaftar."]}
                           ) from exc
        audit.record(actor_id, "device.kiosk", "device", device.id, None,
                     {"uid": uid, "opd": opd_id, "label": label})
    return device
