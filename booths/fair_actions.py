"""What a fair's current state lets an officer do, for the pages that offer it.

Read from the state rules the services enforce (each service's own constant, the lifecycle's
next step), never written a second time: a page offers a button or a form only when the service
behind it would accept it in this state, so a draft fair offers no step that needs it open.
"""

from booths.models import FairState
from booths.models.fairs import SCORING_CLOSED_STATES
from booths.services import eligibility, floor, review, runs, waitlist

# The lifecycle buttons: step name in the URL → the state it moves the fair to.
STEP_TARGETS = {
    "open": FairState.OPEN,
    "nominate": FairState.NOMINATING,
    "score": FairState.SCORING,
    "start": FairState.RUNNING,
    "close": FairState.CLOSED,
}

# Action → the states its service accepts.
ACTION_STATES = {
    "layout": floor.LAYOUT_STATES,  # zones, booths, the floor plan
    "eligibility_rules": eligibility.RULE_STATES,
    "evaluate_eligibility": eligibility.EVALUATION_STATES,
    "rubric": review.SETUP_STATES,
    "assign_reviewers": review.ASSIGN_STATES,
    "allocate": runs.RUN_STATES,
    "release_booths": waitlist.HOLDING_STATES,
    # Appeals are filed against a published result (booths.services.appeals).
    "appeals": SCORING_CLOSED_STATES,
}


def allows(fair, action):
    """Whether `fair`'s state lets its officers take `action` (a key of ACTION_STATES)."""
    return fair.state in ACTION_STATES[action]


def next_steps(fair):
    """The lifecycle steps legal from the fair's state, as (step name, target state)."""
    return [(step, target) for step, target in STEP_TARGETS.items() if fair.next_state == target]
