"""The department's open data in: upload, a preview of matched / new / ambiguous rows, confirm.

The uploaded file waits in storage under a random name (never in the session) and is read as a
stream twice: once for the preview, once when the officer confirms.
"""

import uuid

from django import forms
from django.contrib import messages
from django.core.files.storage import default_storage
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views.decorators.http import require_POST

from otop_fair.forms import ThaiForm
from otop_fair.permissions import requires
from producers.models import RatingRound
from producers.open_data import OPC, REGISTER, OpenDataError
from producers.open_data_import import OpenDataImport

FOLDER = "open_data"


class OpenDataForm(ThaiForm):
    kind = forms.ChoiceField(
        label=pgettext_lazy("open data file", "File"),
        choices=[
            (REGISTER, gettext_lazy("Producer register (province, district, subdistrict)")),
            (OPC, gettext_lazy("OPC list (product, producer, province, category, stars)")),
        ],
    )
    rating_round = forms.ModelChoiceField(
        queryset=RatingRound.objects.all(),
        required=False,
        label=gettext_lazy("Rating round of the OPC list"),
    )
    token = forms.UUIDField(required=False, widget=forms.HiddenInput)
    file = forms.FileField(label=gettext_lazy("CSV file (UTF-8 or cp874)"), required=False)

    def clean(self):
        data = super().clean()
        if data.get("kind") == OPC and not data.get("rating_round"):
            self.add_error("rating_round", _("Choose the round the OPC list publishes."))
        return data


def _path(token):
    return f"{FOLDER}/{token.hex}.csv"


def _job(request, data):
    return OpenDataImport(data["kind"], request.user, data.get("rating_round"))


@requires("producers.import_groups")
def open_data_upload(request):
    form = OpenDataForm(request.POST or None, request.FILES or None)
    context = {"form": form}
    if form.is_valid():
        upload = form.cleaned_data["file"]
        if upload is None:
            form.add_error("file", _("Choose a file."))
            return render(request, "producers/open_data.html", context)
        token = uuid.uuid4()
        default_storage.save(_path(token), upload)
        try:
            with default_storage.open(_path(token), "rb") as binary:
                summary = _job(request, form.cleaned_data).preview(binary)
        except OpenDataError as error:
            default_storage.delete(_path(token))
            form.add_error("file", str(error))
            return render(request, "producers/open_data.html", context)
        context |= {"summary": summary, "token": token.hex, "data": form.cleaned_data}
    return render(request, "producers/open_data.html", context)


@require_POST
@requires("producers.import_groups")
def open_data_confirm(request):
    form = OpenDataForm(request.POST)
    token = form.cleaned_data.get("token") if form.is_valid() else None
    if token is None or not default_storage.exists(_path(token)):
        messages.error(request, _("Nothing to import. Please upload the file again."))
        return redirect("producers:open_data_upload")
    with default_storage.open(_path(token), "rb") as binary:
        summary = _job(request, form.cleaned_data).apply(binary)
    default_storage.delete(_path(token))
    messages.success(request, _("Imported: %(n)s changes.") % {"n": summary.changes})
    return redirect("producers:group_list")
