"""Site-wide views that belong to no app: health check, robots.txt, the 404 page."""

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


@never_cache
@require_GET
def healthz(request):
    """200 when the database answers, 503 when it does not (for load balancers)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


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
