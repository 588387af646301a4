"""Issue 14's examples: minimums and caps that displaced higher-ranked applicants, the corner
tie-break, and explanations that gave lottery losers a false reason."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from booths.allocation import Applicant, BoothSpec, Rules, allocate, natural_key

FOOD, HERBAL, TEXTILE = frozenset({"food"}), frozenset({"herbal"}), frozenset({"textile"})
ANY = frozenset()


def test_a_minimum_met_anyway_does_not_seat_a_lower_ranked_applicant_in_place_of_a_higher():
    applicants = [
        Applicant("f", 90, FOOD, "P1", needs_electricity=True),
        Applicant("h1", 80, HERBAL, "P1", needs_electricity=True),
        Applicant("h2", 70, HERBAL, "P1"),
    ]
    booths = [
        BoothSpec("X1", "X1", "X", has_electricity=True),
        BoothSpec("Y1", "Y1", "Y", "", HERBAL),
    ]
    result = allocate(applicants, booths, Rules(category_min={"herbal": 1}))
    assert result.seated == {"f": "X1", "h2": "Y1"}
    assert result.reasons == {"h1": "booths_full"}


def test_a_province_quota_goes_to_the_higher_ranked_when_the_minimum_is_met_elsewhere():
    applicants = [
        Applicant("a1", 90, frozenset({"household"}), "P1"),
        Applicant("a2", 80, HERBAL, "P1"),
        Applicant("a3", 70, HERBAL, "P2"),
    ]
    booths = [BoothSpec(1, "A01", "A"), BoothSpec(2, "A02", "A")]
    result = allocate(
        applicants, booths, Rules(province_caps={"P1": 1}, category_min={"herbal": 1})
    )
    assert set(result.seated) == {"a1", "a3"}
    assert result.explanations["a2"] == (
        "อยู่ในรายชื่อสำรองลำดับที่ 1 เพราะจังหวัดP1ได้บูธครบโควตา 1 บูธแล้วด้วยผู้สมัครที่คะแนนสูงกว่า"
    )


def test_a_minimum_displaces_a_higher_ranked_applicant_when_no_assignment_seating_them_meets_it():
    applicants = [
        Applicant("f1", 90, FOOD, "P1", needs_electricity=True),
        Applicant("t", 80, TEXTILE, "P1"),
        Applicant("f2", 70, FOOD, "P1"),
    ]
    booths = [
        BoothSpec("X1", "X1", "X", "", FOOD | TEXTILE, has_electricity=True),
        BoothSpec("Y1", "Y1", "Y", "", FOOD),
    ]
    rules = Rules(category_min={"food": 1, "textile": 1})
    result = allocate(applicants, booths, rules, labels={"food": "อาหาร", "textile": "ผ้า"})
    assert result.seated == {"t": "X1", "f2": "Y1"}
    assert result.reasons == {"f1": "category_min"}
    assert result.explanations["f1"] == (
        "อยู่ในรายชื่อสำรองลำดับที่ 1 เพราะบูธที่เหลือต้องเว้นไว้ให้ผู้สมัครลำดับถัดไป"
        "เพื่อให้ครบจำนวนขั้นต่ำของสินค้าประเภทผ้า 1 บูธ ตามกติกาของงาน"
    )


def test_not_asking_for_a_corner_leaves_it_to_whoever_can_free_a_wished_zone():
    applicants = [
        Applicant("a1", 90, frozenset({"beverage"}), "P1"),
        Applicant("a2", 80, frozenset({"beverage"}), "P1", ("A",)),
        Applicant("a3", 70, HERBAL, "P1"),
    ]
    booths = [
        BoothSpec("C2", "C2", "C", "", frozenset({"beverage"}), is_corner=True),
        BoothSpec("A3", "A3", "A"),
        BoothSpec("A05", "A05", "A"),
    ]
    result = allocate(applicants, booths)
    assert result.seated["a1"] == "C2"
    assert result.choice_rank["a2"] == 1
    assert {result.seated["a2"], result.seated["a3"]} == {"A3", "A05"}


def test_a_lottery_loser_is_told_the_tie_was_drawn_by_lot_from_the_seed_and_with_whom():
    applicants = [Applicant("p", 50, FOOD, "P1"), Applicant("q", 50, FOOD, "P1")]
    result = allocate(applicants, [BoothSpec(1, "A01", "A")], seed=7)
    loser = result.waitlist[0]
    assert result.explanations[loser] == (
        "อยู่ในรายชื่อสำรองลำดับที่ 1 เพราะบูธที่รับสินค้าประเภทนี้เต็มด้วยผู้สมัครลำดับที่ 1 "
        "ซึ่งคะแนนเท่ากัน (50.00) แต่จับฉลากได้ลำดับก่อน ด้วยเลขสุ่มที่ประกาศของงาน (7)"
    )


def test_scores_that_look_equal_to_the_committee_are_a_tie_drawn_by_lot():
    """The ranking page shows both as 70.00: they are a tie, not ordered by the hidden decimals."""
    applicants = [Applicant("p", 70.001, FOOD, "P1"), Applicant("q", 70.004, FOOD, "P1")]
    orders = {tuple(allocate(applicants, [], seed=seed).order) for seed in range(20)}
    assert orders == {("p", "q"), ("q", "p")}
    assert allocate([*applicants[:1], Applicant("r", 70.006, FOOD, "P1")], []).order[0] == "r"


def test_a_wished_zone_without_booths_is_called_a_zone_and_a_repeated_wish_is_named_once():
    applicants = [Applicant("g", 90, FOOD, "P1", ("Z", "Z", "B"))]
    result = allocate(applicants, [BoothSpec(1, "B01", "B", "large")])
    assert result.choice_rank == {"g": 2}
    assert result.explanations["g"] == "ได้บูธ B01 (ตัวเลือกที่ 2) เพราะโซน Z ไม่มีบูธ"


@given(st.lists(st.text() | st.text(alphabet="A1๑²³¹-"), max_size=20))
def test_any_text_as_booth_codes_sorts_without_raising(codes):
    keys = [natural_key(code) for code in codes]
    assert sorted(keys) == sorted(reversed(keys))


def test_booth_codes_sort_by_their_numbers_in_any_decimal_script_and_superscripts_as_text():
    codes = ["A10", "A๒", "A1", "A1²", "²", "A³1"]
    assert sorted(codes, key=natural_key) == ["A1", "A1²", "A๒", "A10", "A³1", "²"]


@pytest.mark.parametrize("capped_applicants", [12, 13])
def test_a_minimum_the_province_cap_limits_gets_the_one_seat_the_cap_allows(capped_applicants):
    """Twelve capped candidates are searched subset by subset, thirteen are added greedily in
    rank order: both keep one booth for the province's best food applicant and no more."""
    food = [Applicant(f"food{n}", 50 - n, FOOD, "P1") for n in range(capped_applicants)]
    textile = [Applicant(f"textile{n}", 90 - n, TEXTILE, "P2") for n in range(4)]
    booths = [BoothSpec(n, f"A{n:02d}", "A") for n in range(4)]
    rules = Rules(province_caps={"P1": 1}, category_min={"food": 2})
    result = allocate([*food, *textile], booths, rules, 1)
    assert set(result.seated) == {"textile0", "textile1", "textile2", "food0"}


