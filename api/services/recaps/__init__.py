"""What the daily records add up to: the monthly recap (Lampiran II) with TPP and PP 94
year-to-date, the daily sheet (Lampiran I), today's board, the discipline watch-list, and
their xlsx and PDF exports (the Perbup's forms of Lampiran I and II in forms)."""
from . import daily_sheet, forms, pdf, xlsx
from .discipline import watchlist
from .monthly import MonthlyRecap, envelope, month_bounds, monthly
from .own import own_recap
from .today import board

__all__ = ["MonthlyRecap", "board", "daily_sheet", "envelope", "forms", "month_bounds",
           "monthly", "own_recap", "pdf", "watchlist", "xlsx"]
