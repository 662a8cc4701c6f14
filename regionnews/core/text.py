"""Accent folding: the one definition, shared by search, sorting and matching."""

import functools
import re
import sys
import unicodedata

from django.utils.translation import get_language

# Letters that Unicode does not decompose but PostgreSQL's unaccent folds.
_UNDECOMPOSED = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i"}
)


def characters_where(test) -> re.Pattern:
    """A character class of every code point for which *test* holds.

    Built once per process (a pass over Unicode, about 0.2 s) so that folding
    and splitting run as one regular expression instead of a loop per
    character: the search index folds every text of the archive.
    """
    ranges, start = [], None
    for code in range(sys.maxunicode + 2):
        inside = code <= sys.maxunicode and test(chr(code))
        if inside and start is None:
            start = code
        elif not inside and start is not None:
            ranges.append(f"{re.escape(chr(start))}-{re.escape(chr(code - 1))}")
            start = None
    return re.compile("[" + "".join(ranges) + "]")


@functools.cache
def _combining() -> re.Pattern:
    return characters_where(unicodedata.combining)


def strip_accents(text: str) -> str:
    """ "Špoták" -> "Spotak": the letters without their diacritics, case kept."""
    decomposed = unicodedata.normalize("NFKD", text)
    if decomposed.isascii():
        return decomposed
    return _combining().sub("", decomposed)


def fold(text: str | None) -> str | None:
    """Lower case without accents, so that "Špoták" and "spotak" compare equal."""
    if text is None:
        return None
    return strip_accents(text).lower().translate(_UNDECOMPOSED)


# Letters that a language sorts as letters of their own, after their base letter
# (Czech: "č" after every "c", "ch" after every "h"); every other accent only
# breaks ties. German (DIN 5007-1) and English sort "ä" as "a", "ß" as "ss".
_AFTER = "\uffff"
_OWN_LETTERS = {
    "cs": (("ch", "h"), ("č", "c"), ("ř", "r"), ("š", "s"), ("ž", "z")),
    "sk": (("ch", "h"), ("č", "c"), ("š", "s"), ("ž", "z")),
}


def collation_key(text: str, language: str | None = None) -> tuple[str, str]:
    """A sort key for *text* in *language* (the active one by default).

    "Šumava" sorts after "Svitavy" and "Chrudim" after "Hradec" in Czech, while
    "Čína" sorts beside "Chile" in English; case and other accents only break
    ties. A small stand-in for ICU collation (PyICU needs a compiler and
    libicu-dev), enough for lists of names in the site's three languages.
    """
    if language is None:
        language = get_language() or ""
    primary = unicodedata.normalize("NFC", text).casefold()
    for letters, base in _OWN_LETTERS.get(language.split("-")[0], ()):
        primary = primary.replace(letters, base + _AFTER)
    return strip_accents(primary).translate(_UNDECOMPOSED), text


def surname_key(name: str, language: str | None = None) -> tuple:
    """Sort people by surname, then by the rest: "Rudolf Špoták" under "Š"."""
    *given, surname = name.split() or [""]
    return collation_key(surname, language), collation_key(" ".join(given), language)
