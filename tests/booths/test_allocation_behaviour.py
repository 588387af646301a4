"""What an applicant with several product categories, and one waiting behind a category minimum,
sees from the allocation: which booths take them, which quota counts them, what the sentence says.

The expectations are written out here (set inclusion, the first category in sorted order), not
taken from the allocation module's own helpers.
"""

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from booths.allocation import (
    CATEGORY_MAX,
    CATEGORY_MIN,
    Applicant,
    BoothSpec,
    Rules,
    allocate,
)
from tests.booths.allocation_oracle import liking, matchings, rightful_seated, takes

CATEGORIES = ["food", "herb", "textile"]
FOOD_ONLY = frozenset({"food"})
RESERVED_CLAUSE = "เพื่อให้ครบจำนวนขั้นต่ำของสินค้า"


def applicant(id_, score, *categories, province="P1", wishes=(), power=False):
    return Applicant(id_, score, frozenset(categories), province, tuple(wishes), power)


def booth(id_, *allowed, zone="A", power=False):
    return BoothSpec(id_, f"{zone}{id_:02d}", zone, "small", frozenset(allowed), power)


@settings(max_examples=60, deadline=None)
@given(
    categories=st.sets(st.sampled_from(CATEGORIES), min_size=1),
    allowed=st.sets(st.sampled_from(CATEGORIES)),
)
def test_a_booth_takes_an_applicant_only_if_it_allows_every_one_of_their_categories(
    categories, allowed
):
    result = allocate([applicant(1, 80, *categories)], [booth(1, *allowed)])
    takes_all = not allowed or all(c in allowed for c in categories)
    assert (1 in result.seated) == takes_all
    assert (result.unplaceable == [1]) == (not takes_all)


def test_a_food_and_textile_group_is_refused_a_food_only_booth_and_given_a_mixed_one():
    result = allocate(
        [applicant(1, 90, "food", "textile")],
        [booth(1, "food"), booth(2, "textile"), booth(3, "food", "textile")],
    )
    assert result.seated == {1: 3}


def test_a_group_needing_power_is_not_seated_in_a_booth_without_it():
    result = allocate([applicant(1, 90, "food", power=True)], [booth(1, "food")])
    assert result.unplaceable == [1]
    assert "ไฟฟ้า" in result.explanations[1]
    powered = allocate([applicant(1, 90, "food", power=True)], [booth(1, "food", power=True)])
    assert powered.seated == {1: 1}


def test_a_multi_category_group_counts_against_the_quota_of_its_first_category_in_sorted_order():
    """food < textile: the food-and-textile group uses the food quota, not the textile one."""
    booths = [booth(n) for n in (1, 2, 3)]
    groups = [applicant(1, 90, "textile", "food"), applicant(2, 80, "textile")]
    textile_capped = allocate(groups, booths, Rules(category_max={"textile": 1}))
    assert set(textile_capped.seated) == {1, 2}
    food_capped = allocate(
        [*groups, applicant(3, 70, "food")], booths, Rules(category_max={"food": 1})
    )
    assert set(food_capped.seated) == {1, 2}
    assert food_capped.waitlist == [3]
    assert food_capped.reasons[3] == CATEGORY_MAX


def test_the_category_minimum_counts_a_multi_category_group_under_its_first_category():
    booths = [booth(1)]
    groups = [applicant(1, 90, "herb"), applicant(2, 50, "textile", "food")]
    result = allocate(groups, booths, Rules(category_min={"food": 1}))
    assert result.seated == {2: 1}
    textile_min = allocate(groups, booths, Rules(category_min={"textile": 1}))
    assert textile_min.seated == {1: 1}


def test_a_group_waiting_behind_a_reserved_minimum_is_told_so():
    groups = [applicant(1, 90, "textile"), applicant(2, 60, "food")]
    result = allocate(groups, [booth(1)], Rules(category_min={"food": 1}))
    assert result.seated == {2: 1}
    assert result.reasons[1] == CATEGORY_MIN
    assert RESERVED_CLAUSE in result.explanations[1]
    assert result.explanations[1].startswith("อยู่ในรายชื่อสำรองลำดับที่ 1 เพราะ")


