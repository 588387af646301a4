"""Allocation runs: run the pure algorithm on a snapshot, store every result, publish a version."""

import random
from collections import defaultdict

from django.apps import apps as django_apps
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from booths import allocation, notices, scoring
from booths.models import (
    AllocationRun,
    ApplicationStatus,
    Assignment,
    AssignmentStatus,
    FairState,
    OfferStatus,
    RunResult,
)
from booths.selectors import ranking
from booths.services.lifecycle import locked, move_fair
from booths.services.quotas import quota_table
from booths.services.reinstatement import late_scoring_error
from booths.services.zone_rules import qualifying_zones
from otop_fair.audit import (
    bulk_create_with_history_by,
    bulk_update_with_history_by,
    save_with_history,
)
from producers.models import Category, Province

RUN_STATES = (FairState.SCORING, FairState.ALLOCATED)


def allocation_inputs(fair, *, normalise):
    """The applicants (ranked, with their needs) and booths of a fair, as the algorithm takes them."""
    ranked = {row.application_id: row for row in ranking(fair, normalise=normalise)}
    apps = competing(fair, fair.applications.filter(pk__in=ranked))
    apps = list(apps.select_related("group__province"))
    preferences = _zone_preferences(fair, ranked)
    zones = qualifying_zones(fair, apps)
    applicants = [
        allocation.Applicant(
            id=app.pk,
            score=float(ranked[app.pk].total),
            # The one category it competes in: caps, minimums and booth fit all read it.
            categories=frozenset({app.category}),
            province=app.group.province_id,
            preferences=tuple(preferences[app.pk]),
            needs_electricity=app.needs_electricity,
            wants_corner=app.wants_corner,
            zones=zones[app.pk],
        )
        for app in apps
    ]
    return applicants, _booth_specs(fair)


def competing(fair, applications):
    """The applications that enter the allocation. At a national fair only those their district
    nominated (issue 18): the nomination step is n18b's `Nomination`; until it is installed every
    scored application of a national fair enters."""
    if not fair.is_national:
        return applications
    try:
        django_apps.get_model("booths", "Nomination")
    except LookupError:
        return applications
    return applications.filter(nomination__decision="nominated")


def _zone_preferences(fair, application_ids):
    """Application id → the zone codes it asked for, most wanted first."""
    preferences = defaultdict(list)
    for app_id, code in (
        fair.applications.filter(pk__in=application_ids)
        .order_by("id", "preferences__rank")
        .values_list("id", "preferences__zone__code")
    ):
        if code:
            preferences[app_id].append(code)
    return preferences


def _booth_specs(fair):
    return [
        allocation.BoothSpec(
            id=b.pk,
            code=b.code,
            zone=b.zone.code,
            booth_type=b.booth_type,
            allowed_categories=frozenset(b.allowed_categories),
            has_electricity=b.has_electricity,
            is_corner=b.is_corner,
        )
        for b in fair.booths.select_related("zone")
    ]


def _labels():
    """Thai names of provinces and categories for the explanations."""
    labels = dict(Province.objects.values_list("code", "name_th"))
    labels.update((value, str(label)) for value, label in Category.choices)
    return labels


def _snapshot(applicants, booths):
    return {
        "applicants": [
            [
                a.id,
                a.score,
                sorted(a.categories),
                a.province,
                list(a.preferences),
                a.needs_electricity,
                a.wants_corner,
                None if a.zones is None else sorted(a.zones),
            ]
            for a in applicants
        ],
        "booths": [
            [
                b.id,
                b.code,
                b.zone,
                b.booth_type,
                sorted(b.allowed_categories),
                b.has_electricity,
                b.is_corner,
            ]
            for b in booths
        ],
    }


def run_allocation(*, fair, by, rules=None, seed=None, normalise=False):
    """Run the allocation and store it as the fair's next (unpublished) version."""
    fair.refresh_from_db(fields=["state"])
    if fair.state not in RUN_STATES:
        raise ValidationError(_("Booths can be allocated once scoring has started."))
    waiting = late_scoring_error(fair)
    if waiting:
        raise ValidationError(waiting)
    rules = rules or {}
    seed = seed if seed is not None else random.SystemRandom().randrange(1, 2**31)
    applicants, booths = allocation_inputs(fair, normalise=normalise)
    if fair.is_national:
        rules = national_rules(fair, rules)
    result = _allocate(applicants, booths, rules, seed)
    scores = {a.id: a.score for a in applicants}
    with transaction.atomic():
        fair = locked(fair)
        version = (fair.runs.aggregate(v=Max("version"))["v"] or 0) + 1
        run = AllocationRun(
            fair=fair,
            version=version,
            seed=seed,
            algorithm_version=allocation.ALGORITHM_VERSION,
            rules=rules,
            inputs=_snapshot(applicants, booths),
            normalise=normalise,
            seated_count=len(result.seated),
            waitlist_count=len(result.waitlist),
            created_by=by,
        )
        save_with_history(run, by=by)
        _store_results(run, result, scores)
    return run


def national_rules(fair, rules):
    """A national fair's run rules: the officer's release rule and the quota table as it stands,
    stored with the run so the run can be read (and repeated) after the table changes."""
    release = rules.get("release") or allocation.SAME_CATEGORY
    if release not in allocation.RELEASE_RULES:
        raise ValidationError(_("Choose what happens to quota a province cannot fill."))
    table = sorted([p, c, n] for (p, c), n in quota_table(fair).items())
    if not table:
        raise ValidationError(_("Set the province quotas before running the allocation."))
    return {"release": release, "quotas": table}


