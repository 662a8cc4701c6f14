"""Site-wide views that belong to no app: health check, robots.txt, error pages."""

import sys

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import (
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseServerError,
    JsonResponse,
)
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_GET

from .error_pages import error_page
from .outage import is_database_outage, unavailable_response


@requires_csrf_token
def server_error(request):
    """handler500: a lost database is a 503 (outage page), anything else a 500."""
    if is_database_outage(sys.exc_info()[1]):
        return unavailable_response(request)
    return HttpResponseServerError(error_page(500))


@requires_csrf_token
def bad_request(request, exception):
    """handler400: the standalone page, as Django's own would be."""
    return HttpResponseBadRequest(error_page(400))


def database_answers() -> bool:
    """Ask the database for `SELECT 1`, within HEALTHZ_TIMEOUT seconds.

    On PostgreSQL the check opens its own short-lived connection with a short
    connect and statement timeout, beside the pool: a pool that is exhausted
    or still waiting for a dead server must not make the check wait its 10 s.
    """
    from django.conf import settings

    timeout = settings.HEALTHZ_TIMEOUT
    if connection.vendor != "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        return True
    import psycopg

    params = connection.get_connection_params()
    params.pop("pool", None)
    params["connect_timeout"] = max(1, int(timeout))
    params["options"] = f"-c statement_timeout={int(timeout * 1000)}"
    with psycopg.connect(**params, autocommit=True) as conn:
        conn.execute("SELECT 1").fetchone()
    return True


@never_cache
@require_GET
def healthz(request):
    """200 when the database answers, 503 when it does not (for load balancers)."""
    try:
        database_answers()
    except (DatabaseError, OSError, *_psycopg_errors()):
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def _psycopg_errors() -> tuple[type[Exception], ...]:
    try:
        import psycopg
    except ImportError:  # pragma: no cover
        return ()
    return (psycopg.Error,)


def bench_bare(request):
    """The baseline of `make bench`: nothing but the middleware (BENCH_BARE_VIEW=1)."""
    return HttpResponse("ok")


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def page_not_found(request, exception):
    """Django's 404 page, with a language switcher to each language's home page.

    The missing path is missing in every language, so the usual switcher (the
    same path translated) would lead from one 404 to another.
    """
    homes = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            homes[code] = reverse("home")
    response = TemplateResponse(
        request,
        "404.html",
        {"request_path": request.path, "language_paths": homes},
        status=404,
    )
    return response.render()