def test_a_group_waiting_only_behind_higher_scores_is_not_told_about_a_minimum():
    groups = [applicant(1, 90, "textile"), applicant(2, 60, "food")]
    plain = allocate(groups, [booth(1)])
    assert plain.waitlist == [2]
    assert RESERVED_CLAUSE not in plain.explanations[2]
    reserved_above = allocate(groups, [booth(1), booth(2)], Rules(category_min={"textile": 1}))
    assert RESERVED_CLAUSE not in " ".join(reserved_above.explanations.values())
    ranked_above_the_reserved = allocate(
        [applicant(1, 90, "food"), applicant(2, 80, "textile"), applicant(3, 60, "food")],
        [booth(1)],
        Rules(category_min={"food": 1}),
    )
    assert ranked_above_the_reserved.seated == {1: 1}
    assert RESERVED_CLAUSE not in ranked_above_the_reserved.explanations[2]


def _small_fair(rng):
    """One small fair drawn from `rng`: a few booths of two zones and two sizes, a few applicants
    of one or two categories with wishes, and caps, maxima and minimums now and then."""
    kinds = ["food", "textile"]
    booths = [
        BoothSpec(
            n,
            f"{zone}{n + 1:02d}",
            zone,
            rng.choice(["small", "large"]),
            frozenset(rng.sample(kinds, rng.randint(0, 2))),
            rng.random() < 0.5,
            rng.random() < 0.3,
        )
        for n, zone in enumerate(rng.choices("AB", k=rng.randint(1, 5)))
    ]
    applicants = [
        Applicant(
            f"g{n}",
            rng.randint(1, 3),
            frozenset(rng.sample(kinds, rng.randint(1, 2))),
            rng.choice(["P1", "P2"]),
            tuple(rng.choices(["A", "B", "small", "large"], k=rng.randint(0, 3))),
            rng.random() < 0.4,
            rng.random() < 0.3,
        )
        for n in range(rng.randint(1, 6))
    ]

    def limits(names, low):
        return {name: rng.randint(low, 3) for name in names if rng.random() < 0.4}

    rules = Rules(limits(["P1", "P2"], 0), limits(kinds, 1), limits(kinds, 0))
    return applicants, booths, rules, rng.randint(0, 5)


def test_a_fixed_sweep_of_small_fairs_seats_whom_the_rules_seat_in_the_booths_they_like_best():
    """Four hundred small fairs drawn from fixed seeds (the same every run, and not cut down under
    mutation testing as property tests are), each checked against the brute-force oracle: the
    seated set, the minimum seats filled and every seated applicant's liking in rank order."""
    for number in range(400):
        applicants, booths, rules, seed = _small_fair(random.Random(number))
        result = allocate(applicants, booths, rules, seed)
        people, places = {a.id: a for a in applicants}, {b.id: b for b in booths}
        ranked = [people[a] for a in result.order]
        assert set(result.seated) == rightful_seated(ranked, booths, rules), number
        assert len(set(result.seated.values())) == len(result.seated), number
        seated = [a for a in ranked if a.id in result.seated]
        assert all(takes(places[result.seated[a.id]], a) for a in seated), number
        got = [liking(a, places[result.seated[a.id]]) for a in seated]
        assert got == min([liking(a, m[a.id]) for a in seated] for m in matchings(seated, booths))


def test_a_second_food_seller_waits_so_that_the_herb_minimum_is_met_by_a_lower_ranked_applicant():
    """Three booths, minimums of one food and one herb seller: the best-ranked food seller (g4)
    and the textile seller take two; the third goes to the herb seller g3, ranked below the second
    food seller g1, because seating g1 would leave the herb minimum unmet."""
    applicants = [
        applicant("g0", 1, "herb", "food", province="P2"),
        applicant("g1", 2.006, "herb", "food", province="P3"),
        applicant("g2", 3, "textile"),
        applicant("g3", 2, "herb", "textile"),
        applicant("g4", 3, "herb", "food", province="P2"),
        applicant("g5", 2, "herb", "textile", province="P2"),
    ]
    booths = [
        BoothSpec(0, "A01", "A", "", frozenset({"herb", "food"}), True),
        BoothSpec(1, "B02", "B", "small", frozenset(), True, True),
        BoothSpec(2, "A03", "A", "large", frozenset({"herb", "textile"})),
    ]
    rules = Rules({"P2": 3}, {"food": 1, "herb": 1}, {"herb": 3})
    result = allocate(applicants, booths, rules, seed=0)
    assert result.seated == {"g2": 2, "g4": 0, "g3": 1}
    assert result.reasons == {"g1": CATEGORY_MIN, "g5": "booths_full", "g0": "booths_full"}


