"""What the daily records add up to: the monthly recap (Lampiran II) with TPP and PP 94
year-to-date, the daily sheet (Lampiran I), today's board, the discipline watch-list, and
their xlsx exports (Lampiran II's own sheet in lampiran2)."""
from . import daily_sheet, lampiran2, xlsx
from .discipline import watchlist
from .monthly import MonthlyRecap, envelope, month_bounds, monthly
from .own import own_recap
from .today import board

__all__ = ["MonthlyRecap", "board", "daily_sheet", "envelope", "lampiran2", "month_bounds",
           "monthly", "own_recap", "watchlist", "xlsx"]
