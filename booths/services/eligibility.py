"""Evaluating a fair's eligibility rules for every application, and officers' overrides."""

from collections import defaultdict

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from booths import eligibility as rules_
from booths.models import (
    Application,
    ApplicationStatus,
    Assignment,
    EligibilityCheck,
    EligibilityOverride,
    EligibilityRule,
    FairState,
    ProducerGroupFlag,
    RuleKind,
)
from otop_fair.audit import bulk_update_with_history_by, delete_with_history, save_with_history
from producers.models import Certification, Province, QualityStandard, current_ratings

REVIEWABLE = [ApplicationStatus.SUBMITTED, ApplicationStatus.ELIGIBLE, ApplicationStatus.INELIGIBLE]
EVALUATION_STATES = (FairState.OPEN, FairState.NOMINATING, FairState.SCORING)
# The rules are fixed once booths are allocated.
RULE_STATES = (FairState.DRAFT, *EVALUATION_STATES)


def applicant_facts(fair, applications):
    """Facts for each application id, loaded in a fixed number of queries."""
    products, stars = _products_and_stars(fair, applications)
    group_ids = [a.group_id for a in applications]
    certificates = _certificates(group_ids)
    last_fairs = _last_fairs(fair, group_ids)
    flags = group_flags(group_ids)
    return {
        app.pk: _facts(
            app.group,
            products[app.pk],
            stars,
            certificates[app.group_id],
            last_fairs,
            flags.get(app.group_id, frozenset()),
        )
        for app in applications
    }


def group_facts(fair, group, products):
    """The facts of `group` entering `products` (saved or not): the live check while applying."""
    entered = [(p.pk, p.name, p.category, p.otop_mark) for p in products]
    stars = _stars_on(fair, {pid for pid, *_rest in entered})
    certificates = _certificates([group.pk])[group.pk]
    flags = group_flags([group.pk]).get(group.pk, frozenset())
    return _facts(group, entered, stars, certificates, _last_fairs(fair, [group.pk]), flags)


def group_flags(group_ids):
    """group id → the flags officers recorded for it (for zones that ask for one)."""
    flags = defaultdict(set)
    for group_id, flag in ProducerGroupFlag.objects.filter(group_id__in=group_ids).values_list(
        "group_id", "flag"
    ):
        flags[group_id].add(flag)
    return {g: frozenset(f) for g, f in flags.items()}


def _facts(group, entered, stars, certificates, last_fairs, flags=frozenset()):
    last = last_fairs.get(group.pk)
    return rules_.ApplicantFacts(
        registration_no=group.registration_no,
        is_active=group.is_active,
        province_code=group.province_id,
        province_name=group.province.name_th,
        region=group.province.region,
        products=tuple(
            rules_.ProductFacts(pid, name, category, stars.get(pid), mark)
            for pid, name, category, mark in entered
        ),
        certificates=tuple(certificates),
        last_fair_name=last[0] if last else None,
        was_unexcused_no_show=last[1] if last else False,
        quadrant=group.quadrant,
        registered_on=group.registered_on,
        flags=flags,
    )


def _certificates(group_ids):
    certificates = defaultdict(list)
    for cert in Certification.objects.filter(group_id__in=group_ids):
        certificates[cert.group_id].append(
            rules_.CertificateFacts(cert.standard_id, cert.product_id, cert.expires_on)
        )
    return certificates


def _products_and_stars(fair, applications):
    """Application id → its (product id, name, category, OTOP mark); product id → its stars on the
    fair's first day."""
    products = defaultdict(list)
    through = Application.products.through
    links = through.objects.filter(application__in=applications).values_list(
        "application_id", "product_id", "product__name", "product__category", "product__otop_mark"
    )
    product_ids = set()
    for app_id, product_id, name, category, mark in links:
        products[app_id].append((product_id, name, category, mark))
        product_ids.add(product_id)
    return products, _stars_on(fair, product_ids)


def _stars_on(fair, product_ids):
    """Product id → its stars on the fair's first day (the latest round valid then: an expired
    round no longer counts)."""
    ratings = current_ratings(fair.start_date).filter(product_id__in=product_ids)
    return dict(ratings.values_list("product_id", "stars"))


def _last_fairs(fair, group_ids):
    """group id → (name of the group's latest earlier fair with a booth, unexcused no-show there)."""
    rows = (
        Assignment.objects.filter(
            application__group_id__in=group_ids, fair__start_date__lt=fair.start_date
        )
        .order_by("fair__start_date", "fair_id")
        .values_list(
            "application__group_id", "fair_id", "fair__name", "is_no_show", "is_no_show_excused"
        )
    )
    latest, unexcused = {}, set()
    for group_id, fair_id, name, is_no_show, excused in rows:
        latest[group_id] = (fair_id, name)
        if is_no_show and not excused:
            unexcused.add((group_id, fair_id))
    return {g: (name, (g, fair_id) in unexcused) for g, (fair_id, name) in latest.items()}


