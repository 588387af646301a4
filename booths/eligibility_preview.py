"""The fair's eligibility rules checked live, before anything is stored: while a producer applies
and while the fair is open, so they can still fix the application.

It reads the same facts and calls the same rule functions the officers' evaluation stores."""

import dataclasses
from dataclasses import dataclass

from booths.models import Booth, RuleKind, ZoneRule
from booths.services.eligibility import check_rule, group_facts, quality_standards
from booths.services.zone_rules import zone_qualifies
from producers.models import Province

PRODUCT_RULES = (RuleKind.MIN_STARS, RuleKind.CERTIFICATION)


@dataclass
class RuleOutcome:
    label: str
    passed: bool
    reason: str


@dataclass
class ProductOutcome:
    product: object
    outcomes: list


def _outcomes(rules, facts, fair, province_names, standards):
    return [
        RuleOutcome(
            rule.get_kind_display(),
            *check_rule(rule, facts, fair=fair, province_names=province_names, standards=standards),
        )
        for rule in rules
    ]


def live_checks(fair, group, products):
    """(group-wide outcomes, one ProductOutcome per product) for `group` entering `products`."""
    products = list(products)
    rules = list(fair.eligibility_rules.all())
    province_names = dict(Province.objects.values_list("code", "name_th"))
    facts = group_facts(fair, group, products)
    standards = quality_standards()
    group_rules = [r for r in rules if r.kind not in PRODUCT_RULES]
    product_rules = [r for r in rules if r.kind in PRODUCT_RULES]
    per_product = [
        ProductOutcome(
            product,
            _outcomes(
                product_rules,
                dataclasses.replace(facts, products=(entered,)),
                fair,
                province_names,
                standards,
            ),
        )
        for product, entered in zip(products, facts.products, strict=True)
    ]
    return _outcomes(group_rules, facts, fair, province_names, standards), per_product


@dataclass
class ZoneFit:
    zone: object
    accepted: list
    refused: list
    is_chosen: bool = False
    rule_passed: bool | None = None
    """Whether the group meets the zone's own rule; None when the zone has none."""
    rule_reason: str = ""


def zone_fits(fair, products, group=None, *, chosen=()):
    """Per zone, which of the products' categories its booths (and its own rule) accept (a booth
    that names no category accepts every one), so a producer does not choose a zone with no booth
    for them; for a zone with its own rule, whether `group` qualifies and why; the zones in
    `chosen` (ids) are the ones the producer picked."""
    categories = {p.category: p.get_category_display() for p in products}
    rules = {r.zone_id: r for r in ZoneRule.objects.filter(zone__fair=fair)}
    allowed = {}
    for zone_id, booth_categories in Booth.objects.filter(fair=fair).values_list(
        "zone_id", "allowed_categories"
    ):
        accepts = allowed.setdefault(zone_id, set())
        accepts.update(booth_categories or categories)
    for zone_id, rule in rules.items():
        if rule.categories and zone_id in allowed:
            allowed[zone_id] &= set(rule.categories)
    fits = [
        ZoneFit(
            zone,
            [label for code, label in categories.items() if code in allowed.get(zone.pk, ())],
            [label for code, label in categories.items() if code not in allowed.get(zone.pk, ())],
            is_chosen=zone.pk in chosen,
        )
        for zone in fair.zones.order_by("code")
    ]
    if rules and group is not None:
        facts = group_facts(fair, group, products)
        for fit in fits:
            if fit.zone.pk in rules:
                fit.rule_passed, fit.rule_reason = zone_qualifies(
                    facts, rules[fit.zone.pk], fair=fair, category=None
                )
    return fits


ZONE_CHOICES = ("choice_1", "choice_2", "choice_3")


def _ids(values):
    """The ids among typed or posted values; anything that is not a plausible id is ignored."""
    if values is None or isinstance(values, str | int):
        values = [values]
    return {int(v) for v in values if str(v).isascii() and str(v).isdigit() and len(str(v)) < 10}


def live_context(fair, group, form):
    """The live check of what the apply form holds now (posted, typed or saved before): the
    ticked products, or every active product while none is ticked, and the chosen zones."""
    active = list(group.products.filter(is_active=True))
    ticked_ids = _ids(form["products"].value())
    ticked = [p for p in active if p.pk in ticked_ids]
    products = ticked or active
    chosen = set().union(*(_ids(form[name].value()) for name in ZONE_CHOICES))
    live_group, live_products = live_checks(fair, group, products)
    return {
        "live_group": live_group,
        "live_products": live_products,
        "zone_fits": zone_fits(fair, products, group, chosen=chosen),
        "is_ticked": bool(ticked),
    }
