"""Who may manage whose account, and who may take out or erase a group's personal data.

An officer keeps the producers of their provinces' groups and the committee members their office
registered; a superuser keeps everyone, officers included.
"""

import rules

from otop_fair.accounts.models import Role
from otop_fair.rules import (
    is_admin,
    is_officer,
    is_signed_in,
    is_staff_officer,
    provinces_kept_by,
)
from producers.rules import keeps_group, keeps_group_as_province, owns_group


@rules.predicate
def is_officer_of_person(user, person):
    if person is None:
        return False
    if person.role == Role.PRODUCER:
        return person.producer_groups.filter(province__in=provinces_kept_by(user)).exists()
    if person.role == Role.COMMITTEE and person.province_id is not None:
        return provinces_kept_by(user).filter(pk=person.province_id).exists()
    return False


keeps_person = is_admin | (is_officer & is_officer_of_person)

rules.add_perm("accounts.list_people", is_staff_officer)
rules.add_perm("accounts.add_person", is_staff_officer)
rules.add_perm("accounts.add_officer", is_admin)
rules.add_perm("accounts.manage_person", keeps_person)
rules.add_perm("accounts.print_slips", is_staff_officer)
rules.add_perm("accounts.create_group_accounts", is_staff_officer)
rules.add_perm("accounts.create_group_account", keeps_group)
# Erasing a group's personal data is the provincial office's decision, not a district's.
rules.add_perm("accounts.anonymise_group", keeps_group_as_province)
rules.add_perm("accounts.download_group_data", keeps_group | owns_group)
rules.add_perm("accounts.acknowledge_privacy", is_signed_in)
