"""`|nbsp` and `{% date_range %}`: Czech and German typography in templates
(see regionnews/core/typography.py)."""

from django import template
from django.utils import translation
from django.utils.html import format_html, format_html_join

from regionnews.core import typography

register = template.Library()


@register.filter
def nbsp(value, language=None):
    """Non-breaking spaces for the page's language (or *language*)."""
    return typography.tie(value, language or translation.get_language())


@register.simple_tag
def date_range(start, end=None):
    """<time> elements for a date or a range: "3.–4. června 2025"."""
    if not start:
        return ""
    parts = typography.date_range_parts(start, end, translation.get_language())
    times = format_html_join(
        typography.range_separator(parts),
        '<time datetime="{}">{}</time>',
        ((day.isoformat(), text) for day, text in parts),
    )
    return format_html("{}", times)