def test_a_herb_seller_moves_to_the_herb_only_booth_so_a_third_food_seller_is_seated():
    """A01 takes food, A02-A03 food or herb, A04 herb: after two food sellers and a herb seller
    have sat down in the first three, a fourth applicant who sells food is seated too (the herb
    seller moves on to A04); nobody waits while a booth that could take them stands empty."""
    applicants = [
        applicant("f1", 4, "food"),
        applicant("f2", 3, "food"),
        applicant("h1", 2, "herb"),
        applicant("f3", 1, "food"),
    ]
    booths = [
        booth(1, "food"),
        booth(2, "food", "herb"),
        booth(3, "food", "herb"),
        booth(4, "herb"),
    ]
    result = allocate(applicants, booths)
    assert result.waitlist == []
    assert result.seated["h1"] == 4
    assert {result.seated[f] for f in ("f1", "f2", "f3")} == {1, 2, 3}


def test_a_herb_seller_needing_power_waits_so_the_food_minimum_gets_the_one_powered_booth():
    """Food minimum of three; one booth has power. Seating the top-ranked herb seller in it would
    leave one food seat filled where two are possible (the food seller needing power, then the
    last food seller in the food booth)."""
    applicants = [
        applicant("herb", 3, "textile", "herb", power=True),
        applicant("food_power", 2, "herb", "food", power=True),
        applicant("food", 1, "food"),
    ]
    booths = [
        BoothSpec(1, "C03", "A", "", frozenset(), True),
        BoothSpec(2, "A06", "A", "", frozenset({"textile", "food"})),
        BoothSpec(3, "A07", "A"),
    ]
    result = allocate(applicants, booths, Rules(category_min={"food": 3}), seed=5)
    assert result.seated == {"food_power": 1, "food": 2}
    assert result.reasons == {"herb": CATEGORY_MIN}


def test_a_food_seller_waits_so_the_open_booth_goes_to_a_herb_seller_the_herb_booths_refuse():
    """Herb minimum of three: two herb-only booths and one open booth. The herb seller who also
    sells textile fits only the open booth, so the food seller ranked above them waits."""
    applicants = [
        applicant("herb", 2.006, "herb"),
        applicant("food", 2, "food", "textile"),
        applicant("herb_textile", 1, "textile", "herb"),
    ]
    booths = [booth(4, "herb"), booth(5), booth(7, "herb")]
    result = allocate(applicants, booths, Rules(category_min={"herb": 3}), seed=2)
    assert result.order == ["herb", "food", "herb_textile"]
    assert result.seated == {"herb": 4, "herb_textile": 5}
    assert result.reasons == {"food": CATEGORY_MIN}


def test_the_top_applicant_keeps_a_booth_when_the_minimums_are_met_as_far_with_them_seated():
    """Minimums of three food and two textile sellers, four booths: seating the top-ranked food
    seller still fills four minimum seats (three food, one textile), so nobody above the last
    place waits for a minimum; the one who waits is ranked below the seated food seller."""
    applicants = [
        Applicant("g0", 2.004, frozenset({"food", "textile"}), "P1", zones=frozenset({"C", "B"})),
        applicant("g1", 3, "food", "textile"),
        Applicant("g2", 2.006, frozenset({"food"}), "P3", zones=frozenset({"C", "A"})),
        applicant("g6", 1, "food", province="P3"),
        applicant("g7", 2.004, "textile", province="P3"),
    ]
    booths = [
        BoothSpec(1, "C02", "C"),
        BoothSpec(2, "A03", "A", "", frozenset({"food"})),
        BoothSpec(3, "A04", "A", "", frozenset({"food"})),
        BoothSpec(4, "B05", "A"),
    ]
    result = allocate(applicants, booths, Rules(category_min={"food": 3, "textile": 2}), seed=3)
    assert result.order == ["g1", "g2", "g7", "g0", "g6"]
    assert result.seated == {"g1": 4, "g2": 2, "g7": 1, "g6": 3}
    assert result.reasons == {"g0": "booths_full"}


