"""Forms of the booths app: they turn input into clean values; the services decide."""

from decimal import Decimal

from django import forms
from django.contrib.auth import get_user_model
from django.forms.models import ModelChoiceIterator
from django.utils.translation import gettext_lazy as _

from booths.models import Booth, BoothType, EligibilityRule, Fair, RuleKind, Zone
from booths.rule_fields import marks_field, min_stars_field, quadrants_field
from booths.services.applications import competing_category
from booths.services.floor import UNITS_PER_METRE
from otop_fair.areas import acts_on_every_province, provinces_kept_by
from otop_fair.form_keys import FormKeyField
from otop_fair.forms import ThaiForm, ThaiModelForm
from otop_fair.free_text import REASON_LENGTH, BoundedTextField
from otop_fair.thai_dates import BuddhistDateField
from otop_fair.thai_text import normalise_text
from producers.models import (
    Category,
    District,
    ProducerGroup,
    Province,
    QualityStandard,
    Region,
)

FAIR_DATES = ("start_date", "end_date", "applications_open_on", "applications_close_on")


class FairForm(ThaiModelForm):
    client_key = FormKeyField()

    class Meta:
        model = Fair
        fields = [
            "name",
            "venue",
            "province",
            "start_date",
            "end_date",
            "applications_open_on",
            "applications_close_on",
            "booth_count",
            "rubric_shared",
            "scoring_deadline",
            "is_blind_review",
            "level",
            "nomination_deadline",
            "appeal_deadline",
        ]
        field_classes = dict.fromkeys(
            (*FAIR_DATES, "scoring_deadline", "nomination_deadline", "appeal_deadline"),
            BuddhistDateField,
        )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        if not user.is_superuser:
            self.fields["province"].queryset = provinces_kept_by(user)
        # Only the head office creates and runs national fairs (issue 18).
        if not acts_on_every_province(user):
            self.fields["level"].disabled = True
        if self.instance.are_dates_locked:
            for name in FAIR_DATES:
                self.fields[name].disabled = True
                self.fields[name].help_text = _("The dates of a running or closed fair are fixed.")


class ZoneForm(ThaiModelForm):
    constraint_messages = {
        "zone_code_unique_in_fair": _("This fair already has a zone with this code."),
    }

    class Meta:
        model = Zone
        fields = ["code", "name", "color"]
        widgets = {"color": forms.TextInput(attrs={"type": "color"})}


class MetresField(forms.DecimalField):
    """A distance in metres, kept to the plan's 10 cm: "2.50" is 2.5, "2.55" is refused."""

    def to_python(self, value):
        value = super().to_python(value)
        if value is not None and value.is_finite() and abs(value) < 10**9:
            tenths = value.quantize(Decimal("0.1"))
            value = tenths if tenths == value else value
        return value


def _metres(label, *, minimum=0, help_text=""):
    return MetresField(
        label=label, min_value=minimum, max_value=10_000, decimal_places=1, help_text=help_text,
        widget=forms.NumberInput(attrs={"step": "0.1", "inputmode": "decimal"}),
    )  # fmt: skip


