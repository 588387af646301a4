"""Forms of the registry: they turn input into clean values with Thai messages."""

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db.models.functions import Lower
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from otop_fair.form_keys import FormKeyField
from otop_fair.forms import ThaiForm, ThaiModelForm, ThaiPhoneField
from otop_fair.rules import districts_kept_by, provinces_kept_by
from otop_fair.thai_dates import BuddhistDateField
from otop_fair.thai_text import normalise_text
from otop_fair.uploads import validate_and_reencode_image
from producers.models import (
    MAX_PHOTOS_PER_PRODUCT,
    PUBLIC_SWITCHES,
    Category,
    Certification,
    CertificationStatus,
    District,
    OtopMark,
    ProducerGroup,
    Product,
    Province,
    PublicProfile,
    Quadrant,
    RatingRound,
    StarRating,
    Subdistrict,
    Visit,
)
from producers.selectors import SORTS, GroupFilters


def provinces_for(user):
    """Provinces an officer may register groups in: their office's (a district officer's districts
    lie in theirs)."""
    if user.is_authenticated and user.is_district_officer:
        return Province.objects.filter(districts__in=districts_kept_by(user)).distinct()
    return provinces_kept_by(user)


def districts_for(user, province):
    """The province's districts an officer may register groups in (a district officer: theirs)."""
    districts = District.objects.filter(province_id=province)
    if user.is_authenticated and user.is_district_officer:
        districts = districts.filter(pk__in=districts_kept_by(user).values("pk"))
    return districts


class AddressForm(ThaiForm):
    """Province → district → subdistrict; each choice narrows the next (re-rendered by htmx)."""

    province = forms.ModelChoiceField(queryset=Province.objects.none(), label=_("Province"))
    district = forms.ModelChoiceField(queryset=District.objects.none(), label=_("District"))
    subdistrict = forms.ModelChoiceField(
        queryset=Subdistrict.objects.none(), label=_("Subdistrict")
    )

    def setup_address(self, user, subdistrict=None):
        hx = {
            "hx-get": reverse_lazy("producers:address_fields"),
            "hx-target": "#address-fields",
            "hx-swap": "outerHTML",
            "hx-include": "#address-fields",
            "hx-trigger": "change",
        }
        self.fields["province"].queryset = provinces_for(user)
        self.fields["province"].widget.attrs.update(hx)
        self.fields["district"].widget.attrs.update(hx)
        province = self._chosen("province", subdistrict and subdistrict.district.province_id)
        district = self._chosen("district", subdistrict and subdistrict.district_id)
        # Official codes nest: a district's code starts with its province's code.
        if district and not (province and str(district).startswith(str(province))):
            district = None
            self.initial.pop("district", None)
        if province:
            self.fields["district"].queryset = districts_for(user, province)
        if district:
            self.fields["subdistrict"].queryset = Subdistrict.objects.filter(district_id=district)
        if subdistrict is not None:
            self.initial.setdefault("province", subdistrict.district.province_id)
            self.initial.setdefault("district", subdistrict.district_id)

    def _chosen(self, name, fallback):
        if self.is_bound:
            return self.data.get(self.add_prefix(name)) or None
        return self.initial.get(name) or fallback

    def clean(self):
        cleaned = super().clean()
        province, district = cleaned.get("province"), cleaned.get("district")
        subdistrict = cleaned.get("subdistrict")
        if district and province and district.province_id != province.pk:
            self.add_error("district", _("This district is not in the chosen province."))
        if subdistrict and district and subdistrict.district_id != district.pk:
            self.add_error("subdistrict", _("This subdistrict is not in the chosen district."))
        return cleaned


class GroupForm(AddressForm, ThaiModelForm):
    """What an officer keeps about a group, including its registration and member accounts."""

    member_usernames = forms.CharField(
        label=_("Member accounts"),
        required=False,
        max_length=2000,
        help_text=_("Usernames of the producers who keep this group, separated by commas."),
    )

    class Meta:
        model = ProducerGroup
        fields = [
            "name",
            "group_type",
            "registration_no",
            "contact_name",
            "phone",
            "line_id",
            "address",
            "subdistrict",
            "is_active",
            "registered_on",
            "quadrant",
        ]
        field_classes = {"phone": ThaiPhoneField, "registered_on": BuddhistDateField}

    field_order = [
        *Meta.fields[:7],
        "province",
        "district",
        "subdistrict",
        "is_active",
        "registered_on",
        "quadrant",
    ]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # Only groups taken from open data may lack a number, and only until an officer edits them.
        self.fields["registration_no"].required = True
        self.setup_address(user, self.instance.subdistrict if self.instance.pk else None)
        if self.instance.pk:
            self.initial["member_usernames"] = ", ".join(
                u.username for u in self.instance.members.all()
            )

    def clean_member_usernames(self):
        # Usernames sign in whatever their capitals (otop_fair.accounts.login), so they match so.
        names = {
            n.strip().lower() for n in self.cleaned_data["member_usernames"].split(",") if n.strip()
        }
        producers = get_user_model().objects.filter(role="producer")
        users = list(producers.annotate(key=Lower("username")).filter(key__in=names))
        missing = names - {u.username.lower() for u in users}
        if missing:
            raise ValidationError(
                _("No producer account with these usernames: %(names)s"),
                params={"names": ", ".join(sorted(missing))},
            )
        return users


