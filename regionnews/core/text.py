"""Accent folding: the one definition, shared by search, sorting and matching."""

import unicodedata

# Letters that Unicode does not decompose but PostgreSQL's unaccent folds.
_UNDECOMPOSED = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i"}
)


def strip_accents(text: str) -> str:
    """ "Špoták" -> "Spotak": the letters without their diacritics, case kept."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def fold(text: str | None) -> str | None:
    """Lower case without accents, so that "Špoták" and "spotak" compare equal."""
    if text is None:
        return None
    return strip_accents(text).lower().translate(_UNDECOMPOSED)


def collation_key(text: str) -> tuple[str, str]:
    """Sort "Čína" beside "Chile" rather than after "Zambie" (database order).

    Accents are ignored first and only break ties; good enough for lists of
    names in Czech, English and German without a locale-aware collation.
    """
    return strip_accents(text).casefold(), text
