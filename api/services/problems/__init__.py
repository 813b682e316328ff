"""Reports of system problems (Perbup Pasal 5–6): filed by an OPD's operator, followed up by
the administrator."""
from .reports import (
    CATEGORIES,
    STATUSES,
    attachment,
    file,
    follow_up,
    readable,
    report_dict,
    visible,
)

__all__ = ["CATEGORIES", "STATUSES", "attachment", "file", "follow_up", "readable",
           "report_dict", "visible"]
