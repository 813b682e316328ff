"""How dates and times read: Indonesian dates for documents and letters, ISO 8601 for the API,
and the pemda's name as exports and letters print it."""
from __future__ import annotations

import unicodedata
from datetime import date

from flask import current_app

from api import clock
from api.rules.recap import MONTHS_ID as MONTHS
from api.rules.recap import WEEKDAYS_ID as WEEKDAYS
from api.rules.recap import month_label


def indonesian_date(day: date, weekday: bool = False) -> str:
    """2026-03-02 → "2 Maret 2026" (or "Senin, 2 Maret 2026")."""
    text = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    return f"{WEEKDAYS[day.weekday()]}, {text}" if weekday else text


def date_range_text(date_from: date, date_to: date) -> str:
    """"3 Maret 2026", "3–5 Maret 2026" or "30 Maret 2026–2 April 2026"."""
    if date_from == date_to:
        return indonesian_date(date_from)
    if (date_from.year, date_from.month) == (date_to.year, date_to.month):
        return f"{date_from.day}–{indonesian_date(date_to)}"
    return f"{indonesian_date(date_from)}–{indonesian_date(date_to)}"


def month_text(month: date) -> str:
    return month_label(month.year, month.month)


def iso_z(moment) -> str | None:
    """A stored (naive UTC) instant as ISO 8601 with a Z."""
    aware = clock.from_db(moment)
    return aware.isoformat().replace("+00:00", "Z") if aware else None


def pemda_place() -> str:
    """Where letters are signed: "Pemerintah Kabupaten Jember" → "Jember"."""
    name = current_app.config["PEMDA_NAME"]
    for word in ("Kabupaten", "Kota", "Provinsi"):
        if word in name:
            return name.split(word, 1)[1].strip() or name
    return name


def pemda_region() -> str:
    """"Pemerintah Kabupaten Jember" → "Kabupaten Jember"."""
    return current_app.config["PEMDA_NAME"].removeprefix("Pemerintah").strip()


def latin(text: str) -> str:
    """Core PDF fonts are Latin-1: keep accents that fit, fold the rest (– → -)."""
    text = text.replace("\u2013", "-").replace("\u2014", "-").replace("\u2019", "'")
    if all(ord(ch) < 256 for ch in text):
        return text
    folded = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in folded if ord(ch) < 256 and not unicodedata.combining(ch))
