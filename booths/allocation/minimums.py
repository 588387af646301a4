"""Category minimums: how many minimum seats the rules allow, and whether a set of applicants can
still be completed to fill that many.

A category's minimum counts the seated applicants whose primary category it is. The number of
minimum seats filled is the sum over categories of min(minimum, seated of that category). The best
number booths and caps allow is found as a maximum flow (source → category → applicants of one
category and compatibility type → booth class → sink), in which the applicants who must be seated
are routed first so later augmenting paths never unseat them. Province caps are not in the flow:
the flow is an upper bound, and the applicants it picks are then chosen province by province; when
the caps refuse that choice, small cases are searched exhaustively.
"""

from __future__ import annotations

import itertools
import math
from collections import deque

EXHAUSTIVE_LIMIT = 12
"""Most candidates searched subset by subset when province caps refuse the flow's choice."""


class Flow:
    """Edmonds–Karp maximum flow on a small graph of named nodes."""

    def __init__(self):
        self.edges: dict[object, dict[object, int]] = {"source": {}, "sink": {}}

    def add(self, a, b, capacity: int) -> None:
        self.edges.setdefault(a, {})
        self.edges.setdefault(b, {})
        self.edges[a][b] = self.edges[a].get(b, 0) + capacity
        self.edges[b].setdefault(a, 0)

    def augment(self, source, sink) -> int:
        """Push flow along shortest paths until none is left; the amount pushed."""
        pushed = 0
        while True:
            parent = {source: None}
            queue = deque([source])
            while queue and sink not in parent:
                a = queue.popleft()
                for b, room in self.edges[a].items():
                    if room > 0 and b not in parent:
                        parent[b] = a
                        queue.append(b)
            if sink not in parent:
                return pushed
            path, b = [], sink
            while parent[b] is not None:
                path.append((parent[b], b))
                b = parent[b]
            amount = min(self.edges[a][b] for a, b in path)
            for a, b in path:
                self.edges[a][b] -= amount
                self.edges[b][a] += amount
            pushed += amount


