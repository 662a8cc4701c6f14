"""Template tags used by every page: language alternates, query-string links,
pagination ranges."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.text import capfirst

register = template.Library()


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """This page in each language: the same object, or the same path translated.

    Detail pages pass their object, whose `get_absolute_url()` is reversed in each
    language (article slugs differ per language); other pages translate the path
    and keep the query string, so a filtered list stays filtered. Each entry names
    its language in that language ("Česky", "English", "Deutsch"), because a
    reader looks for their own language, not for its name in the current one.
    """
    request = context["request"]
    if context.get("language_paths") is not None:
        # A page that says where each of its languages is: the staff preview
        # (the switcher stays in the preview), the 404 page (each language's
        # home page: the missing path is missing in every language).
        return alternates_of(request, context["language_paths"])
    obj = context.get("object")
    query = request.GET.urlencode() if obj is None else ""
    paths = {}
    for code, _name in settings.LANGUAGES:
        if obj is not None and hasattr(obj, "get_absolute_url"):
            with translation.override(code):
                path = obj.get_absolute_url()
        else:
            # translate_url() resolves the path in the active language itself and
            # reverses it in *code*; inside override(code) the resolve would fail.
            path = translate_url(request.path, code)
        paths[code] = f"{path}?{query}" if query else path
    return alternates_of(request, paths)


def alternates_of(request, paths: dict[str, str]) -> list[dict]:
    """`language_alternates` entries for a {language: path} mapping."""
    current = translation.get_language()
    return [
        {
            "code": code,
            "name": capfirst(translation.get_language_info(code)["name_local"]),
            "path": path,
            "url": request.build_absolute_uri(path),
            "current": code == current,
            "default": code == settings.LANGUAGE_CODE,
        }
        for code, path in paths.items()
    ]


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


@register.simple_tag
def page_range(page_obj, on_each_side=2, on_ends=1):
    """Page numbers to link to, with None where a run of pages is left out."""
    paginator = page_obj.paginator
    return [
        None if number == paginator.ELLIPSIS else number
        for number in paginator.get_elided_page_range(
            page_obj.number, on_each_side=on_each_side, on_ends=on_ends
        )
    ]
