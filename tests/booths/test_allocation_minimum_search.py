"""Category minimums at fairs with many applicants: who is seated does not depend on how many
sellers wait below, and the search for a way to meet the minimums counts each province's seats
once. Expected seats are written out here (and, where small enough, checked by brute force with
`allocation_oracle`), not taken from the allocation module's own helpers.

Up to twelve sellers who could fill a minimum are searched set by set; beyond that they are added
one by one in rank order, which can miss the way to meet every minimum. The larger of these fairs
have more than twelve applicants, so a search that took in more of them than it should, or refused
a way to meet the minimums it had already found, seats other applicants.
"""

import pytest

from booths.allocation import CATEGORY_MIN, PROVINCE_CAP, Applicant, BoothSpec, Rules, allocate
from tests.booths.allocation_oracle import rightful_seated

FOOD, HERB, TEXTILE, CRAFT = (frozenset({c}) for c in ("food", "herb", "textile", "craft"))


def ranked(result, applicants):
    """The applicants in the allocation's rank order (scores, then its lottery)."""
    by_id = {a.id: a for a in applicants}
    return [by_id[a] for a in result.order]


def plain_booths(count):
    return [BoothSpec(n, f"A{n:02d}", "A") for n in range(1, count + 1)]


@pytest.mark.parametrize("textile_sellers_below", [0, 8, 10])
def test_textile_sellers_waiting_below_a_met_textile_minimum_do_not_change_who_is_seated(
    textile_sellers_below,
):
    """Minimums of one textile, food and herb seller; at most one seller from P and one from S;
    four booths. The top textile seller fills the textile minimum. The craft seller from S is
    seated because the herb seller from P and the food seller from Q still meet the food and herb
    minimums (the food seller from P would shut out the herb seller from P, the herb seller from S
    is shut out by the craft seller). Textile sellers waiting below fill no minimum that is not
    already met, so however many there are, the same four are seated."""
    applicants = [
        Applicant("textile_top", 10, TEXTILE, "Q"),
        Applicant("craft_s", 9, CRAFT, "S"),
        Applicant("food_p", 8, FOOD, "P"),
        Applicant("herb_p", 7, HERB, "P"),
        Applicant("food_q", 6, FOOD, "Q"),
        Applicant("herb_s", 5, HERB, "S"),
        *(Applicant(f"textile_{n:02d}", 1, TEXTILE, "Q") for n in range(textile_sellers_below)),
    ]
    rules = Rules({"P": 1, "S": 1}, {"textile": 1, "food": 1, "herb": 1})
    result = allocate(applicants, plain_booths(4), rules)
    assert set(result.seated) == {"textile_top", "craft_s", "herb_p", "food_q"}
    assert result.reasons["food_p"] == CATEGORY_MIN
    assert result.reasons["herb_s"] == PROVINCE_CAP
    if textile_sellers_below <= 8:  # brute force over every subset stays fast
        assert set(result.seated) == rightful_seated(
            ranked(result, applicants), plain_booths(4), rules
        )


@pytest.mark.parametrize("herb_sellers_from_r", [0, 8, 9])
def test_a_seated_sellers_province_keeps_its_second_place_for_the_food_seller_a_minimum_needs(
    herb_sellers_from_r,
):
    """Minimums of one food and one herb seller, at most two sellers from P; one powered booth and
    two plain ones. Every herb seller needs power, and so does the food seller from Q. The craft
    seller from P is seated: the food seller from P (P's second place) and the herb seller from Q
    (in the powered booth) still meet both minimums. P's one seated seller leaves room for one
    more, however many herb sellers from R wait below."""
    applicants = [
        Applicant("craft_p", 10, CRAFT, "P"),
        Applicant("food_power_q", 9, FOOD, "Q", needs_electricity=True),
        Applicant("food_p", 8, FOOD, "P"),
        Applicant("herb_power_p", 7, HERB, "P", needs_electricity=True),
        Applicant("herb_power_q", 6, HERB, "Q", needs_electricity=True),
        *(
            Applicant(f"herb_power_r{n:02d}", 1, HERB, "R", needs_electricity=True)
            for n in range(herb_sellers_from_r)
        ),
    ]
    booths = [BoothSpec(1, "A01", "A", "", frozenset(), True), *plain_booths(3)[1:]]
    rules = Rules({"P": 2}, {"food": 1, "herb": 1})
    result = allocate(applicants, booths, rules)
    assert result.seated == {"herb_power_q": 1, "craft_p": 2, "food_p": 3}
    assert result.reasons["food_power_q"] == CATEGORY_MIN
    assert result.reasons["herb_power_p"] == PROVINCE_CAP
    if herb_sellers_from_r <= 8:
        assert set(result.seated) == rightful_seated(ranked(result, applicants), booths, rules)


def test_a_fair_of_fourteen_where_the_top_food_seller_is_part_of_every_way_to_meet_the_minimums():
    """A fair found by random search (fourteen applicants, five booths, one of them powered;
    minimums of two food, one herb and two textile sellers; at most two sellers each from Q and
    R): the top food seller from R belongs to the ways to fill all five minimum seats, so they
    are seated; brute force over every subset agrees."""
    applicants = [
        Applicant("a01", 3, FOOD, "P"),
        Applicant("a02", 1, FOOD, "P"),
        Applicant("a03", 4, FOOD, "Q"),
        Applicant("a04", 3, HERB, "R"),
        Applicant("a05", 5, TEXTILE, "R"),
        Applicant("a06", 1, HERB, "P", needs_electricity=True),
        Applicant("a07", 5, HERB, "R"),
        Applicant("a08", 6, TEXTILE, "R"),
        Applicant("a09", 6, FOOD, "R"),
        Applicant("a10", 4, HERB, "Q"),
        Applicant("a11", 2, TEXTILE, "Q"),
        Applicant("a12", 5, HERB, "P", needs_electricity=True),
        Applicant("a14", 1, FOOD, "R"),
        Applicant("a15", 5, FOOD, "Q", needs_electricity=True),
    ]
    booths = [BoothSpec(n, f"B{n:02d}", "A", "", frozenset(), n == 3) for n in range(5)]
    rules = Rules({"Q": 2, "R": 2}, {"food": 2, "herb": 1, "textile": 2})
    result = allocate(applicants, booths, rules, seed=2)
    assert result.order[:2] == ["a09", "a08"]
    assert set(result.seated) == {"a09", "a08", "a12", "a03", "a11"}
    assert set(result.seated) == rightful_seated(ranked(result, applicants), booths, rules)


def test_without_thai_labels_the_minimum_sentence_names_the_category_by_its_code():
    """A caller that gives no Thai names (labels) still gets a sentence naming the minimum: by the
    category's code, never an empty or made-up name."""
    groups = [
        Applicant(1, 90, TEXTILE, "P1"),
        Applicant(2, 60, FOOD, "P1"),
    ]
    result = allocate(groups, plain_booths(1), Rules(category_min={"food": 1}))
    assert result.seated == {2: 1}
    assert result.explanations[1] == (
        "อยู่ในรายชื่อสำรองลำดับที่ 1 เพราะบูธที่เหลือต้องเว้นไว้ให้ผู้สมัครลำดับถัดไป"
        "เพื่อให้ครบจำนวนขั้นต่ำของสินค้าประเภทfood 1 บูธ ตามกติกาของงาน"
    )
