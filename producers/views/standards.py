"""The standards table (มผช., อย., GMP, Halal, …): every office reads it; the head office extends it.

A standard added here is offered on certificates and in eligibility rules at once, without a code
change (issue 17 point 3). Codes are the table's keys and never change once made.
"""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from otop_fair.forms import ThaiModelForm
from otop_fair.permissions import requires
from producers import services
from producers.models import Category, QualityStandard


class StandardForm(ThaiModelForm):
    code = forms.SlugField(
        label=gettext_lazy("code"),
        max_length=20,
        help_text=gettext_lazy("Short Latin letters, e.g. gap; cannot change later."),
        error_messages={"invalid": gettext_lazy("Use Latin letters, digits, - or _ only.")},
    )
    default_for = forms.MultipleChoiceField(
        label=gettext_lazy("Accepted by default for"),
        choices=Category.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy(
            "An eligibility rule that names no standard accepts this one for these categories."
        ),
    )

    class Meta:
        model = QualityStandard
        fields = ["code", "name", "default_for"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance._state.adding is False:
            self.fields["code"].disabled = True

    def clean_code(self):
        code = self.cleaned_data["code"].lower()
        taken = QualityStandard.objects.filter(code=code)
        if self.instance._state.adding and taken.exists():
            raise forms.ValidationError(_("A standard with this code already exists."))
        return code


def get_standard(request, code):
    return get_object_or_404(QualityStandard, code=code)


@requires("producers.view_standards")
def standard_list(request):
    standards = QualityStandard.objects.order_by("name")
    return render(request, "producers/standards.html", {"standards": standards})


def _form_page(request, form, title):
    return render(request, "producers/standard_form.html", {"form": form, "title": title})


@requires("producers.change_standards")
def standard_create(request):
    form = StandardForm(request.POST or None)
    if form.is_valid():
        services.save_standard(standard=form.save(commit=False), by=request.user)
        messages.success(request, _("The standard was added."))
        return redirect("producers:standard_list")
    return _form_page(request, form, _("Add a standard"))


@requires("producers.change_standards", standard=get_standard)
def standard_edit(request, standard):
    form = StandardForm(request.POST or None, instance=standard)
    if form.is_valid():
        services.save_standard(standard=form.save(commit=False), by=request.user)
        messages.success(request, _("The standard was saved."))
        return redirect("producers:standard_list")
    return _form_page(request, form, _("Edit the standard"))