def test_the_minimum_sentence_names_only_the_minimum_the_waiting_applicant_would_not_fill():
    """The top herb seller needs the one powered booth, which the textile seller also needs. Seated
    there, they would fill the herb minimum (one) as the lower-ranked herb seller does, but leave
    the textile minimum empty: the sentence names the textile minimum, not the herb one."""
    applicants = [
        applicant("herb_power", 2.006, "herb", province="P2", power=True),
        applicant("textile_power", 2, "textile", province="P2", power=True),
        applicant("herb_textile", 2.004, "textile", "herb", province="P2"),
    ]
    booths = [BoothSpec(2, "B03", "A", "", frozenset(), True), BoothSpec(4, "A05", "A")]
    rules = Rules(category_min={"textile": 2, "herb": 1})
    result = allocate(applicants, booths, rules, seed=0, labels={"textile": "ผ้า", "herb": "สมุนไพร"})
    assert result.seated == {"textile_power": 2, "herb_textile": 4}
    assert result.explanations["herb_power"] == (
        "อยู่ในรายชื่อสำรองลำดับที่ 1 เพราะบูธที่เหลือต้องเว้นไว้ให้ผู้สมัครลำดับถัดไป"
        "เพื่อให้ครบจำนวนขั้นต่ำของสินค้าประเภทผ้า 2 บูธ ตามกติกาของงาน"
    )


def test_a_category_whose_minimum_is_zero_is_never_named_as_the_reason_to_wait():
    """As above, with a food seller ranked last in a food-only booth and a food minimum of zero:
    the sentence still names only the textile minimum."""
    applicants = [
        applicant("herb_power", 2.006, "herb", province="P2", power=True),
        applicant("textile_power", 2, "textile", province="P2", power=True),
        applicant("herb_textile", 2.004, "textile", "herb", province="P2"),
        applicant("food", 1, "food"),
    ]
    booths = [
        BoothSpec(2, "B03", "A", "", frozenset(), True),
        BoothSpec(4, "A05", "A"),
        BoothSpec(6, "A06", "A", "", frozenset({"food"})),
    ]
    rules = Rules(category_min={"textile": 2, "herb": 1, "food": 0})
    result = allocate(applicants, booths, rules, seed=0, labels={"textile": "ผ้า"})
    assert result.seated == {"textile_power": 2, "herb_textile": 4, "food": 6}
    assert result.explanations["herb_power"].endswith(
        "เพื่อให้ครบจำนวนขั้นต่ำของสินค้าประเภทผ้า 2 บูธ ตามกติกาของงาน"
    )


def test_a_food_minimum_already_met_from_above_is_not_named_when_a_food_seller_waits():
    """Minimums of two food and three textile sellers; the powered booths are wanted by the textile
    sellers. The second food seller, who needs power, waits: with the top food seller already
    seated they would complete the food minimum, so only the textile minimum is named."""
    applicants = [
        applicant("food_top", 3, "food"),
        applicant("food_power", 2.004, "food", province="P2", power=True),
        applicant("food", 2.004, "food", province="P2"),
        applicant("textile_a", 2, "textile", province="P3", power=True),
        applicant("textile_b", 2, "textile", province="P2", power=True),
    ]
    both = frozenset({"food", "textile"})
    booths = [
        BoothSpec(2, "B03", "A"),
        BoothSpec(3, "B04", "A", "", both, True),
        BoothSpec(4, "C05", "A", "", both),
        BoothSpec(5, "C06", "A", "", both, True),
    ]
    rules = Rules(category_min={"food": 2, "textile": 3})
    result = allocate(applicants, booths, rules, seed=2, labels={"textile": "ผ้า"})
    assert result.reasons == {"food_power": CATEGORY_MIN}
    assert result.explanations["food_power"].endswith(
        "เพื่อให้ครบจำนวนขั้นต่ำของสินค้าประเภทผ้า 3 บูธ ตามกติกาของงาน"
    )


