"""Which language a translated field's shown text really is in.

modeltranslation shows a missing translation in another language (Czech, then
English, then German). The page must then say so: the element gets that
language's `lang` attribute, so that a screen reader pronounces it right, and
the reader gets a notice. These tags tell the templates which language that is.
"""

from django import template
from django.utils import translation
from django.utils.html import format_html
from modeltranslation.utils import resolution_order

register = template.Library()


def shown_language(instance, field: str) -> str:
    """The language whose text `instance.<field>` returns in the active language.

    It walks the same resolution order as modeltranslation's descriptor: the
    first language whose own column holds the value shown is where it came from.
    When every translation is empty, that is the active language.
    """
    active = translation.get_language()
    shown = getattr(instance, field)
    if not shown:
        return active
    descriptor = getattr(type(instance), field, None)
    fallbacks = getattr(descriptor, "fallback_languages", None)
    for lang in resolution_order(active, fallbacks):
        if getattr(instance, f"{field}_{lang}", None) == shown:
            return lang
    return active


@register.simple_tag(name="shown_language")
def shown_language_tag(instance, field):
    """{% shown_language article "body" as body_lang %}"""
    return shown_language(instance, field)


@register.simple_tag
def lang_attr(instance, field):
    """` lang="cs"` when the field's text is not in the page's language, else ""."""
    lang = shown_language(instance, field)
    if lang == translation.get_language():
        return ""
    return format_html(' lang="{}"', lang)


@register.simple_tag
def fallback_language(instance, *fields):
    """The language of the first of *fields* shown in another language, or "".

    List the main text first: `{% fallback_language article "body" "lead" "title"
    as shown_in %}` names the language the reader will mostly be reading.
    """
    active = translation.get_language()
    for field in fields:
        lang = shown_language(instance, field)
        if lang != active:
            return lang
    return ""
