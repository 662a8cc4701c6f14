"""The date of the visit: the first date the text gives, resolved against publication.

"On Thursday, 4 April" in an article published on 9 May 2024 is 4 April 2024:
a date without a year is the last such day on or before the publication
(a weekday given with it must agree, else the year before is tried). Also
"4. dubna", "ve čtvrtek 4. dubna 2024", "am 4. April", "April 4", "4. 4. 2024",
ranges ("3 to 5 April", "3.–5. dubna": the first day) and "yesterday",
"včera", "gestern".
"""

import datetime
import re
from dataclasses import dataclass

from .calendar import month_names, weekday_names
from .folding import fold
from .gazetteer import lexicon


@dataclass
class DateMention:
    date: datetime.date
    start: int
    end: int


def _resolve(day: int, month: int, year: int | None, weekday, published):
    candidates = [year] if year else [published.year, published.year - 1]
    for candidate in candidates:
        try:
            date = datetime.date(candidate, month, day)
        except ValueError:
            continue
        if year is None and date > published:
            continue
        if weekday is not None and date.weekday() != weekday and year is None:
            continue
        return date
    return None


def _patterns(language: str) -> list[re.Pattern]:
    months = "|".join(sorted(month_names()[language], key=len, reverse=True))
    days = "|".join(weekday_names()[language])
    range_sep = r"(?:\s*[-–]\s*|\s+(?:to|and|až|bis|und|a)\s+)"
    if language == "en":
        return [
            re.compile(
                rf"(?:\b(?P<wd>{days}),?\s+)?(?:the\s+)?\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?"
                rf"(?:{range_sep}\d{{1,2}}(?:st|nd|rd|th)?)?\s+(?:of\s+)?(?P<m>{months})\b"
                rf"\.?(?:,?\s+(?P<y>\d{{4}}))?"
            ),
            re.compile(
                rf"(?:\b(?P<wd>{days}),?\s+)?\b(?P<m>{months})\s+(?P<d>\d{{1,2}})"
                rf"(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>\d{{4}}))?"
            ),
        ]
    return [
        re.compile(
            rf"(?:\b(?P<wd>{days}),?\s+(?:dem\s+|den\s+)?)?\b(?P<d>\d{{1,2}})\."
            rf"(?:{range_sep}\d{{1,2}}\.)?\s*(?P<m>{months})\b\.?(?:\s+(?P<y>\d{{4}}))?"
        ),
        re.compile(
            rf"(?:\b(?P<wd>{days}),?\s+)?\b(?P<d>\d{{1,2}})\.\s*(?P<mn>\d{{1,2}})\."
            rf"\s*(?P<y>\d{{4}})\b"
        ),
    ]


def find_dates(
    text: str, language: str, published: datetime.datetime
) -> list[DateMention]:
    """Every resolvable date in *text*, in order."""
    folded = fold(text)
    months = month_names()[language]
    weekdays = weekday_names()[language]
    today = published.date() if isinstance(published, datetime.datetime) else published
    found = []
    for pattern in _patterns(language):
        for match in pattern.finditer(folded):
            groups = match.groupdict()
            month = int(groups["mn"]) if groups.get("mn") else months.get(groups["m"])
            if not month or not 1 <= month <= 12:
                continue
            weekday = weekdays.get(groups["wd"]) if groups.get("wd") else None
            year = int(groups["y"]) if groups.get("y") else None
            date = _resolve(int(groups["d"]), month, year, weekday, today)
            if date:
                found.append(DateMention(date, match.start(), match.end()))
    for word, offset in lexicon()["relative_days"][language].items():
        for match in re.finditer(rf"\b{fold(word)}\b", folded):
            found.append(
                DateMention(
                    today + datetime.timedelta(days=offset), match.start(), match.end()
                )
            )
    found.sort(key=lambda m: m.start)
    return found
