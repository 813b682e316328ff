"""The pure helpers behind the write forms: the API's field reasons, each photo's verdict, a
weekday's hours, a roster week, a Lampiran I preview and what an entry did."""
from __future__ import annotations

from datetime import date

from dashboard import change_forms, face_form, forms, schedule_forms, sheet_form, texts

HOURS = {"start": "07:00", "end": "15:00", "checkin_open": "05:00", "checkin_close": "07:00",
         "checkout_open": "15:00", "checkout_close": "18:00", "break_start": None,
         "break_end": None}


def test_field_reasons_flatten_nested_lists_and_objects():
    details = {"name": ["Panjang minimal 2 karakter."],
               "windows": {"0": {"end": ["Harus setelah jam mulai."]}},
               "employee": {"id": 4, "name": "Sari"}}  # not reasons: left out
    assert forms.field_reasons(details) == {"name": "Panjang minimal 2 karakter.",
                                            "windows.0.end": "Harus setelah jam mulai."}
    assert forms.field_reasons(None) == {} and forms.field_reasons(["x"]) == {}
    assert forms._under("windows", forms.field_reasons(details)) == [
        "0.end: Harus setelah jam mulai."]


def test_each_photo_gets_its_own_verdict():
    details = {"photos": [{"index": 1, "reasons": ["FACE_TOO_SMALL"],
                           "messages": ["Wajah terlalu kecil."]}]}
    assert face_form.photo_verdicts(3, details) == [[], ["Wajah terlalu kecil."], []]
    assert face_form.photo_verdicts(2, {"employee": {"id": 1}}) == [[], []]
    assert face_form.photo_verdicts(1, None) == [[]]


def test_setting_friday_keeps_the_other_days_and_a_day_off_removes_one():
    week = [{"weekday": d, **HOURS} for d in range(5)]
    friday = {**HOURS, "end": "11:30"}
    changed = schedule_forms.set_days(week, [4], friday)
    assert [p["end"] for p in changed] == ["15:00"] * 4 + ["11:30"]
    assert [p["weekday"] for p in schedule_forms.set_days(week, [2], None)] == [0, 1, 3, 4]
    saturday = schedule_forms.set_days(week, [5], HOURS)
    assert [p["weekday"] for p in saturday] == [0, 1, 2, 3, 4, 5]


def test_a_roster_week_starts_as_days_off_and_takes_the_apis_entries():
    people = [{"id": 7}, {"id": 8}]
    days = [date(2026, 3, 9), date(2026, 3, 10)]
    cells = schedule_forms.roster_cells(people, days, [
        {"employee_id": 8, "work_date": "2026-03-10", "shift_code": "M"}])
    assert cells == {(7, "2026-03-09"): None, (7, "2026-03-10"): None,
                     (8, "2026-03-09"): None, (8, "2026-03-10"): "M"}


def test_a_sheet_preview_says_per_row_what_changes():
    answer = {"rows": [
        {"row": 7, "employee": {"nip": "1", "name": "Ayu"}, "code": None,
         "check_in_at": "07.10", "check_out_at": None, "changed": True,
         "notes": ["Jam datang 07.10 dicatat."]},
        {"row": 8, "employee": {"nip": "2", "name": "Bima"}, "code": "DL", "check_in_at": None,
         "check_out_at": None, "changed": False, "notes": ["Tidak berlaku: ..."]}]}
    frame = sheet_form.preview_rows(answer)
    assert list(frame[texts.SHEET_COLUMNS["entry"]]) == ["07.10 – –", "DL"]
    assert list(frame[texts.SHEET_COLUMNS["changed"]]) == [texts.YES, texts.NO]
    refused = sheet_form.refused_rows({"rows": [{"row": 9, "errors": ["NIP tidak dikenal."]}]})
    assert refused.to_dict("records") == [{texts.SHEET_COLUMNS["row"]: 9,
                                           texts.SHEET_COLUMNS["notes"]: "NIP tidak dikenal."}]
    assert sheet_form.refused_rows({"photos": []}) is None


def test_an_entry_says_whether_it_counted():
    counted = {"outcome": {"counted": True, "notes": ["Jam datang 07.20 dicatat."]}}
    assert change_forms.outcome_notes(counted) == (f"{texts.CHANGE_COUNTED} Jam datang 07.20 "
                                                   "dicatat.")
    assert change_forms.outcome_notes({"outcome": None}) == texts.CHANGE_NOT_COUNTED
