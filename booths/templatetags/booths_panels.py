"""Home-page cards of the booths app for each role, each built by one selector."""

from django import template

from booths import selectors

register = template.Library()


@register.inclusion_tag("booths/panels/officer.html", takes_context=True)
def officer_fairs_card(context):
    user = context["request"].user
    fairs = selectors.fairs_for(user).exclude(state="closed").select_related("province")[:5]
    return {"fairs": fairs}


@register.inclusion_tag("booths/panels/committee.html", takes_context=True)
def committee_card(context):
    return {"seats": selectors.seats_for(context["request"].user)}


@register.inclusion_tag("booths/panels/producer.html", takes_context=True)
def producer_card(context):
    user = context["request"].user
    return {
        "applications": list(selectors.applications_for_producer(user)[:3]),
        "offers": list(selectors.pending_offers_for(user)),
    }
