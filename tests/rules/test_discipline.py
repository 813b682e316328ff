"""PP 94/2021 levels at every boundary, TK streaks, minute conversion, TPP deductions."""
from __future__ import annotations

from datetime import date

import pytest

from api.rules.daily_status import DayResult
from api.rules.discipline import (
    consecutive_tk_flag,
    day_codes,
    longest_tk_streak,
    pp94_level,
    tk_equivalent_days,
    tpp_counts,
    tpp_deduction,
    tpp_for_days,
)
from api.rules.policy import Policy

LISAN, TERTULIS, TIDAK_PUAS = "TEGURAN_LISAN", "TEGURAN_TERTULIS", "PERNYATAAN_TIDAK_PUAS"
CUT6, CUT9, CUT12 = "POTONG_TPP_25_6_BULAN", "POTONG_TPP_25_9_BULAN", "POTONG_TPP_25_12_BULAN"
DEMOTE, PELAKSANA, DISMISS = "TURUN_JABATAN_12_BULAN", "JABATAN_PELAKSANA_12_BULAN", "PEMBERHENTIAN"


@pytest.mark.parametrize(
    ("days", "level", "penalty_id", "tier"),
    [
        (0, None, None, None), (1, None, None, None), (2, None, None, None),
        (3, "ringan", LISAN, 1),
        (4, "ringan", TERTULIS, 2), (6, "ringan", TERTULIS, 2),
        (7, "ringan", TIDAK_PUAS, 3), (10, "ringan", TIDAK_PUAS, 3),
        (11, "sedang", CUT6, 4), (13, "sedang", CUT6, 4),
        (14, "sedang", CUT9, 5), (16, "sedang", CUT9, 5),
        (17, "sedang", CUT12, 6), (20, "sedang", CUT12, 6),
        (21, "berat", DEMOTE, 7), (24, "berat", DEMOTE, 7),
        (25, "berat", PELAKSANA, 8), (27, "berat", PELAKSANA, 8),
        (28, "berat", DISMISS, 9), (100, "berat", DISMISS, 9),
    ],
)  # fmt: skip
def test_pp94_every_boundary(policy, days, level, penalty_id, tier):
    r = pp94_level(days, policy)
    assert (r.days, r.level, r.penalty_id, r.tier) == (days, level, penalty_id, tier)


@pytest.mark.parametrize(
    ("exact", "days", "penalty_id"),
    [(2.99, 2, None), (3.0, 3, LISAN), (3.5, 3, LISAN), (10.999, 10, TIDAK_PUAS),
     (11.0, 11, CUT6), (27.9, 27, PELAKSANA), (28.0, 28, DISMISS), (-1.0, 0, None)],
)  # fmt: skip
def test_fractional_days_count_only_when_completed(policy, exact, days, penalty_id):
    r = pp94_level(exact, policy)
    assert (r.days, r.exact_days, r.penalty_id) == (days, exact, penalty_id)


@pytest.mark.parametrize(
    ("penalty_id", "text"),
    [(LISAN, "Teguran lisan"), (TIDAK_PUAS, "Pernyataan tidak puas secara tertulis"),
     (CUT9, "Pemotongan tunjangan kinerja/TPP sebesar 25% selama 9 bulan"),
     (DISMISS, "Pemberhentian dengan hormat tidak atas permintaan sendiri sebagai PNS")],
)  # fmt: skip
def test_penalty_texts_are_indonesian(policy, penalty_id, text):
    days = {LISAN: 3, TIDAK_PUAS: 8, CUT9: 15, DISMISS: 30}[penalty_id]
    assert pp94_level(days, policy).penalty == text


def test_no_penalty_text(policy):
    assert pp94_level(2, policy).penalty == "Tidak ada hukuman disiplin"


def test_custom_tiers_and_unknown_penalty_ids_fall_back_to_the_id():
    policy = Policy.from_dict({"pp94_tiers": [[5, None, "sedang", "SANKSI_DAERAH"]]})
    assert pp94_level(4, policy).level is None
    r = pp94_level(5, policy)
    assert (r.level, r.penalty, r.tier) == ("sedang", "SANKSI_DAERAH", 1)


