"""Test settings: the project's settings with plain static storage and a fast password hasher."""

import os

from otop_fair.settings import *  # noqa: F403
from otop_fair.settings import STORAGES

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Several people (or agents) may run the suite at once against the same server: each can pick
# its own test database with OTOP_TEST_DB.
DATABASES["default"]["TEST"] = {"NAME": os.environ.get("OTOP_TEST_DB", "test_otop_fair")}  # noqa: F405

# Login rate limiting is switched on by the tests that check it (tests/otop_fair/test_security.py).
AXES_ENABLED = False

# Public pages' rate limit is lowered by the test that checks it (tests/booths/test_public_pages.py).
PUBLIC_RATE_LIMIT = 100_000
