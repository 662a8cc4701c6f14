"""Site-wide middleware: security headers, and a 503 when the database is down."""

import logging

from django.conf import settings
from django.core.exceptions import BadRequest

from .outage import is_database_outage, unavailable_response

logger = logging.getLogger(__name__)


class ContentSecurityPolicyMiddleware:
    """Send the Content-Security-Policy and Permissions-Policy on every response.

    Django 5.2 has no built-in CSP support; this stays a few lines until 6.x.
    The admin gets inline styles, which its own templates and widgets use.
    It sits before WhiteNoise in MIDDLEWARE, because WhiteNoise answers static
    files itself without calling the middleware after it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = settings.CONTENT_SECURITY_POLICY
        if request.path.startswith("/admin/"):
            policy = policy.replace(
                "style-src 'self'", "style-src 'self' 'unsafe-inline'"
            )
        response.headers.setdefault("Content-Security-Policy", policy)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class DatabaseUnavailableMiddleware:
    """A view or template that loses the database answers 503, not 500.

    The page is regionnews.outage's: rendered without the database, in the
    reader's language, with Retry-After. Errors outside views (a middleware's
    query) reach the same page through handler500 (regionnews.views).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if is_database_outage(exception):
            logger.warning("Database unavailable: %s", exception)
            return unavailable_response(request)
        return None


class RejectNulBytesMiddleware:
    """A NUL byte in an admin URL's path or parameters is a 400, not a 500.

    PostgreSQL text cannot hold NUL, so an admin list filter or search with
    one would fail in the query. The public pages' filter forms explain such
    a value themselves (Django's ProhibitNullCharactersValidator), and posted
    forms refuse it the same way.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith("/admin/"):
            return self.get_response(request)
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            raise BadRequest("A NUL character in the address.")
        return self.get_response(request)
