"""Month closing per OPD (Pasal 11(3)–(5)): close after the deadline, audited reopen, and the
guards every write of a past day goes through."""
from .months import (
    close,
    closing_dict,
    closings_query,
    earliest_closing,
    month_end,
    month_of,
    months_between,
    opd_months,
    opd_on,
    reopen,
    require_days_open,
    require_entry_window,
    require_months_open,
    require_not_closed,
    require_window,
    statuses,
)

__all__ = ["close", "closing_dict", "closings_query", "earliest_closing", "month_end",
           "month_of", "months_between", "opd_months", "opd_on", "reopen", "require_days_open",
           "require_entry_window", "require_months_open", "require_not_closed",
           "require_window", "statuses"]
