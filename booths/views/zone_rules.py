"""A zone's own rule (who may be seated there), and the flags officers record on groups."""

from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from booths.models import ZoneRule
from booths.services import zone_rules
from booths.views.common import attempt, zone_from
from booths.zone_rule_forms import GroupFlagForm, ZoneRuleForm
from otop_fair.permissions import requires
from producers.models import ProducerGroup


@requires("booths.manage_fair", zone=zone_from)
def zone_rule(request, zone):
    rule = ZoneRule.objects.filter(zone=zone).first()
    form = ZoneRuleForm.for_rule(rule, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = {**form.cleaned_data, "flag": form.cleaned_data["flag"] or ""}
        saved = attempt(
            request,
            zone_rules.set_zone_rule,
            _("The zone's rule is saved."),
            zone=zone,
            by=request.user,
            **data,
        )
        if saved is not None:
            return redirect("booths:zones", fair_id=zone.fair_id)
    context = {"fair": zone.fair, "zone": zone, "form": form}
    return render(request, "booths/zone_rule.html", context)


def group_from(request, group_id):
    return get_object_or_404(ProducerGroup.objects.select_related("province"), pk=group_id)


@requires("producers.record_visit", group=group_from)
def group_flags(request, group):
    form = GroupFlagForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        saved = attempt(
            request,
            zone_rules.flag_group,
            _("The flag is recorded."),
            group=group,
            by=request.user,
            **form.cleaned_data,
        )
        if saved:
            return redirect("booths:group_flags", group_id=group.pk)
    flags = group.flags.select_related("set_by")
    context = {"group": group, "form": form, "flags": flags}
    return render(request, "booths/group_flags.html", context)