def test_a_food_minimum_the_waiting_seller_could_not_complete_alone_is_named():
    """Minimums of three food and two textile sellers, one seller from P2. With one food seller
    above them, the food seller who needs power would bring food to two of three: the sentence
    names the food minimum as well as the textile one."""
    applicants = [
        applicant("g2", 2.006, "textile", "food", province="P3"),
        applicant("g5", 2.006, "food", province="P2", power=True),
        applicant("g7", 2, "food", province="P3", power=True),
        applicant("g1", 2.004, "food", province="P2"),
        applicant("g4", 2, "textile", province="P3", power=True),
    ]
    booths = [
        BoothSpec(1, "A02", "A", "", frozenset(), True),
        BoothSpec(2, "C03", "A", "", frozenset({"food"}), True),
        BoothSpec(3, "B04", "A"),
        BoothSpec(4, "C05", "A"),
    ]
    rules = Rules({"P2": 1}, {"food": 3, "textile": 2})
    labels = {"food": "อาหาร", "textile": "ผ้า"}
    result = allocate(applicants, booths, rules, seed=1, labels=labels)
    assert result.order == ["g2", "g5", "g7", "g1", "g4"]
    assert result.reasons == {"g5": CATEGORY_MIN}
    assert result.explanations["g5"].endswith(
        "เพื่อให้ครบจำนวนขั้นต่ำของสินค้าประเภทอาหาร 3 บูธ และสินค้าประเภทผ้า 2 บูธ ตามกติกาของงาน"
    )


def test_an_applicant_no_zone_of_theirs_can_take_is_told_which_zones_they_qualify_for():
    applicants = [
        Applicant("two_zones", 3, frozenset({"food"}), "P1", zones=frozenset({"B", "A"})),
        Applicant("no_zone", 2, frozenset({"food"}), "P1", zones=frozenset()),
        Applicant("power", 1, frozenset({"food"}), "P1", needs_electricity=True, zones={"A"}),
    ]
    result = allocate(applicants, [BoothSpec(1, "C01", "C")], labels={"food": "อาหาร"})
    assert result.unplaceable == ["two_zones", "no_zone", "power"]
    assert result.explanations == {
        "two_zones": "ไม่มีบูธใดรับได้ เพราะไม่มีบูธที่รับสินค้าประเภท อาหาร ในโซนที่ท่านมีสิทธิ์ (A, B)",
        "no_zone": "ไม่มีบูธใดรับได้ เพราะไม่มีบูธที่รับสินค้าประเภท อาหาร ในโซนที่ท่านมีสิทธิ์ (-)",
        "power": "ไม่มีบูธใดรับได้ เพราะไม่มีบูธที่รับสินค้าประเภท อาหาร และมีไฟฟ้า ในโซนที่ท่านมีสิทธิ์ (A)",
    }


def test_a_zero_maximum_for_a_category_nobody_sells_does_not_stop_a_herb_minimum():
    """Minimums of two food and three herb sellers, at most two from P3, no textile booths at all
    (maximum 0). The third booth goes to the herb seller from P3, not to the third food seller,
    ranked level with them, whose seat would not count toward any minimum."""
    applicants = [
        applicant("g2", 2.006, "food", province="P3"),
        applicant("g4", 1, "herb", province="P3"),
        applicant("g6", 1, "food", province="P3"),
        applicant("g8", 2, "herb", "food"),
    ]
    booths = [booth(1), booth(2), booth(3, "food")]
    rules = Rules({"P3": 2}, {"food": 2, "herb": 3}, {"textile": 0})
    result = allocate(applicants, booths, rules, seed=4)
    assert result.order == ["g2", "g8", "g6", "g4"]
    assert set(result.seated) == {"g2", "g8", "g4"}
    assert result.reasons == {"g6": CATEGORY_MIN}


def _two_hall_fair(hall_a, hall_b_power, people):
    """Hall A: `hall_a` powered booths for food or herb; hall B: food-only booths, powered or
    not as listed. `people` are (id, score, category, province, needs power)."""
    booths = [
        BoothSpec(n, f"A{n:02d}", "A", "", frozenset({"food", "herb"}), True) for n in range(hall_a)
    ]
    booths += [
        BoothSpec(10 + n, f"B{n:02d}", "B", "", frozenset({"food"}), power)
        for n, power in enumerate(hall_b_power)
    ]
    applicants = [
        Applicant(id_, score, frozenset({category}), province, needs_electricity=power)
        for id_, score, category, province, power in people
    ]
    return applicants, booths


