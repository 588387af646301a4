"""Who may manage whose account, and who may take out or erase a group's personal data.

An officer keeps the producers of their provinces' groups and the committee members their office
registered; a superuser keeps everyone, officers included.
"""

import rules

from otop_fair.accounts.selectors import people_kept_by
from otop_fair.predicates import predicate
from otop_fair.rules import is_admin, is_signed_in, is_staff_officer
from producers.rules import keeps_group, keeps_group_as_province, owns_group


def keeps_account_of(user, person):
    """The person is one `people_kept_by(user)` lists (the people list's own rule)."""
    return person is not None and people_kept_by(user).filter(pk=person.pk).exists()


keeps_account_of = predicate(keeps_account_of)


# A superuser also manages their own account here; the people list leaves it out.
keeps_person = is_admin | keeps_account_of

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
