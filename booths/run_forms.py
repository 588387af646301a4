"""The allocation run's form: province quotas and category limits chosen from Thai names in a
table, never typed as codes; and the rules read back as Thai sentences."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from booths import allocation
from otop_fair.forms import ThaiForm
from producers.models import Category, Province

QUOTA_ROWS = 5


class ProvinceName(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name_th


class RunForm(ThaiForm):
    seed = forms.IntegerField(
        label=gettext_lazy("lottery seed"),
        required=False,
        min_value=1,
        max_value=2**63 - 1,
        help_text=gettext_lazy(
            "Leave empty for a fresh random seed; the seed is stored with the run."
        ),
    )
    normalise = forms.BooleanField(label=gettext_lazy("normalise each reviewer"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        provinces = Province.objects.order_by("sort_name")
        for row in range(QUOTA_ROWS):
            self.fields[f"quota_province_{row}"] = ProvinceName(
                queryset=provinces, required=False, label=gettext_lazy("province")
            )
            self.fields[f"quota_booths_{row}"] = _count(gettext_lazy("booths at most"))
        for code, _label in Category.choices:
            self.fields[f"min_{code}"] = _count(gettext_lazy("at least"))
            self.fields[f"max_{code}"] = _count(gettext_lazy("at most"))

    def quota_rows(self):
        return [
            (self[f"quota_province_{row}"], self[f"quota_booths_{row}"])
            for row in range(QUOTA_ROWS)
        ]

    def category_rows(self):
        return [
            (label, self[f"min_{code}"], self[f"max_{code}"]) for code, label in Category.choices
        ]

    def clean(self):
        data = super().clean()
        seen = set()
        for row in range(QUOTA_ROWS):
            province, booths = data.get(f"quota_province_{row}"), data.get(f"quota_booths_{row}")
            if province and booths is None:
                self.add_error(f"quota_booths_{row}", _("How many booths at most?"))
            elif booths is not None and not province:
                self.add_error(f"quota_province_{row}", _("Choose the province."))
            elif province and province.pk in seen:
                self.add_error(f"quota_province_{row}", _("This province is already in the table."))
            if province:
                seen.add(province.pk)
        for code, _label in Category.choices:
            low, high = data.get(f"min_{code}"), data.get(f"max_{code}")
            if low is not None and high is not None and low > high:
                self.add_error(f"max_{code}", _("At most cannot be less than at least."))
        return data

    def rules(self):
        data = self.cleaned_data
        caps = {}
        for row in range(QUOTA_ROWS):
            province = data.get(f"quota_province_{row}")
            if province and data.get(f"quota_booths_{row}") is not None:
                caps[province.pk] = data[f"quota_booths_{row}"]
        limits = {"min": {}, "max": {}}
        for code in Category.values:
            for side in limits:
                if data.get(f"{side}_{code}") is not None:
                    limits[side][code] = data[f"{side}_{code}"]
        return {"province_caps": caps, "category_min": limits["min"], "category_max": limits["max"]}


class NationalRunForm(ThaiForm):
    """A national fair's run: the seed, and what happens to quota a province cannot fill (the
    quotas themselves are the fair's quota table)."""

    seed = RunForm.base_fields["seed"]
    normalise = RunForm.base_fields["normalise"]
    release = forms.ChoiceField(
        label=gettext_lazy("quota a province cannot fill goes"),
        choices=[
            (allocation.SAME_CATEGORY, gettext_lazy("to the same category in other provinces")),
            (allocation.TO_WAITLIST, gettext_lazy("to the waiting list, any category")),
            (allocation.KEEP_EMPTY, gettext_lazy("nowhere: kept empty")),
        ],
        initial=allocation.SAME_CATEGORY,
        widget=forms.RadioSelect,
    )

    def rules(self):
        return {"release": self.cleaned_data["release"]}


RELEASE_SENTENCES = {
    allocation.SAME_CATEGORY: gettext_lazy(
        "Quota a province cannot fill goes to waiting applicants of the same category from other "
        "provinces."
    ),
    allocation.TO_WAITLIST: gettext_lazy(
        "Quota a province cannot fill goes to the waiting list, whatever the category."
    ),
    allocation.KEEP_EMPTY: gettext_lazy("Quota a province cannot fill is kept empty."),
}
ORDER_SENTENCE = gettext_lazy(
    "Each province's quota is filled from its own ranked list. Where applicants of several "
    "provinces compete (booth choice in a shared zone, released quota), scores of different "
    "committees are never compared: the order is by rank within their province as a percentage "
    "(the middle of the rank's share of the list), ties drawn by the run's seed."
)


def national_rule_sentences(rules):
    booths = sum(n for _p, _c, n in rules.get("quotas") or [])
    provinces = len({p for p, _c, n in rules.get("quotas") or [] if n})
    return [
        _("Province quotas: %(booths)s booths over %(provinces)s provinces.")
        % {"booths": booths, "provinces": provinces},
        str(RELEASE_SENTENCES.get(rules["release"], rules["release"])),
        str(ORDER_SENTENCE),
    ]


def _count(label):
    return forms.IntegerField(
        label=label, required=False, min_value=0, max_value=100_000,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )  # fmt: skip


def rule_sentences(rules):
    """The stored rules of a run as Thai sentences (a run without limits says so)."""
    rules = rules or {}
    if "release" in rules:
        return national_rule_sentences(rules)
    names = dict(
        Province.objects.filter(pk__in=(rules.get("province_caps") or {}).keys()).values_list(
            "code", "name_th"
        )
    )
    sentences = [
        _("%(province)s: at most %(n)s booths.") % {"province": names.get(code, code), "n": n}
        for code, n in (rules.get("province_caps") or {}).items()
    ]
    labels = dict(Category.choices)
    sentences += [
        _("%(category)s: at least %(n)s booths.") % {"category": labels.get(code, code), "n": n}
        for code, n in (rules.get("category_min") or {}).items()
    ]
    sentences += [
        _("%(category)s: at most %(n)s booths.") % {"category": labels.get(code, code), "n": n}
        for code, n in (rules.get("category_max") or {}).items()
    ]
    return sentences or [_("No province quotas or category limits.")]
