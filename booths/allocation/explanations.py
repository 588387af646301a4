"""Plain Thai sentences saying why each applicant got the booth or waiting place they got."""

from __future__ import annotations

from collections.abc import Mapping

from booths.allocation.records import CATEGORY_MAX, PROVINCE_CAP
from booths.allocation.selection import Instance


def _label(wish: str, zones: set[str]) -> str:
    return f"โซน {wish}" if wish in zones else f"บูธประเภท {wish}"


class Explainer:
    """Plain Thai sentences saying why each applicant got what they got."""

    def __init__(self, inst: Instance, chosen: dict[int, int], labels: Mapping[str, str]):
        self.inst, self.chosen, self.labels = inst, chosen, labels
        self.zones = {b.zone for b in inst.booths}
        self.last_holder = {}
        for i, x in chosen.items():
            self.last_holder[x] = max(self.last_holder.get(x, -1), i)
        self.taken = {}
        for x in chosen.values():
            self.taken[x] = self.taken.get(x, 0) + 1

    def _wish_reason(self, i: int, wish: str) -> str:
        inst = self.inst
        wanted = [
            x
            for x in inst.compatible[inst.type_of[i]]
            if wish in (inst.classes[x][0].zone, inst.classes[x][0].booth_type)
        ]
        if not wanted:
            return "ไม่มีบูธที่รับสินค้าของท่าน" + self._power(i)
        if all(
            self.taken.get(x, 0) == len(inst.classes[x]) and self.last_holder[x] < i for x in wanted
        ):
            return "เต็มด้วยผู้สมัครที่คะแนนสูงกว่า"
        return "ต้องเว้นไว้ให้ผู้ได้รับคัดเลือกรายอื่นที่ใช้บูธอื่นไม่ได้"

    def _power(self, i: int) -> str:
        return "และมีไฟฟ้า" if self.inst.ranked[i].needs_electricity else ""

    def why_not_better(self, i: int, rank: int | None) -> str:
        applicant = self.inst.ranked[i]
        wishes = applicant.preferences if rank is None else applicant.preferences[: rank - 1]
        by_reason: dict[str, list[str]] = {}
        for wish in wishes:
            label = _label(wish, self.zones)
            by_reason.setdefault(self._wish_reason(i, wish), []).append(label)
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

    def waiting(self, i: int, position: int, reason: str, reserved_below: bool) -> str:
        applicant = self.inst.ranked[i]
        rules = self.inst.rules
        if reason == PROVINCE_CAP:
            name = self.labels.get(applicant.province, applicant.province)
            cap = rules.province_caps[applicant.province]
            why = f"จังหวัด{name}ได้บูธครบโควตา {cap} บูธแล้วด้วยผู้สมัครที่คะแนนสูงกว่า"
        elif reason == CATEGORY_MAX:
            category = applicant.primary_category
            name = self.labels.get(category, category)
            cap = rules.category_max[category]
            why = f"สินค้าประเภท{name}ได้บูธครบจำนวนสูงสุด {cap} บูธแล้วด้วยผู้สมัครที่คะแนนสูงกว่า"
        else:
            why = f"บูธที่รับสินค้าประเภทนี้{self._power(i)}เต็มด้วยผู้สมัครที่คะแนนสูงกว่า"
            if reserved_below:
                why += "และผู้สมัครที่ได้ที่นั่งขั้นต่ำของประเภทสินค้า"
        return f"อยู่ในรายชื่อสำรองลำดับที่ {position} เพราะ{why}"

    def unplaceable(self, i: int) -> str:
        applicant = self.inst.ranked[i]
        names = ", ".join(self.labels.get(c, c) for c in sorted(applicant.categories))
        return f"ไม่มีบูธใดรับได้ เพราะไม่มีบูธที่รับสินค้าประเภท {names} {self._power(i)}".rstrip()
