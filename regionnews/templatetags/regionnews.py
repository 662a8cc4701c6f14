"""Template tags used by every page: language alternates and query-string links."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation

register = template.Library()


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """This page in each language: the same object, or the same path translated.

    Detail pages pass their object, whose `get_absolute_url()` is reversed in each
    language (article slugs differ per language); other pages translate the path
    and keep the query string, so a filtered list stays filtered.
    """
    request = context["request"]
    obj = context.get("object")
    current = translation.get_language()
    query = request.GET.urlencode() if obj is None else ""
    alternates = []
    for code, name in settings.LANGUAGES:
        with translation.override(code):
            if obj is not None and hasattr(obj, "get_absolute_url"):
                path = obj.get_absolute_url()
            else:
                path = translate_url(request.path, code)
            local_name = translation.gettext(name)
        if query:
            path = f"{path}?{query}"
        alternates.append(
            {
                "code": code,
                "name": local_name,
                "path": path,
                "url": request.build_absolute_uri(path),
                "current": code == current,
            }
        )
    return alternates


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced (for pagination)."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            query.pop(key, None)
        else:
            query[key] = value
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"
