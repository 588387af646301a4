"""Booth allocation checked against brute force on small random fairs, plus hand-worked examples."""

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from booths.allocation import Applicant, BoothSpec, Rules, allocate
from tests.booths.allocation_oracle import (
    committee_score,
    feasible,
    largest_feasible,
    liking,
    matchings,
    minimum_seats,
    rightful_seated,
    takes,
    within_caps,
)

CATEGORIES = ["food", "textile"]
PROVINCES = ["P1", "P2"]
WISHES = ["A", "B", "small", "large"]

booth_specs = st.builds(
    lambda zone, kind, allowed, power, corner: (zone, kind, frozenset(allowed), power, corner),
    st.sampled_from("AB"),
    st.sampled_from(["small", "large"]),
    st.sets(st.sampled_from(CATEGORIES), max_size=2),
    st.booleans(),
    st.booleans(),
)
applicant_specs = st.tuples(
    st.integers(1, 3),
    st.sets(st.sampled_from(CATEGORIES), min_size=1, max_size=2),
    st.sampled_from(PROVINCES),
    st.lists(st.sampled_from(WISHES), max_size=3),
    st.booleans(),
    st.booleans(),
)


@st.composite
def fairs(draw, caps=True, minimums=False):
    booths = [
        BoothSpec(n, f"{zone}{n + 1:02d}", zone, kind, allowed, power, corner)
        for n, (zone, kind, allowed, power, corner) in enumerate(
            draw(st.lists(booth_specs, min_size=1, max_size=5))
        )
    ]
    applicants = [
        Applicant(f"g{n}", score, frozenset(cats), province, tuple(prefs), power, corner)
        for n, (score, cats, province, prefs, power, corner) in enumerate(
            draw(st.lists(applicant_specs, min_size=1, max_size=6))
        )
    ]
    limits = st.dictionaries(st.sampled_from(PROVINCES), st.integers(0, 3))
    rules = Rules(
        province_caps=draw(limits) if caps else {},
        category_max=draw(st.dictionaries(st.sampled_from(CATEGORIES), st.integers(0, 3)))
        if caps
        else {},
        category_min=draw(st.dictionaries(st.sampled_from(CATEGORIES), st.integers(1, 3)))
        if minimums
        else {},
    )
    return applicants, booths, rules, draw(st.integers(0, 5))


def by_id(applicants):
    return {a.id: a for a in applicants}


@settings(max_examples=200, deadline=None)
@given(fairs())
def test_every_seat_respects_categories_facilities_caps_and_one_booth_each(fair):
    applicants, booths, rules, seed = fair
    result = allocate(applicants, booths, rules, seed)
    people, places = by_id(applicants), {b.id: b for b in booths}
    assert len(set(result.seated.values())) == len(result.seated)
    assert all(takes(places[b], people[a]) for a, b in result.seated.items())
    assert within_caps([people[a] for a in result.seated], rules)
    everyone = list(result.seated) + result.waitlist + result.unplaceable
    assert sorted(everyone) == sorted(people)
    assert set(result.explanations) == set(people)


@settings(max_examples=200, deadline=None)
@given(fairs(caps=False, minimums=True))
def test_without_caps_as_many_booths_are_filled_as_brute_force_finds(fair):
    applicants, booths, rules, seed = fair
    result = allocate(applicants, booths, rules, seed)
    assert len(result.seated) == largest_feasible(applicants, booths, Rules())


@settings(max_examples=200, deadline=None)
@given(fairs())
def test_nobody_waits_who_could_be_seated_with_everyone_seated_above_them(fair):
    applicants, booths, rules, seed = fair
    result = allocate(applicants, booths, rules, seed)
    people = by_id(applicants)
    for position, applicant_id in enumerate(result.order):
        if applicant_id not in result.waitlist:
            continue
        above = [people[a] for a in result.order[:position] if a in result.seated]
        assert not feasible([*above, people[applicant_id]], booths, rules)


@settings(max_examples=300, deadline=None)
@given(fairs(minimums=True))
def test_the_seated_are_the_best_in_rank_order_of_the_sets_that_meet_minimums_as_far_as_allowed(
    fair,
):
    """Brute force over every subset: within caps and booths, filling the most minimum seats the
    rules allow, and then the best-ranked such set (a minimum displaces a higher-ranked applicant
    only when no allowed set seating them meets the minimums as far)."""
    applicants, booths, rules, seed = fair
    result = allocate(applicants, booths, rules, seed)
    people = by_id(applicants)
    ranked = [people[a] for a in result.order]
    assert set(result.seated) == rightful_seated(ranked, booths, rules)


