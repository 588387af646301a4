"""What a waiting applicant of a national fair is told about their province's quota and the
places other provinces left: the whole sentence, for each case the explanation distinguishes (the
property tests in test_national_allocation.py check the parts every sentence shares)."""

import pytest

from booths.allocation import (
    KEEP_EMPTY,
    SAME_CATEGORY,
    TO_WAITLIST,
    Applicant,
    BoothSpec,
    Quotas,
    allocate_national,
)

LABELS = {"P1": "เชียงใหม่", "P2": "น่าน", "P3": "ยะลา", "textile": "ผ้า"}
BOOTHS = [BoothSpec(n, f"A{n:02d}", "A") for n in range(5)]
ORDER = (
    "ผู้สมัครต่างจังหวัดเรียงตามลำดับในจังหวัดของตนคิดเป็นร้อยละ ไม่เทียบคะแนนข้ามจังหวัด "
    "และจับฉลากด้วยเลขสุ่มที่ประกาศของงานเมื่อเท่ากัน"
)
SECOND_OF_TWO_IN_CHIANG_MAI = (
    "เพราะอยู่ลำดับที่ 2 จาก 2 รายของจังหวัดเชียงใหม่ ในสินค้าประเภทผ้า (ร้อยละ 75.0) โควตาผ้า 1 บูธ "
)


def textile(n, score, province):
    return Applicant(f"{province}-{n}", score, frozenset({"textile"}), province)


def explain(applicants, quotas, booths=BOOTHS):
    return allocate_national(applicants, booths, quotas, 7, labels=LABELS).explanations


def test_a_province_without_a_quota_for_the_category_is_told_so():
    quotas = Quotas({("P1", "textile"): 1}, KEEP_EMPTY)
    told = explain([textile(0, 90, "P1"), textile(0, 70, "P2")], quotas)["P2-0"]
    assert told == (
        "อยู่ในรายชื่อสำรองลำดับที่ 1 เพราะอยู่ลำดับที่ 1 จาก 1 รายของจังหวัดน่าน ในสินค้าประเภทผ้า "
        "(ร้อยละ 50.0) โควตาผ้า 0 บูธ ซึ่งจังหวัดไม่ได้รับโควตาสินค้าประเภทนี้; "
        "โควตาที่จังหวัดใดใช้ไม่หมดเว้นว่างไว้ตามกติกาของงาน"
    )


def test_a_quota_of_one_is_full_with_the_provinces_first_not_a_range_of_one():
    quotas = Quotas({("P1", "textile"): 1}, KEEP_EMPTY)
    told = explain([textile(0, 90, "P1"), textile(1, 80, "P1")], quotas)["P1-1"]
    assert told == (
        f"อยู่ในรายชื่อสำรองลำดับที่ 1 {SECOND_OF_TWO_IN_CHIANG_MAI}"
        "ซึ่งเต็มแล้วด้วยผู้สมัครลำดับที่ 1 ของจังหวัด; โควตาที่จังหวัดใดใช้ไม่หมดเว้นว่างไว้ตามกติกาของงาน"
    )


def test_a_quota_of_two_is_full_with_the_provinces_first_two():
    quotas = Quotas({("P1", "textile"): 2}, KEEP_EMPTY)
    applicants = [textile(0, 90, "P1"), textile(1, 80, "P1"), textile(2, 70, "P1")]
    assert "ซึ่งเต็มแล้วด้วยผู้สมัครลำดับที่ 1–2 ของจังหวัด;" in explain(applicants, quotas)["P1-2"]


def test_the_last_quota_holder_with_the_same_score_is_said_to_have_won_the_lottery():
    quotas = Quotas({("P1", "textile"): 1}, KEEP_EMPTY)
    result = allocate_national(
        [textile(0, 80, "P1"), textile(1, 80, "P1")], BOOTHS, quotas, 7, labels=LABELS
    )
    (waiting,) = result.waitlist
    assert result.explanations[waiting] == (
        f"อยู่ในรายชื่อสำรองลำดับที่ 1 {SECOND_OF_TWO_IN_CHIANG_MAI}"
        "ซึ่งเต็มแล้วด้วยผู้สมัครลำดับที่ 1 ของจังหวัด (ลำดับที่ 1 คะแนนเท่ากับท่าน "
        "แต่จับฉลากได้ก่อนด้วยเลขสุ่มที่ประกาศของงาน (7)); "
        "โควตาที่จังหวัดใดใช้ไม่หมดเว้นว่างไว้ตามกติกาของงาน"
    )


