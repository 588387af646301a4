"""Seating applicants into booth classes with augmenting paths (the matching behind each step)."""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence


class ClassMatching:
    """A matching of selected applicants into booth classes, extended by augmenting paths.

    `members[x][t]` holds the movable applicants of compatibility type t sitting in class x (a dict
    used as an ordered set, so moves are deterministic). Applicants of one type accept exactly the
    same classes, so a breadth-first search over classes expands each type at most once.
    """

    def __init__(self, capacities: list[int], compatible: list[list[int]]):
        self.capacity = capacities
        self.used = [0] * len(capacities)
        self.compatible = compatible
        self.members: list[dict[int, dict[int, None]]] = [{} for _ in capacities]
        self.where: dict[int, int] = {}
        self.dead: set[int] = set()
        self.dead_candidates: dict[int, object] = {}

    def _has_room(self, x: int) -> bool:
        return self.used[x] < self.capacity[x]

    def find_path(self, starts: Sequence[int]) -> list[tuple[int, int, int]] | None:
        """Moves (type, from, to) that free a seat in one of `starts`, ending with (-1, start, start)
        for the start class to sit in; None when no such chain of moves exists."""
        parent: dict[int, tuple[int, int] | None] = {}
        for x in starts:
            if x in self.dead or x in parent:
                continue
            if self._has_room(x):
                return [(-1, x, x)]
            parent[x] = None
        queue, expanded = deque(parent), set()
        while queue:
            x = queue.popleft()
            for t in list(self.members[x]):
                if t in expanded:
                    continue
                expanded.add(t)
                for y in self.compatible[t]:
                    if y in parent or y in self.dead:
                        continue
                    parent[y] = (x, t)
                    if self._has_room(y):
                        return self._trace(parent, y)
                    queue.append(y)
        self.dead_candidates = parent
        return None

    @staticmethod
    def _trace(parent, y) -> list[tuple[int, int, int]]:
        moves = []
        while parent[y] is not None:
            x, t = parent[y]
            moves.append((t, x, y))
            y = x
        moves.append((-1, y, y))
        return moves

    def apply(self, moves: list[tuple[int, int, int]]) -> int:
        """Shift one applicant along each move and return the class whose seat was freed."""
        for t, x, y in moves[:-1]:
            bucket = self.members[x][t]
            i, _ = bucket.popitem()
            if not bucket:
                del self.members[x][t]
            self.members[y].setdefault(t, {})[i] = None
            self.where[i] = y
        start = moves[-1][1]
        self.used[moves[0][2]] += 1
        return start

    def seat(self, i: int, t: int, x: int) -> None:
        self.members[x].setdefault(t, {})[i] = None
        self.where[i] = x

    def try_add(self, i: int, t: int) -> bool:
        """Seat applicant i (of type t), moving others along an augmenting path; False when no
        seating of everyone is left. Raises ValueError, changing nothing, when i sits in the
        matching already: a second seat for one applicant would leave a class holding more
        applicants than it can move, and the matching would then call possible seatings
        impossible."""
        if i in self.where:
            raise ValueError(f"applicant {i} is seated already")
        moves = self.find_path(self.compatible[t])
        if moves is None:
            self.dead.update(self.dead_candidates)
            return False
        self.seat(i, t, self.apply(moves))
        return True

    def release(self, i: int, t: int) -> None:
        """Take i out of the movable set and free its seat (it is about to choose again)."""
        x = self.where.pop(i)
        bucket = self.members[x][t]
        del bucket[i]
        if not bucket:
            del self.members[x][t]
        self.used[x] -= 1

    def claim(self, starts: Sequence[int]) -> int | None:
        """Fix a seat in one of `starts` if the other selected applicants can still be seated."""
        moves = self.find_path(starts)
        if moves is None:
            return None
        return self.apply(moves)