def test_with_many_candidates_a_capped_province_still_leaves_a_booth_for_a_later_minimum():
    """More than a dozen candidates for the minimums and a province cap that refuses the
    committee's first pick: the booths left after the first food seat go to the herbal minimum,
    not to more food applicants who add no minimum seat."""
    food = [Applicant("food-P1", 99, FOOD, "P1")]
    food += [Applicant(f"food-P2-{n}", 90 - n, FOOD, "P2") for n in range(11)]
    textile = Applicant("textile-P1", 50, TEXTILE, "P1")
    herbal = Applicant("herbal-P3", 40, HERBAL, "P3")
    booths = [BoothSpec(1, "A01", "A"), BoothSpec(2, "A02", "A")]
    rules = Rules(province_caps={"P1": 1}, category_min={"textile": 1, "food": 1, "herbal": 1})
    result = allocate([*food, textile, herbal], booths, rules)
    assert set(result.seated) == {"food-P1", "herbal-P3"}
    assert result.reasons["food-P2-0"] == "category_min"


@pytest.mark.parametrize(
    "more_rules",
    [
        {},
        {"province_caps": {"P9": 0}},  # a province with no applicant here, allowed no booth
        {"category_max": {"beverage": 0}},  # a category with no applicant here, allowed none
        {"category_max": {"food": 1}},  # the food minimum is also the food maximum
    ],
)
def test_up_to_twelve_candidates_the_top_applicant_gives_way_so_every_minimum_is_met(more_rules):
    """Twelve candidates for the minimums (the most searched one by one) and a province cap that
    refuses the committee's first pick: three booths can hold the food, textile and herbal
    minimums only without the top food applicant, whose province the textile applicant needs.
    Caps that this answer keeps do not change it."""
    food = [Applicant("food-P1", 99, FOOD, "P1")]
    food += [Applicant(f"food-P2-{n}", 90 - n, FOOD, "P2") for n in range(9)]
    textile = Applicant("textile-P1", 50, TEXTILE, "P1")
    herbal = Applicant("herbal-P3", 40, HERBAL, "P3")
    booths = [BoothSpec(n, f"A0{n}", "A") for n in (1, 2, 3)]
    rules = Rules(
        province_caps={"P1": 1, **more_rules.get("province_caps", {})},
        category_min={"textile": 1, "food": 1, "herbal": 1},
        category_max=more_rules.get("category_max", {}),
    )
    result = allocate([*food, textile, herbal], booths, rules)
    assert set(result.seated) == {"food-P2-0", "textile-P1", "herbal-P3"}
    assert result.reasons["food-P1"] == "category_min"


def test_an_applicant_no_booth_accepts_is_told_each_of_their_categories():
    applicant = Applicant("x", 80, FOOD | HERBAL, "P1")
    textile_only = BoothSpec(1, "A01", "A", "", TEXTILE)
    labels = {"food": "อาหาร", "herbal": "สมุนไพร"}
    result = allocate([applicant], [textile_only], Rules(), labels=labels)
    assert result.unplaceable == ["x"]
    assert result.explanations["x"] == ("ไม่มีบูธใดรับได้ เพราะไม่มีบูธที่รับสินค้าประเภท อาหาร, สมุนไพร")
