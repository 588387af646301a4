"""The fair's eligibility rules checked live, before anything is stored: while a producer applies
and while the fair is open, so they can still fix the application.

It reads the same facts and calls the same rule functions the officers' evaluation stores."""

import dataclasses
from dataclasses import dataclass

from booths.models import Booth, RuleKind
from booths.services.eligibility import check_rule, group_facts, quality_standards
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


def zone_fits(fair, products):
    """Per zone, which of the products' categories its booths accept (a booth that names no
    category accepts every one), so a producer does not choose a zone with no booth for them."""
    categories = {p.category: p.get_category_display() for p in products}
    allowed = {}
    for zone_id, booth_categories in Booth.objects.filter(fair=fair).values_list(
        "zone_id", "allowed_categories"
    ):
        accepts = allowed.setdefault(zone_id, set())
        accepts.update(booth_categories or categories)
    return [
        ZoneFit(
            zone,
            [label for code, label in categories.items() if code in allowed.get(zone.pk, ())],
            [label for code, label in categories.items() if code not in allowed.get(zone.pk, ())],
        )
        for zone in fair.zones.order_by("code")
    ]
