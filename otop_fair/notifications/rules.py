import rules

from otop_fair.rules import is_signed_in, is_staff_officer

rules.add_perm("notifications.view_delivery_log", is_staff_officer)
rules.add_perm("notifications.manage_own_contact", is_signed_in)