CAPPED_FAIRS = [  # province caps refuse the seats a flow over booths alone would pick
    (
        2,
        [False, False],
        [("f0", 2, "food", "R", True), ("h0", 2, "herb", "P", True), ("h1", 2, "herb", "R", True)],
        Rules({"P": 2, "R": 1}, {"herb": 1, "food": 2}),
        3,
    ),
    (
        3,
        [False],
        [
            ("f0", 1, "food", "R", True),
            ("f1", 3, "food", "R", True),
            ("f2", 2, "food", "R", True),
            ("h0", 4, "herb", "Q", False),
            ("h1", 1, "herb", "Q", False),
            ("h2", 1, "herb", "R", False),
        ],
        Rules({"R": 1}, {"herb": 2}),
        0,
    ),
    (
        2,
        [False, True, True],
        [
            ("f0", 2, "food", "P", False),
            ("f1", 3, "food", "R", False),
            ("f2", 1, "food", "R", False),
            ("h0", 1, "herb", "R", True),
            ("h1", 4, "herb", "P", True),
        ],
        Rules({"Q": 1, "R": 2}, {"herb": 3}),
        0,
    ),
    (
        2,
        [True, False, False],
        [
            ("f0", 1, "food", "P", False),
            ("f1", 1, "food", "Q", False),
            ("f2", 2, "food", "Q", True),
            ("h0", 1, "herb", "Q", False),
            ("h1", 1, "herb", "R", True),
        ],
        Rules({"Q": 1, "R": 0}, {"herb": 3}),
        3,
    ),
    (
        1,
        [False, False],
        [
            ("f0", 1, "food", "R", False),
            ("f1", 2, "food", "Q", False),
            ("f2", 2, "food", "P", True),
            ("h0", 2, "herb", "Q", True),
            ("h1", 1, "herb", "Q", False),
            ("h2", 1, "herb", "R", False),
            ("h3", 2, "herb", "R", False),
        ],
        Rules({"P": 2, "Q": 2, "R": 1}, {"herb": 1, "food": 2}),
        3,
    ),
    (
        3,
        [True, True],
        [
            ("f0", 4, "food", "R", False),
            ("f1", 4, "food", "R", False),
            ("f2", 3, "food", "R", True),
            ("h0", 1, "herb", "P", True),
            ("h1", 3, "herb", "R", True),
            ("h2", 4, "herb", "R", True),
            ("h3", 4, "herb", "P", False),
        ],
        Rules({"P": 1, "Q": 0}, {"herb": 3}),
        3,
    ),
    (
        3,
        [False, False, False],
        [
            ("f0", 2, "food", "R", False),
            ("f1", 3, "food", "Q", True),
            ("f2", 3, "food", "Q", False),
            ("h0", 1, "herb", "Q", False),
            ("h1", 3, "herb", "P", True),
            ("h2", 1, "herb", "P", True),
            ("h3", 1, "herb", "P", True),
        ],
        Rules({"P": 2, "Q": 2}, {"herb": 3, "food": 2}),
        1,
    ),
    (
        2,
        [True],
        [
            ("f0", 2, "food", "Q", False),
            ("f1", 1, "food", "Q", False),
            ("f2", 4, "food", "Q", False),
            ("h0", 2, "herb", "R", False),
            ("h1", 2, "herb", "Q", False),
            ("h2", 4, "herb", "Q", False),
        ],
        Rules({"P": 0, "Q": 2, "R": 0}, {"herb": 3}),
        0,
    ),
]


@pytest.mark.parametrize("hall_a, hall_b_power, people, rules, seed", CAPPED_FAIRS)
def test_where_province_caps_bind_the_seated_are_whom_brute_force_seats(
    hall_a, hall_b_power, people, rules, seed
):
    """Fairs where the best way to meet the minimums has to respect a province cap (and the
    booths shuffle holders between the halls): brute force over every subset decides who sits."""
    applicants, booths = _two_hall_fair(hall_a, hall_b_power, people)
    result = allocate(applicants, booths, rules, seed)
    people_by_id = {a.id: a for a in applicants}
    ranked = [people_by_id[a] for a in result.order]
    assert set(result.seated) == rightful_seated(ranked, booths, rules)


@pytest.mark.parametrize(
    "herb_province, caps", [("P1", {}), ("P1", {"P1": 2}), ("P2", {"P1": 1, "P2": 1})]
)
def test_with_many_candidates_a_minimum_still_weighs_every_booth_not_only_the_best_ranked(
    herb_province, caps
):
    """Minimums of one food and one herb seller, two booths: X takes food and herb sellers without
    power, Y takes only food and has power. The top applicant (food and herb, so counted as food)
    fits only X, as do ten more like them; the only herb seller fits only X too. Both minimums
    can be met only with the food seller who needs power in Y and the herb seller in X, so the top
    applicant waits however many candidates there are (with or without province caps that leave
    room for both)."""
    both = frozenset({"food", "herb"})
    applicants = [
        Applicant("top", 10, both, "P1"),
        Applicant("food_power", 9, FOOD_ONLY, "P1", needs_electricity=True),
        Applicant("herb", 8, frozenset({"herb"}), herb_province),
        *(Applicant(f"like_top_{n}", 1, both, "P1") for n in range(10)),
    ]
    booths = [BoothSpec("X", "X01", "X", "", both), BoothSpec("Y", "Y01", "Y", "", FOOD_ONLY, True)]
    result = allocate(applicants, booths, Rules(caps, {"food": 1, "herb": 1}))
    assert result.seated == {"food_power": "Y", "herb": "X"}
    assert result.reasons["top"] == CATEGORY_MIN


