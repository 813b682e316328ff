"""Monthly recap columns (Lampiran II of Perbup Jember 55/2021, SPEC §6) from day records."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

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


# Calendar words for titles and sheets ("Maret 2026", "Senin, 2 Maret 2026").
MONTHS_ID = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
             "September", "Oktober", "November", "Desember")
WEEKDAYS_ID = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")

# The bucket of each status in the recap: what `month_recap` adds a workday to.
PRESENT_BUCKET, TK_BUCKET, LEAVE_BUCKET, IZIN_BUCKET, PENDING_BUCKET = (
    "present", "tk", "leave", "izin", "pending")


def month_label(year: int, month: int) -> str:
    """"Maret 2026"."""
    return f"{MONTHS_ID[month - 1]} {year}"


def date_label(day: date) -> str:
    """"Senin, 2 Maret 2026"."""
    return f"{WEEKDAYS_ID[day.weekday()]}, {day.day} {MONTHS_ID[day.month - 1]} {day.year}"


def status_bucket(status: str) -> str | None:
    """Which recap count a workday with this status adds to (None: workday only)."""
    code = CODES.get(status)
    if code is None:
        raise ValueError(f"Kode status tidak dikenal: {status!r}")
    if code.category == PRESENT:
        return PRESENT_BUCKET
    if status == "TK":
        return TK_BUCKET
    if status == "BELUM":
        return PENDING_BUCKET
    if code.recap_column == COL_LEAVE:
        return LEAVE_BUCKET
    if code.recap_column == COL_IZIN:
        return IZIN_BUCKET
    return None


def day_remarks(status: str, late_minutes: int, early_minutes: int, source: str,
                has_pending: bool, holiday: str | None = None) -> str:
    """The "Keterangan" of one employee-day on the daily sheet (Lampiran I), in Indonesian."""
    code = CODES.get(status)
    if code is None:
        raise ValueError(f"Kode status tidak dikenal: {status!r}")
    if status == "LIBUR":
        parts = [holiday or code.label]
    elif status == "TK" and source == "cancellation":
        parts = ["Kehadiran dibatalkan (Pasal 13)"]
    elif code.category != PRESENT:
        parts = [code.label]
    else:
        parts = [code.label] if status != "H" else []
        if late_minutes and status != "TM":
            parts.append(f"terlambat {late_minutes} menit")
        if early_minutes and status != "TP":
            parts.append(f"pulang {early_minutes} menit lebih awal")
    if source in SOURCE_NOTES:
        parts.append(SOURCE_NOTES[source])
    if has_pending:
        parts.append("ada pengajuan menunggu persetujuan")
    text = "; ".join(parts)
    return text[:1].upper() + text[1:]


SOURCE_NOTES = {"manual": "entri manual operator", "correction": "dikoreksi operator"}
