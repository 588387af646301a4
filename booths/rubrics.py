"""Which rubric a committee scores by. A fair has one rubric; at a national fair a province's
officers may give their province's committee its own (set before scoring opens), otherwise the
province's committee scores by the fair's shared rubric, the head office's.

Totals stay on the same 0–100 scale whatever the rubric, and a national allocation compares
provinces only by standing within their province (`booths.allocation.national`), never by score.
"""

from booths.models import FairState

# A province's own rubric is set before its committee starts scoring.
PROVINCE_RUBRIC_STATES = (FairState.DRAFT, FairState.OPEN, FairState.NOMINATING)


def shared_rubric(fair):
    """The fair's rubric: a provincial fair's only one, a national fair's shared one."""
    return fair.criteria.filter(province__isnull=True)


def province_rubric(fair, province_id):
    """The province's own criteria at a national fair (empty: it uses the shared rubric)."""
    return fair.criteria.filter(province_id=province_id)


def rubric_for(fair, province_id):
    """The criteria a committee of `province_id` (None: the fair's one committee) scores by."""
    if fair.is_national and province_id is not None:
        own = list(province_rubric(fair, province_id))
        if own:
            return own
    return list(shared_rubric(fair))


def rubrics_of(fair):
    """{None: the shared criteria, province id: its own criteria, …}, in one query."""
    rubrics = {None: []}
    for criterion in fair.criteria.all():
        province = criterion.province_id if fair.is_national else None
        rubrics.setdefault(province, []).append(criterion)
    return rubrics