def test_thirteen_herb_sellers_of_one_capped_province_leave_the_other_booths_to_the_rest():
    """A herb minimum of two cannot be met when every herb seller comes from P1, capped at one:
    the best-ranked herb seller is seated, the other twelve wait for the cap, and the food sellers
    of P2 take the remaining booths (more than twelve candidates: the search adds them one by one)."""
    applicants = [
        *(Applicant(f"herb_{n:02d}", 20 - n, frozenset({"herb"}), "P1") for n in range(13)),
        Applicant("food_a", 5, FOOD_ONLY, "P2"),
        Applicant("food_b", 4, FOOD_ONLY, "P2"),
    ]
    booths = [booth(n) for n in range(1, 4)]
    result = allocate(applicants, booths, Rules({"P1": 1}, {"herb": 2}))
    assert set(result.seated) == {"herb_00", "food_a", "food_b"}
    assert set(result.reasons.values()) == {"province_cap"}


@pytest.mark.parametrize("textile_sellers", [0, 2])
def test_with_twelve_candidates_every_set_is_tried_before_a_top_herb_seller_is_seated(
    textile_sellers,
):
    """Minimums of two herb and one food seller, one seller from P. Seating the top herb seller
    (from P) would shut out the only food seller (also from P); the herb sellers from Q fill the
    herb minimum instead, so all three minimum seats are filled. Twelve candidates are still
    searched set by set, and textile sellers, who fill no minimum, are not candidates."""
    applicants = [
        Applicant("herb_p", 9, frozenset({"herb"}), "P"),
        Applicant("food_p", 8, FOOD_ONLY, "P"),
        *(Applicant(f"herb_q{n:02d}", 7 - n / 10, frozenset({"herb"}), "Q") for n in range(10)),
        *(
            Applicant(f"textile_{n}", 1, frozenset({"textile"}), "R")
            for n in range(textile_sellers)
        ),
    ]
    booths = [booth(n) for n in range(1, 4)]
    result = allocate(applicants, booths, Rules({"P": 1}, {"herb": 2, "food": 1}))
    assert set(result.seated) == {"food_p", "herb_q00", "herb_q01"}
    assert result.reasons["herb_p"] == CATEGORY_MIN


def test_an_applicant_whose_zone_rules_admit_only_zone_b_is_never_seated_in_zone_a():
    applicants = [Applicant("b_only", 3, FOOD_ONLY, "P1", zones=["B"])]
    result = allocate(applicants, [BoothSpec(1, "A01", "A"), BoothSpec(2, "A02", "A")])
    assert result.seated == {}
    assert result.unplaceable == ["b_only"]


@pytest.mark.parametrize("booth_count, more", [(5, ""), (6, " และอีก 1 ราย"), (8, " และอีก 3 ราย")])
def test_a_lottery_loser_is_told_the_first_five_winners_by_rank_and_how_many_more(
    booth_count, more
):
    applicants = [applicant(f"g{n}", 50, "food") for n in range(booth_count + 1)]
    result = allocate(applicants, [booth(n) for n in range(booth_count)], seed=7)
    # equally liked booths go out in the order of their codes, one each, down the ranking
    assert [result.seated[a] for a in result.order[:booth_count]] == list(range(booth_count))
    assert result.explanations[result.waitlist[0]] == (
        "อยู่ในรายชื่อสำรองลำดับที่ 1 เพราะบูธที่รับสินค้าประเภทนี้เต็มด้วยผู้สมัครลำดับที่ 1, 2, 3, 4, 5"
        f"{more} ซึ่งคะแนนเท่ากัน (50.00) แต่จับฉลากได้ลำดับก่อน ด้วยเลขสุ่มที่ประกาศของงาน (7)"
    )