def _allocate(applicants, booths, rules, seed):
    """The pure algorithm, with its explanations written in Thai."""
    if "release" in rules:
        quotas = allocation.Quotas({(p, c): n for p, c, n in rules["quotas"]}, rules["release"])
        with translation.override("th"):
            return allocation.allocate_national(applicants, booths, quotas, seed, labels=_labels())
    with translation.override("th"):
        return allocation.allocate(
            applicants,
            booths,
            allocation.Rules(
                province_caps=rules.get("province_caps") or {},
                category_min=rules.get("category_min") or {},
                category_max=rules.get("category_max") or {},
            ),
            seed,
            labels=_labels(),
        )


def _store_results(run, result, scores):
    """One RunResult per applicant, in rank order."""
    waitlist = {app_id: n for n, app_id in enumerate(result.waitlist, start=1)}
    RunResult.objects.bulk_create(
        [
            RunResult(
                run=run,
                application_id=app_id,
                rank=rank,
                score=scoring.shown_total(scores[app_id]),
                booth_id=result.seated.get(app_id),
                choice_rank=result.choice_rank.get(app_id),
                waitlist_position=waitlist.get(app_id),
                explanation=result.explanations.get(app_id, ""),
            )
            for rank, app_id in enumerate(result.order, start=1)
        ],
        batch_size=5000,
    )


def publish_allocation(*, fair, run, by, reason=""):
    """Make `run` the result: the fair becomes `allocated` (first time) and booths are held.

    A later version replaces the holdings that changed and needs a written reason.
    """
    with transaction.atomic():
        fair = locked(fair)
        if run.fair_id != fair.pk:
            raise ValidationError(_("That run belongs to another fair."))
        if run.is_published:
            raise ValidationError(_("This version is already published."))
        if fair.state == FairState.SCORING:
            move_fair(
                fair,
                FairState.ALLOCATED,
                by=by,
                reason=_("allocation v%(version)s published") % {"version": run.version},
            )
        elif fair.state == FairState.ALLOCATED:
            if not reason.strip():
                raise ValidationError(_("Write why a new version replaces the published one."))
        else:
            raise ValidationError(fair.transition_error(FairState.ALLOCATED))
        run.is_published = True
        run.published_at = timezone.now()
        run.published_by = by
        run.reason = reason
        save_with_history(run, by=by, reason=reason or _("published"))
        _hold_booths(fair, run, by)
        notices.results_published(run)
    return run


def _hold_booths(fair, run, by):
    """Turn the run's seats into Assignment rows, keeping holdings that did not change.

    Offers still open from the previous version lapse: the new version decides every booth.
    """
    _expire_pending_offers(fair, run, by)
    seats = dict(run.results.filter(booth__isnull=False).values_list("application_id", "booth_id"))
    kept = _release_changed_holdings(fair, run, by, seats)
    bulk_create_with_history_by(
        [
            Assignment(fair=fair, booth_id=booth_id, application_id=app_id, run=run)
            for app_id, booth_id in seats.items()
            if app_id not in kept
        ],
        by=by,
        reason=_("allocation v%(version)s published") % {"version": run.version},
    )
    _mark_application_outcomes(fair, run, by, seats)


def _expire_pending_offers(fair, run, by):
    for offer in fair.offers.filter(status=OfferStatus.PENDING):
        offer.status = OfferStatus.EXPIRED
        reason = _("replaced by allocation v%(version)s") % {"version": run.version}
        save_with_history(offer, by=by, reason=reason, update_fields=["status"])


def _release_changed_holdings(fair, run, by, seats):
    """Release active holdings the run moved; return the application ids whose booth stays."""
    kept = set()
    active = list(fair.assignments.filter(status=AssignmentStatus.ACTIVE))
    for assignment in active:
        if seats.get(assignment.application_id) == assignment.booth_id:
            kept.add(assignment.application_id)
            continue
        assignment.status = AssignmentStatus.RELEASED
        assignment.released_at = timezone.now()
        assignment.release_reason = _("Replaced by allocation version %(v)s.") % {"v": run.version}
        save_with_history(assignment, by=by)
    return kept


def _mark_application_outcomes(fair, run, by, seats):
    """Selected, waitlisted or not selected, as the run decided, with a history record each."""
    results = dict(run.results.values_list("application_id", "waitlist_position"))
    apps = list(fair.applications.filter(pk__in=results))
    for app in apps:
        if app.pk in seats:
            app.status = ApplicationStatus.SELECTED
        elif results[app.pk] is not None:
            app.status = ApplicationStatus.WAITLISTED
        else:
            app.status = ApplicationStatus.NOT_SELECTED
    bulk_update_with_history_by(
        apps,
        ["status"],
        by=by,
        reason=_("allocation v%(version)s published") % {"version": run.version},
    )


def compare_runs(first, second):
    """Who moved between two runs: (application, booth in first, booth in second) per change."""
    before = {r.application_id: r for r in first.results.select_related("booth")}
    moved = []
    for after in second.results.select_related("booth", "application__group"):
        prior = before.pop(after.application_id, None)
        if (
            prior is None
            or prior.booth_id != after.booth_id
            or prior.waitlist_position != after.waitlist_position
        ):
            moved.append((after.application, prior, after))
    return moved