class MinimumSeats:
    """The minimum-seat arithmetic of one allocation instance (see the module docstring)."""

    def __init__(self, inst):
        self.inst = inst
        rules = inst.rules
        self.room = {
            c: min(m, rules.category_max.get(c, m)) for c, m in rules.category_min.items() if m > 0
        }

    def filled(self, members) -> int:
        return self.filled_by(self._category_counts(members))

    def filled_by(self, counts: dict[str, int]) -> int:
        """Minimum seats filled by a set with these counts per primary category."""
        return sum(min(room, counts.get(c, 0)) for c, room in self.room.items())

    def _category_counts(self, members) -> dict[str, int]:
        counts: dict[str, int] = {}
        for i in members:
            c = self.inst.primary[i]
            counts[c] = counts.get(c, 0) + 1
        return counts

    def best_completion(self, forced: list[int], candidates: list[int]) -> tuple[int, list[int]]:
        """The most minimum seats `forced` plus some of `candidates` can fill, and those added.

        `forced` must be seatable together within the caps."""
        counts = self._category_counts(forced)
        wanted = [i for i in candidates if self._counts_toward(i, counts)]
        flow, groups = self._flow(forced, wanted, counts)
        upper = self.filled(forced) + flow.augment("source", "sink")
        added = self._pick(flow, groups, forced)
        if added is not None:
            return upper, added
        return self._search(forced, wanted, upper)

    def _counts_toward(self, i: int, counts) -> bool:
        c = self.inst.primary[i]
        return c in self.room and self.room[c] > counts.get(c, 0) and self.inst.placeable(i)

    def _flow(self, forced, wanted, counts) -> tuple[Flow, dict]:
        inst, flow = self.inst, Flow()
        for x, booths in enumerate(inst.classes):
            flow.add(("class", x), "sink", len(booths))
        for i in forced:
            flow.add("source", ("forced", inst.type_of[i]), 1)
        for t in {inst.type_of[i] for i in forced}:
            for x in inst.compatible[t]:
                flow.add(("forced", t), ("class", x), len(forced))
        flow.augment("source", "sink")
        groups: dict[tuple, list[int]] = {}
        for i in wanted:
            groups.setdefault((inst.primary[i], inst.type_of[i]), []).append(i)
        for (c, t), members in groups.items():
            flow.add(("category", c), ("group", c, t), len(members))
            for x in inst.compatible[t]:
                flow.add(("group", c, t), ("class", x), len(members))
        for c, room in self.room.items():
            if room > counts.get(c, 0):
                flow.add("source", ("category", c), room - counts.get(c, 0))
        return flow, groups

    def _pick(self, flow: Flow, groups, forced) -> list[int] | None:
        """The applicants the flow routes through each group, best-ranked first, within the
        province caps; None when the caps refuse the flow's numbers."""
        caps = self.inst.rules.province_caps
        used: dict[str, int] = {}
        for i in forced:
            used[self.inst.ranked[i].province] = used.get(self.inst.ranked[i].province, 0) + 1
        added = []
        for (c, t), members in groups.items():
            wanted = flow.edges[("group", c, t)][("category", c)]
            for i in members:
                province = self.inst.ranked[i].province
                if wanted and used.get(province, 0) < caps.get(province, math.inf):
                    used[province] = used.get(province, 0) + 1
                    added.append(i)
                    wanted -= 1
            if wanted:
                return None
        return added

    def _search(self, forced, wanted, upper) -> tuple[int, list[int]]:
        """Province caps bind: try subsets of the candidates, largest first (small cases only;
        beyond EXHAUSTIVE_LIMIT candidates they are added greedily in rank order)."""
        if len(wanted) > EXHAUSTIVE_LIMIT:
            return self._greedy(forced, wanted)
        base = self.filled(forced)
        for size in range(upper - base, 0, -1):
            for extra in itertools.combinations(wanted, size):
                group = [*forced, *extra]
                if self.filled(group) == base + size and self.inst.feasible(group):
                    return base + size, list(extra)
        return base, []

    def _greedy(self, forced, wanted) -> tuple[int, list[int]]:
        group = list(forced)
        for i in wanted:
            if self.filled([*group, i]) > self.filled(group) and self.inst.feasible([*group, i]):
                group.append(i)
        return self.filled(group), group[len(forced) :]


class Witness:
    """A set of applicants that contains everyone selected so far, fits the rules and fills the
    most minimum seats the rules allow: proof that selecting so far has cost no minimum seat."""

    def __init__(self, inst):
        self.inst, self.seats = inst, MinimumSeats(inst)
        everyone = [i for i in range(len(inst.ranked)) if inst.placeable(i)]
        self.best, added = self.seats.best_completion([], everyone)
        self._keep(added)

    def _keep(self, members) -> None:
        self.members = set(members)
        self.matching = self.inst.new_matching()
        for i in sorted(self.members):
            self.matching.try_add(i, self.inst.type_of[i])
        self.counts = self.inst.cap_counts(self.members)

    def admits(self, i: int, selected: list[int], categories: dict[str, int]) -> bool:
        """Whether `selected` (everyone ranked above i who is seated; `categories` counts them by
        primary category) plus i can still be completed to fill the most minimum seats; if so the
        witness grows to include i."""
        inst = self.inst
        if i in self.members or self.seats.filled_by(categories) >= self.best:
            return True  # already proven, or the minimums are met as far as they can be
        if inst.cap_blocker(i, *self.counts) is None and self.matching.try_add(i, inst.type_of[i]):
            self.members.add(i)
            inst.count_in(i, *self.counts)
            return True
        forced = [*selected, i]
        filled, added = self.seats.best_completion(forced, range(i + 1, len(inst.ranked)))
        if filled < self.best:
            return False
        self._keep([*forced, *added])
        return True
