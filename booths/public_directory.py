"""The shoppers' directory of a published fair: search, the floor plan with matches highlighted,
and a booth's page from the map.

A search only ever matches what the group made public: products and categories of groups that
show their products or stories, provinces of groups that show their place, stars of groups that
show their ratings. Group names and booth codes are public by nature.
"""

from urllib.parse import quote

from django import forms
from django.core.cache import cache
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from otop_fair.forms import ThaiForm
from otop_fair.public_pages import CACHE_SECONDS, VERSION_KEY
from otop_fair.shared_cache import computed_once
from otop_fair.thai_text import normalise_text
from producers.models import Category, Product, Province, StarRating, stars_expression

from .models import Assignment, AssignmentStatus

MAX_ROWS = 60
STAR_CHOICES = [("", _("Any stars"))] + [(str(n), f"{n}★+") for n in range(1, 6)]


class DirectorySearchForm(ThaiForm):
    q = forms.CharField(label=_("Product or group"), required=False, max_length=100)
    category = forms.ChoiceField(
        label=_("Category"), required=False, choices=[("", _("Any category")), *Category.choices]
    )
    province = forms.ChoiceField(label=_("Province"), required=False)
    stars = forms.ChoiceField(label=_("Stars"), required=False, choices=STAR_CHOICES)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        provinces = Province.objects.order_by("sort_name").values_list("code", "name_th")
        self.fields["province"].choices = [("", _("Any province")), *provinces]

    def clean_q(self):
        return normalise_text(self.cleaned_data["q"]).strip()


def _shows_products():
    profile = "application__group__public_profile__"
    return Q(**{f"{profile}show_products": True}) | Q(**{f"{profile}show_story": True})


def _products(**lookups):
    return Exists(
        Product.objects.filter(group=OuterRef("application__group"), is_active=True, **lookups)
    )


def _matches(holders, search):
    """The holders the search finds, through public fields only."""
    profile = "application__group__public_profile__"
    if search.get("q"):
        q = search["q"]
        holders = holders.filter(
            Q(application__group__name__icontains=q)
            | (_shows_products() & _products(name__icontains=q))
        )
    if search.get("category"):
        holders = holders.filter(_shows_products() & _products(category=search["category"]))
    if search.get("province"):
        holders = holders.filter(
            **{f"{profile}show_location": True}, application__group__province=search["province"]
        )
    if search.get("stars"):
        rated = StarRating.objects.filter(product__group=OuterRef("application__group"))
        rated = rated.annotate(level=stars_expression()).filter(level__gte=int(search["stars"]))
        holders = holders.filter(Exists(rated), **{f"{profile}show_ratings": True})
    return holders


def _holders(fair):
    return Assignment.objects.filter(fair=fair, status=AssignmentStatus.ACTIVE).exclude(
        application__group__public_profile__is_hidden=True
    )


def _rows(holders):
    rows = holders.select_related("booth", "application__group__public_profile")
    return [
        {
            "code": h.booth.code,
            "name": h.application.group.name,
            "slug": getattr(getattr(h.application.group, "public_profile", None), "slug", None),
        }
        for h in rows.order_by("booth__code")[:MAX_ROWS]
    ]


def _booth_link(base, code, x, y, w, h, css=""):
    return format_html(
        '<a href="{}{}/"><rect{} x="{}" y="{}" width="{}" height="{}"/></a>',
        base, quote(code, safe=""), css, x, y, w, h,
    )  # fmt: skip


def _base_plan(fair):
    """Every booth of the fair as a linked rectangle, zone by zone (the same for every search)."""
    base = reverse("public:booth", args=[fair.pk, "-"])[:-2]
    booths = list(
        fair.booths.order_by("zone__code", "code").values_list(
            "zone__color", "code", "x", "y", "w", "h"
        )
    )
    zones = {}
    for color, *booth in booths:
        zones.setdefault(color, []).append(_booth_link(base, *booth))
    parts = [
        format_html('<g fill="{}">', color) + "".join(links) + "</g>"
        for color, links in zones.items()
    ]
    width = max((x + w for _c, _code, x, _y, w, _h in booths), default=100) + 10
    height = max((y + h for _c, _code, _x, y, _w, h in booths), default=100) + 10
    return {"booths": "".join(parts), "width": width, "height": height, "base": base}


def public_plan(fair, highlighted):
    """The fair's floor plan as SVG; the booths in `highlighted` (ids) stand out on top."""
    plan = computed_once(
        f"public-plan:{fair.pk}:{cache.get(VERSION_KEY, 0)}",
        lambda: _base_plan(fair),
        timeout=CACHE_SECONDS,
    )
    hits = fair.booths.filter(pk__in=highlighted).values_list("code", "x", "y", "w", "h")
    match = mark_safe(' class="match"')
    overlay = "".join(_booth_link(plan["base"], *b, css=match) for b in hits)
    faded = ' opacity=".3"' if highlighted else ""
    return format_html(
        '<svg viewBox="0 0 {} {}" role="img" aria-label="{}" xmlns="http://www.w3.org/2000/svg">'
        "<g{}>{}</g>{}</svg>",
        plan["width"], plan["height"], _("Floor plan"), mark_safe(faded),
        mark_safe(plan["booths"]), mark_safe(overlay),
    )  # fmt: skip


def directory(fair, query):
    """The search form, what it found (the first MAX_ROWS by booth code) and the plan.

    The search runs once: its booth ids give the count, the highlights and the rows shown.
    """
    form = DirectorySearchForm(query or None)
    search = form.cleaned_data if form.is_valid() else {}
    searching = any(search.values())
    found = _matches(_holders(fair), search).order_by("booth__code")
    booth_ids = list(found.values_list("booth_id", flat=True))
    shown = _holders(fair).filter(booth_id__in=booth_ids[:MAX_ROWS])
    return {
        "fair": fair,
        "form": form,
        "searching": searching,
        "rows": _rows(shown),
        "count": len(booth_ids),
        "plan": public_plan(fair, set(booth_ids) if searching else set()),
    }


def booth_page(fair, code):
    booth = fair.booths.filter(code=code).select_related("zone").first()
    if booth is None:
        return None
    holder = _rows(_holders(fair).filter(booth=booth))
    return {
        "fair": fair,
        "booth": booth,
        "holder": holder[0] if holder else None,
        "plan": public_plan(fair, {booth.pk}),
    }