@pytest.mark.parametrize(
    ("tk", "late", "early", "changes", "expected"),
    [
        (2, 0, 0, {}, 2.0),
        (2, 450, 0, {}, 3.0),  # 7.5 h = 1 TK day
        (0, 300, 150, {}, 1.0),
        (0, 225, 0, {}, 0.5),
        (2, 225, 225, {}, 3.0),
        (2, 450, 0, {"convert_minutes_to_tk": False}, 2.0),
        (0, 420, 0, {"minutes_per_tk_day": 420}, 1.0),
        (1.5, 0, 0, {}, 1.5),
    ],
)
def test_tk_equivalent_days(tk, late, early, changes, expected):
    assert tk_equivalent_days(tk, late, early, Policy.from_dict(changes)) == expected


@pytest.mark.parametrize(("switch", "penalty_id"), [(True, CUT6), (False, TIDAK_PUAS)])
def test_minutes_can_push_into_the_next_level(switch, penalty_id):
    policy = Policy.from_dict({"convert_minutes_to_tk": switch})
    days = tk_equivalent_days(10, 300, 150, policy)
    assert pp94_level(days, policy).penalty_id == penalty_id


WORKWEEK_TK = ["TK"] * 5


@pytest.mark.parametrize(
    ("statuses", "streak", "flag"),
    [
        ([], 0, False),
        (["H"] * 10, 0, False),
        (["TK"] * 9, 9, False),
        (["TK"] * 10, 10, True),
        (["TK"] * 4 + ["TK"] * 5, 9, False),  # weekend left out: 9 workdays
        (WORKWEEK_TK + WORKWEEK_TK, 10, True),  # Mon–Fri, (Sat, Sun skipped), Mon–Fri
        (WORKWEEK_TK + ["LIBUR", "LIBUR"] + WORKWEEK_TK, 10, True),  # a stray LIBUR is skipped
        (WORKWEEK_TK + ["H"] + WORKWEEK_TK, 5, False),
        (WORKWEEK_TK + ["S"] + WORKWEEK_TK, 5, False),  # an excused day breaks it
        (["TK"] * 3 + ["TM"] + ["TK"] * 9, 9, False),
        (["H", "TK", "TK", "H"] + ["TK"] * 11, 11, True),
    ],
)
def test_consecutive_tk(policy, statuses, streak, flag):
    assert longest_tk_streak(statuses) == streak
    assert consecutive_tk_flag(statuses, policy) is flag


def test_consecutive_limit_is_policy():
    assert consecutive_tk_flag(["TK"] * 3, Policy.from_dict({"consecutive_tk_limit": 3}))


@pytest.mark.parametrize(
    ("counts", "percent", "uncapped"),
    [
        ({}, 0.0, 0.0),
        ({"TL1": 2}, 1.0, 1.0),
        ({"TL1": 1, "TL2": 1, "TL3": 1, "TL4": 1}, 4.25, 4.25),
        ({"PSW1": 1, "PSW2": 1, "PSW3": 1, "PSW4": 1}, 4.25, 4.25),
        ({"TK": 1}, 3.0, 3.0),
        ({"I": 2}, 5.0, 5.0),
        ({"DL": 5, "DIK": 3, "TB": 20, "CT": 12}, 0.0, 0.0),
        ({"H": 20, "WFH": 2, "LIBUR": 8}, 0.0, 0.0),
        ({"TK": 33}, 99.0, 99.0),
        ({"TK": 34}, 100.0, 102.0),  # monthly cap
        ({"TK": 40, "TL4": 10}, 100.0, 135.0),
        ({"TL3": 3, "TK": 0.5}, 5.25, 5.25),
    ],
)
def test_tpp_deduction(policy, counts, percent, uncapped):
    r = tpp_deduction(counts, policy)
    assert (r.percent, r.uncapped) == (percent, uncapped)
    assert sum(r.breakdown.values()) == pytest.approx(uncapped)


