"""Thai sentences for the national allocation: every one names the applicant's place in their
province's list and that province's quota, and compares provinces only by standing (rank within
the province as a percentage), never by score. `tests/booths/test_national_allocation.py` reads
the claims back against the result."""

from __future__ import annotations

from bisect import bisect_left

from booths.allocation.explanations import NAMED_TIES, Explainer
from booths.allocation.records import KEEP_EMPTY, QUOTA_FULL, SAME_CATEGORY, TO_WAITLIST
from booths.scoring import shown_total

RELEASE_SENTENCES = {
    SAME_CATEGORY: "โควตาที่จังหวัดใดใช้ไม่หมดให้ผู้สมัครสินค้าประเภทเดียวกันของจังหวัดอื่น",
    TO_WAITLIST: "โควตาที่จังหวัดใดใช้ไม่หมดให้ผู้อยู่ในรายชื่อสำรองทุกประเภทสินค้า",
    KEEP_EMPTY: "โควตาที่จังหวัดใดใช้ไม่หมดเว้นว่างไว้",
}
ORDER_SENTENCE = (
    "ผู้สมัครต่างจังหวัดเรียงตามลำดับในจังหวัดของตนคิดเป็นร้อยละ "
    "ไม่เทียบคะแนนข้ามจังหวัด และจับฉลากด้วยเลขสุ่มที่ประกาศของงานเมื่อเท่ากัน"
)


class NationalExplainer(Explainer):
    """The booth sentences of `Explainer`, with 'ranked above' meaning a better standing."""

    def __init__(self, inst, chosen, labels, seed, standing, quotas, selection):
        super().__init__(inst, chosen, labels, seed)
        self.standing = [standing[a.id] for a in inst.ranked]
        self.quotas, self.selection = quotas, selection
        self.tie_start = []
        for i, place in enumerate(self.standing):
            same = i and self.standing[i - 1].share == place.share
            self.tie_start.append(self.tie_start[i - 1] if same else i)

    def by_whom(self, i: int, holder_lists: list[list[int]]) -> str:
        """Who, all before i in the standing order, holds what i wanted: better standings,
        lottery winners of the same standing, or both."""
        start = self.tie_start[i]
        better = any(h and h[0] < start for h in holder_lists)
        tied = sorted(t for h in holder_lists for t in h[bisect_left(h, start) : bisect_left(h, i)])
        parts = ["ผู้สมัครที่อยู่ลำดับร้อยละในจังหวัดของตนดีกว่า"] if better or not tied else []
        if tied:
            ranks = ", ".join(str(h + 1) for h in tied[:NAMED_TIES])
            more = f" และอีก {len(tied) - NAMED_TIES} ราย" if len(tied) > NAMED_TIES else ""
            parts.append(
                f"ผู้สมัครลำดับรวมที่ {ranks}{more} ซึ่งอยู่ลำดับร้อยละเท่ากัน "
                f"({self._percent(i)}) แต่จับฉลากได้ก่อนด้วยเลขสุ่มที่ประกาศของงาน ({self.seed})"
            )
        return "และ".join(parts)

    def _percent(self, i: int) -> str:
        return f"ร้อยละ {self.standing[i].percent:.1f}"

    def _names(self, i: int) -> tuple[str, str]:
        applicant = self.inst.ranked[i]
        category = self.inst.primary[i]
        return self.labels.get(applicant.province, applicant.province), self.labels.get(
            category, category
        )

    def place(self, i: int) -> str:
        """'อยู่ลำดับที่ 31 จาก 40 รายของจังหวัด… ในสินค้าประเภทผ้า (ร้อยละ 77.5) โควตาผ้า 23 บูธ'"""
        province, category = self._names(i)
        place = self.standing[i]
        quota = self.quotas.of(self.inst.ranked[i].province, self.inst.primary[i])
        return (
            f"อยู่ลำดับที่ {place.rank} จาก {place.size} รายของจังหวัด{province} "
            f"ในสินค้าประเภท{category} ({self._percent(i)}) โควตา{category} {quota} บูธ"
        )

    def seated(self, i: int, code: str, rank: int | None) -> str:
        booth = super().seated(i, code, rank)
        pool = self.selection.released_to.get(self._pool(i), [])
        if i not in pool:
            return f"{self.place(i)} จึงได้รับคัดเลือก; {booth}"
        return (
            f"{self.place(i)} ซึ่งเต็มแล้ว แต่ได้ที่จากโควตาที่จังหวัดอื่นใช้ไม่หมด "
            f"({RELEASE_SENTENCES[self.quotas.release]}; {ORDER_SENTENCE}); {booth}"
        )

    def _pool(self, i: int) -> str:
        return self.inst.primary[i] if self.quotas.release == SAME_CATEGORY else ""

    def waiting(self, i: int, position: int, reason: str) -> str:
        if reason != QUOTA_FULL:
            return f"อยู่ในรายชื่อสำรองลำดับที่ {position} เพราะ{self.place(i)} แต่{self._booths_full(i)}"
        return (
            f"อยู่ในรายชื่อสำรองลำดับที่ {position} เพราะ{self.place(i)} "
            f"{self._quota_full(i)}; {self._release_missed(i)}"
        )

    def _quota_full(self, i: int) -> str:
        """Every holder of the quota is above i in the province's list; a holder with the same
        score got there by the lottery."""
        key = (self.inst.ranked[i].province, self.inst.primary[i])
        holders = self.selection.in_quota.get(key, [])
        if not holders:
            return "ซึ่งจังหวัดไม่ได้รับโควตาสินค้าประเภทนี้"
        last = holders[-1]
        top = self.standing[last].rank
        ranks = "1" if top == 1 else f"1–{top}"
        sentence = f"ซึ่งเต็มแล้วด้วยผู้สมัครลำดับที่ {ranks} ของจังหวัด"
        if shown_total(self.inst.ranked[last].score) == shown_total(self.inst.ranked[i].score):
            sentence += (
                f" (ลำดับที่ {self.standing[last].rank} คะแนนเท่ากับท่าน แต่จับฉลากได้ก่อน"
                f"ด้วยเลขสุ่มที่ประกาศของงาน ({self.seed}))"
            )
        return sentence

    def _release_missed(self, i: int) -> str:
        if self.quotas.release == KEEP_EMPTY:
            return f"{RELEASE_SENTENCES[KEEP_EMPTY]}ตามกติกาของงาน"
        pool = self._pool(i)
        released = self.selection.released.get(pool, 0)
        if not released:
            return "ไม่มีโควตาที่จังหวัดอื่นใช้ไม่หมด" + ("ในสินค้าประเภทนี้" if pool else "")
        if i in self.selection.release_booths_full:
            return f"โควตาที่จังหวัดอื่นใช้ไม่หมดยังเหลือ แต่ไม่มีบูธที่รับสินค้าของท่าน{self._power(i)}ว่างแล้ว"
        holders = self.selection.released_to.get(pool, [])
        return (
            f"โควตาที่จังหวัดอื่นใช้ไม่หมด {released} บูธได้ให้"
            f"{self.by_whom(i, [holders])}ครบแล้ว ({ORDER_SENTENCE})"
        )
