"""An officer's short message to every producer holding a booth at a fair ("ปิดฮอลล์ 21:00")."""

from django import forms
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from otop_fair.form_keys import FormKeyField, redirect_once
from otop_fair.forms import ThaiForm
from otop_fair.free_text import BoundedTextField
from otop_fair.notifications.services import forecast
from otop_fair.permissions import requires
from sales import notices
from sales.views.common import get_fair


class BroadcastForm(ThaiForm):
    client_key = FormKeyField()
    text = BoundedTextField(
        label=gettext_lazy("Message"), max_length=300, widget=forms.Textarea(attrs={"rows": 3})
    )


@requires("sales.broadcast", fair=get_fair)
def broadcast(request, fair):
    form = BroadcastForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        return redirect_once(
            request,
            form,
            lambda: notices.broadcast(fair, form.cleaned_data["text"].strip()),
            to=lambda rows: reverse("sales:broadcast", args=[fair.pk]),
            saved=lambda rows: _("Sent to %(count)s people.") % {"count": len(rows)},
        )
    context = {"fair": fair, "form": form, "forecast": forecast(notices.producers_of(fair))}
    return render(request, "sales/broadcast.html", context)
