"""Officers' account pages: the people they keep, creating accounts, slips, reset, unlock and
deactivate. One small view per action."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from otop_fair.accounts import email, invitations, selectors, services
from otop_fair.accounts.forms import PeopleFilterForm, PersonForm
from otop_fair.accounts.models import Role, User
from otop_fair.accounts.slips import slips_response
from otop_fair.permissions import requires
from otop_fair.rules import provinces_kept_by
from producers.forms import GroupFilterForm
from producers.models import ProducerGroup, Province
from producers.selectors import filtered_groups
from producers.views import get_group

SLIPS_AT_ONCE = 600


def get_person(request, person_id):
    return get_object_or_404(User.objects.select_related("province"), pk=person_id)


@requires("accounts.list_people")
def people_list(request):
    form = PeopleFilterForm(request.GET or None)
    people = selectors.people_list(request.user, form.filters())
    page = Paginator(people, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "accounts/people_list.html",
        {"form": form, "page": page, "query": query.urlencode(), "filters": query},
    )


@requires("accounts.manage_person", person=get_person)
def person_detail(request, person):
    context = {
        "person": person,
        "groups": person.producer_groups.all(),
        "events": selectors.person_events(person),
        "has_password": person.has_usable_password(),
    }
    return render(request, "accounts/person_detail.html", context)


def _person_form_page(request, *, role, provinces, title):
    form = PersonForm(request.POST or None, provinces=provinces)
    if form.is_valid():
        data = form.cleaned_data
        person = services.create_person(
            role=role,
            first_name=data["first_name"],
            last_name=data["last_name"],
            phone=data["phone"],
            email=data["email"],
            username=data["username"],
            province=data["province"],
            by=request.user,
        )
        messages.success(request, _("The account was created. Print a login slip for it."))
        return redirect("accounts:person_detail", person_id=person.pk)
    return render(request, "accounts/person_form.html", {"form": form, "title": title})


@requires("accounts.add_person")
def committee_create(request):
    provinces = provinces_kept_by(request.user)
    return _person_form_page(
        request, role=Role.COMMITTEE, provinces=provinces, title=_("New committee member")
    )


@requires("accounts.add_officer")
def officer_create(request):
    return _person_form_page(
        request, role=Role.OFFICER, provinces=Province.objects.all(), title=_("New officer")
    )


@require_POST
@requires("accounts.manage_person", person=get_person)
def person_reset(request, person):
    issued = services.reset_password(user=person, by=request.user)
    person.groups_for_slip = list(person.producer_groups.all())
    return slips_response(request, [issued])


@require_POST
@requires("accounts.manage_person", person=get_person)
def person_unlock(request, person):
    services.unlock(user=person, by=request.user)
    messages.success(request, _("The account was unlocked: they may try to sign in again."))
    return redirect("accounts:person_detail", person_id=person.pk)


@require_POST
@requires("accounts.manage_person", person=get_person)
def person_deactivate(request, person):
    services.set_active(user=person, is_active=False, by=request.user)
    messages.success(request, _("The account was deactivated: it can no longer sign in."))
    return redirect("accounts:person_detail", person_id=person.pk)


@require_POST
@requires("accounts.manage_person", person=get_person)
def person_activate(request, person):
    services.set_active(user=person, is_active=True, by=request.user)
    messages.success(request, _("The account is active again."))
    return redirect("accounts:person_detail", person_id=person.pk)


@require_POST
@requires("accounts.manage_person", person=get_person)
def person_verify_email(request, person):
    """Send the person a link that confirms their e-mail address (for "forgot password")."""
    if not person.email:
        messages.warning(request, _("This person has no e-mail address."))
    else:
        email.send_verification(request, person)
        messages.success(
            request, _("A confirmation link was sent to %(email)s.") % {"email": person.email}
        )
    return redirect("accounts:person_detail", person_id=person.pk)


@require_POST
@requires("accounts.print_slips")
def print_slips(request):
    """Slips for the chosen people, or for everyone the list's filters match; new invitations
    replace any earlier unused ones."""
    people = selectors.people_list(request.user, PeopleFilterForm(request.POST).filters())
    posted = request.POST.getlist("person")
    if posted:
        # A stale or changed hidden value chooses no one: it never widens to everyone listed.
        people = people.filter(pk__in=[pk for pk in posted if pk.isdigit() and len(pk) < 19])
    people = list(people.filter(is_active=True)[:SLIPS_AT_ONCE])
    if not people:
        messages.warning(request, _("No one to print a slip for."))
        return redirect("accounts:people_list")
    issued = invitations.issue(users=people, by=request.user)
    for person in people:
        person.groups_for_slip = person.listed_groups
    return slips_response(request, issued)


@require_POST
@requires("accounts.create_group_account", group=get_group)
def group_account_create(request, group):
    created = services.create_group_accounts(
        groups=ProducerGroup.objects.filter(pk=group.pk), by=request.user
    )
    if created:
        messages.success(request, _("An account was made for the group's contact person."))
        return redirect("accounts:person_detail", person_id=created[0].pk)
    messages.info(request, _("This group already has an active account."))
    return redirect("producers:group_detail", group_id=group.pk)


@require_POST
@requires("accounts.create_group_accounts")
def group_accounts_create(request):
    """Accounts for every group of an import (its registration numbers) or of the list's
    filters that has none yet. Pressing again makes no more."""
    regnos = request.POST.getlist("registration_no")
    if regnos:
        groups = ProducerGroup.objects.visible_to(request.user).filter(registration_no__in=regnos)
    else:
        filters = GroupFilterForm(request.POST, user=request.user).filters()
        groups = filtered_groups(request.user, filters)
    created = services.create_group_accounts(groups=groups, by=request.user)
    messages.success(
        request,
        _("%(count)d new accounts. Print their login slips below.") % {"count": len(created)},
    )
    url = reverse("accounts:people_list")
    return redirect(f"{url}?role=producer&status={selectors.STATUS_NO_PASSWORD}")
