"""Plain Thai sentences saying why each applicant got the booth or waiting place they got.

Every sentence is a claim about the result that a reader can check: who holds the booths they
wanted (all ranked above them, and whether by a higher score or by the lottery among equal scores),
which quota is full, which minimum kept the place. `tests/booths/test_allocation_properties.py`
reads each claim back against the assignment.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping

from booths.allocation.records import CATEGORY_MAX, CATEGORY_MIN, PROVINCE_CAP
from booths.allocation.selection import Instance
from booths.scoring import TOTAL_DECIMALS, shown_total

NAMED_TIES = 5
"""At most this many lottery winners are named by rank; the rest are counted."""


class Explainer:
    """Plain Thai sentences saying why each applicant got what they got."""

    def __init__(self, inst: Instance, chosen: dict[int, int], labels: Mapping[str, str], seed):
        self.inst, self.chosen, self.labels, self.seed = inst, chosen, labels, seed
        self.zones = {b.zone for b in inst.booths}
        self.types = {b.booth_type for b in inst.booths if b.booth_type}
        self.scores = [shown_total(a.score) for a in inst.ranked]
        self.tie_start = []  # first rank index with the same shown score
        for i, score in enumerate(self.scores):
            same = i and self.scores[i - 1] == score
            self.tie_start.append(self.tie_start[i - 1] if same else i)
        # Seated applicants (rank indexes, ascending) by booth class, province and category.
        self.holders: dict[int, list[int]] = {}
        self.by_province: dict[str, list[int]] = {}
        self.by_category: dict[str, list[int]] = {}
        self.type_holders: dict[int, list[int]] = {}
        self.full_sentence: dict[int, str] = {}
        for i, x in sorted(chosen.items()):
            self.holders.setdefault(x, []).append(i)
            self.by_province.setdefault(inst.ranked[i].province, []).append(i)
            self.by_category.setdefault(inst.primary[i], []).append(i)

    def _label(self, wish: str) -> str:
        """A wish is a booth type only when it names one and no zone; otherwise a zone (the
        application form asks for zones, and a wished zone may have no booths)."""
        return (
            f"บูธประเภท {wish}" if wish in self.types and wish not in self.zones else f"โซน {wish}"
        )

    def by_whom(self, i: int, holder_lists: list[list[int]]) -> str:
        """Who, all ranked above i, holds what i wanted: higher scores, lottery winners, or both.
        `holder_lists` are ascending rank indexes."""
        start = self.tie_start[i]
        higher = any(h and h[0] < start for h in holder_lists)
        tied = sorted(t for h in holder_lists for t in h[bisect_left(h, start) : bisect_left(h, i)])
        parts = ["ผู้สมัครที่คะแนนสูงกว่า"] if higher or not tied else []
        if tied:
            ranks = ", ".join(str(h + 1) for h in tied[:NAMED_TIES])
            more = f" และอีก {len(tied) - NAMED_TIES} ราย" if len(tied) > NAMED_TIES else ""
            parts.append(
                f"ผู้สมัครลำดับที่ {ranks}{more} ซึ่งคะแนนเท่ากัน "
                f"({self.scores[i]:.{TOTAL_DECIMALS}f}) แต่จับฉลากได้ลำดับก่อน "
                f"ด้วยเลขสุ่มที่ประกาศของงาน ({self.seed})"
            )
        return "และ".join(parts)

    def _wanted(self, i: int, wish: str, among) -> list[int]:
        classes = self.inst.classes
        return [x for x in among if wish in (classes[x][0].zone, classes[x][0].booth_type)]

    def _wish_reason(self, i: int, wish: str) -> str:
        inst = self.inst
        if not self._wanted(i, wish, range(len(inst.classes))):
            return "ไม่มีบูธ"
        wanted = self._wanted(i, wish, inst.compatible[inst.type_of[i]])
        if not wanted:
            return "ไม่มีบูธที่รับสินค้าของท่าน" + self._power(i)
        holders = [self.holders.get(x, []) for x in wanted]
        full = all(len(h) == len(inst.classes[x]) for h, x in zip(holders, wanted, strict=True))
        if full and all(h[-1] < i for h in holders):
            return "เต็มด้วย" + self.by_whom(i, holders)
        return "ต้องเว้นไว้ให้ผู้ได้รับคัดเลือกรายอื่นที่ใช้บูธอื่นไม่ได้"

    def _power(self, i: int) -> str:
        """What the booths the applicant needs have besides their category: electricity, and a
        zone whose own rules the applicant meets."""
        applicant = self.inst.ranked[i]
        power = "และมีไฟฟ้า" if applicant.needs_electricity else ""
        if applicant.zones is None:
            return power
        zones = ", ".join(sorted(applicant.zones)) or "-"
        return f"{power} ในโซนที่ท่านมีสิทธิ์ ({zones}) "

    def why_not_better(self, i: int, rank: int | None) -> str:
        applicant = self.inst.ranked[i]
        wishes = applicant.preferences if rank is None else applicant.preferences[: rank - 1]
        by_reason: dict[str, list[str]] = {}
        for wish in wishes:
            by_reason.setdefault(self._wish_reason(i, wish), []).append(self._label(wish))
        return " และ".join(
            f"{' และ'.join(labels)} {reason}" for reason, labels in by_reason.items()
        )

    def seated(self, i: int, code: str, rank: int | None) -> str:
        if not self.inst.ranked[i].preferences:
            return f"ได้บูธ {code} (ไม่ได้ระบุตัวเลือก)"
        if rank == 1:
            return f"ได้บูธ {code} (ตัวเลือกที่ 1) ตามที่ขอเป็นอันดับแรก"
        where = "นอกตัวเลือกที่ขอ" if rank is None else f"ตัวเลือกที่ {rank}"
        return f"ได้บูธ {code} ({where}) เพราะ{self.why_not_better(i, rank)}"

    def waiting(self, i: int, position: int, reason: str) -> str:
        why = {
            PROVINCE_CAP: self._province_full,
            CATEGORY_MAX: self._category_full,
            CATEGORY_MIN: self._kept_for_minimums,
        }.get(reason, self._booths_full)(i)
        return f"อยู่ในรายชื่อสำรองลำดับที่ {position} เพราะ{why}"

    def _province_full(self, i: int) -> str:
        province = self.inst.ranked[i].province
        name = self.labels.get(province, province)
        cap = self.inst.rules.province_caps[province]
        holders = self.by_province.get(province, [])
        if not holders:
            return f"จังหวัด{name}ได้โควตา 0 บูธในงานนี้"
        return f"จังหวัด{name}ได้บูธครบโควตา {cap} บูธแล้วด้วย{self.by_whom(i, [holders])}"

    def _category_full(self, i: int) -> str:
        category = self.inst.primary[i]
        name = self.labels.get(category, category)
        cap = self.inst.rules.category_max[category]
        holders = self.by_category.get(category, [])
        if not holders:
            return f"สินค้าประเภท{name}มีจำนวนสูงสุด 0 บูธในงานนี้"
        return f"สินค้าประเภท{name}ได้บูธครบจำนวนสูงสุด {cap} บูธแล้วด้วย{self.by_whom(i, [holders])}"

    def _booths_full(self, i: int) -> str:
        inst = self.inst
        t = inst.type_of[i]
        if t not in self.type_holders:  # applicants of one type share their booths
            merged = [h for x in inst.compatible[t] for h in self.holders.get(x, [])]
            self.type_holders[t] = sorted(merged)
        holders = self.type_holders[t]
        if holders and holders[-1] < self.tie_start[i] and t in self.full_sentence:
            return self.full_sentence[t]  # no tie to name: the same sentence for the whole type
        sentence = f"บูธที่รับสินค้าประเภทนี้{self._power(i)}เต็มด้วย{self.by_whom(i, [holders])}"
        if holders and holders[-1] < self.tie_start[i]:
            self.full_sentence[t] = sentence
        return sentence

    def _kept_for_minimums(self, i: int) -> str:
        """The minimums that seated lower-ranked applicants fill and that i, seated in their
        place, would not fill alone."""
        minimums = self.inst.rules.category_min
        own = self.inst.primary[i]
        above = bisect_left(self.by_category.get(own, []), i)
        below = {c for c, holders in self.by_category.items() if holders[-1] > i}
        named = [
            c
            for c in sorted(minimums)
            if minimums[c] > 0 and c in below and (c != own or above + 1 < minimums[c])
        ]
        if not named:
            named = [c for c in sorted(minimums) if minimums[c] > 0 and c in below]
        names = " และ".join(f"สินค้าประเภท{self.labels.get(c, c)} {minimums[c]} บูธ" for c in named)
        return f"บูธที่เหลือต้องเว้นไว้ให้ผู้สมัครลำดับถัดไปเพื่อให้ครบจำนวนขั้นต่ำของ{names} ตามกติกาของงาน"

    def unplaceable(self, i: int) -> str:
        applicant = self.inst.ranked[i]
        names = ", ".join(self.labels.get(c, c) for c in sorted(applicant.categories))
        reason = f"ไม่มีบูธใดรับได้ เพราะไม่มีบูธที่รับสินค้าประเภท {names}"
        power = self._power(i).strip()
        return f"{reason} {power}" if power else reason
