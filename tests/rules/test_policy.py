"""Policy: RULES.md defaults, partial overrides, JSON round trip, validation."""
from __future__ import annotations

import json
from dataclasses import FrozenInstanceError

import pytest

from api.rules.policy import DEFAULT_PP94_TIERS, Policy


def test_tier_defaults_are_rules_md_boundaries(policy):
    assert policy.late_tier_bounds == (30, 60, 90)
    assert policy.early_tier_bounds == (30, 60, 90)
    assert policy.late_codes() == ("TL1", "TL2", "TL3", "TL4")
    assert policy.early_codes() == ("PSW1", "PSW2", "PSW3", "PSW4")
    assert (policy.tm_tier, policy.tp_tier) == (4, 4)


@pytest.mark.parametrize(
    ("code", "rate"),
    [
        ("TL1", 0.5), ("TL2", 1.0), ("TL3", 1.25), ("TL4", 1.5),
        ("PSW1", 0.5), ("PSW2", 1.0), ("PSW3", 1.25), ("PSW4", 1.5),
        ("TK", 3.0), ("I", 2.5), ("DL", 0.0), ("DIK", 0.0), ("TB", 0.0),
    ],
)  # fmt: skip
def test_tpp_rate_defaults_are_rules_md_section_7(policy, code, rate):
    assert policy.tpp_rates[code] == rate


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("tpp_monthly_cap", 100.0),
        ("tpp_daily_cap", None),
        ("minutes_per_tk_day", 450),
        ("convert_minutes_to_tk", True),
        ("consecutive_tk_limit", 10),
        ("geofence_max_accuracy_m", 100.0),
        ("max_speed_kmh", 300.0),
        ("minute_rounding", "floor"),
        ("tm_minutes", 0),
        ("tp_minutes", 0),
    ],
)
def test_scalar_defaults(policy, name, value):
    assert getattr(policy, name) == value


def test_pp94_table_is_rules_md_section_6(policy):
    assert policy.pp94_tiers == DEFAULT_PP94_TIERS
    assert [(low, high) for low, high, _, _ in policy.pp94_tiers] == [
        (3, 3), (4, 6), (7, 10), (11, 13), (14, 16), (17, 20), (21, 24), (25, 27), (28, None),
    ]  # fmt: skip


def test_default_rates_need_no_daily_cap(policy):
    # The worst present day (TL4 + PSW4) already costs exactly one TK day.
    assert policy.tpp_daily_cap is None
    assert policy.tpp_rates["TL4"] + policy.tpp_rates["PSW4"] == policy.tpp_rates["TK"]


@pytest.mark.parametrize(
    ("data", "name", "value"),
    [
        ({"tm_tier": 3}, "tm_tier", 3),
        ({"tp_tier": 2}, "tp_tier", 2),
        ({"late_tier_bounds": [31, 61, 91]}, "late_tier_bounds", (31, 61, 91)),
        ({"early_tier_bounds": (15, 30, 60)}, "early_tier_bounds", (15, 30, 60)),
        ({"convert_minutes_to_tk": False}, "convert_minutes_to_tk", False),
        ({"minutes_per_tk_day": 420}, "minutes_per_tk_day", 420),
        ({"tpp_monthly_cap": 50}, "tpp_monthly_cap", 50.0),
        ({"tpp_daily_cap": 3}, "tpp_daily_cap", 3.0),
        ({"tpp_daily_cap": 4}, "tpp_daily_cap", 4.0),
        ({"minute_rounding": "ceil"}, "minute_rounding", "ceil"),
        ({"consecutive_tk_limit": 5}, "consecutive_tk_limit", 5),
        ({"geofence_max_accuracy_m": 50}, "geofence_max_accuracy_m", 50.0),
        ({"max_speed_kmh": 900.5}, "max_speed_kmh", 900.5),
        ({"jump_min_distance_m": 0}, "jump_min_distance_m", 0.0),
        ({"tm_minutes": 225}, "tm_minutes", 225),
    ],
)
def test_from_dict_partial_keeps_other_defaults(data, name, value):
    p = Policy.from_dict(data)
    assert getattr(p, name) == value
    others = {k: v for k, v in Policy().to_dict().items() if k != name}
    assert {k: v for k, v in p.to_dict().items() if k != name} == others


def test_from_dict_partial_rate_table_changes_only_named_codes():
    p = Policy.from_dict({"tpp_rates": {"TK": 4, "TL4": 2}})
    assert p.tpp_rates["TK"] == 4.0
    assert p.tpp_rates["TL4"] == 2.0
    assert p.tpp_rates["TL1"] == 0.5
    assert p.tpp_rates["I"] == 2.5


def test_permentan_pattern_as_data():
    # RULES.md §7: other pemda use 0.5/1/1.5/2 % and 4 %/day TK.
    rates = {"TL1": 0.5, "TL2": 1, "TL3": 1.5, "TL4": 2, "PSW1": 0.5, "PSW2": 1, "PSW3": 1.5,
             "PSW4": 2, "TK": 4}  # fmt: skip
    p = Policy.from_dict({"tpp_rates": rates, "tpp_daily_cap": 4})
    assert [p.tpp_rates[c] for c in p.late_codes()] == [0.5, 1.0, 1.5, 2.0]


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"late_tier_bounds": [31, 61, 91], "tpp_rates": {"TK": 4}},
        {"pp94_tiers": [[1, 5, "ringan", "TEGURAN_LISAN"], [6, None, "berat", "PEMBERHENTIAN"]]},
        {"late_tier_bounds": [15, 30, 60, 90], "tpp_rates": {"TL5": 2.0}},
        {"tpp_daily_cap": 3.5, "convert_minutes_to_tk": False},
    ],
)
def test_json_round_trip(data):
    p = Policy.from_dict(data)
    assert Policy.from_dict(json.loads(json.dumps(p.to_dict()))) == p