def check_rule(rule, facts, *, fair, province_names, standards):
    if rule.kind == RuleKind.REGISTERED:
        return rules_.registered(facts)
    if rule.kind == RuleKind.MIN_STARS:
        return rules_.min_stars(facts, minimum=rule.min_stars)
    if rule.kind == RuleKind.CERTIFICATION:
        categories = rule.certified_categories or rules_.DEFAULT_CERTIFIED_CATEGORIES
        return rules_.certification(
            facts,
            accepted=_accepted(rule, standards),
            categories=categories,
            on_date=fair.end_date,
            standard_names={code: name for code, (name, _d) in standards.items()},
        )
    if rule.kind == RuleKind.STANDING:
        return rules_.standing(facts, quadrants=rule.quadrants, marks=rule.marks)
    if rule.kind == RuleKind.AREA:
        return rules_.area(
            facts, provinces=rule.provinces, regions=rule.regions, province_names=province_names
        )
    return rules_.no_show(facts)


def quality_standards():
    """code → (name, categories it is accepted for by default), read once per evaluation."""
    return {
        code: (name, default_for)
        for code, name, default_for in QualityStandard.objects.values_list(
            "code", "name", "default_for"
        )
    }


def _accepted(rule, standards):
    """The rule's own "any of" set, or else each category's default standards."""
    if rule.standards:
        return lambda category: list(rule.standards)
    return lambda category: [code for code, (_n, cats) in standards.items() if category in cats]


def evaluate_eligibility(*, fair, by):
    """Check every active application against the fair's rules; returns (eligible, ineligible)."""
    if fair.state not in EVALUATION_STATES:
        raise ValidationError(
            _("Eligibility can be checked only while applications are open or being scored.")
        )
    with transaction.atomic(), translation.override("th"):
        applications = list(
            fair.applications.filter(status__in=REVIEWABLE).select_related(
                "group__province", "eligibility_override"
            )
        )
        facts = applicant_facts(fair, applications)
        rules = list(fair.eligibility_rules.all())
        province_names = dict(Province.objects.values_list("code", "name_th"))
        standards = quality_standards()
        EligibilityCheck.objects.filter(application__in=applications).delete()
        checks = []
        for app in applications:
            results = [
                (
                    rule.kind,
                    *check_rule(
                        rule,
                        facts[app.pk],
                        fair=fair,
                        province_names=province_names,
                        standards=standards,
                    ),
                )
                for rule in rules
            ]
            checks += [
                EligibilityCheck(application=app, kind=k, passed=p, reason=r) for k, p, r in results
            ]
            app.passes_rules = all(passed for _, passed, _ in results)
            app.status = _status(app)
        EligibilityCheck.objects.bulk_create(checks, batch_size=5000)
        bulk_update_with_history_by(
            applications,
            ["passes_rules", "status"],
            by=by,
            reason=_("eligibility checked"),
        )
    eligible = sum(1 for a in applications if a.status == ApplicationStatus.ELIGIBLE)
    return eligible, len(applications) - eligible


def _status(app):
    override = getattr(app, "eligibility_override", None)
    decision = override.is_eligible if override is not None else app.passes_rules
    return ApplicationStatus.ELIGIBLE if decision else ApplicationStatus.INELIGIBLE


def override_eligibility(*, application, is_eligible, reason, by):
    """An officer's decision that replaces the rules' outcome; the written reason is kept."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Write the reason for the override."))
    if application.fair.state not in EVALUATION_STATES:
        raise ValidationError(_("Eligibility can be changed only before booths are allocated."))
    if application.status not in REVIEWABLE:
        raise ValidationError(_("A withdrawn application cannot be made eligible."))
    with transaction.atomic():
        override = EligibilityOverride.objects.filter(application=application).first()
        override = override or EligibilityOverride(application=application)
        override.is_eligible = is_eligible
        override.reason = reason
        override.decided_by = by
        save_with_history(override, by=by, reason=reason)
        application.eligibility_override = override
        application.status = _status(application)
        save_with_history(application, by=by, reason=reason, update_fields=["status", "updated_at"])
    return override


def set_rule(*, fair, kind, by, **settings):
    """Add or change one rule of a fair (rules are fixed once booths are allocated)."""
    if fair.state not in RULE_STATES:
        raise ValidationError(_("Rules can be changed only before booths are allocated."))
    rule = EligibilityRule.objects.filter(fair=fair, kind=kind).first() or EligibilityRule(
        fair=fair, kind=kind
    )
    for name, value in settings.items():
        setattr(rule, name, value)
    save_with_history(rule, by=by)
    return rule


def remove_rule(*, rule, by):
    if rule.fair.state not in RULE_STATES:
        raise ValidationError(_("Rules can be changed only before booths are allocated."))
    delete_with_history([rule], by=by)
