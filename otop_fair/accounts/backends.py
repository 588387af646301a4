"""Sign-in by phone number or username, with Django's model permissions kept for the admin site.

Roles and object rules decide everything outside the admin (`otop_fair/rules.py`); only staff
accounts use Django's model permissions, so nobody else pays two queries per page to load them.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

from otop_fair.accounts.login import accounts_for_login, login_key


class AccountBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        """The one account the key and password fit. When one phone number serves several
        accounts with this password, none is chosen here: `request.login_choices` lists them so
        the sign-in page can ask which, after the password was right."""
        if username is None or password is None:
            return None
        candidates = list(accounts_for_login(login_key(username)))
        if not candidates:
            # The same hashing work as a real check, so timing does not tell who exists.
            get_user_model()().set_password(password)
            return None
        fitting = [
            user
            for user in candidates
            if user.check_password(password) and self.user_can_authenticate(user)
        ]
        if len(fitting) == 1:
            return fitting[0]
        if len(fitting) > 1 and request is not None:
            request.login_choices = fitting
        return None

    def get_user_permissions(self, user_obj, obj=None):
        if not user_obj.is_staff:
            return set()
        return super().get_user_permissions(user_obj, obj)

    def get_group_permissions(self, user_obj, obj=None):
        if not user_obj.is_staff:
            return set()
        return super().get_group_permissions(user_obj, obj)
