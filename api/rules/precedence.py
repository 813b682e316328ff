"""Which source decides an employee-day: one rule, applied by the status engine
(daily_status.compute_day) and explained to the operator who filed a paper entry.

Strongest first:

1. cancellation — an approved Pasal 13 cancellation: the day is TK, whatever else says.
2. correction   — an approved correction on evidence: a code forces the day, a time replaces
                  that kind's punches (the latest correction wins).
3. non-workday  — LIBUR: nothing below counts on a day off.
4. absence      — an approved absence (cuti, sakit, DL, …): the person was officially elsewhere;
                  the punches stay in the event log.
5. app          — the app's verified punches (face, GPS, device), approved out-of-office
                  (WFH/DL) ones included.
6. manual       — the paper daily sheet (Lampiran I) fills only what nothing above says: its
                  times for a kind (datang/pulang) without an app punch, its code on a day
                  without any app punch.

Paper never overwrites verified evidence: to change a verified day, file a correction or a
cancellation, which go through their approvals.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

DAY_RANK = ("cancellation", "correction", "non-workday", "absence", "app", "manual")
PUNCH_RANK = ("correction", "app", "manual")
KIND_WORD = {"in": "datang", "out": "pulang"}
SOURCE_WORD = {"app": "presensi aplikasi", "correction": "koreksi yang disetujui",
               "manual": "presensi manual"}


def strongest(punches: Sequence) -> list:
    """The punches (of one kind) from the strongest source present (PUNCH_RANK)."""
    for source in PUNCH_RANK:
        chosen = [p for p in punches if p.source == source]
        if chosen:
            return chosen
    return []


def manual_code_applies(counted: Sequence) -> bool:
    """A paper code rules the day only when no verified punch (app, correction) counts."""
    return all(p.source == "manual" for p in counted)


@dataclass(frozen=True)
class ManualLine:
    """What one paper entry said: a code, or the times it gives (aware)."""

    code: str | None = None
    check_in: datetime | None = None
    check_out: datetime | None = None


@dataclass(frozen=True)
class Outcome:
    counted: bool
    notes: tuple[str, ...]


def _hhmm(moment: datetime, tz: str) -> str:
    return f"{moment.astimezone(ZoneInfo(tz)):%H.%M}"


NOT_COMPUTED = Outcome(False, ("Tidak dihitung: tanggal itu sebelum pegawai terdaftar di "
                                "Hadir.",))


def manual_outcome(line: ManualLine, result, tz: str | None) -> Outcome:
    """Whether a paper entry counts in the day's record (a daily_status.DayResult; None: the
    day is not computed for this employee) and why not, in Indonesian, by the rule above."""
    if result is None:
        return NOT_COMPUTED
    refused = {
        "cancellation": "Tidak berlaku: kehadiran hari itu dibatalkan (Pasal 13).",
        "correction": f"Tidak berlaku: koreksi yang disetujui menetapkan {result.status}.",
        "non-workday": "Tidak berlaku: tanggal itu bukan hari kerja pegawai.",
        "absence": f"Tidak berlaku: {result.excused_code} yang disetujui meliputi tanggal itu.",
    }.get(result.decided_by)
    if refused:
        return Outcome(False, (refused,))
    if line.code is not None:
        if result.decided_by == "manual":
            return Outcome(True, (f"Kode {line.code} dicatat.",))
        found = [f"{KIND_WORD[kind]} {_hhmm(at, tz)}" for kind, at in
                 (("in", result.check_in), ("out", result.check_out)) if at is not None]
        return Outcome(False, (f"Kode {line.code} tidak berlaku: ada presensi aplikasi "
                               f"({', '.join(found)}); ubah lewat koreksi atau pembatalan.",))
    notes, counted = [], False
    for kind, given, used, source in (
            ("in", line.check_in, result.check_in, result.check_in_source),
            ("out", line.check_out, result.check_out, result.check_out_source)):
        if given is None:
            continue
        word = KIND_WORD[kind]
        if source == "manual" and used == given:
            counted = True
            notes.append(f"Jam {word} {_hhmm(given, tz)} dicatat.")
        elif used is not None:
            notes.append(f"Jam {word} {_hhmm(given, tz)} tidak dipakai: {SOURCE_WORD[source]} "
                         f"{_hhmm(used, tz)} lebih kuat.")
        else:
            notes.append(f"Jam {word} {_hhmm(given, tz)} tidak dipakai.")
    return Outcome(counted, tuple(notes))
