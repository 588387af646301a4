"""The market-channel ledger (officers and producers enter a group's sales events) and the
fiscal-year report combining fairs and channels."""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from otop_fair.exports import EXPORT_FORMATS
from otop_fair.form_keys import redirect_once
from otop_fair.permissions import requires
from otop_fair.report_time import bounded_report_time
from producers.models import ProducerGroup
from sales import services
from sales.forms import ChannelSaleForm
from sales.models import ChannelSale
from sales.reports import fiscal_report, fiscal_table, fiscal_year

LEDGER_SHOWN = 200
PER = ("province", "group")


@requires("sales.view_channel_sales")
def channel_list(request):
    sales = (
        ChannelSale.objects.visible_to(request.user)
        .select_related("group__province")
        .order_by("-day", "-id")[:LEDGER_SHOWN]
    )
    year = fiscal_year(timezone.localdate())
    return render(request, "sales/channel_list.html", {"sales": sales, "year": year})


@requires("sales.add_channel_sale")
def channel_new(request):
    form = ChannelSaleForm(
        request.POST or None,
        groups=ProducerGroup.objects.visible_to(request.user).order_by("sort_name"),
    )
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "client_key"}
        try:
            return redirect_once(
                request,
                form,
                lambda: services.record_channel_sale(by=request.user, **data),
                to=lambda sale: reverse("sales:channel_list"),
                saved=_("Saved."),
            )
        except ValidationError as error:
            form.add_error("day", error)
    return render(request, "sales/channel_form.html", {"form": form})


def _chosen_year(request):
    """The fiscal year asked for (Buddhist era), else the current one."""
    current = fiscal_year(timezone.localdate())
    try:
        year = int(request.GET.get("year") or current)
    except ValueError:
        return current
    return year if current - 20 <= year <= current + 1 else current


@requires("sales.view_channel_sales")
@bounded_report_time
def fiscal_report_page(request):
    year = _chosen_year(request)
    report = fiscal_report(request.user, year)
    context = {
        "report": report,
        "tables": [fiscal_table(report, per) for per in PER],
        "years": range(year - 3, year + 2),
        "formats": [f for f in EXPORT_FORMATS if f != "csv"],
    }
    return render(request, "sales/fiscal_report.html", context)


@requires("sales.view_channel_sales")
@bounded_report_time
def fiscal_report_export(request, per, fmt):
    if per not in PER:
        raise Http404
    table = fiscal_table(fiscal_report(request.user, _chosen_year(request)), per)
    return table.download(fmt, table.title)