class GroupContactForm(ThaiModelForm):
    """What a producer keeps about their own group."""

    class Meta:
        model = ProducerGroup
        fields = ["contact_name", "phone", "line_id", "address"]
        field_classes = {"phone": ThaiPhoneField}


class ProductForm(ThaiModelForm):
    client_key = FormKeyField()

    class Meta:
        model = Product
        fields = [
            "name",
            "category",
            "description",
            "price_min",
            "price_max",
            "unit",
            "story_origin",
            "story_wisdom",
            "story_materials",
            "story_people",
            "name_en",
            "story_en",
            "is_active",
            "otop_mark",
        ]
        widgets = {
            name: forms.Textarea(attrs={"rows": 3})
            for name in ("description", "story_origin", "story_wisdom", "story_materials")
        } | {
            "story_people": forms.Textarea(attrs={"rows": 3}),
            "story_en": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, can_set_mark=False, **kwargs):
        super().__init__(*args, **kwargs)
        # The OTOP mark is the department's award: officers record it, producers only see it.
        if not can_set_mark:
            del self.fields["otop_mark"]
        for name in ("price_min", "price_max"):
            self.fields[name].validators.append(
                MinValueValidator(0, message=_("A price cannot be below zero."))
            )
            self.fields[name].widget.attrs["min"] = 0

    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("price_min"), cleaned.get("price_max")
        if low is not None and high is not None and high < low:
            self.add_error("price_max", _("The highest price cannot be below the lowest price."))
        return cleaned


