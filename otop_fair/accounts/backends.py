"""Sign-in by username and password, with Django's model permissions kept for the admin site.

Roles and object rules decide everything outside the admin (`otop_fair/rules.py`); only staff
accounts use Django's model permissions, so nobody else pays two queries per page to load them.
"""

from django.contrib.auth.backends import ModelBackend


class AccountBackend(ModelBackend):
    def get_user_permissions(self, user_obj, obj=None):
        if not user_obj.is_staff:
            return set()
        return super().get_user_permissions(user_obj, obj)

    def get_group_permissions(self, user_obj, obj=None):
        if not user_obj.is_staff:
            return set()
        return super().get_group_permissions(user_obj, obj)
