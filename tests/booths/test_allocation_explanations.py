"""Every explanation is true: each sentence is parsed into its claims, and each claim is read back
against the assignment with the independent oracle's rules (never the module's helpers)."""

import re

from hypothesis import given, settings

from booths.allocation import allocate
from tests.booths.allocation_oracle import committee_score, main_category, takes, wish_rank, wishes
from tests.booths.test_allocation_properties import fairs

SEATED = re.compile(r"ได้บูธ (?P<code>\S+) \((?P<where>[^)]*)\)(?P<rest>.*)")
CLAUSE = re.compile(
    r"(?P<labels>(?:(?:โซน|บูธประเภท) \S+?)(?: และ(?:โซน|บูธประเภท) \S+?)*) "
    r"(?P<reason>ไม่มีบูธที่รับสินค้าของท่าน(?:และมีไฟฟ้า)?|ไม่มีบูธ"
    r"|ต้องเว้นไว้ให้ผู้ได้รับคัดเลือกรายอื่นที่ใช้บูธอื่นไม่ได้|เต็มด้วย.+?)"
    r"(?= และ(?:โซน|บูธประเภท) |$)"
)
WAITING = re.compile(r"อยู่ในรายชื่อสำรองลำดับที่ (?P<n>\d+) เพราะ(?P<why>.*)")
PROVINCE = re.compile(
    r"จังหวัด(?P<name>\S+?)(?:ได้บูธครบโควตา (?P<cap>\d+) บูธแล้วด้วย(?P<who>.+)|ได้โควตา 0 บูธในงานนี้)"
)
CATEGORY = re.compile(
    r"สินค้าประเภท(?P<name>\S+?)"
    r"(?:ได้บูธครบจำนวนสูงสุด (?P<cap>\d+) บูธแล้วด้วย(?P<who>.+)|มีจำนวนสูงสุด 0 บูธในงานนี้)"
)
FULL = re.compile(r"บูธที่รับสินค้าประเภทนี้(?P<power>และมีไฟฟ้า)?เต็มด้วย(?P<who>.+)")
MINIMUM = re.compile(
    r"บูธที่เหลือต้องเว้นไว้ให้ผู้สมัครลำดับถัดไปเพื่อให้ครบจำนวนขั้นต่ำของ(?P<list>.+) ตามกติกาของงาน"
)
WHO = re.compile(
    r"(?P<higher>ผู้สมัครที่คะแนนสูงกว่า)?(?:และ)?"
    r"(?:ผู้สมัครลำดับที่ (?P<ranks>[\d, ]+)(?: และอีก (?P<more>\d+) ราย)? ซึ่งคะแนนเท่ากัน "
    r"\((?P<score>[\d.]+)\) แต่จับฉลากได้ลำดับก่อน ด้วยเลขสุ่มที่ประกาศของงาน \((?P<seed>\d+)\))?"
)


