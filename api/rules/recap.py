"""Monthly recap columns (Lampiran II of Perbup Jember 55/2021, SPEC §6) from day records."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from api.rules.codes import CODES, COL_IZIN, COL_LEAVE, PRESENT
from api.rules.daily_status import DayResult


@dataclass(frozen=True)
class MonthRecap:
    """One employee's row: Lampiran II columns plus workdays and attendance."""

    workdays: int
    present_days: int  # H, WFH, TM, TP (late or not)
    late_minutes: int  # Rekap Terlambat Datang (Jumlah Menit)
    early_minutes: int  # Rekap Pulang Sebelum Waktu (Jumlah Menit)
    tk_days: int  # Tidak Hadir Tanpa Alasan Sah (Jumlah Hari)
    leave_days: int  # Cuti/Sakit/Dinas Luar/Diklat (Jumlah Hari)
    izin_days: int  # Ijin (Jumlah Hari)
    pending_days: int  # BELUM: today, still open

    @property
    def attendance_percent(self) -> float:
        """Present days over decided workdays (pending ones left out), in percent."""
        decided = self.workdays - self.pending_days
        return round(100.0 * self.present_days / decided, 2) if decided else 0.0


def month_recap(results: Iterable[DayResult]) -> MonthRecap:
    """Sum a month of one employee's day records into the recap columns."""
    workdays = present = late = early = tk = leave = izin = pending = 0
    for r in results:
        if not r.workday or r.status == "LIBUR":  # a correction may declare a day off
            continue
        workdays += 1
        late += r.late_minutes
        early += r.early_minutes
        code = CODES.get(r.status)
        if code is None:
            raise ValueError(f"Kode status tidak dikenal: {r.status!r}")
        if code.category == PRESENT:
            present += 1
        elif r.status == "TK":
            tk += 1
        elif r.status == "BELUM":
            pending += 1
        elif code.recap_column == COL_LEAVE:
            leave += 1
        elif code.recap_column == COL_IZIN:
            izin += 1
    return MonthRecap(workdays, present, late, early, tk, leave, izin, pending)
