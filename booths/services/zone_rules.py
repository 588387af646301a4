"""Zones with their own rules: who qualifies for which zone, for the apply page and the run."""

from django.db import transaction
from django.utils.translation import gettext as _

from booths import eligibility as rules_
from booths.models import GroupFlag, ProducerGroupFlag, ZoneRule
from booths.services.eligibility import applicant_facts
from otop_fair.audit import delete_with_history, save_with_history
from producers.models import Category


def zone_qualifies(facts, rule, *, fair, category):
    """(passed, reason) of one zone's rule for one applicant's facts."""
    return rules_.zone_rule(
        facts,
        rule,
        category=category,
        on_date=fair.start_date,
        category_label=Category(category).label if category else "",
        flag_label=GroupFlag(rule.flag).label if rule.flag else "",
    )


def qualifying_zones(fair, applications):
    """Application id → the codes of the zones it may be seated in, or None for every zone (a
    fair without zone rules). A zone without a rule takes everyone."""
    rules = list(ZoneRule.objects.filter(zone__fair=fair).select_related("zone"))
    if not rules:
        return dict.fromkeys((a.pk for a in applications), None)
    ruled = {r.zone.code for r in rules}
    open_zones = set(fair.zones.exclude(code__in=ruled).values_list("code", flat=True))
    facts = applicant_facts(fair, applications)
    return {
        app.pk: frozenset(
            open_zones
            | {
                r.zone.code
                for r in rules
                if zone_qualifies(facts[app.pk], r, fair=fair, category=app.category)[0]
            }
        )
        for app in applications
    }


def set_zone_rule(*, zone, by, **fields):
    """Create or change the zone's rule, audited; a rule that asks nothing is removed."""
    with transaction.atomic():
        rule = ZoneRule.objects.filter(zone=zone).first() or ZoneRule(zone=zone)
        for name, value in fields.items():
            setattr(rule, name, value)
        asks = any(fields.get(name) for name in fields)
        if not asks:
            if rule.pk:
                delete_with_history([rule], by=by, reason=_("zone rule removed"))
            return None
        rule.full_clean()
        return save_with_history(rule, by=by, reason=_("zone rule set"))


def flag_group(*, group, flag, reason, by):
    """Record (or re-word) that `group` is, say, disaster-affected, with the officer's reason."""
    with transaction.atomic():
        record = ProducerGroupFlag.objects.filter(group=group, flag=flag).first()
        record = record or ProducerGroupFlag(group=group, flag=flag)
        record.reason, record.set_by = reason, by
        record.full_clean()
        return save_with_history(record, by=by, reason=reason)
