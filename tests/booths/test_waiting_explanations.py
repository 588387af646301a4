"""A waiting applicant is told who filled the booths their products need: the lottery winner
when they were tied, the higher scorers when they were not — each their own sentence, even when
one booth type's sentence is shared by everyone below the last holder."""

from booths.allocation import Applicant, BoothSpec, allocate

FOOD = frozenset({"food"})
TIE = (
    "อยู่ในรายชื่อสำรองลำดับที่ 1 เพราะบูธที่รับสินค้าประเภทนี้เต็มด้วยผู้สมัครลำดับที่ 1 "
    "ซึ่งคะแนนเท่ากัน (5.00) แต่จับฉลากได้ลำดับก่อน ด้วยเลขสุ่มที่ประกาศของงาน (0)"
)


def test_below_a_lottery_loser_the_next_applicant_is_told_of_higher_scores_not_the_lottery():
    applicants = [
        Applicant("a", 5, FOOD, "P1"),
        Applicant("b", 5, FOOD, "P1"),
        Applicant("c", 3, FOOD, "P1"),
        Applicant("d", 2, FOOD, "P1"),
    ]
    result = allocate(applicants, [BoothSpec(1, "A01", "A")], labels={"food": "อาหาร"})
    loser = next(a for a in ("a", "b") if a not in result.seated)
    assert result.waitlist == [loser, "c", "d"]
    assert result.explanations[loser] == TIE
    for position, applicant in ((2, "c"), (3, "d")):
        assert result.explanations[applicant] == (
            f"อยู่ในรายชื่อสำรองลำดับที่ {position} เพราะบูธที่รับสินค้าประเภทนี้เต็มด้วยผู้สมัครที่คะแนนสูงกว่า"
        )
