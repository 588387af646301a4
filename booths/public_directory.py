"""The shoppers' directory of a published fair: search, the floor plan with matches highlighted,
and a booth's page from the map.

A search only ever matches what the group made public: products and categories of groups that
show their products or stories, provinces of groups that show their place, stars of groups that
show their ratings. Group names and booth codes are public by nature.
"""

from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from otop_fair.thai_text import normalise_text
from producers.models import Category, Product, Province, StarRating, stars_expression

from .models import Assignment, AssignmentStatus

MAX_ROWS = 60
STAR_CHOICES = [("", _("Any stars"))] + [(str(n), f"{n}★+") for n in range(1, 6)]


class DirectorySearchForm(forms.Form):
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


def public_plan(fair, highlighted):
    """Every booth of the fair as a rectangle; `highlighted` booth ids stand out."""
    booths = fair.booths.values_list("id", "code", "x", "y", "w", "h", "zone__color")
    shapes = [
        {"code": c, "x": x, "y": y, "w": w, "h": h, "color": color, "on": pk in highlighted}
        for pk, c, x, y, w, h, color in booths.order_by("code")
    ]
    width = max((s["x"] + s["w"] for s in shapes), default=100) + 10
    height = max((s["y"] + s["h"] for s in shapes), default=100) + 10
    return {"booths": shapes, "width": width, "height": height, "has_highlight": bool(highlighted)}


def directory(fair, query):
    form = DirectorySearchForm(query or None)
    search = form.cleaned_data if form.is_valid() else {}
    searching = any(search.values())
    found = _matches(_holders(fair), search)
    highlighted = set(found.values_list("booth_id", flat=True)) if searching else set()
    return {
        "fair": fair,
        "form": form,
        "searching": searching,
        "rows": _rows(found),
        "count": found.count(),
        "plan": public_plan(fair, highlighted),
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
