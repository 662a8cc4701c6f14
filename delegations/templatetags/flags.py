"""`{% flag country %}`: the country's flag as a decorative image.

The flags are the vendored flag-icons SVGs (static/vendor/flag-icons, MIT). The
country's name is always written next to the flag, so the image has an empty
alt text and screen readers skip it.
"""

from functools import cache

from django import template
from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.utils.html import format_html

register = template.Library()

FOLDER = "vendor/flag-icons/4x3"


@cache
def flag_path(code: str) -> str | None:
    path = f"{FOLDER}/{code.lower()}.svg"
    return path if finders.find(path) else None


@register.simple_tag
def flag(country, size="small"):
    """An <img alt=""> of *country*'s flag, or nothing if there is none."""
    code = getattr(country, "code", "") or ""
    path = flag_path(code) if len(code) == 2 else None
    if path is None:
        return ""
    width, height = (48, 36) if size == "large" else (24, 18)
    return format_html(
        '<img class="flag flag--{}" src="{}" alt="" width="{}" height="{}">',
        size,
        static(path),
        width,
        height,
    )
