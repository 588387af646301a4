"""National allocation by province quotas, checked against a brute-force oracle on small fairs,
plus the worked examples of issue 18."""

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from booths.allocation import (
    KEEP_EMPTY,
    RELEASE_RULES,
    SAME_CATEGORY,
    TO_WAITLIST,
    Applicant,
    BoothSpec,
    Quotas,
    allocate_national,
)
from tests.booths.allocation_oracle import liking, main_category
from tests.booths.national_oracle import (
    can_all_be_seated,
    lists_follow_scores,
    rightful_national,
    standings,
    takes_at,
)

CATEGORIES = ["food", "textile"]
PROVINCES = ["P1", "P2", "P3"]
LABELS = {"P1": "เชียงใหม่", "P2": "น่าน", "P3": "ยะลา", "food": "อาหาร", "textile": "ผ้า"}

booth_specs = st.tuples(
    st.sampled_from("AB"),
    st.sets(st.sampled_from(CATEGORIES), max_size=2),
    st.booleans(),
)
applicant_specs = st.tuples(
    st.integers(1, 3),
    st.sampled_from(CATEGORIES),
    st.sampled_from(PROVINCES),
    st.lists(st.sampled_from("AB"), max_size=2),
    st.booleans(),
    st.none() | st.sets(st.sampled_from("AB")),
)


@st.composite
def national_fairs(draw, quota_limit=2):
    booths = [
        BoothSpec(n, f"{zone}{n + 1:02d}", zone, "", frozenset(allowed), power)
        for n, (zone, allowed, power) in enumerate(draw(st.lists(booth_specs, max_size=5)))
    ]
    applicants = [
        Applicant(f"g{n}", score, frozenset({cat}), province, tuple(prefs), power, False, zones)
        for n, (score, cat, province, prefs, power, zones) in enumerate(
            draw(st.lists(applicant_specs, min_size=1, max_size=6))
        )
    ]
    keys = st.tuples(st.sampled_from(PROVINCES), st.sampled_from(CATEGORIES))
    quotas = Quotas(
        draw(st.dictionaries(keys, st.integers(0, quota_limit))),
        draw(st.sampled_from(RELEASE_RULES)),
    )
    return applicants, booths, quotas, draw(st.integers(0, 5))


def run(fair):
    applicants, booths, quotas, seed = fair
    return allocate_national(applicants, booths, quotas, seed, labels=LABELS)


@settings(max_examples=200, deadline=None)
@given(national_fairs())
def test_every_seat_fits_the_booth_the_zone_and_the_quotas_with_their_released_places(fair):
    applicants, booths, quotas, _ = fair
    result = run(fair)
    people, places = {a.id: a for a in applicants}, {b.id: b for b in booths}
    assert len(set(result.seated.values())) == len(result.seated)
    assert all(takes_at(places[b], people[a]) for a, b in result.seated.items())
    seated = [people[a] for a in result.seated]
    if quotas.release == KEEP_EMPTY:
        for (province, category), places_given in quotas.booths.items():
            held = [a for a in seated if (a.province, main_category(a)) == (province, category)]
            assert len(held) <= places_given
    for category in CATEGORIES:
        in_category = sum(1 for a in seated if main_category(a) == category)
        quota = sum(n for (_, c), n in quotas.booths.items() if c == category)
        assert quota >= in_category or quotas.release == TO_WAITLIST
    assert len(seated) <= sum(quotas.booths.values())
    everyone = list(result.seated) + result.waitlist + result.unplaceable
    assert sorted(everyone) == sorted(people)


@settings(max_examples=200, deadline=None)
@given(national_fairs())
def test_provinces_are_compared_by_standing_and_each_list_by_its_committees_scores(fair):
    applicants, *_ = fair
    result = run(fair)
    people = {a.id: a for a in applicants}
    ordered = [people[a] for a in result.order]
    assert lists_follow_scores(ordered)
    standing = standings(ordered)
    shares = [standing[a.id][2] for a in ordered]
    assert shares == sorted(shares)


@settings(max_examples=300, deadline=None)
@given(national_fairs())
def test_the_seated_are_the_best_in_standing_order_first_on_quotas_then_on_released_places(
    fair,
):
    applicants, booths, quotas, _ = fair
    result = run(fair)
    people = {a.id: a for a in applicants}
    ordered = [people[a] for a in result.order]
    on_quota, everyone = rightful_national(ordered, booths, quotas)
    assert set(result.seated) == everyone
    for applicant_id in on_quota:
        assert "ได้ที่จากโควตาที่จังหวัดอื่นใช้ไม่หมด" not in result.explanations[applicant_id]