@settings(max_examples=200, deadline=None)
@given(fairs(minimums=True))
def test_nobody_holds_a_booth_they_did_not_ask_for_that_another_wished_for_if_a_swap_costs_nothing(
    fair,
):
    applicants, booths, rules, seed = fair
    result = allocate(applicants, booths, rules, seed)
    people, places = by_id(applicants), {b.id: b for b in booths}
    for holder, wisher in itertools.permutations(result.seated, 2):
        held, own = places[result.seated[holder]], places[result.seated[wisher]]
        if takes(own, people[holder]) and takes(held, people[wisher]):
            costs_holder_nothing = liking(people[holder], own) == liking(people[holder], held)
            assert not (
                costs_holder_nothing and liking(people[wisher], held) < liking(people[wisher], own)
            )


@settings(max_examples=200, deadline=None)
@given(fairs(minimums=True))
def test_minimums_are_met_as_far_as_booths_and_caps_allow(fair):
    applicants, booths, rules, seed = fair
    result = allocate(applicants, booths, rules, seed)
    people = by_id(applicants)
    most = max(
        minimum_seats(group, rules)
        for size in range(len(applicants) + 1)
        for group in itertools.combinations(applicants, size)
        if feasible(group, booths, rules)
    )
    assert minimum_seats([people[a] for a in result.seated], rules) == most


@settings(max_examples=200, deadline=None)
@given(fairs(minimums=True))
def test_booth_choices_are_the_best_possible_in_rank_order(fair):
    applicants, booths, rules, seed = fair
    result = allocate(applicants, booths, rules, seed)
    people, places = by_id(applicants), {b.id: b for b in booths}
    seated = [people[a] for a in result.order if a in result.seated]
    got = [liking(a, places[result.seated[a.id]]) for a in seated]
    best = min([liking(a, m[a.id]) for a in seated] for m in matchings(seated, booths))
    assert got == best


@settings(max_examples=200, deadline=None)
@given(fairs(minimums=True))
def test_nobody_envies_a_lower_ranked_booth_they_could_simply_swap_for(fair):
    applicants, booths, rules, seed = fair
    result = allocate(applicants, booths, rules, seed)
    people, places = by_id(applicants), {b.id: b for b in booths}
    seated = [a for a in result.order if a in result.seated]
    for high, low in itertools.combinations(seated, 2):
        mine, theirs = places[result.seated[high]], places[result.seated[low]]
        swap_possible = takes(theirs, people[high]) and takes(mine, people[low])
        prefers_theirs = liking(people[high], theirs)[0] < liking(people[high], mine)[0]
        assert not (swap_possible and prefers_theirs)


@settings(max_examples=200, deadline=None)
@given(fairs(minimums=True), st.randoms(use_true_random=False))
def test_same_inputs_and_seed_give_the_same_result_in_any_input_order(fair, rng):
    applicants, booths, rules, seed = fair
    first = allocate(applicants, booths, rules, seed)
    shuffled_applicants, shuffled_booths = applicants[:], booths[:]
    rng.shuffle(shuffled_applicants)
    rng.shuffle(shuffled_booths)
    assert allocate(shuffled_applicants, shuffled_booths, rules, seed) == first


@settings(max_examples=100, deadline=None)
@given(fairs(), st.integers(0, 10**6))
def test_the_lottery_only_reorders_equal_scores(fair, other_seed):
    applicants, booths, rules, seed = fair
    people = by_id(applicants)
    for result in (
        allocate(applicants, booths, rules, seed),
        allocate(applicants, booths, rules, other_seed),
    ):
        scores = [committee_score(people[a].score) for a in result.order]
        assert scores == sorted(scores, reverse=True)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.floats(0, 100), min_size=2, max_size=8), st.integers(0, 10**6))
def test_scores_equal_at_the_committees_two_decimals_are_a_lottery_and_others_are_not(scores, seed):
    applicants = [Applicant(n, score, frozenset({"food"}), "P1") for n, score in enumerate(scores)]
    order = allocate(applicants, [], seed=seed).order
    shown = [committee_score(scores[n]) for n in order]
    assert shown == sorted(shown, reverse=True)
    as_shown = [
        Applicant(a.id, float(committee_score(a.score)), a.categories, "P1") for a in applicants
    ]
    assert allocate(as_shown, [], seed=seed).order == order


FOOD, TEXTILE = frozenset({"food"}), frozenset({"textile"})


def explained(applicants, booths, rules=None, labels=None):
    return allocate(applicants, booths, rules, seed=0, labels=labels).explanations