def test_tpp_breakdown(policy):
    r = tpp_deduction({"TL1": 3, "PSW2": 1, "TK": 2, "DL": 1}, policy)
    assert r.breakdown == {"TL1": 1.5, "PSW2": 1.0, "TK": 6.0}


def test_tpp_other_pemda_rates_and_cap():
    policy = Policy.from_dict({
        "tpp_rates": {"TL3": 1.5, "TL4": 2, "PSW3": 1.5, "PSW4": 2, "TK": 4},
        "tpp_monthly_cap": 50, "tpp_daily_cap": 4,
    })  # fmt: skip
    assert tpp_deduction({"TL4": 1, "TK": 2}, policy).percent == 10.0
    assert tpp_deduction({"TK": 13}, policy).percent == 50.0


@pytest.mark.parametrize(
    ("counts", "message"), [({"XX": 1}, "tidak dikenal"), ({"TK": -1}, "negatif")]
)
def test_tpp_rejects(policy, counts, message):
    with pytest.raises(ValueError, match=message):
        tpp_deduction(counts, policy)


D = date(2026, 8, 18)


def result(status="H", late=0, early=0, workday=True):
    return DayResult(D, workday, status, late_tier=late, early_tier=early)


@pytest.mark.parametrize(
    ("r", "codes"),
    [
        (result(), ()),
        (result(late=2), ("TL2",)),
        (result(late=1, early=3), ("TL1", "PSW3")),
        (result("TM", late=4), ("TL4",)),
        (result("TP", early=4), ("PSW4",)),
        (result("TK"), ("TK",)),
        (result("I"), ("I",)),
        (result("LIBUR", workday=False), ()),
        (result("BELUM"), ()),
    ],
)
def test_day_codes(r, codes):
    assert day_codes(r) == codes


def test_tpp_counts():
    days = [result(late=1), result(late=1, early=2), result("TK"), result("TK"), result("S"),
            result("TM", late=4), result()]  # fmt: skip
    assert tpp_counts(days) == {"TL1": 2, "PSW2": 1, "TK": 2, "S": 1, "TL4": 1}


@pytest.mark.parametrize(
    ("changes", "percent", "uncapped", "reduction"),
    [
        ({}, 6.0, 6.0, 0.0),  # no daily cap by default
        ({"tpp_daily_cap": 3}, 6.0, 6.0, 0.0),  # TL4 + PSW4 = 3 %: nothing to take off
        ({"tpp_rates": {"TL4": 2, "PSW4": 2}, "tpp_daily_cap": 3}, 6.0, 8.0, 2.0),
        ({"tpp_rates": {"TL4": 2, "PSW4": 2}}, 8.0, 8.0, 0.0),
        ({"tpp_rates": {"TL4": 2, "PSW4": 2}, "tpp_daily_cap": 3, "tpp_monthly_cap": 5},
         5.0, 8.0, 2.0),
    ],
)  # fmt: skip
def test_tpp_for_days_applies_the_daily_cap(changes, percent, uncapped, reduction):
    days = [result(late=4, early=4), result("TP", late=4, early=4), result()]
    r = tpp_for_days(days, Policy.from_dict(changes))
    assert (r.percent, r.uncapped, r.daily_cap_reduction) == (percent, uncapped, reduction)


def test_daily_cap_never_discounts_an_absent_day():
    policy = Policy.from_dict({"tpp_daily_cap": 3})
    r = tpp_for_days([result("TK")] * 3 + [result("I")], policy)
    assert (r.percent, r.daily_cap_reduction) == (11.5, 0.0)


def test_tpp_for_days_matches_tpp_deduction_without_a_cap(policy):
    days = [result(late=1), result("TK"), result("I"), result(early=2),
            result("LIBUR", workday=False)]  # fmt: skip
    assert tpp_for_days(days, policy) == tpp_deduction(tpp_counts(days), policy)
