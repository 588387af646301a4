"""The eligibility rules as plain functions over plain facts: each returns (passed, reason)."""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext as _

from otop_fair.thai import reader_date
from producers.models import Category, Region


@dataclass(frozen=True)
class ProductFacts:
    id: int
    name: str
    category: str
    stars: int | None
    otop_mark: str = ""


@dataclass(frozen=True)
class CertificateFacts:
    standard: str
    product_id: int | None
    expires_on: datetime.date | None


@dataclass(frozen=True)
class ApplicantFacts:
    registration_no: str
    is_active: bool
    province_code: str
    province_name: str
    region: str
    products: tuple[ProductFacts, ...]
    certificates: tuple[CertificateFacts, ...] = ()
    last_fair_name: str | None = None
    was_unexcused_no_show: bool = False
    quadrant: str = ""
    registered_on: datetime.date | None = None
    flags: frozenset[str] = frozenset()


def registered(facts):
    if not facts.is_active:
        return False, _("The group is not active in the registry.")
    if not facts.registration_no:
        return False, _("The group has no OTOP registration number.")
    return True, _("Registered OTOP group no. %(no)s.") % {"no": facts.registration_no}


def min_stars(facts, *, minimum):
    if not facts.products:
        return False, _("No products were entered.")
    short = []
    for product in facts.products:
        if product.stars is None:
            short.append(_("%(product)s has no star rating") % {"product": product.name})
        elif product.stars < minimum:
            short.append(
                _("%(product)s has %(stars)s stars")
                % {"product": product.name, "stars": product.stars}
            )
    if short:
        return False, _("At least %(min)s stars are needed: %(list)s.") % {
            "min": minimum,
            "list": ", ".join(short),
        }
    return True, _("Every product entered has at least %(min)s stars.") % {"min": minimum}


def certification(facts, *, accepted, categories, on_date, standard_names):
    """Each product of `categories` holds a certificate of any one accepted standard, valid on
    `on_date` (the fair's last day). `accepted(category)` gives the codes accepted for a category
    (the rule's own set, or that category's defaults); `standard_names` code → name."""
    needing = [p for p in facts.products if p.category in categories]
    if not needing:
        return True, _("No product entered needs a certificate.")
    problems = []
    for product in needing:
        codes = accepted(product.category)
        names = ", ".join(standard_names.get(code, code) for code in codes)
        held = [
            c
            for c in facts.certificates
            if c.standard in codes and c.product_id in (None, product.id)
        ]
        if not held:
            problems.append(
                _("%(product)s has no certificate of any of: %(names)s")
                % {"product": product.name, "names": names or "-"}
            )
        elif all(c.expires_on is not None and c.expires_on < on_date for c in held):
            latest = max(c.expires_on for c in held)
            problems.append(
                _("the certificate of %(product)s expired on %(date)s")
                % {"product": product.name, "date": reader_date(latest)}
            )
    if problems:
        return False, _("A valid certificate is required: %(list)s.") % {
            "list": ", ".join(problems)
        }
    return True, _("Every product that needs one holds a valid certificate.")


def standing(facts, *, quadrants, marks):
    """The group is in one of `quadrants` and every product entered carries one of `marks`
    (either set empty: not asked)."""
    problems = []
    if quadrants and facts.quadrant not in quadrants:
        problems.append(
            _("the group is in quadrant %(quadrant)s, not %(allowed)s")
            % {"quadrant": facts.quadrant or "-", "allowed": ", ".join(quadrants)}
        )
    if marks:
        problems += [
            _("%(product)s carries no accepted OTOP mark") % {"product": p.name}
            for p in facts.products
            if p.otop_mark not in marks
        ]
    if problems:
        return False, _("Not eligible: %(list)s.") % {"list": ", ".join(problems)}
    return True, _("Quadrant and OTOP marks as the fair asks.")


def area(facts, *, provinces, regions, province_names):
    if not provinces and not regions:
        return True, _("The fair is open to every province.")
    if facts.province_code in provinces or facts.region in regions:
        return True, _("%(province)s is within the fair's area.") % {
            "province": facts.province_name
        }
    allowed = [province_names.get(code, code) for code in provinces]
    allowed += [str(Region(r).label) for r in regions]
    return False, _("Only groups from %(area)s may apply; this group is in %(province)s.") % {
        "area": ", ".join(allowed),
        "province": facts.province_name,
    }


def no_show(facts):
    if facts.last_fair_name is None:
        return True, _("No booth at an earlier fair on record.")
    if facts.was_unexcused_no_show:
        return False, _("Did not show up at %(fair)s without an excuse.") % {
            "fair": facts.last_fair_name
        }
    return True, _("Attended %(fair)s as agreed.") % {"fair": facts.last_fair_name}


def registered_within(facts, *, years, on_date):
    """The group was registered no more than `years` years before `on_date` (the fair's first
    day): a zone for new producers."""
    if facts.registered_on is None:
        return False, _("The registry has no registration date for the group.")
    try:
        since = on_date.replace(year=on_date.year - years)
    except ValueError:  # 29 February
        since = on_date.replace(year=on_date.year - years, day=28)
    if facts.registered_on < since:
        return False, _("Registered on %(date)s, more than %(years)s years ago.") % {
            "date": reader_date(facts.registered_on),
            "years": years,
        }
    return True, _("Registered on %(date)s, within the last %(years)s years.") % {
        "date": reader_date(facts.registered_on),
        "years": years,
    }


def flagged(facts, *, flag, label):
    if flag in facts.flags:
        return True, _("Recorded by an officer as: %(flag)s.") % {"flag": label}
    return False, _("Only for groups an officer has recorded as: %(flag)s.") % {"flag": label}


def zone_rule(facts, rule, *, category, on_date, category_label, flag_label):
    """Whether the applicant, competing in `category`, may be seated in the zone of `rule` (a
    ZoneRule's fields), and the reasons in one sentence."""
    outcomes = []
    if rule.categories and category is not None and category not in rule.categories:
        outcomes.append(
            (False, _("The zone is not for %(category)s.") % {"category": category_label})
        )
    if rule.min_stars:
        outcomes.append(min_stars(facts, minimum=rule.min_stars))
    if rule.quadrants or rule.marks:
        outcomes.append(standing(facts, quadrants=rule.quadrants, marks=rule.marks))
    if rule.registered_within_years:
        outcomes.append(
            registered_within(facts, years=rule.registered_within_years, on_date=on_date)
        )
    if rule.flag:
        outcomes.append(flagged(facts, flag=rule.flag, label=flag_label))
    failed = [reason for passed, reason in outcomes if not passed]
    if failed:
        return False, " ".join(failed)
    return True, " ".join(reason for _p, reason in outcomes) or _("The zone is open to everyone.")


DEFAULT_CERTIFIED_CATEGORIES = [Category.FOOD, Category.BEVERAGE]