class Reader:
    """One allocation's facts, in the terms the sentences use."""

    def __init__(self, applicants, booths, rules, seed, result):
        self.people = {a.id: a for a in applicants}
        self.booths, self.rules, self.seed, self.result = booths, rules, seed, result
        self.rank = {a: n for n, a in enumerate(result.order, start=1)}
        self.holder = {b: a for a, b in result.seated.items()}

    def holders(self, booth_list):
        return [self.holder[b.id] for b in booth_list if b.id in self.holder]

    def check_who(self, applicant_id, who, holders):
        """Everyone named holds it from above; 'higher' and 'tied' each hold exactly when said."""
        match = WHO.fullmatch(who)
        assert match, who
        mine = committee_score(self.people[applicant_id].score)
        assert holders and all(self.rank[h] < self.rank[applicant_id] for h in holders)
        higher = [h for h in holders if committee_score(self.people[h].score) > mine]
        tied = sorted(
            self.rank[h] for h in holders if committee_score(self.people[h].score) == mine
        )
        assert bool(match["higher"]) == bool(higher or not tied)
        assert bool(match["ranks"]) == bool(tied)
        if tied:
            named = [int(n) for n in match["ranks"].split(", ")]
            assert named == tied[: len(named)] and len(named) + int(match["more"] or 0) == len(tied)
            assert (match["score"], int(match["seed"])) == (f"{mine:.2f}", self.seed)

    def check_wish(self, applicant_id, kind, wish, reason):
        applicant = self.people[applicant_id]
        meeting = [b for b in self.booths if wish in (b.zone, b.booth_type)]
        zones, kinds = {b.zone for b in self.booths}, {b.booth_type for b in self.booths}
        assert (kind == "บูธประเภท") == (wish in kinds and wish not in zones)
        taking = [b for b in meeting if takes(b, applicant)]
        if reason == "ไม่มีบูธ":
            assert not meeting
        elif reason.startswith("ไม่มีบูธที่รับ"):
            assert meeting and not taking
            assert reason.endswith("และมีไฟฟ้า") == applicant.needs_electricity
        elif reason.startswith("เต็มด้วย"):
            assert len(self.holders(taking)) == len(taking)
            self.check_who(applicant_id, reason.removeprefix("เต็มด้วย"), self.holders(taking))
        else:
            assert any(self.rank[h] > self.rank[applicant_id] for h in self.holders(taking))

    def check_seated(self, applicant_id, match):
        applicant = self.people[applicant_id]
        booth = next(b for b in self.booths if b.id == self.result.seated[applicant_id])
        assert match["code"] == booth.code
        got = wish_rank(applicant, booth)
        if match["where"] == "ไม่ได้ระบุตัวเลือก":
            assert not applicant.preferences and match["rest"] == ""
            return
        assert match["where"] == ("นอกตัวเลือกที่ขอ" if got is None else f"ตัวเลือกที่ {got}")
        if got == 1:
            assert match["rest"] == " ตามที่ขอเป็นอันดับแรก"
            return
        better = wishes(applicant)[: (got or 0) - 1] if got else wishes(applicant)
        clauses = list(CLAUSE.finditer(match["rest"].removeprefix(" เพราะ")))
        assert " และ".join(c[0] for c in clauses) == match["rest"].removeprefix(" เพราะ")
        named = []
        for clause in clauses:
            for label in clause["labels"].split(" และ"):
                kind, wish = label.split(" ", 1)
                named.append(wish)
                self.check_wish(applicant_id, kind, wish, clause["reason"])
        assert sorted(named) == sorted(better)

    def check_waiting(self, applicant_id, match):
        applicant = self.people[applicant_id]
        assert self.result.waitlist[int(match["n"]) - 1] == applicant_id
        why, seated = match["why"], [self.people[a] for a in self.result.seated]
        if found := PROVINCE.fullmatch(why):
            same = [a.id for a in seated if a.province == applicant.province]
            assert found["name"] == applicant.province
            assert int(found["cap"] or 0) == self.rules.province_caps[applicant.province]
            assert len(same) == self.rules.province_caps[applicant.province]
            if found["who"]:
                self.check_who(applicant_id, found["who"], same)
        elif found := CATEGORY.fullmatch(why):
            category = main_category(applicant)
            same = [a.id for a in seated if main_category(a) == category]
            assert found["name"] == category
            assert int(found["cap"] or 0) == self.rules.category_max[category] == len(same)
            if found["who"]:
                self.check_who(applicant_id, found["who"], same)
        elif found := FULL.fullmatch(why):
            taking = [b for b in self.booths if takes(b, applicant)]
            assert bool(found["power"]) == applicant.needs_electricity
            assert len(self.holders(taking)) == len(taking)
            self.check_who(applicant_id, found["who"], self.holders(taking))
        else:
            found = MINIMUM.fullmatch(why)
            assert found, why
            for part in found["list"].split(" และ"):
                name, count = re.fullmatch(r"สินค้าประเภท(\S+) (\d+) บูธ", part).groups()
                assert int(count) == self.rules.category_min[name]
                assert any(
                    main_category(a) == name and self.rank[a.id] > self.rank[applicant_id]
                    for a in seated
                )

    def check(self, applicant_id, sentence):
        if applicant_id in self.result.seated:
            self.check_seated(applicant_id, SEATED.fullmatch(sentence))
        elif applicant_id in self.result.waitlist:
            self.check_waiting(applicant_id, WAITING.fullmatch(sentence))
        else:
            assert sentence.startswith("ไม่มีบูธใดรับได้ เพราะไม่มีบูธที่รับสินค้าประเภท ")
            assert not any(takes(b, self.people[applicant_id]) for b in self.booths)


@settings(max_examples=300, deadline=None)
@given(fairs(minimums=True))
def test_every_explanation_sentence_is_true_of_the_assignment(fair):
    applicants, booths, rules, seed = fair
    result = allocate(applicants, booths, rules, seed)
    reader = Reader(applicants, booths, rules, seed, result)
    for applicant_id, sentence in result.explanations.items():
        reader.check(applicant_id, sentence)
