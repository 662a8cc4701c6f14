"""Czech and German typography applied when a page is rendered.

- `tie()`: a non-breaking space after a one-letter Czech preposition or
  conjunction (k, s, v, z, o, u, a, i), so that no line ends with one, and
  between a day number and its month ("4. dubna", "4. April"); in German also
  inside abbreviations ("z. B.", "d. h.") and after "Nr.", "S.", "§". Only text
  is touched, never a tag or an attribute of sanitised HTML.
- `date_range()`: one style per language, the stop date not repeated on a
  one-day visit: "3.–4. června 2025", "3–4 June 2025", "3.–4. Juni 2025".
"""

from __future__ import annotations

import datetime
import re

from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import SafeData, SafeString, mark_safe

NBSP = "\u00a0"
EN_DASH = "\u2013"

# Words that must not end a line, per language; the space after them is tied.
_ONE_LETTER_CS = re.compile(r"(?<![\w\-])([ksvzouaiKSVZOUAI]) +(?=\S)")
_DAY_MONTH = re.compile(r"(?<![\w.])(\d{1,2}\.) +(?=[^\W\d_])")
_DE_TIES = re.compile(
    r"(?<![\w])(z\.|d\.|u\.|v\.|Nr\.|S\.|§|Abs\.|Dr\.|Prof\.|Ing\.) +(?=\S)"
)
_RULES: dict[str, list[re.Pattern]] = {
    "cs": [_ONE_LETTER_CS, _DAY_MONTH],
    "de": [_DE_TIES, _DAY_MONTH],
}
# A tag (or comment) of the HTML: kept as it is.
_TAG = re.compile(r"(<!--.*?-->|<[^>]*>)", re.DOTALL)
# Text inside these elements is not prose: left alone.
_RAW = re.compile(r"<(pre|code|script|style)\b", re.IGNORECASE)
_RAW_END = re.compile(r"</(pre|code|script|style)\s*>", re.IGNORECASE)


def tie_text(text: str, language: str) -> str:
    """*text* (no markup) with the language's non-breaking spaces."""
    for rule in _RULES.get((language or "")[:2], []):
        text = rule.sub(lambda match: match.group(1) + NBSP, text)
    return text


def tie(value, language: str) -> SafeString | str:
    """Tie the words of *value*: plain text is escaped first, safe HTML has only
    its text between tags changed. Returns safe HTML either way."""
    if value is None or value == "":
        return value
    if (language or "")[:2] not in _RULES:
        return value
    if not isinstance(value, SafeData):
        return mark_safe(tie_text(escape(str(value)), language))  # noqa: S308
    parts = _TAG.split(str(value))
    raw_depth = 0
    for index, part in enumerate(parts):
        if index % 2:  # a tag
            if _RAW.match(part):
                raw_depth += 1
            elif _RAW_END.match(part):
                raw_depth = max(0, raw_depth - 1)
        elif part and not raw_depth:
            parts[index] = tie_text(part, language)
    return mark_safe("".join(parts))  # noqa: S308 (only text between tags changed)


# How the first date of a range is shortened when it shares the month, or the
# year, with the second; the second is the language's DATE_FORMAT.
_SHORT = {
    "cs": {"day": "j.", "day_month": "j. E"},
    "de": {"day": "j.", "day_month": "j. F"},
    "en": {"day": "j", "day_month": "j F"},
}


def date_range_parts(
    start: datetime.date, end: datetime.date | None, language: str
) -> list[tuple[datetime.date, str]]:
    """[(date, text)] to show for a range: one part for a single day, two
    otherwise, the first without what it shares with the second."""

    def _tied(text: str) -> str:
        return tie_text(text, language)

    full = _tied(date_format(start))
    if end is None or end == start:
        return [(start, full)]
    short = _SHORT.get((language or "")[:2], _SHORT["en"])
    if (start.year, start.month) == (end.year, end.month):
        first = date_format(start, short["day"])
    elif start.year == end.year:
        first = _tied(date_format(start, short["day_month"]))
    else:
        first = full
    return [(start, first), (end, _tied(date_format(end)))]


def range_separator(parts: list[tuple[datetime.date, str]]) -> str:
    """An en dash, closed up between day numbers ("3.–4."), spaced otherwise."""
    if len(parts) < 2:
        return ""
    first = parts[0][1]
    return EN_DASH if NBSP not in first and " " not in first else f" {EN_DASH} "