def test_second_choice_is_explained_by_the_first_zone_being_full_of_higher_scores():
    booths = [BoothSpec(1, "A01", "A"), BoothSpec(2, "B12", "B")]
    applicants = [
        Applicant("top", 90, FOOD, "P1", ("A",)),
        Applicant("next", 80, FOOD, "P1", ("A", "B")),
    ]
    sentences = explained(applicants, booths)
    assert sentences["top"] == "ได้บูธ A01 (ตัวเลือกที่ 1) ตามที่ขอเป็นอันดับแรก"
    assert sentences["next"] == "ได้บูธ B12 (ตัวเลือกที่ 2) เพราะโซน A เต็มด้วยผู้สมัครที่คะแนนสูงกว่า"


def test_fifth_ranked_applicant_is_fourth_on_the_waitlist_behind_higher_scores():
    booths = [BoothSpec(1, "F01", "F", allowed_categories=FOOD)]
    applicants = [Applicant(f"g{n}", 100 - n, FOOD, "P1", ("F",)) for n in range(5)]
    result = allocate(applicants, booths)
    assert result.seated == {"g0": 1}
    assert result.waitlist == ["g1", "g2", "g3", "g4"]
    assert result.explanations["g4"] == (
        "อยู่ในรายชื่อสำรองลำดับที่ 4 เพราะบูธที่รับสินค้าประเภทนี้เต็มด้วยผู้สมัครที่คะแนนสูงกว่า"
    )


def test_a_full_province_quota_is_named_in_the_waitlist_sentence():
    booths = [BoothSpec(1, "A01", "A"), BoothSpec(2, "A02", "A")]
    applicants = [Applicant("cm1", 90, FOOD, "CM"), Applicant("cm2", 80, FOOD, "CM")]
    result = allocate(applicants, booths, Rules(province_caps={"CM": 1}), labels={"CM": "เชียงใหม่"})
    assert list(result.seated) == ["cm1"]
    assert result.reasons == {"cm2": "province_cap"}
    assert result.explanations["cm2"] == (
        "อยู่ในรายชื่อสำรองลำดับที่ 1 เพราะจังหวัดเชียงใหม่ได้บูธครบโควตา 1 บูธแล้วด้วยผู้สมัครที่คะแนนสูงกว่า"
    )


def test_a_category_maximum_is_named_in_the_waitlist_sentence():
    booths = [BoothSpec(1, "A01", "A"), BoothSpec(2, "A02", "A")]
    applicants = [Applicant("f1", 90, FOOD, "P1"), Applicant("f2", 80, FOOD, "P2")]
    sentences = explained(applicants, booths, Rules(category_max={"food": 1}), {"food": "อาหาร"})
    assert sentences["f2"] == (
        "อยู่ในรายชื่อสำรองลำดับที่ 1 เพราะสินค้าประเภทอาหารได้บูธครบจำนวนสูงสุด 1 บูธแล้วด้วยผู้สมัครที่คะแนนสูงกว่า"
    )


def test_a_booth_kept_for_a_lower_ranked_applicant_who_has_no_other_place_is_explained():
    booths = [BoothSpec(1, "A01", "A"), BoothSpec(2, "B01", "B", allowed_categories=FOOD)]
    applicants = [
        Applicant("food", 90, FOOD, "P1", ("A", "B")),
        Applicant("cloth", 80, TEXTILE, "P1", ("A",)),
    ]
    result = allocate(applicants, booths)
    assert result.seated == {"food": 2, "cloth": 1}
    assert result.choice_rank == {"food": 2, "cloth": 1}
    assert result.explanations["food"] == (
        "ได้บูธ B01 (ตัวเลือกที่ 2) เพราะโซน A ต้องเว้นไว้ให้ผู้ได้รับคัดเลือกรายอื่นที่ใช้บูธอื่นไม่ได้"
    )


def test_zones_without_a_suitable_booth_are_named_when_seated_outside_the_wishes():
    booths = [
        BoothSpec(1, "A01", "A"),
        BoothSpec(2, "B01", "B", allowed_categories=FOOD),
        BoothSpec(3, "C01", "C", allowed_categories=TEXTILE, has_electricity=True),
    ]
    applicant = Applicant("g", 90, TEXTILE, "P1", ("B", "A"), needs_electricity=True)
    result = allocate([applicant], booths)
    assert result.choice_rank == {"g": None}
    assert result.explanations["g"] == (
        "ได้บูธ C01 (นอกตัวเลือกที่ขอ) เพราะโซน B และโซน A ไม่มีบูธที่รับสินค้าของท่านและมีไฟฟ้า"
    )


