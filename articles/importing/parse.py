"""The old site's plain-text export: one article per file.

    Title line
    <blank>
    09. May 2024 14:51, Ing. Milan Kozel      (or "09. května 2024 14:51, ..."
    <blank>                                    or "09. Mai 2024 14:51, ...")
    Paragraph
    <blank>
    Paragraph ...

`parse_export()` turns the bytes of one file into an `ExportedArticle`, or
raises `ExportError` with the line number and the reason. The encoding is
UTF-8 (with or without a BOM), UTF-16 with a BOM, or a Czech 8-bit export
(cp1250, ISO 8859-2) told apart by which one gives Czech letters; anything
else is reported, never imported as mojibake.
"""

import datetime
import re
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils.translation import gettext as _

from articles.extraction.calendar import month_languages

TITLE_MAX_LENGTH = 250
PUBLICATION_LINE = re.compile(
    r"^(?P<day>\d{1,2})\.\s*(?P<month>[^\W\d_]+\.?)\s+(?P<year>\d{4})"
    r"\s+(?P<hour>\d{1,2}):(?P<minute>\d{2})\s*(?:,\s*(?P<byline>.*\S))?\s*$"
)
# Words that tell the languages apart when the month does not ("April").
STOPWORDS = {
    "cs": {"a", "se", "je", "na", "v", "ve", "s", "z", "do", "že", "který", "pro"},
    "en": {"the", "and", "of", "to", "in", "with", "was", "is", "for", "he", "she"},
    "de": {"der", "die", "das", "und", "mit", "ist", "den", "im", "für", "von"},
}
CZECH_LETTERS = set("ěščřžýáíéůúťďňóĚŠČŘŽÝÁÍÉŮÚŤĎŇÓäöüßÄÖÜ")


class ExportError(ValueError):
    """A file that cannot be imported: where and why."""

    def __init__(self, source: str, line: int | None, reason: str):
        super().__init__(f"{source}:{line or '-'}: {reason}")
        self.source, self.line, self.reason = source, line, reason


@dataclass
class ExportedArticle:
    source: str
    language: str
    title: str
    published: datetime.datetime
    byline: str
    paragraphs: list[str]
    encoding: str = "utf-8"
    notes: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """Title and paragraphs, as the extraction reads them."""
        return "\n\n".join([self.title, *self.paragraphs])

    @property
    def minute(self) -> str:
        """The publication minute in ISO form: half of the pairing key."""
        return self.published.strftime("%Y-%m-%dT%H:%M")


def decode(data: bytes, source: str) -> tuple[str, str]:
    """The text of *data* and the encoding it was in, or ExportError."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as error:
            raise ExportError(source, None, _("Broken UTF-16 text.")) from error
    if b"\x00" in data:
        raise ExportError(source, None, _("This is not a text file."))
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates = []
    for encoding in ("cp1250", "iso8859_2"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        controls = sum(1 for char in text if "\x80" <= char <= "\x9f")
        letters = sum(1 for char in text if char in CZECH_LETTERS)
        candidates.append((letters - 10 * controls, encoding, text))
    if candidates:
        score, encoding, text = max(candidates)
        if score > 0:
            return text, encoding
    raise ExportError(
        source,
        None,
        _("Unknown text encoding: save the file as UTF-8 or Windows-1250."),
    )


def detect_language(month: str, paragraphs: list[str]) -> str | None:
    """The language of the publication line's month; the text decides a tie."""
    languages = list(month_languages(month))
    if len(languages) == 1:
        return languages[0]
    if not languages:
        return None
    words = re.findall(r"\w+", " ".join(paragraphs).lower())
    scores = {lang: sum(w in STOPWORDS[lang] for w in words) for lang in languages}
    best = max(scores.values())
    winners = [lang for lang, score in scores.items() if score == best]
    return winners[0] if len(winners) == 1 and best > 0 else None


def parse_export(data: bytes, source: str, language: str | None = None):
    """One exported file as an ExportedArticle; ExportError says what is wrong."""
    text, encoding = decode(data, source)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not any(line.strip() for line in lines):
        raise ExportError(source, 1, _("The file is empty."))
    title = lines[0].strip()
    if not title:
        raise ExportError(source, 1, _("The first line must be the title."))
    if len(title) > TITLE_MAX_LENGTH:
        raise ExportError(
            source, 1, _("The title is longer than %d characters.") % TITLE_MAX_LENGTH
        )
    if len(lines) < 3 or lines[1].strip():
        raise ExportError(source, 2, _("A blank line must follow the title."))
    match = PUBLICATION_LINE.match(lines[2].strip())
    if not match:
        raise ExportError(
            source,
            3,
            _(
                "The third line must be the publication line, "
                "e.g. “09. May 2024 14:51, Ing. Milan Kozel”."
            ),
        )
    if len(lines) > 3 and lines[3].strip():
        raise ExportError(
            source, 4, _("A blank line must follow the publication line.")
        )
    paragraphs, current = [], []
    for line in lines[4:]:
        if line.strip():
            current.append(line.strip())
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    if not paragraphs:
        raise ExportError(source, 5, _("The article has no text."))

    detected = detect_language(match["month"], paragraphs)
    months = month_languages(match["month"])
    if language is None:
        language = detected
        if language is None:
            reason = (
                _("Unknown month “%s” in the publication line.") % match["month"]
                if not months
                else _("Cannot tell the language; give it with --language.")
            )
            raise ExportError(source, 3, reason)
    if language not in months:
        raise ExportError(
            source,
            3,
            _("“%(month)s” is not a month name in %(language)s.")
            % {"month": match["month"], "language": language},
        )
    try:
        published = datetime.datetime(
            int(match["year"]),
            months[language],
            int(match["day"]),
            int(match["hour"]),
            int(match["minute"]),
            tzinfo=ZoneInfo(settings.TIME_ZONE),
        )
    except ValueError as error:
        raise ExportError(
            source, 3, _("The publication date does not exist: %s") % error
        ) from error
    return ExportedArticle(
        source=source,
        language=language,
        title=title,
        published=published,
        byline=(match["byline"] or "").strip(),
        paragraphs=paragraphs,
        encoding=encoding,
    )
