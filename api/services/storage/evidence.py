"""Reading a stored file that is evidence about a person (a selfie, a document, a letter, an
enrolment photo): every download lands in the audit log, with whose it was."""
from __future__ import annotations

from api.db import write_transaction
from api.models import StoredFile
from api.services import audit

from .files import read


def read_audited(actor_id: int, stored: StoredFile, subject_id: int) -> bytes:
    data = read(stored)
    with write_transaction():
        audit.record(actor_id, "evidence.view", "stored_file", stored.id, None,
                     {"employee": subject_id, "purpose": stored.purpose})
    return data


def evidence_of(actor, stored_id: int, subject_id: int) -> tuple[bytes, str]:
    """(bytes, mime) of a stored piece of evidence about `subject_id`, for someone who may see
    it (the employee, those who decide on it, admins: accounts.scope.require_evidence); the
    read is audited."""
    from api.services.accounts import scope

    scope.require_evidence(actor, subject_id)
    stored = StoredFile.get_by_id(stored_id)
    return read_audited(actor.id, stored, subject_id), stored.mime