def test_an_applicant_no_booth_accepts_is_unplaceable_not_waitlisted():
    booths = [BoothSpec(1, "B01", "B", allowed_categories=FOOD)]
    result = allocate(
        [Applicant("cloth", 90, TEXTILE, "P1", ("B",))], booths, labels={"textile": "ผ้า"}
    )
    assert (result.unplaceable, result.waitlist) == (["cloth"], [])
    assert result.explanations["cloth"] == "ไม่มีบูธใดรับได้ เพราะไม่มีบูธที่รับสินค้าประเภท ผ้า"


def test_booth_types_count_as_wishes_and_codes_are_handed_out_in_natural_order():
    booths = [BoothSpec(n, f"A{n}", "A", "large" if n < 3 else "small") for n in (10, 2, 1, 3)]
    applicants = [Applicant(f"g{n}", 90 - n, FOOD, "P1", ("large",)) for n in range(3)]
    result = allocate(applicants, booths)
    assert result.seated == {"g0": 1, "g1": 2, "g2": 3}
    assert result.choice_rank == {"g0": 1, "g1": 1, "g2": None}
    assert result.explanations["g2"] == (
        "ได้บูธ A3 (นอกตัวเลือกที่ขอ) เพราะบูธประเภท large เต็มด้วยผู้สมัครที่คะแนนสูงกว่า"
    )


def test_the_lottery_for_equal_scores_is_fixed_by_the_seed():
    """Changing this order changes published results: bump ALGORITHM_VERSION if it must change."""
    tied = [Applicant(n, 50, FOOD, "P1") for n in range(1, 6)]
    assert allocate(tied, [], seed=42).order == [4, 2, 3, 1, 5]


def test_with_a_province_cap_priority_wins_over_a_larger_count():
    """Seating the top applicant uses both the province's only place and the only booth the third
    accepts; seating the second and third instead would fill two booths but leave out the best."""
    booths = [BoothSpec(1, "A01", "A"), BoothSpec(2, "B01", "B", allowed_categories=TEXTILE)]
    applicants = [
        Applicant("best", 90, FOOD, "CM"),
        Applicant("second", 80, TEXTILE, "CM"),
        Applicant("third", 70, FOOD, "KK"),
    ]
    result = allocate(applicants, booths, Rules(province_caps={"CM": 1}))
    assert result.seated == {"best": 1}
    assert result.reasons == {"second": "province_cap", "third": "booths_full"}


def perfect_matching_exists(options):
    """Kuhn's augmenting paths at booth level: can everyone get one of their own booth options?"""
    holder = {}

    def place(person, seen):
        for booth in options[person]:
            if booth not in seen:
                seen.add(booth)
                if booth not in holder or place(holder[booth], seen):
                    holder[booth] = person
                    return True
        return False

    return all(place(person, set()) for person in options)


def reference_allocation(ranked, booths, rules):
    """Booth-level greedy selection, then serial choice of equally liked booth groups."""
    selected = []
    for applicant in ranked:
        group = [*selected, applicant]
        accepted = {a.id: [b.id for b in booths if takes(b, a)] for a in group}
        if within_caps(group, rules) and perfect_matching_exists(accepted):
            selected.append(applicant)
    allowed = {a.id: [b.id for b in booths if takes(b, a)] for a in selected}
    got = []
    for applicant in selected:
        mine = [b for b in booths if takes(b, applicant)]
        for key in sorted({liking(applicant, b) for b in mine}):
            trial = {**allowed, applicant.id: [b.id for b in mine if liking(applicant, b) == key]}
            if perfect_matching_exists(trial):
                allowed = trial
                got.append(key)
                break
    return [a.id for a in selected], got


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_larger_fairs_match_a_booth_level_reference(data):
    booths = [
        BoothSpec(n, f"{zone}{n:02d}", zone, kind, frozenset(allowed), power, corner)
        for n, (zone, kind, allowed, power, corner) in enumerate(
            data.draw(st.lists(booth_specs, min_size=5, max_size=25))
        )
    ]
    applicants = [
        Applicant(n, score, frozenset(cats), province, tuple(prefs), power, corner)
        for n, (score, cats, province, prefs, power, corner) in enumerate(
            data.draw(st.lists(applicant_specs, min_size=10, max_size=40))
        )
    ]
    caps = data.draw(st.dictionaries(st.sampled_from(PROVINCES), st.integers(2, 12)))
    rules = Rules(province_caps=caps)
    result = allocate(applicants, booths, rules, seed=3)
    people, places = by_id(applicants), {b.id: b for b in booths}
    ranked = [people[a] for a in result.order]
    selected, keys = reference_allocation(ranked, booths, rules)
    assert [a for a in result.order if a in result.seated] == selected
    assert [liking(people[a], places[result.seated[a]]) for a in selected] == keys
