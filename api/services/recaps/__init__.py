"""What the daily records add up to: the monthly recap (Lampiran II) with TPP and PP 94
year-to-date, the daily sheet (Lampiran I), today's board, the discipline watch-list, and
their xlsx exports."""
from . import daily_sheet, xlsx
from .discipline import watchlist
from .monthly import MonthlyRecap, envelope, month_bounds, monthly
from .own import own_recap
from .today import board

__all__ = ["MonthlyRecap", "board", "daily_sheet", "envelope", "month_bounds", "monthly",
           "own_recap", "watchlist", "xlsx"]
