"""What the site answers while PostgreSQL (or its connection pool) is down.

`unavailable_response()` renders the 503 page (templates/error.html) with no
request context, so neither the session, the user nor the messages are read
(each of them may need the database); the language comes from the URL prefix,
else from the browser's Accept-Language.
"""

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.utils import translation

from .error_pages import error_page

try:  # psycopg's pool raises its own error when no connection comes in time.
    from psycopg_pool import PoolTimeout
except ImportError:  # pragma: no cover - the pool is installed with psycopg
    PoolTimeout = OperationalError

OUTAGE_ERRORS = (OperationalError, InterfaceError, PoolTimeout)


def is_database_outage(exception: BaseException | None) -> bool:
    """Whether *exception* (or what caused it) means the database cannot be reached."""
    seen = 0
    while exception is not None and seen < 5:
        if isinstance(exception, OUTAGE_ERRORS):
            return True
        exception = exception.__cause__ or exception.__context__
        seen += 1
    return False


def reader_language(request: HttpRequest) -> str:
    return translation.get_language_from_path(
        request.path_info
    ) or translation.get_language_from_request(request, check_path=False)


def unavailable_response(request: HttpRequest) -> HttpResponse:
    """503 with Retry-After and the "temporarily unavailable" page."""
    with translation.override(reader_language(request)):
        html = error_page(503)
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(settings.OUTAGE_RETRY_AFTER)
    response["Cache-Control"] = "no-store"
    return response