@settings(max_examples=150, deadline=None)
@given(national_fairs(quota_limit=6))
def test_quotas_that_do_not_bind_fill_as_many_booths_as_brute_force_finds(fair):
    applicants, booths, quotas, seed = fair
    roomy = Quotas({(p, c): len(applicants) for p in PROVINCES for c in CATEGORIES}, quotas.release)
    result = allocate_national(applicants, booths, roomy, seed)
    most = max(
        size
        for size in range(len(applicants) + 1)
        for group in itertools.combinations(applicants, size)
        if can_all_be_seated(group, booths)
    )
    assert len(result.seated) == most


@settings(max_examples=150, deadline=None)
@given(national_fairs())
def test_booth_choices_are_the_best_possible_in_standing_order(fair):
    applicants, booths, *_ = fair
    result = run(fair)
    people, places = {a.id: a for a in applicants}, {b.id: b for b in booths}
    seated = [people[a] for a in result.order if a in result.seated]
    got = [liking(a, places[result.seated[a.id]]) for a in seated]
    options = [
        [liking(a, b) for a, b in zip(seated, chosen, strict=True)]
        for chosen in itertools.permutations(booths, len(seated))
        if all(takes_at(b, a) for a, b in zip(seated, chosen, strict=True))
    ]
    assert got == min(options)


@settings(max_examples=150, deadline=None)
@given(national_fairs(), st.randoms(use_true_random=False))
def test_same_inputs_and_seed_give_the_same_result_in_any_input_order(fair, rng):
    applicants, booths, quotas, seed = fair
    first = run(fair)
    shuffled_applicants, shuffled_booths = applicants[:], booths[:]
    rng.shuffle(shuffled_applicants)
    rng.shuffle(shuffled_booths)
    again = allocate_national(shuffled_applicants, shuffled_booths, quotas, seed, labels=LABELS)
    assert again == first


@settings(max_examples=200, deadline=None)
@given(national_fairs())
def test_every_explanation_names_the_province_rank_and_quota_and_the_rule_it_went_by(fair):
    applicants, booths, quotas, _ = fair
    result = run(fair)
    people = {a.id: a for a in applicants}
    ordered = [people[a] for a in result.order]
    standing = standings(ordered)
    for a in ordered:
        sentence = result.explanations[a.id]
        if a.id in result.unplaceable:
            assert sentence.startswith("ไม่มีบูธใดรับได้")
            continue
        rank, size, _ = standing[a.id]
        category = LABELS[main_category(a)]
        quota = quotas.booths.get((a.province, main_category(a)), 0)
        assert f"อยู่ลำดับที่ {rank} จาก {size} รายของจังหวัด{LABELS[a.province]} " in sentence
        assert f"โควตา{category} {quota} บูธ" in sentence
        if a.id in result.waitlist:
            position = result.waitlist.index(a.id) + 1
            assert sentence.startswith(f"อยู่ในรายชื่อสำรองลำดับที่ {position} เพราะ")
            if result.reasons[a.id] == "quota_full" and quotas.release == KEEP_EMPTY:
                assert "เว้นว่างไว้ตามกติกาของงาน" in sentence
        else:
            assert f"ได้บูธ {booth_code(booths, result.seated[a.id])} " in sentence


def booth_code(booths, booth_id):
    return next(b.code for b in booths if b.id == booth_id)


@settings(max_examples=150, deadline=None)
@given(national_fairs())
def test_a_full_quota_is_held_only_by_applicants_above_the_one_told_so(fair):
    applicants, booths, quotas, _ = fair
    result = run(fair)
    people = {a.id: a for a in applicants}
    ordered = [people[a] for a in result.order]
    standing = standings(ordered)
    on_quota, _ = rightful_national(ordered, booths, quotas)
    for a_id in result.waitlist:
        if result.reasons[a_id] != "quota_full":
            continue
        a = people[a_id]
        key = (a.province, main_category(a))
        holders = [h for h in on_quota if (people[h].province, main_category(people[h])) == key]
        assert len(holders) == quotas.booths.get(key, 0)
        assert all(standing[h][0] < standing[a_id][0] for h in holders)


def textile(n, score, province, **kw):
    return Applicant(f"{province}-{n}", score, frozenset({"textile"}), province, **kw)


def test_the_31st_of_a_province_waits_when_its_textile_quota_is_23():
    applicants = [textile(n, 100 - n, "P1") for n in range(1, 41)]
    booths = [BoothSpec(n, f"A{n:02d}", "A") for n in range(30)]
    quotas = Quotas({("P1", "textile"): 23}, KEEP_EMPTY)
    result = allocate_national(applicants, booths, quotas, 7, labels=LABELS)
    assert len(result.seated) == 23
    sentence = result.explanations["P1-31"]
    assert "อยู่ลำดับที่ 31 จาก 40 รายของจังหวัดเชียงใหม่ ในสินค้าประเภทผ้า" in sentence
    assert "โควตาผ้า 23 บูธ ซึ่งเต็มแล้วด้วยผู้สมัครลำดับที่ 1–23 ของจังหวัด" in sentence


