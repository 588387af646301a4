"""WSGI entry point: `gunicorn otop_fair.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "otop_fair.settings")

application = get_wsgi_application()
