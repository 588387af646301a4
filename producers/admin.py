"""Admin for the registry: a fallback for superusers; officers work in the app's own pages."""

from django import forms
from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from otop_fair.forms import ThaiModelForm
from otop_fair.thai import BUDDHIST_ERA_OFFSET
from otop_fair.thai_dates import BuddhistDateField, BuddhistDateInput
from producers.models import (
    Certification,
    ProducerGroup,
    Product,
    ProductPhoto,
    QualityStandard,
    RatingRound,
    StarRating,
    Visit,
)

# The admin's own date widget and calendar are Christian-era only.
BUDDHIST_DATES = {models.DateField: {"form_class": BuddhistDateField, "widget": BuddhistDateInput}}


@admin.register(ProducerGroup)
class ProducerGroupAdmin(SimpleHistoryAdmin):
    list_display = ["name", "registration_no", "group_type", "province", "is_active"]
    list_filter = ["group_type", "is_active", "province"]
    search_fields = ["name", "registration_no", "contact_name"]
    raw_id_fields = ["subdistrict", "members"]
    formfield_overrides = BUDDHIST_DATES


@admin.register(Product)
class ProductAdmin(SimpleHistoryAdmin):
    list_display = ["name", "group", "category", "is_active"]
    list_filter = ["category", "is_active"]
    search_fields = ["name", "group__name", "group__registration_no"]
    raw_id_fields = ["group"]


class RatingRoundForm(ThaiModelForm):
    """The round's year is typed in the Buddhist era; the model keeps the Christian-era year."""

    year = forms.IntegerField(label=_("year (B.E.)"), min_value=2500, max_value=2700)

    class Meta:
        model = RatingRound
        fields = [
            "year",
            "valid_from",
            "valid_until",
            "five_star_min",
            "four_star_min",
            "three_star_min",
            "two_star_min",
        ]
        field_classes = {"valid_from": BuddhistDateField, "valid_until": BuddhistDateField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["year"] = self.instance.year + BUDDHIST_ERA_OFFSET

    def clean_year(self):
        return self.cleaned_data["year"] - BUDDHIST_ERA_OFFSET


@admin.register(RatingRound)
class RatingRoundAdmin(admin.ModelAdmin):
    form = RatingRoundForm
    formfield_overrides = BUDDHIST_DATES
    list_display = [
        "__str__",
        "valid_from",
        "valid_until",
        "five_star_min",
        "four_star_min",
        "three_star_min",
        "two_star_min",
    ]


@admin.register(StarRating)
class StarRatingAdmin(SimpleHistoryAdmin):
    list_display = ["product", "round", "stars", "score", "certificate_no"]
    list_filter = ["round"]
    raw_id_fields = ["product"]


@admin.register(Certification)
class CertificationAdmin(SimpleHistoryAdmin):
    list_display = ["group", "standard", "number", "expires_on"]
    list_filter = ["standard"]
    raw_id_fields = ["group", "product"]
    formfield_overrides = BUDDHIST_DATES


@admin.register(Visit)
class VisitAdmin(SimpleHistoryAdmin):
    list_display = ["group", "officer", "visited_on", "follow_up_status", "follow_up_due"]
    list_filter = ["follow_up_status"]
    raw_id_fields = ["group", "officer"]
    formfield_overrides = BUDDHIST_DATES


@admin.register(ProductPhoto)
class ProductPhotoAdmin(admin.ModelAdmin):
    list_display = ["product", "position", "created_at"]
    raw_id_fields = ["product", "uploaded_by"]
    fields = ["product", "position", "caption"]
    readonly_fields = ["product", "position"]


@admin.register(QualityStandard)
class QualityStandardAdmin(SimpleHistoryAdmin):
    """Officers extend the list of standards here (GAP, HACCP, Q, …) without a code change."""

    list_display = ["name", "code", "default_for"]
    search_fields = ["name", "code"]