def test_with_nothing_released_the_pool_is_named_by_the_release_rule():
    applicants = [textile(0, 90, "P1"), textile(1, 80, "P1")]
    same = explain(applicants, Quotas({("P1", "textile"): 1}, SAME_CATEGORY))["P1-1"]
    everyone = explain(applicants, Quotas({("P1", "textile"): 1}, TO_WAITLIST))["P1-1"]
    full = "ซึ่งเต็มแล้วด้วยผู้สมัครลำดับที่ 1 ของจังหวัด; "
    assert same.endswith(f"{full}ไม่มีโควตาที่จังหวัดอื่นใช้ไม่หมดในสินค้าประเภทนี้")
    assert everyone.endswith(f"{full}ไม่มีโควตาที่จังหวัดอื่นใช้ไม่หมด")


# P3 leaves its one textile place unused; P2's second (75 %) stands better than P1's third.
RELEASED = Quotas({("P1", "textile"): 1, ("P2", "textile"): 1, ("P3", "textile"): 1}, SAME_CATEGORY)
BEYOND_QUOTAS = [
    textile(0, 90, "P1"),
    textile(1, 80, "P1"),
    textile(2, 70, "P1"),
    textile(0, 50, "P2"),
    textile(1, 40, "P2"),
]


def test_released_places_taken_by_better_standings_are_counted_and_the_order_explained():
    told = explain(BEYOND_QUOTAS, RELEASED)
    assert told["P1-1"].startswith(
        "อยู่ลำดับที่ 2 จาก 3 รายของจังหวัดเชียงใหม่ ในสินค้าประเภทผ้า (ร้อยละ 50.0) โควตาผ้า 1 บูธ "
        "ซึ่งเต็มแล้ว แต่ได้ที่จากโควตาที่จังหวัดอื่นใช้ไม่หมด (โควตาที่จังหวัดใดใช้ไม่หมด"
        f"ให้ผู้สมัครสินค้าประเภทเดียวกันของจังหวัดอื่น; {ORDER}); ได้บูธ A02"
    )
    assert told["P2-1"] == (
        "อยู่ในรายชื่อสำรองลำดับที่ 1 เพราะอยู่ลำดับที่ 2 จาก 2 รายของจังหวัดน่าน ในสินค้าประเภทผ้า "
        "(ร้อยละ 75.0) โควตาผ้า 1 บูธ ซึ่งเต็มแล้วด้วยผู้สมัครลำดับที่ 1 ของจังหวัด; "
        "โควตาที่จังหวัดอื่นใช้ไม่หมด 1 บูธได้ให้ผู้สมัครที่อยู่ลำดับร้อยละในจังหวัดของตนดีกว่าครบแล้ว "
        f"({ORDER})"
    )


def test_released_places_left_without_a_booth_to_take_them_are_told_apart():
    told = explain(BEYOND_QUOTAS, RELEASED, booths=BOOTHS[:2])
    assert told["P1-1"] == (
        "อยู่ในรายชื่อสำรองลำดับที่ 1 เพราะอยู่ลำดับที่ 2 จาก 3 รายของจังหวัดเชียงใหม่ ในสินค้าประเภทผ้า "
        "(ร้อยละ 50.0) โควตาผ้า 1 บูธ ซึ่งเต็มแล้วด้วยผู้สมัครลำดับที่ 1 ของจังหวัด; "
        "โควตาที่จังหวัดอื่นใช้ไม่หมดยังเหลือ แต่ไม่มีบูธที่รับสินค้าของท่านว่างแล้ว"
    )


