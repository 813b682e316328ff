"""Separation of duties (SPEC §1; Perbup Jember Pasal 5–6): who may do what to whom, as data.

Every action on another person's records or account names the relations that may perform it.
Three rules hold for all of them:
- nobody acts on their own records or account through these routes (`SELF`);
- a four-eyes action is never decided by the one who filed, entered or enrolled it (`FILER`);
- an *administered* action on an account holding a role above atasan (kepala OPD, operator,
  admin, analis) is for an admin only (`ADMIN_ONLY`), so an operator can never take over the
  head of the OPD or a colleague operator.
Pure: the callers pass who the actor and the target are (`Party`).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

SUPERVISOR = "supervisor"  # the target's direct supervisor
HEAD = "head"  # kepala OPD of the target's OPD
OPERATOR = "operator"  # operator of the target's OPD
ADMIN = "admin"  # BKD administrator, whole pemda
RELATIONS = (SUPERVISOR, HEAD, OPERATOR, ADMIN)
HIGHER_ROLES = frozenset({"kepala_opd", "operator", "admin", "analis"})

SELF = "SELF_DECISION"
FILER = "FOUR_EYES_REQUIRED"
ADMIN_ONLY = "ADMIN_ONLY_ACCOUNT"
NOT_ALLOWED = "OUT_OF_SCOPE"


@dataclass(frozen=True)
class Party:
    """A person as the duties see them: their grants, and where they sit."""

    id: int
    opd_id: int | None = None
    supervisor_id: int | None = None
    roles: frozenset[str] = frozenset()
    head_of: frozenset[int] = frozenset()  # OPDs where they are kepala OPD
    operator_of: frozenset[int] = frozenset()  # OPDs where they are operator


@dataclass(frozen=True)
class Duty:
    action: str
    by: tuple[str, ...]  # relations that may do it
    four_eyes: bool = False  # never the one who filed / entered / enrolled it
    administered: bool = False  # a target holding a higher role: admin only
    label: str = ""  # what it is, in Bahasa (for messages and docs)


DUTIES: dict[str, Duty] = {d.action: d for d in (
    Duty("absence.decide", (SUPERVISOR, HEAD, OPERATOR), four_eyes=True,
         label="memutuskan pengajuan ketidakhadiran"),
    Duty("checkin.decide", (SUPERVISOR, HEAD), label="memutuskan presensi di luar kantor"),
    Duty("campaign_excuse.decide", (SUPERVISOR, HEAD),
         label="memutuskan alasan tidak melapor keberadaan"),
    Duty("cancellation.file", (SUPERVISOR,), label="mengajukan pembatalan kehadiran"),
    # the head decides; an admin steps in when the head filed it as direct supervisor
    Duty("cancellation.decide", (HEAD, ADMIN), four_eyes=True,
         label="memutuskan pembatalan kehadiran"),
    Duty("correction.create", (OPERATOR, ADMIN), label="mengoreksi data presensi"),
    Duty("manual.create", (OPERATOR, ADMIN), label="mencatat presensi manual"),
    Duty("device.decide", (ADMIN,), label="memutuskan ganti perangkat"),
    Duty("device.revoke", (ADMIN,), label="mencabut perangkat"),
    Duty("employee.update", (OPERATOR, ADMIN), administered=True,
         label="mengubah data pegawai"),
    Duty("locations.set", (OPERATOR, ADMIN), administered=True,
         label="menetapkan lokasi presensi"),
    Duty("face.enrol", (OPERATOR, ADMIN), administered=True, label="mendaftarkan wajah"),
    Duty("face.decide", (HEAD, ADMIN), four_eyes=True,
         label="menyetujui pendaftaran ulang wajah"),
    Duty("password.reset", (OPERATOR, ADMIN), administered=True, label="mereset kata sandi"),
    Duty("account.unlock", (OPERATOR, ADMIN), administered=True,
         label="membuka kunci akun"),
    Duty("roles.change", (ADMIN,), label="mengubah peran"),
    Duty("mutation.create", (ADMIN,), label="mencatat mutasi"),
)}


def relations(actor: Party, target: Party) -> frozenset[str]:
    """How the actor stands to the target."""
    found = set()
    if target.supervisor_id is not None and target.supervisor_id == actor.id:
        found.add(SUPERVISOR)
    if target.opd_id is not None and target.opd_id in actor.head_of:
        found.add(HEAD)
    if target.opd_id is not None and target.opd_id in actor.operator_of:
        found.add(OPERATOR)
    if ADMIN in actor.roles:
        found.add(ADMIN)
    return frozenset(found)


def refusal(action: str, actor: Party, target: Party,
            filed_by: Iterable[int | None] = ()) -> str | None:
    """None when the actor may do `action` to the target; else the refusal's code.

    `filed_by`: who filed, entered or enrolled the item being decided (four-eyes duties)."""
    duty = DUTIES[action]
    if actor.id == target.id:
        return SELF
    if duty.four_eyes and actor.id in set(filed_by):
        return FILER
    allowed = set(duty.by)
    if duty.administered and target.roles & HIGHER_ROLES:
        if ADMIN not in relations(actor, target):
            return ADMIN_ONLY
        allowed = {ADMIN}
    return None if relations(actor, target) & allowed else NOT_ALLOWED

