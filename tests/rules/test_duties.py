"""Separation of duties as a table: each action × each way of standing to the target."""
from __future__ import annotations

import pytest

from api.rules.duties import ADMIN_ONLY, DUTIES, FILER, NOT_ALLOWED, SELF, Party, refusal

OPD, OTHER_OPD = 10, 20
TARGET = Party(id=1, opd_id=OPD, supervisor_id=2)
HEAD_TARGET = Party(id=1, opd_id=OPD, supervisor_id=2, roles=frozenset({"kepala_opd"}),
                    head_of=frozenset({OPD}))
ACTORS = {
    "self": Party(id=1, opd_id=OPD, supervisor_id=2),
    "supervisor": Party(id=2, opd_id=OPD),
    "head": Party(id=3, opd_id=OPD, roles=frozenset({"kepala_opd"}), head_of=frozenset({OPD})),
    "operator": Party(id=4, opd_id=OPD, roles=frozenset({"operator"}),
                      operator_of=frozenset({OPD})),
    "other_operator": Party(id=5, opd_id=OTHER_OPD, roles=frozenset({"operator"}),
                            operator_of=frozenset({OTHER_OPD})),
    "admin": Party(id=6, roles=frozenset({"admin"})),
    "analis": Party(id=7, roles=frozenset({"analis"})),
    "colleague": Party(id=8, opd_id=OPD, supervisor_id=2),
}
OK = None
# action: expected refusal for supervisor, head, operator, other_operator, admin, analis, colleague
MATRIX = {
    "absence.decide":      (OK, OK, OK, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED),
    "checkin.decide":      (OK, OK, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED,
                            NOT_ALLOWED),
    "campaign_excuse.decide": (OK, OK, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED,
                               NOT_ALLOWED),
    "cancellation.file":   (OK, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED,
                            NOT_ALLOWED, NOT_ALLOWED),
    "cancellation.decide": (NOT_ALLOWED, OK, NOT_ALLOWED, NOT_ALLOWED, OK, NOT_ALLOWED,
                            NOT_ALLOWED),
    "correction.create":   (NOT_ALLOWED, NOT_ALLOWED, OK, NOT_ALLOWED, OK, NOT_ALLOWED,
                            NOT_ALLOWED),
    "manual.create":       (NOT_ALLOWED, NOT_ALLOWED, OK, NOT_ALLOWED, OK, NOT_ALLOWED,
                            NOT_ALLOWED),
    "device.decide":       (NOT_ALLOWED,) * 4 + (OK, NOT_ALLOWED, NOT_ALLOWED),
    "device.revoke":       (NOT_ALLOWED,) * 4 + (OK, NOT_ALLOWED, NOT_ALLOWED),
    "employee.update":     (NOT_ALLOWED, NOT_ALLOWED, OK, NOT_ALLOWED, OK, NOT_ALLOWED,
                            NOT_ALLOWED),
    "locations.set":       (NOT_ALLOWED, NOT_ALLOWED, OK, NOT_ALLOWED, OK, NOT_ALLOWED,
                            NOT_ALLOWED),
    "face.enrol":          (NOT_ALLOWED, NOT_ALLOWED, OK, NOT_ALLOWED, OK, NOT_ALLOWED,
                            NOT_ALLOWED),
    "face.decide":         (NOT_ALLOWED, OK, NOT_ALLOWED, NOT_ALLOWED, OK, NOT_ALLOWED,
                            NOT_ALLOWED),
    "password.reset":      (NOT_ALLOWED, NOT_ALLOWED, OK, NOT_ALLOWED, OK, NOT_ALLOWED,
                            NOT_ALLOWED),
    "account.unlock":      (NOT_ALLOWED, NOT_ALLOWED, OK, NOT_ALLOWED, OK, NOT_ALLOWED,
                            NOT_ALLOWED),
    "roles.change":        (NOT_ALLOWED,) * 4 + (OK, NOT_ALLOWED, NOT_ALLOWED),
    "mutation.create":     (NOT_ALLOWED,) * 4 + (OK, NOT_ALLOWED, NOT_ALLOWED),
}
WHO = ("supervisor", "head", "operator", "other_operator", "admin", "analis", "colleague")


def test_every_duty_is_in_the_matrix():
    assert set(MATRIX) == set(DUTIES)


@pytest.mark.parametrize(("action", "who", "expected"), [
    (action, who, expected) for action, row in MATRIX.items()
    for who, expected in zip(WHO, row, strict=True)])
def test_who_may_do_what_to_a_plain_employee(action, who, expected):
    assert refusal(action, ACTORS[who], TARGET) == expected


@pytest.mark.parametrize("action", sorted(DUTIES))
def test_nobody_acts_on_their_own_record(action):
    for who in ("admin", "operator", "head"):
        me = ACTORS[who]
        mine = Party(id=me.id, opd_id=OPD, supervisor_id=me.id, roles=me.roles,
                     head_of=me.head_of, operator_of=me.operator_of)
        assert refusal(action, me, mine) == SELF


@pytest.mark.parametrize("action", [a for a, d in DUTIES.items() if d.four_eyes])
def test_four_eyes_the_filer_never_decides(action):
    decider = next(who for who, expected in zip(WHO, MATRIX[action], strict=True)
                   if expected is None)
    actor = ACTORS[decider]
    assert refusal(action, actor, TARGET, filed_by=[actor.id]) == FILER
    assert refusal(action, actor, TARGET, filed_by=[99]) is None


@pytest.mark.parametrize(("action", "administered"), [(a, d.administered)
                                                      for a, d in DUTIES.items()])
def test_an_account_with_a_higher_role_is_administered_by_admin_only(action, administered):
    operator, admin = ACTORS["operator"], ACTORS["admin"]
    if administered:
        assert refusal(action, operator, HEAD_TARGET) == ADMIN_ONLY
        assert refusal(action, admin, HEAD_TARGET) is None
    elif refusal(action, operator, TARGET) is None:  # operator duties on attendance data
        assert refusal(action, operator, HEAD_TARGET) is None
