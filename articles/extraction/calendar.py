"""Month and weekday names in cs/en/de, from CLDR via Babel (nothing typed by hand).

Shared by the export parser (the publication line) and the date rules of the
extraction ("On Thursday, 4 April", "ve čtvrtek 4. dubna", "am 4. April").
"""

from functools import cache

from babel import Locale

from .folding import fold

LANGUAGES = ("cs", "en", "de")


@cache
def month_names() -> dict[str, dict[str, int]]:
    """{"cs": {"dubna": 4, "duben": 4, ...}, ...}: folded month names to numbers.

    Format and stand-alone forms, wide and abbreviated (without the dot), so
    "09. května", "9. květen", "9. Mai", "9 Sept." all parse.
    """
    names: dict[str, dict[str, int]] = {}
    for lang in LANGUAGES:
        locale = Locale(lang)
        table: dict[str, int] = {}
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in locale.months[context][width].items():
                    key = fold(name.rstrip("."))
                    if len(key) >= 3:
                        table[key] = number
        names[lang] = table
    return names


@cache
def weekday_names() -> dict[str, dict[str, int]]:
    """{"en": {"thursday": 3, ...}, ...}: folded weekday names to Python weekdays."""
    return {
        lang: {
            fold(name): number
            for number, name in Locale(lang).days["format"]["wide"].items()
        }
        for lang in LANGUAGES
    }


def month_languages(name: str) -> dict[str, int]:
    """The languages a month name belongs to, with its number ("April" is en and de)."""
    key = fold(name.rstrip("."))
    return {lang: table[key] for lang, table in month_names().items() if key in table}