def test_fewer_tiers_need_matching_tm_tier():
    with pytest.raises(ValueError, match="tm_tier"):
        Policy.from_dict({"late_tier_bounds": [45, 90]})
    p = Policy.from_dict({"late_tier_bounds": [45, 90], "tm_tier": 3})
    assert p.late_codes() == ("TL1", "TL2", "TL3")


def test_more_tiers_need_rates():
    with pytest.raises(ValueError, match="belum diisi.*TL5"):
        Policy.from_dict({"late_tier_bounds": [15, 30, 60, 90]})
    p = Policy.from_dict({"late_tier_bounds": [15, 30, 60, 90], "tpp_rates": {"TL5": 2}})
    assert p.late_codes()[-1] == "TL5"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"late_tier_bound": [30]}, "tidak dikenal: late_tier_bound"),
        ({"match_threshold": 0.4}, "tidak dikenal"),
        ({"late_tier_bounds": [60, 30, 90]}, "naik berurutan"),
        ({"late_tier_bounds": [30, 30, 90]}, "naik berurutan"),
        ({"late_tier_bounds": [0, 30]}, "bilangan bulat positif"),
        ({"late_tier_bounds": []}, "bilangan bulat positif"),
        ({"late_tier_bounds": "30,60,90"}, "tidak valid"),
        ({"late_tier_bounds": [30.5, 60, 90]}, "tidak valid"),
        ({"early_tier_bounds": [True, 60, 90]}, "tidak valid"),
        ({"tm_tier": 5}, "tm_tier"),
        ({"tm_tier": 0}, "tm_tier"),
        ({"tp_tier": 5}, "tp_tier"),
        ({"tm_tier": "4"}, "tidak valid"),
        ({"tm_tier": True}, "tidak valid"),
        ({"tm_minutes": -1}, "negatif"),
        ({"minute_rounding": "round"}, "minute_rounding"),
        ({"minute_rounding": 1}, "tidak valid"),
        ({"tpp_rates": {"XX": 1}}, "tidak dikenal: XX"),
        ({"tpp_rates": {"TK": -1}}, "antara 0 dan 100"),
        ({"tpp_rates": {"TK": 101}}, "antara 0 dan 100"),
        ({"tpp_rates": {"TK": "3"}}, "tidak valid"),
        ({"tpp_rates": [["TK", 3]]}, "tidak valid"),
        ({"tpp_monthly_cap": 150}, "bulanan"),
        ({"tpp_monthly_cap": float("nan")}, "tidak valid"),
        ({"tpp_daily_cap": -1}, "harian"),
        ({"tpp_daily_cap": 2}, "lebih kecil dari tarif TK"),
        ({"tpp_daily_cap": 3.5, "tpp_rates": {"TK": 4}}, "lebih kecil dari tarif TK"),
        ({"minutes_per_tk_day": 0}, "minutes_per_tk_day"),
        ({"minutes_per_tk_day": 7.5}, "tidak valid"),
        ({"convert_minutes_to_tk": "yes"}, "tidak valid"),
        ({"consecutive_tk_limit": 0}, "consecutive_tk_limit"),
        ({"geofence_max_accuracy_m": 0}, "geofence_max_accuracy_m"),
        ({"max_speed_kmh": -300}, "max_speed_kmh"),
        ({"jump_min_distance_m": -1}, "jump_min_distance_m"),
        ({"pp94_tiers": []}, "tidak boleh kosong"),
        ({"pp94_tiers": [[3, 5, "ringan", "A"], [5, 8, "ringan", "B"]]}, "tumpang tindih"),
        ({"pp94_tiers": [[3, None, "ringan", "A"], [5, 8, "ringan", "B"]]}, "baris terakhir"),
        ({"pp94_tiers": [[5, 3, "ringan", "A"]]}, "batas atas"),
        ({"pp94_tiers": [[3, 5, "fatal", "A"]]}, "tingkat hukuman"),
        ({"pp94_tiers": [[3, 5, "ringan", ""]]}, "kode hukuman"),
        ({"pp94_tiers": [[3, 5, "ringan"]]}, "tidak valid"),
        ({"pp94_tiers": [[0, 5, "ringan", "A"]]}, "batas bawah"),
    ],
)
def test_from_dict_rejects_with_indonesian_message(data, message):
    with pytest.raises(ValueError, match=message):
        Policy.from_dict(data)


def test_from_dict_needs_an_object():
    with pytest.raises(ValueError, match="objek"):
        Policy.from_dict([("tm_tier", 4)])  # type: ignore[arg-type]


def test_policy_is_immutable(policy):
    with pytest.raises(FrozenInstanceError):
        policy.tm_tier = 3  # type: ignore[misc]
    with pytest.raises(TypeError):
        policy.tpp_rates["TK"] = 10  # type: ignore[index]


def test_constructor_copies_rate_dicts():
    rates = dict(Policy().tpp_rates)
    p = Policy(tpp_rates=rates)
    rates["TK"] = 99.0
    assert p.tpp_rates["TK"] == 3.0


def test_policies_are_hashable_by_value():
    assert hash(Policy()) == hash(Policy.from_dict({}))
    assert len({Policy(), Policy.from_dict({}), Policy.from_dict({"tm_tier": 3})}) == 2