def test_a_released_place_won_by_lot_at_the_same_standing_names_the_winner_and_the_draw():
    # Each province's second stands at 75 %; one place is released (P3 sends nobody).
    applicants = [BEYOND_QUOTAS[0], BEYOND_QUOTAS[1], BEYOND_QUOTAS[3], BEYOND_QUOTAS[4]]
    result = allocate_national(applicants, BOOTHS, RELEASED, 7, labels=LABELS)
    (waiting,) = result.waitlist
    winner = next(a for a in ("P1-1", "P2-1") if a != waiting)
    assert result.order.index(winner) < result.order.index(waiting)
    assert (
        f"โควตาที่จังหวัดอื่นใช้ไม่หมด 1 บูธได้ให้ผู้สมัครลำดับรวมที่ {result.order.index(winner) + 1} "
        "ซึ่งอยู่ลำดับร้อยละเท่ากัน (ร้อยละ 75.0) แต่จับฉลากได้ก่อนด้วยเลขสุ่มที่ประกาศของงาน (7)ครบแล้ว"
    ) in result.explanations[waiting]


def test_places_released_past_an_applicant_no_free_booth_takes_go_on_to_the_next_in_line():
    """P1 sends nobody for its two places; P3 and P2 fill their one each. Of P3's waiting, the
    second needs power and P2's applicant, who needs it too, holds the only powered booth: the
    released places go on to P3's third (the last booth), and the fourth waits."""
    applicants = [
        textile(0, 90, "P3"),
        Applicant("P3-1", 80, frozenset({"textile"}), "P3", needs_electricity=True),
        textile(2, 70, "P3"),
        textile(3, 60, "P3"),
        Applicant("P2-0", 50, frozenset({"textile"}), "P2", needs_electricity=True),
    ]
    quotas = Quotas({("P1", "textile"): 2, ("P2", "textile"): 1, ("P3", "textile"): 1}, TO_WAITLIST)
    booths = [BoothSpec(0, "A00", "A", has_electricity=True), *BOOTHS[1:3]]
    result = allocate_national(applicants, booths, quotas, 3, labels=LABELS)
    assert set(result.seated) == {"P3-0", "P2-0", "P3-2"}
    assert result.reasons["P3-1"] == "quota_full"
    assert result.reasons["P3-3"] == "quota_full"


def test_an_applicant_within_quota_with_no_booth_left_waits_for_full_booths_not_the_quota():
    applicants = [textile(0, 90, "P1"), textile(1, 80, "P1")]
    result = allocate_national(applicants, BOOTHS[:1], Quotas({("P1", "textile"): 2}), 3)
    assert result.seated == {"P1-0": 0}
    assert result.reasons == {"P1-1": "booths_full"}


def test_an_unknown_release_rule_is_refused_naming_the_rule():
    with pytest.raises(ValueError, match="unknown release rule 'to_neighbours'"):
        Quotas({("P1", "textile"): 1}, "to_neighbours")


def test_the_loser_of_a_tied_standing_is_told_of_the_better_standing_apart_from_the_lottery():
    """P1's first stands at 25 %, the only applicants of P2 and P3 at 50 % each; two booths. The
    loser of the 50 % draw is told the booths went to a better standing and to the one who drew
    ahead of them (overall rank 2), not that the 25 % applicant won a lottery against them."""
    applicants = [textile(0, 90, "P1"), textile(1, 80, "P1"), textile(0, 70, "P2")]
    applicants.append(textile(0, 60, "P3"))
    quotas = Quotas({(p, "textile"): 2 for p in ("P1", "P2", "P3")})
    result = allocate_national(applicants, BOOTHS[:2], quotas, 3, labels=LABELS)
    loser = next(a for a in result.order[1:3] if a not in result.seated)
    assert result.reasons[loser] == "booths_full"
    assert (
        "เต็มด้วยผู้สมัครที่อยู่ลำดับร้อยละในจังหวัดของตนดีกว่าและผู้สมัครลำดับรวมที่ 2 ซึ่งอยู่ลำดับร้อยละเท่ากัน"
    ) in result.explanations[loser]
