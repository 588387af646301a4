"""Whether a fair is running for this person: their "at the fair" card then comes first."""

from django import template

from booths.models import Assignment, AssignmentStatus, Fair, FairState

register = template.Library()


@register.simple_tag(takes_context=True)
def fair_is_running(context):
    user = context["request"].user
    if getattr(user, "role", "") == "producer":
        return Assignment.objects.filter(
            application__group__members=user,
            status=AssignmentStatus.ACTIVE,
            fair__state=FairState.RUNNING,
        ).exists()
    return Fair.objects.visible_to(user).filter(state=FairState.RUNNING).exists()
