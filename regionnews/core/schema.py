"""Helpers for the schema.org data (JSON-LD) and link previews every app builds.

The apps' builders (articles/seo.py, delegations/seo.py) use them; the
`regionnews.seo` template tags render what the builders return.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from .site import REGION_NAME

SCHEMA = "https://schema.org/"
DESCRIPTION_WORDS = 40

# As django.utils.html.json_script: no "</script>" or "<!--" can close the element.
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def absolute(request, path: str) -> str:
    return request.build_absolute_uri(path)


def page_url(request, obj=None, page: int | None = None) -> str:
    """The canonical URL: the object's own URL in the active language, or the path.

    A filtered list is canonically the list itself: the filter is dropped, so
    search engines index one list, not every filter. Its page 2 and later keep
    `?page=N`: they list other records, and a canonical URL pointing at page 1
    would tell search engines to ignore them.
    """
    if obj is not None and hasattr(obj, "get_absolute_url"):
        return absolute(request, obj.get_absolute_url())
    query = f"?page={page}" if page and page > 1 else ""
    return absolute(request, request.path + query)


# The link-preview image of pages without a photo: the region's emblem drawn
# at the size Open Graph asks for (scripts/draw_social_image.py).
FALLBACK_IMAGE = {"path": "img/social-card.png", "width": 1200, "height": 630}


def fallback_image(request) -> dict:
    """The emblem as an Open Graph image: url, width, height and alt text."""
    return {
        "url": absolute(request, static(FALLBACK_IMAGE["path"])),
        "width": FALLBACK_IMAGE["width"],
        "height": FALLBACK_IMAGE["height"],
        "alt": str(_("The emblem of the %(region)s") % {"region": REGION_NAME}),
    }


def shorten(text: str) -> str:
    return Truncator(strip_tags(text or "")).words(DESCRIPTION_WORDS).strip()


def region(request) -> dict:
    """The publisher of the news and the organiser of the visits."""
    return {
        "@type": "GovernmentOrganization",
        "name": str(REGION_NAME),
        "url": absolute(request, reverse("home")),
        "logo": {
            "@type": "ImageObject",
            "url": absolute(request, static("img/logo.svg")),
        },
    }


def json_ld_script(data: dict) -> str:
    """<script type="application/ld+json"> that no value can break out of."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(JSON_SCRIPT_ESCAPES)),  # < > & escaped: safe.
    )