class BoothGridForm(ThaiForm):
    """A row-by-row grid of booths such as A01–A40."""

    zone = forms.ModelChoiceField(queryset=Zone.objects.none(), label=_("zone"))
    prefix = forms.CharField(label=_("code prefix"), max_length=5, initial="A")
    first = forms.IntegerField(label=_("first number"), min_value=1, max_value=99999, initial=1)
    last = forms.IntegerField(label=_("last number"), min_value=1, max_value=99999, initial=40)
    digits = forms.IntegerField(label=_("digits"), min_value=1, max_value=4, initial=2)
    per_row = forms.IntegerField(label=_("booths per row"), min_value=1, max_value=100, initial=10)
    origin_x = MetresField(
        label=_("distance from the plan's left edge (m)"),
        min_value=0, max_value=10_000, decimal_places=1, required=False,
        help_text=_("Leave both distances empty to place the booths below the plan."),
    )  # fmt: skip
    origin_y = MetresField(
        label=_("distance from the plan's top edge (m)"),
        min_value=0, max_value=10_000, decimal_places=1, required=False,
    )  # fmt: skip
    booth_type = forms.ChoiceField(label=_("booth type"), choices=BoothType.choices)
    allowed_categories = forms.MultipleChoiceField(
        label=_("allowed categories"),
        choices=Category.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave empty to allow every category."),
    )
    has_electricity = forms.BooleanField(label=_("electricity"), required=False)

    def __init__(self, *args, fair, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["zone"].queryset = fair.zones.all()

    def clean(self):
        data = super().clean()
        if data.get("first") and data.get("last") and data["last"] < data["first"]:
            self.add_error("last", _("The last number cannot be below the first."))
        elif data.get("first") and data.get("last") and data["last"] - data["first"] >= 2000:
            self.add_error("last", _("At most 2,000 booths at a time."))
        return data

    def grid(self):
        """The service's arguments: distances in metres become plan units."""
        data = dict(self.cleaned_data)
        for name in ("origin_x", "origin_y"):
            if data[name] is not None:
                data[name] = int(data[name] * UNITS_PER_METRE)
        return data

    @property
    def booth_total(self):
        return self.cleaned_data["last"] - self.cleaned_data["first"] + 1


class BoothForm(ThaiModelForm):
    """A booth; its place and size on the plan typed in metres (stored in plan units of 10 cm)."""

    constraint_messages = {
        "booth_code_unique_in_fair": _("This fair already has a booth with this code."),
        "booth_has_size": _("A booth's width and height must be above zero."),
        "booth_rotation_under_a_turn": _("The angle is 0 to 359 degrees."),
    }
    PLAN_FIELDS = {"x_m": "x", "y_m": "y", "w_m": "w", "h_m": "h"}

    x_m = _metres(_("distance from the plan's left edge (m)"))
    y_m = _metres(_("distance from the plan's top edge (m)"))
    w_m = _metres(_("width on the plan (m)"), minimum=Decimal("0.1"))
    h_m = _metres(_("depth on the plan (m)"), minimum=Decimal("0.1"))
    allowed_categories = forms.MultipleChoiceField(
        label=_("allowed categories"),
        choices=Category.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    rotation = forms.IntegerField(
        label=_("angle on the plan (degrees, clockwise)"),
        min_value=0,
        max_value=359,
        help_text=_("0 is upright; 90 turns the booth a quarter."),
    )

    class Meta:
        model = Booth
        fields = [
            "code",
            "zone",
            "booth_type",
            "allowed_categories",
            "has_electricity",
            "is_corner",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["zone"].queryset = self.instance.fair.zones.all()
        for name, unit_field in self.PLAN_FIELDS.items():
            self.initial.setdefault(
                name, Decimal(getattr(self.instance, unit_field)) / UNITS_PER_METRE
            )
        self.initial.setdefault("rotation", self.instance.rotation)

    def clean(self):
        data = super().clean()
        for name, unit_field in self.PLAN_FIELDS.items():
            if data.get(name) is not None:
                setattr(self.instance, unit_field, int(data[name] * UNITS_PER_METRE))
        if data.get("rotation") is not None:
            self.instance.rotation = data["rotation"]
        return data


class ApplicationForm(ThaiForm):
    field_order = ["products", "category"]

    products = forms.ModelMultipleChoiceField(
        queryset=None, label=_("products you will sell"), widget=forms.CheckboxSelectMultiple
    )
    choice_1 = forms.ModelChoiceField(queryset=None, label=_("first choice of zone"))
    choice_2 = forms.ModelChoiceField(queryset=None, label=_("second choice"), required=False)
    choice_3 = forms.ModelChoiceField(queryset=None, label=_("third choice"), required=False)
    needs_electricity = forms.BooleanField(label=_("needs electricity"), required=False)
    wants_corner = forms.BooleanField(label=_("would like a corner booth"), required=False)
    pitch = BoundedTextField(
        label=_("short pitch"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Why should visitors come to your booth? (at most 1,000 characters)"),
    )

    category = forms.ChoiceField(
        label=_("category you compete in"),
        required=False,
        help_text=_(
            "Your products are in more than one category. Choose the one your booth competes in:"
            " booth limits per category and the fair's reports count you there."
        ),
    )

    def __init__(self, *args, fair, group, **kwargs):
        super().__init__(*args, **kwargs)
        products = group.products.filter(is_active=True)
        self.fields["products"].queryset = products
        for name in ("choice_1", "choice_2", "choice_3"):
            self.fields[name].queryset = fair.zones.all()
        offered = set(products.values_list("category", flat=True))
        if len(offered) > 1:
            self.fields["category"].choices = [("", _("— choose —"))] + [
                (value, label) for value, label in Category.choices if value in offered
            ]
        else:
            # One category only: nothing to choose, the service takes it from the products.
            del self.fields["category"]

    def clean(self):
        data = super().clean()
        if data.get("products"):
            try:
                data["category"] = competing_category(data["products"], data.get("category"))
            except forms.ValidationError as error:
                self.add_error("category" if "category" in self.fields else "products", error)
        zones = []
        for name in ("choice_1", "choice_2", "choice_3"):
            zone = data.get(name)
            if zone in zones:
                # Next to the repeated choice, so the producer sees which one to change.
                self.add_error(name, _("Choose each zone only once."))
            elif zone:
                zones.append(zone)
        data["zones"] = zones
        return data


class EligibilityRuleForm(ThaiModelForm):
    min_stars = min_stars_field(initial=3)
    provinces = forms.MultipleChoiceField(label=_("allowed provinces"), required=False)
    regions = forms.MultipleChoiceField(
        label=_("allowed regions"), choices=Region.choices, required=False
    )
    certified_categories = forms.MultipleChoiceField(
        label=_("categories that need the standard"),
        choices=Category.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    quadrants = quadrants_field()
    marks = marks_field()
    standards = forms.MultipleChoiceField(
        label=_("accepted standards (any one)"),
        help_text=_("None chosen: the standards each category accepts by default."),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = EligibilityRule
        fields = [
            "kind",
            "min_stars",
            "standards",
            "certified_categories",
            "provinces",
            "regions",
            "quadrants",
            "marks",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["provinces"].choices = list(Province.objects.values_list("code", "name_th"))
        self.fields["standards"].choices = list(QualityStandard.objects.values_list("code", "name"))

    def clean_min_stars(self):
        stars = self.cleaned_data["min_stars"]
        if stars is None and self.cleaned_data.get("kind") == RuleKind.MIN_STARS:
            raise forms.ValidationError(_("Give the number of stars, 1 to 5."))
        return 3 if stars is None else stars


class OverrideForm(ThaiForm):
    is_eligible = forms.TypedChoiceField(
        label=_("decision"),
        choices=[("1", _("Eligible")), ("0", _("Not eligible"))],
        coerce=lambda v: v == "1",
    )
    reason = BoundedTextField(
        label=_("reason"), max_length=REASON_LENGTH, widget=forms.Textarea(attrs={"rows": 3})
    )


class PersonChoiceField(forms.ModelChoiceField):
    """People are offered by their name (and username only to tell two of a name apart)."""

    def label_from_instance(self, obj):
        return (
            f"{obj.display_name} ({obj.username})"
            if obj.display_name != obj.username
            else obj.username
        )


class _DistrictsUnderProvinces(ModelChoiceIterator):
    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        groups = {}
        for district in self.queryset:
            groups.setdefault(district.province.name_th, []).append(self.choice(district))
        yield from groups.items()


class DistrictByProvinceField(forms.ModelChoiceField):
    """Districts offered under their province, so the one in the right province is found."""

    iterator = _DistrictsUnderProvinces

    def __init__(self, **kwargs):
        districts = District.objects.select_related("province")
        super().__init__(queryset=districts.order_by("province__sort_name", "sort_name"), **kwargs)

    def label_from_instance(self, obj):
        return obj.name_th


class MemberForm(ThaiForm):
    user = PersonChoiceField(queryset=None, label=_("committee account"))
    home_district = DistrictByProvinceField(required=False, label=_("own district"))
    own_group_no = forms.CharField(
        required=False, label=_("own group (OTOP registration no.)"), max_length=40
    )
    province = forms.ModelChoiceField(
        queryset=Province.objects.none(),
        required=False,
        label=_("committee of province"),
        help_text=_("National fairs: each province's committee scores its own province."),
    )

    def __init__(self, *args, fair, provinces=None, **kwargs):
        """`provinces`: at a national fair, the provinces whose committees the officer runs
        (only those are offered); a provincial fair's committee has no province."""
        super().__init__(*args, **kwargs)
        seated = fair.committee.values("user_id")
        people = get_user_model().objects.filter(role="committee").exclude(pk__in=seated)
        self.fields["user"].queryset = people.order_by("first_name", "username")
        if fair.is_national:
            offered = Province.objects.order_by("sort_name") if provinces is None else provinces
            self.fields["province"].queryset = offered
            self.fields["province"].required = True
            if len(offered) == 1:
                self.fields["province"].initial = offered[0].pk
        else:
            del self.fields["province"]

    def clean_own_group_no(self):
        number = self.cleaned_data["own_group_no"].strip()
        if not number:
            return None
        group = ProducerGroup.objects.filter(registration_no=number).first()
        if group is None:
            raise forms.ValidationError(_("No group has this registration number."))
        return group


class ApplicationPickForm(ThaiForm):
    """Names an application of the fair by the group's registration number."""

    registration_no = forms.CharField(label=_("OTOP registration no."), max_length=40)
    reason = forms.CharField(label=_("why"), max_length=300, required=False)

    def __init__(self, *args, fair, **kwargs):
        super().__init__(*args, **kwargs)
        self.fair = fair

    def clean_registration_no(self):
        number = self.cleaned_data["registration_no"].strip()
        application = self.fair.applications.filter(group__registration_no=number).first()
        if application is None:
            raise forms.ValidationError(_("No application to this fair has that number."))
        self.cleaned_data["application"] = application
        return number


class ReasonForm(ThaiForm):
    reason = BoundedTextField(
        label=_("reason"),
        max_length=REASON_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )


class PublishForm(ReasonForm):
    """Publishing assigns booths for good: the officer types the fair's name to say they mean it."""

    fair_name = forms.CharField(label=_("type the fair's name to confirm"), max_length=200)
    field_order = ["fair_name", "reason"]

    def __init__(self, *args, fair, **kwargs):
        super().__init__(*args, **kwargs)
        self.fair = fair
        self.fields["fair_name"].help_text = _("Type: %(name)s") % {"name": fair.name}

    def clean_fair_name(self):
        typed = " ".join(self.cleaned_data["fair_name"].split())
        if typed != " ".join(normalise_text(self.fair.name).split()):
            raise forms.ValidationError(
                _("Type the fair's name exactly as shown, to confirm you mean to publish.")
            )
        return typed


class ReleaseForm(ThaiForm):
    reason = BoundedTextField(
        label=_("reason"), max_length=REASON_LENGTH, widget=forms.Textarea(attrs={"rows": 2})
    )
    is_no_show = forms.BooleanField(label=_("the group did not show up"), required=False)


class ExcuseForm(ThaiForm):
    """Excuse a no-show (or take the excuse back), always with the reason on record."""

    excused = forms.TypedChoiceField(
        choices=[("1", _("excused")), ("0", _("not excused"))],
        coerce=lambda value: value == "1",
        widget=forms.HiddenInput,
    )
    reason = forms.CharField(
        label=_("reason"),
        max_length=500,
        error_messages={"required": _("Write the reason for the decision.")},
    )