class PhotoForm(ThaiForm):
    client_key = FormKeyField()
    photo = forms.FileField(label=_("Photo"), help_text=_("JPEG, PNG or WebP, up to 10 MB."))
    caption = forms.CharField(label=_("Caption"), max_length=200, required=False)

    def __init__(self, *args, product=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.product = product

    def clean_photo(self):
        # Count first: a ninth photo is refused before a single pixel of it is decoded.
        if self.product is not None and self.product.photos.count() >= MAX_PHOTOS_PER_PRODUCT:
            raise forms.ValidationError(
                _("A product can have at most 8 photos. Remove one before adding another."),
                code="too_many_photos",
            )
        full, thumbnail = validate_and_reencode_image(self.cleaned_data["photo"])
        self.cleaned_data["thumbnail"] = thumbnail
        return full


class VisitForm(ThaiModelForm):
    client_key = FormKeyField()

    class Meta:
        model = Visit
        fields = [
            "visited_on",
            "met_with",
            "problems_heard",
            "advice",
            "follow_up",
            "follow_up_due",
        ]
        field_classes = {"visited_on": BuddhistDateField, "follow_up_due": BuddhistDateField}
        widgets = {
            "problems_heard": forms.Textarea(attrs={"rows": 3}),
            "advice": forms.Textarea(attrs={"rows": 3}),
            "follow_up": forms.Textarea(attrs={"rows": 2}),
        }

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("follow_up") and not cleaned.get("follow_up_due"):
            self.add_error("follow_up_due", _("Give a due date for the follow-up."))
        visited, due = cleaned.get("visited_on"), cleaned.get("follow_up_due")
        # A slipped month or year (31/12 for 1/12) made a visit that has not happened yet the
        # group's latest one, and a follow-up due before the visit that asked for it.
        if visited and visited > timezone.localdate():
            self.add_error("visited_on", _("The visit date cannot be after today."))
        elif visited and due and due < visited:
            self.add_error("follow_up_due", _("The follow-up cannot be due before the visit."))
        return cleaned


class RatingForm(ThaiModelForm):
    round = forms.ModelChoiceField(
        queryset=RatingRound.objects.all(), label=pgettext_lazy("star rating round", "Round")
    )

    class Meta:
        model = StarRating
        fields = ["product", "round", "stars", "score", "certificate_no"]

    def __init__(self, *args, group, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["product"].queryset = group.products.all()


class CertificationForm(ThaiModelForm):
    client_key = FormKeyField()

    class Meta:
        model = Certification
        fields = ["standard", "number", "product", "issued_on", "expires_on"]
        field_classes = {"issued_on": BuddhistDateField, "expires_on": BuddhistDateField}

    def __init__(self, *args, group, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["product"].queryset = group.products.all()

    def clean(self):
        cleaned = super().clean()
        issued, expires = cleaned.get("issued_on"), cleaned.get("expires_on")
        if issued and expires and expires < issued:
            self.add_error("expires_on", _("The expiry date cannot be before the issue date."))
        return cleaned


STAR_CHOICES = [("", _("Any stars"))] + [(str(n), "★" * n + " +") for n in range(5, 0, -1)]
SORT_CHOICES = [
    ("name", _("Name (ก–ฮ)")),
    ("-name", _("Name (ฮ–ก)")),
    ("registration", _("Registration no.")),
    ("province", _("Province")),
    ("-updated", _("Recently updated")),
]


class GroupFilterForm(ThaiForm):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    province = forms.ModelChoiceField(
        queryset=Province.objects.none(),
        required=False,
        label=_("Province"),
        empty_label=_("All provinces"),
    )
    district = forms.ModelChoiceField(
        queryset=District.objects.none(),
        required=False,
        label=_("District"),
        empty_label=_("All districts"),
    )
    category = forms.ChoiceField(
        choices=[("", _("Any category")), *Category.choices], required=False, label=_("Category")
    )
    stars = forms.TypedChoiceField(
        choices=STAR_CHOICES, coerce=int, empty_value=None, required=False, label=_("Stars")
    )
    certification = forms.ChoiceField(
        choices=[("", _("Any certificate")), *CertificationStatus.choices],
        required=False,
        label=_("Certificates"),
    )
    quadrant = forms.ChoiceField(
        choices=[("", _("Any quadrant")), *Quadrant.choices], required=False, label=_("Quadrant")
    )
    mark = forms.ChoiceField(
        choices=[("", _("Any OTOP mark")), *OtopMark.choices], required=False, label=_("OTOP mark")
    )
    round = forms.ModelChoiceField(
        queryset=RatingRound.objects.all(),
        required=False,
        label=pgettext_lazy("star rating round", "Rated in round"),
        empty_label=_("Any round"),
    )
    registration_year = forms.IntegerField(
        label=_("Registered in (B.E. year)"), required=False, min_value=2400, max_value=2700
    )
    fiscal_year = forms.IntegerField(
        label=_("Registered in fiscal year (B.E.)"),
        required=False,
        min_value=2400,
        max_value=2700,
        help_text=_("October of the year before to September."),
    )
    sort = forms.ChoiceField(choices=SORT_CHOICES, required=False, label=_("Sort by"))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].queryset = provinces_for(user)
        province = self.data.get("province")
        if province:
            self.fields["district"].queryset = District.objects.filter(province_id=province)
        for name, form_field in self.fields.items():
            is_typed = name in ("q", "registration_year", "fiscal_year")
            form_field.widget.attrs["class"] = "form-control" if is_typed else "form-select"
        self.fields["province"].widget.attrs.update(
            {
                "hx-get": reverse_lazy("producers:district_options"),
                "hx-target": "#id_district",
                "hx-trigger": "change",
            }
        )

    def filters(self):
        """The valid part of the query: a bad value drops only that filter."""
        if not self.is_bound:
            return GroupFilters()
        self.is_valid()
        data = self.cleaned_data
        province, district = data.get("province"), data.get("district")
        return GroupFilters(
            q=(data.get("q") or "").strip(),
            province=province.pk if province else "",
            district=district.pk if district else "",
            category=data.get("category") or "",
            min_stars=data.get("stars"),
            certification=data.get("certification") or "",
            quadrant=data.get("quadrant") or "",
            mark=data.get("mark") or "",
            round_id=data["round"].pk if data.get("round") else None,
            registration_year=data.get("registration_year"),
            fiscal_year=data.get("fiscal_year"),
            sort=data.get("sort") if data.get("sort") in SORTS else "name",
        )


class ImportForm(ThaiForm):
    file = forms.FileField(
        label=_("Spreadsheet"), help_text=_("Excel (.xlsx) or CSV, one row per group and product.")
    )


class PublicProfileForm(ThaiModelForm):
    """The group's own choice of what the public sees; every switch starts off."""

    class Meta:
        model = PublicProfile
        fields = [*PUBLIC_SWITCHES, "contact_channel"]

    def clean_contact_channel(self):
        return normalise_text(self.cleaned_data["contact_channel"]).strip()


class HidePublicPageForm(ThaiForm):
    reason = forms.CharField(
        label=_("Why the page breaks the fair's rules"), max_length=300, strip=True
    )

    def clean_reason(self):
        reason = normalise_text(self.cleaned_data["reason"]).strip()
        if not reason:
            raise ValidationError(_("Please give the reason."))
        return reason
