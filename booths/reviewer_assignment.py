"""Balanced committee assignment that never gives a member an application they are conflicted on.

Pure Python with no Django imports. Each application gets `k` distinct members; among all such
assignments the member loads are the most even possible (the sum of squared loads is minimal,
which on these bipartite instances also minimises the largest and maximises the smallest load,
so loads differ by at most one whenever the conflicts allow it).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Hashable, Sequence


def _eligible_members(applications, members, conflicts, k) -> list[list[int]]:
    eligible = []
    for application in applications:
        allowed = [i for i, m in enumerate(members) if (m, application) not in conflicts]
        if len(allowed) < k:
            raise ValueError(
                f"ใบสมัคร {application} มีกรรมการที่ไม่มีส่วนได้ส่วนเสียเพียง {len(allowed)} คน "
                f"แต่ต้องมีผู้ตรวจ {k} คน กรุณาเพิ่มกรรมการหรือลดจำนวนผู้ตรวจต่อใบสมัคร"
            )
        eligible.append(allowed)
    return eligible


def _greedy(eligible, member_count, k) -> tuple[list[set[int]], list[int]]:
    """Most constrained applications first, each to its k least-loaded eligible members."""
    loads = [0] * member_count
    chosen: list[set[int]] = [set() for _ in eligible]
    order = sorted(range(len(eligible)), key=lambda a: (len(eligible[a]), a))
    for a in order:
        picks = sorted(eligible[a], key=lambda m: (loads[m], m))[:k]
        chosen[a] = set(picks)
        for m in picks:
            loads[m] += 1
    return chosen, loads


def _find_transfer(sources, is_target, chosen, eligible, held) -> list[tuple[int, int]] | None:
    """Breadth-first search for a chain of (application, new member) moves from a source member.

    Moving application a from member u to member v keeps every member's load except that the
    first member loses one and the last member gains one.
    """
    parent: dict[int, tuple[int, int] | None] = dict.fromkeys(sources)
    queue = deque(sources)
    while queue:
        u = queue.popleft()
        for a in sorted(held[u]):
            for v in eligible[a]:
                if v in parent or v in chosen[a]:
                    continue
                parent[v] = (u, a)
                if is_target(v):
                    path = []
                    while parent[v] is not None:
                        u_prev, app = parent[v]
                        path.append((app, u_prev, v))
                        v = u_prev
                    return path
                queue.append(v)
    return None


def _rebalance(chosen, loads, eligible) -> None:
    """Shift work along chains from a member to one at least two lighter until none exists."""
    held: list[set[int]] = [set() for _ in loads]
    for a, members in enumerate(chosen):
        for m in members:
            held[m].add(a)
    while True:
        for level in sorted(set(loads), reverse=True):
            sources = [m for m, load in enumerate(loads) if load >= level]
            path = _find_transfer(
                sources, lambda v, t=level: loads[v] <= t - 2, chosen, eligible, held
            )
            if path:
                break
        else:
            return
        for app, old, new in path:
            chosen[app].remove(old)
            chosen[app].add(new)
            held[old].remove(app)
            held[new].add(app)
        loads[path[-1][1]] -= 1
        loads[path[0][2]] += 1


def assign_reviewers(
    applications: Sequence[Hashable],
    members: Sequence[Hashable],
    conflicts: set[tuple[Hashable, Hashable]],
    k: int = 3,
) -> dict[Hashable, list[Hashable]]:
    """Give each application `k` distinct non-conflicted members with loads as even as possible.

    `conflicts` holds (member, application) pairs. The result is deterministic for the same input
    order; each application's members are listed in the order of `members`.
    """
    applications = list(applications)
    members = list(members)
    eligible = _eligible_members(applications, members, conflicts, k)
    chosen, loads = _greedy(eligible, len(members), k)
    _rebalance(chosen, loads, eligible)
    return {
        application: [members[m] for m in sorted(chosen[a])]
        for a, application in enumerate(applications)
    }
