"""WSGI entry point for gunicorn: `gunicorn regionnews.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "regionnews.settings.prod")

application = get_wsgi_application()
