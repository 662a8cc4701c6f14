"""The text side of search: folding, Czech prefixes, query parsing, highlighting.

Kept apart from `regionnews.search.backends` because none of it touches the
database: the same folding (`regionnews.core.text.fold`) and prefixes serve both
backends (`fold` runs as a SQL function
on SQLite and mirrors lower(unaccent()) on PostgreSQL; the prefixes become
to_tsquery() prefixes or substrings), and the results page marks matches with
them whichever database found the record.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from regionnews.core.text import characters_where, fold

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8


class InvalidQuery(ValueError):
    """A query that cannot be run; `message` says why, in the reader's language."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


# ---------------------------------------------------------------------------
# Czech inflection (pure Python, shared by both databases)

_WORD = re.compile(r"[^\W_]+")


def words(folded: str) -> list[str]:
    """The runs of letters and digits in *folded* text, each once, in order.

    Modifier letters (Unicode category Lm: "ː", "ʼ") count as letters to
    Python's regular expressions but are punctuation to a reader and to
    PostgreSQL, whose unaccent turns "ː" into ":"; they separate words.
    """
    if not folded.isascii():
        folded = _modifier_letters().sub(" ", folded)
    return list(dict.fromkeys(_WORD.findall(folded)))


@functools.cache
def _modifier_letters() -> re.Pattern:
    return characters_where(lambda char: unicodedata.category(char) == "Lm")


# Case endings of Czech nouns and adjectives, folded, with the shortest word
# each may be cut from: the light stemmer of Dolamic and Savoy (as in Lucene's
# CzechStemmer), used only to widen the query, never to index.
_ENDINGS = (
    (8, ("atech",)),
    (7, ("etem", "atum")),
    (6, ("ech", "ich", "eho", "emi", "emu", "ete", "eti", "iho", "imi", "imu")),
    (6, ("ach", "ata", "aty", "ych", "ama", "ami", "ove", "ovi", "ymi")),
    (5, ("em", "es", "im", "um", "at", "am", "os", "us", "ym", "mi", "ou")),
    (4, ("a", "e", "i", "o", "u", "y")),
)
_VOWELS = set("aeiouy")


def czech_stem(word: str) -> str:
    """*word* (folded) without its case ending: "kazachstanu" -> "kazachstan"."""
    for min_length, endings in _ENDINGS:
        if len(word) >= min_length:
            for ending in endings:
                if word.endswith(ending):
                    return word[: -len(ending)]
    return word


def prefixes(word: str) -> tuple[str, ...]:
    """The prefixes through which *word* (folded) matches a word of a text.

    The word itself, its stem, the stem with the consonant change of the
    nominative ("praz" -> "prah", "americ" -> "amerik") and with the e that
    Czech drops in inflection ("plzn" -> "plzen", from Plzeň/Plzni).
    """
    stem = czech_stem(word)
    candidates = [word, stem]
    if stem != word and len(stem) >= 3:
        if stem[-1] in "cz":
            candidates.append(stem[:-1] + {"c": "k", "z": "h"}[stem[-1]])
        if stem[-1] not in _VOWELS and stem[-2] not in _VOWELS:
            candidates.append(stem[:-1] + "e" + stem[-1])
    found = []
    for candidate in candidates:
        if (candidate == word or len(candidate) >= 3) and candidate not in found:
            found.append(candidate)
    return tuple(found)


@dataclass(frozen=True)
class ParsedQuery:
    """A query as typed and the folded words and prefixes it matches through."""

    text: str
    terms: tuple[str, ...]
    alternatives: tuple[tuple[str, ...], ...]
    pattern: re.Pattern = field(compare=False, repr=False)

    @property
    def all_prefixes(self) -> list[str]:
        return [prefix for group in self.alternatives for prefix in group]


def parse_query(text: str) -> ParsedQuery:
    """Fold and split *text*; `InvalidQuery` when it is too long or has no words.

    Only runs of letters and digits survive, so nothing the reader types can
    reach a query as syntax. One-letter words ("v Plzni", "H. E.") are dropped
    when longer ones remain: as prefixes they would match almost anything, and
    as required words they would fail a text that lacks the preposition. Words
    after the eighth are ignored.
    """
    text = unicodedata.normalize("NFC", (text or "").strip())
    if len(text) > MAX_QUERY_LENGTH:
        raise InvalidQuery(
            _("The search text is too long: use at most %(limit)d characters.")
            % {"limit": MAX_QUERY_LENGTH}
        )
    found = words(fold(text))
    terms = tuple([word for word in found if len(word) > 1] or found)[:MAX_TERMS]
    if not terms:
        raise InvalidQuery(_("Type at least one letter or digit to search for."))
    alternatives = tuple(prefixes(term) for term in terms)
    every_prefix = sorted(
        {prefix for group in alternatives for prefix in group}, key=len, reverse=True
    )
    pattern = re.compile(
        r"(?<![^\W_])(?:" + "|".join(map(re.escape, every_prefix)) + r")[^\W_]*"
    )
    return ParsedQuery(text, terms, alternatives, pattern)


# ---------------------------------------------------------------------------
# Highlighting: where in a text a query matched


@functools.lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    return fold(char)


def _match_spans(text: str, query: ParsedQuery) -> list[tuple[int, int]]:
    """Where in *text* a word begins with one of the query's prefixes.

    Matched on the folded text, mapped back to positions in the original, so
    that "Spotak" marks "Špoták" as typed.
    """
    if text.isascii():  # folding is lower case only: positions stay
        return [match.span() for match in query.pattern.finditer(text.lower())]
    folded, origin = [], []
    for index, char in enumerate(text):
        folded_char = _fold_char(char)
        folded.append(folded_char)
        origin.extend([index] * len(folded_char))
    return [
        (origin[match.start()], origin[match.end() - 1] + 1)
        for match in query.pattern.finditer("".join(folded))
    ]


def highlight(text: str, query: ParsedQuery) -> SafeString:
    """*text* escaped, with the matched words wrapped in <mark>.

    Safe to mark safe: every piece of *text* goes through escape() (or
    format_html) and the only markup added is <mark>.
    """
    pieces, last = [], 0
    for start, end in _match_spans(text, query):
        pieces.append(escape(text[last:start]))
        pieces.append(format_html("<mark>{}</mark>", text[start:end]))
        last = end
    pieces.append(escape(text[last:]))
    return mark_safe("".join(pieces))


def excerpt(text: str, query: ParsedQuery, size: int = 240) -> str:
    """About *size* characters of *text* around its first match, cut at spaces."""
    text = " ".join(text.split())
    if len(text) <= size:
        return text
    # Where the first match is, near enough: folding can change a text's
    # length by a letter or two ("ß" -> "ss"), and the excerpt is cut at a space.
    first = query.pattern.search(fold(text))
    start = max(0, min(first.start(), len(text)) - size // 4) if first else 0
    if start:
        start = text.find(" ", start) + 1 or start
    end = start + size
    if end < len(text):
        end = text.rfind(" ", start, end) if " " in text[start:end] else end
    return ("… " if start else "") + text[start:end] + (" …" if end < len(text) else "")
