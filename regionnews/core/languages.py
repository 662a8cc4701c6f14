"""The site's languages: the one list, and the one fallback order.

Czech is the default and comes first. Content missing in the reader's
language is shown in the next language of `fallback_languages()`, the order
modeltranslation is configured with (MODELTRANSLATION_FALLBACK_LANGUAGES).
"""

from django.conf import settings
from django.db import models


def language_codes() -> list[str]:
    """["cs", "en", "de"]: every language the site is written in, default first."""
    return [code for code, _name in settings.LANGUAGES]


def fallback_languages(language: str) -> list[str]:
    """*language*, then the configured fallbacks, each once."""
    fallbacks = settings.MODELTRANSLATION_FALLBACK_LANGUAGES["default"]
    return list(dict.fromkeys([language, *fallbacks]))


def first_filled(instance: models.Model, field: str, languages=None) -> str:
    """The first non-empty translation of *field*, Czech (the default) first."""
    for lang in languages or language_codes():
        value = getattr(instance, f"{field}_{lang}", "") or ""
        if value.strip():
            return value
    return ""
