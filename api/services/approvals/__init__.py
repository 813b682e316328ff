"""One approvals queue (SPEC §7 Persetujuan): what waits for the caller's decision, and the
decision, routed to the workflow that owns the item; and each employee's inbox of what was
decided about them."""
from .inbox import inbox
from .queue import KINDS, decide, pending

__all__ = ["KINDS", "decide", "inbox", "pending"]
