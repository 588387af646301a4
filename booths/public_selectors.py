"""What the public story pages show: only what each group switched on, as plain dicts.

The templates receive nothing but these dicts, so a field that is switched off is never in a
page's context, let alone in its HTML. Group names and booth codes are public by nature (they are
printed on the booth card at the hall); everything else follows the group's switches.
"""

from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import get_language

from otop_fair.thai import baht, thai_date
from producers.models import (
    Certification,
    CertificationStatus,
    ProductPhoto,
    PublicProfile,
    StarRating,
)

from .models import Assignment, AssignmentStatus, FairState

# Fairs whose booths are published: their holders and the map are public.
PUBLISHED_FAIR_STATES = (FairState.ALLOCATED, FairState.RUNNING)


def visible_profile(slug):
    """The public settings behind a public address, or None (unknown, hidden or inactive)."""
    return (
        PublicProfile.objects.select_related("group__subdistrict__district", "group__province")
        .filter(slug=slug, is_hidden=False, group__is_active=True)
        .first()
    )


def current_booth(group):
    """The booth the group holds at a published or running fair, as the page shows it."""
    holding = (
        Assignment.objects.filter(
            application__group=group,
            status=AssignmentStatus.ACTIVE,
            fair__state__in=PUBLISHED_FAIR_STATES,
        )
        .select_related("booth__zone", "fair")
        .order_by("fair__start_date", "pk")
        .first()
    )
    if holding is None:
        return None
    fair = holding.fair
    return {
        "code": holding.booth.code,
        "zone": holding.booth.zone.name,
        "fair": fair.name,
        "venue": fair.venue,
        "dates": f"{thai_date(fair.start_date)} – {thai_date(fair.end_date)}",
        "url": reverse("public:booth", args=[fair.pk, holding.booth.code]),
    }


def _location(group):
    district = group.subdistrict.district
    if get_language() == "en":
        return f"{district.name_en}, {group.province.name_en}"
    return f"อ.{district.name_th} จ.{group.province.name_th}"


def _certificates(certifications):
    return [
        {
            "standard": c.standard.name,
            "number": c.number,
            "expires_on": thai_date(c.expires_on) if c.expires_on else "",
            "status": str(c.status),
            "status_label": CertificationStatus(c.status).label,
        }
        for c in certifications
    ]


def _price(product):
    low, high = product.price_min, product.price_max
    if low is None and high is None:
        return ""
    text = baht(low if low is not None else high)
    if low is not None and high is not None and high != low:
        text = f"{baht(low)} – {baht(high)}"
    return f"{text} / {product.unit}" if product.unit else text


def _product(product, profile):
    """One product as the public sees it under the group's switches."""
    item = {
        "name": product.name,
        "name_en": product.name_en,
        "category": product.get_category_display(),
        "url": reverse("public:product", args=[profile.slug, product.public_slug]),
    }
    if profile.show_story:
        stories = (product.story_origin, product.story_wisdom, product.story_materials)
        item["story"] = [s for s in (*stories, product.story_people) if s]
        item["story_en"] = product.story_en
    if profile.show_products:
        item["description"] = product.description
        item["price"] = _price(product)
        item["photos"] = [
            reverse("public:photo", args=[profile.slug, product.public_slug, p.position])
            for p in product.photos.all()
        ]
    if profile.show_ratings:
        item["ratings"] = [
            {"round": str(r.round), "stars": r.stars, "certificate_no": r.certificate_no}
            for r in product.ratings.all()
        ]
        item["certificates"] = _certificates(product.certifications.all())
    return item


def _public_products(group):
    return group.products.filter(is_active=True).prefetch_related(
        Prefetch("ratings", queryset=StarRating.objects.select_related("round")),
        "photos",
        Prefetch("certifications", queryset=Certification.objects.select_related("standard")),
    )


def shows_products(profile):
    return profile.show_story or profile.show_products


def group_story(profile):
    """The group's public page: its name, booth, and what it switched on."""
    group = profile.group
    page = group_story_header(profile)
    if shows_products(profile):
        page["products"] = [_product(p, profile) for p in _public_products(group)]
    if profile.show_ratings:
        group_certificates = Certification.objects.filter(group=group, product=None).select_related(
            "standard"
        )
        page["certificates"] = _certificates(group_certificates)
    return page


def product_story(profile, product_slug):
    """A product's public page, or None when the group shows no products or has no such one."""
    if not shows_products(profile):
        return None
    product = _public_products(profile.group).filter(public_slug=product_slug).first()
    if product is None:
        return None
    page = group_story_header(profile)
    page["product"] = _product(product, profile)
    return page


def group_story_header(profile):
    """What a product page repeats of its group: name, place, contact, booth."""
    page = {"name": profile.group.name, "slug": profile.slug}
    page["booth"] = current_booth(profile.group)
    if profile.show_location:
        page["location"] = _location(profile.group)
    if profile.show_contact and profile.contact_channel:
        page["contact"] = profile.contact_channel
    return page


def public_photo(profile, product_slug, position):
    """A photo of a product the group shows with photos, or None."""
    if not profile.show_products:
        return None
    return ProductPhoto.objects.filter(
        product__group=profile.group,
        product__is_active=True,
        product__public_slug=product_slug,
        position=position,
    ).first()
