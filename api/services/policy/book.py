"""Rule parameters in force on a date (RuleVersion rows merged over the shipped defaults)."""
from __future__ import annotations

import bisect
import json
from dataclasses import dataclass
from datetime import date

from api.models import RuleVersion
from api.rules.policy import Policy

DEFAULT = Policy()


@dataclass(frozen=True)
class PolicyBook:
    dates: tuple[date, ...]
    policies: tuple[Policy, ...]

    def for_date(self, day: date) -> Policy:
        index = bisect.bisect_right(self.dates, day) - 1
        return self.policies[index] if index >= 0 else DEFAULT


def load_policies() -> PolicyBook:
    rows = list(RuleVersion.select().order_by(RuleVersion.effective_from))
    return PolicyBook(
        tuple(row.effective_from for row in rows),
        tuple(Policy.from_dict(json.loads(row.params)) for row in rows),
    )


def policy_for(day: date) -> Policy:
    return load_policies().for_date(day)
