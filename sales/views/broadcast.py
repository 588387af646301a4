"""An officer's short message to every producer holding a booth at a fair ("ปิดฮอลล์ 21:00")."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from otop_fair.forms import ThaiForm
from otop_fair.notifications.services import forecast
from otop_fair.permissions import requires
from sales import notices
from sales.views.common import get_fair


class BroadcastForm(ThaiForm):
    text = forms.CharField(
        label=gettext_lazy("Message"), max_length=300, widget=forms.Textarea(attrs={"rows": 3})
    )


@requires("sales.broadcast", fair=get_fair)
def broadcast(request, fair):
    form = BroadcastForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        rows = notices.broadcast(fair, form.cleaned_data["text"].strip())
        messages.success(request, _("Sent to %(count)s people.") % {"count": len(rows)})
        return redirect("sales:broadcast", fair.pk)
    context = {"fair": fair, "form": form, "forecast": forecast(notices.producers_of(fair))}
    return render(request, "sales/broadcast.html", context)