def test_in_a_shared_zone_the_better_standing_chooses_first_whatever_the_scores():
    # P1's best is first of ten (5 %) with 60 points; P2's best is first of two (25 %) with 95.
    p1 = [textile(n, 61 - n, "P1", preferences=("A",)) for n in range(10)]
    p2 = [textile(n, 96 - n, "P2", preferences=("A",)) for n in range(2)]
    booths = [BoothSpec(0, "A01", "A"), BoothSpec(1, "B01", "B")]
    quotas = Quotas({("P1", "textile"): 1, ("P2", "textile"): 1})
    result = allocate_national([*p1, *p2], booths, quotas, 1, labels=LABELS)
    assert result.seated == {"P1-0": 0, "P2-0": 1}
    assert "ผู้สมัครที่อยู่ลำดับร้อยละในจังหวัดของตนดีกว่า" in result.explanations["P2-0"]


def test_released_quota_goes_to_the_same_category_elsewhere_by_standing_or_stays_empty():
    # P3 has a textile quota of 2 and one applicant; P1 and P2 each have one more than their quota.
    applicants = [
        textile(0, 90, "P1"),
        textile(1, 80, "P1"),
        textile(2, 75, "P1"),  # P1's 3rd of 3: standing 5/6
        textile(0, 50, "P2"),
        textile(1, 40, "P2"),  # P2's 2nd of 2: standing 3/4, better than P1's 3rd
        textile(0, 70, "P3"),
        Applicant("food-P1", 99, frozenset({"food"}), "P1"),
    ]
    booths = [BoothSpec(n, f"A{n:02d}", "A") for n in range(10)]
    quota = {("P1", "textile"): 2, ("P2", "textile"): 1, ("P3", "textile"): 2}
    same = allocate_national(applicants, booths, Quotas(quota, SAME_CATEGORY), 3, labels=LABELS)
    assert "P2-1" in same.seated and "P1-2" not in same.seated
    assert "food-P1" not in same.seated
    assert "ได้ที่จากโควตาที่จังหวัดอื่นใช้ไม่หมด" in same.explanations["P2-1"]
    everyone = allocate_national(applicants, booths, Quotas(quota, TO_WAITLIST), 3)
    assert "food-P1" in everyone.seated and "P2-1" not in everyone.seated
    empty = allocate_national(applicants, booths, Quotas(quota, KEEP_EMPTY), 3, labels=LABELS)
    assert len(empty.seated) == 4
    assert "เว้นว่างไว้ตามกติกาของงาน" in empty.explanations["P2-1"]


@settings(max_examples=150, deadline=None)
@given(national_fairs(), st.sampled_from(PROVINCES), st.integers(-50, 50))
def test_raising_every_score_of_one_province_changes_nothing_since_provinces_are_never_compared_by_score(
    fair, province, shift
):
    applicants, booths, quotas, seed = fair
    shifted = [
        Applicant(
            a.id,
            a.score + shift if a.province == province else a.score,
            a.categories,
            a.province,
            a.preferences,
            a.needs_electricity,
            a.wants_corner,
            a.zones,
        )
        for a in applicants
    ]
    assert allocate_national(shifted, booths, quotas, seed, labels=LABELS) == run(fair)


def seated_by_seed(applicants, quotas, seeds):
    booths = [BoothSpec(0, "A01", "A")]
    return {
        seed: tuple(allocate_national(applicants, booths, quotas, seed, labels=LABELS).seated)
        for seed in seeds
    }


def test_equal_standings_of_two_provinces_are_drawn_by_the_fairs_seed():
    """Each province's only textile applicant stands at 50 %; one booth: the seed decides who
    gets it, the same seed always the same one, and over twenty seeds each wins some draws."""
    applicants = [
        Applicant("P1-0", 80, frozenset({"textile"}), "P1"),
        Applicant("P2-0", 80, frozenset({"textile"}), "P2"),
    ]
    quotas = Quotas({("P1", "textile"): 1, ("P2", "textile"): 1})
    draws = seated_by_seed(applicants, quotas, range(20))
    assert draws == seated_by_seed(applicants, quotas, range(20))
    assert set(draws.values()) == {("P1-0",), ("P2-0",)}


def test_equal_scores_within_a_province_are_ranked_by_the_fairs_seed():
    applicants = [Applicant(f"P1-{n}", 80, frozenset({"textile"}), "P1") for n in range(2)]
    quotas = Quotas({("P1", "textile"): 1})
    draws = seated_by_seed(applicants, quotas, range(20))
    assert set(draws.values()) == {("P1-0",), ("P1-1",)}


def test_unused_quota_of_two_provinces_is_released_together_to_the_waiting_list():
    # P1 and P2 send nobody for quotas of 2 and 1; P3's quota of 1 leaves four waiting.
    applicants = [textile(n, 90 - n, "P3") for n in range(5)]
    booths = [BoothSpec(n, f"A{n:02d}", "A") for n in range(10)]
    quota = {("P1", "textile"): 2, ("P2", "textile"): 1, ("P3", "textile"): 1}
    result = allocate_national(applicants, booths, Quotas(quota, TO_WAITLIST), 3, labels=LABELS)
    assert set(result.seated) == {"P3-0", "P3-1", "P3-2", "P3-3"}
    assert "ได้ที่จากโควตาที่จังหวัดอื่นใช้ไม่หมด" in result.explanations["P3-1"]
    assert "ได้ที่จากโควตาที่จังหวัดอื่นใช้ไม่หมด" not in result.explanations["P3-0"]


@pytest.mark.parametrize(("release", "in_category"), [(TO_WAITLIST, False), (SAME_CATEGORY, True)])
def test_with_no_quota_left_over_the_refused_are_told_so_in_the_runs_own_terms(
    release, in_category
):
    applicants = [textile(n, 90 - n, "P1") for n in range(3)]
    booths = [BoothSpec(n, f"A{n:02d}", "A") for n in range(10)]
    quotas = Quotas({("P1", "textile"): 2}, release)
    sentence = allocate_national(applicants, booths, quotas, 3, labels=LABELS).explanations["P1-2"]
    assert "ไม่มีโควตาที่จังหวัดอื่นใช้ไม่หมด" in sentence
    assert ("ไม่มีโควตาที่จังหวัดอื่นใช้ไม่หมดในสินค้าประเภทนี้" in sentence) == in_category


def zone_wishes_run(labels):
    applicants = [
        textile(0, 90, "P1", preferences=("A",)),
        textile(1, 80, "P1", preferences=("A",)),
        textile(0, 70, "P2", preferences=("A", "B")),
    ]
    booths = [BoothSpec(0, "A01", "A"), BoothSpec(1, "B01", "B")]
    quotas = Quotas({("P1", "textile"): 1, ("P2", "textile"): 1})
    return allocate_national(applicants, booths, quotas, 5, labels=labels)


def test_a_national_seat_says_which_wish_it_met_and_a_quota_refusal_names_its_reason():
    result = zone_wishes_run(LABELS)
    assert result.seated == {"P1-0": 0, "P2-0": 1}
    assert result.choice_rank == {"P1-0": 1, "P2-0": 2}
    assert result.reasons == {"P1-1": "quota_full"}
    assert "ได้บูธ B01 (ตัวเลือกที่ 2)" in result.explanations["P2-0"]


def test_a_province_without_a_label_is_named_by_its_code():
    sentence = zone_wishes_run({}).explanations["P1-1"]
    assert "จาก 2 รายของจังหวัดP1 ในสินค้าประเภทtextile" in sentence


def full_booths_sentence(provinces, booths, extra=()):
    """The refused applicant's sentence when one-applicant provinces (all at 50 %), plus
    `extra`, compete for `booths` booths of one zone."""
    applicants = [textile(0, 80, f"P{p}") for p in range(1, provinces + 1)] + list(extra)
    quotas = Quotas({(a.province, "textile"): 2 for a in applicants})
    spaces = [BoothSpec(n, f"A{n:02d}", "A") for n in range(booths)]
    result = allocate_national(applicants, spaces, quotas, 5)
    first_waiting = result.waitlist[0]
    return result.explanations[first_waiting]


TIED = "ซึ่งอยู่ลำดับร้อยละเท่ากัน (ร้อยละ 50.0) แต่จับฉลากได้ก่อนด้วยเลขสุ่มที่ประกาศของงาน (5)"
BETTER = "ผู้สมัครที่อยู่ลำดับร้อยละในจังหวัดของตนดีกว่า"


def test_the_lottery_winners_holding_the_booths_are_named_up_to_five_then_counted():
    six = full_booths_sentence(8, 6)
    assert f"เต็มด้วยผู้สมัครลำดับรวมที่ 1, 2, 3, 4, 5 และอีก 1 ราย {TIED}" in six
    assert BETTER not in six
    five = full_booths_sentence(6, 5)
    assert f"เต็มด้วยผู้สมัครลำดับรวมที่ 1, 2, 3, 4, 5 {TIED}" in five


def test_booths_held_by_better_standings_and_lottery_winners_name_both():
    # P0's first stands at 25 %, ahead of everyone; two of the 50 % draw the other two booths.
    province_zero = [textile(0, 90, "P0"), textile(1, 85, "P0")]
    sentence = full_booths_sentence(5, 3, province_zero)
    assert f"เต็มด้วย{BETTER}และผู้สมัครลำดับรวมที่ 2, 3 {TIED}" in sentence
