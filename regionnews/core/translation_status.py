"""Which languages of an article or a visit are complete, and which may be outdated.

Pure functions over an object's `<field>_<lang>` values, shared by both apps.
A model says what "complete" means through two class attributes (see
`regionnews.core.models.EditorialModel`):

- `translation_required_fields`: the fields a language needs to be complete
  (an article: title, lead and body; a visit: title and purpose);
- `translation_text_fields`: the fields whose text is fingerprinted to notice
  that one language changed after the others were translated.

A language's fingerprint is the hash of its text when it was last complete. When
a complete language's text changes (its fingerprint moves) while another
complete language's does not, that other language is flagged as possibly out of
date, until an editor changes it or confirms it. Adding or finishing a
translation flags nothing: only a change to text that was already complete does.
"""

import hashlib
import html
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from django.db.models import Q
from django.utils.html import strip_tags

from .languages import language_codes

COMPLETE = "complete"
PARTIAL = "partial"
MISSING = "missing"
OUTDATED = "outdated"

_WHITESPACE = re.compile(r"\s+")

# How to read one translated value: (field name, language) -> text.
Reader = Callable[[str, str], Any]


def plain_text(value: Any) -> str:
    """The visible text of a value: tags dropped, entities decoded, spaces collapsed.

    `<p></p>` (what a rich-text editor leaves behind when emptied) is empty, and
    re-serialised HTML with the same text has the same fingerprint.
    """
    if not value:
        return ""
    text = html.unescape(strip_tags(str(value))).replace("\xa0", " ")
    return _WHITESPACE.sub(" ", text).strip()


def attribute_reader(obj: Any) -> Reader:
    """Read `obj.<field>_<lang>`."""
    return lambda field, lang: getattr(obj, f"{field}_{lang}", "")


def mapping_reader(data: Mapping[str, Any]) -> Reader:
    """Read `data["<field>_<lang>"]`, e.g. a form's cleaned_data."""
    return lambda field, lang: data.get(f"{field}_{lang}", "")


def language_state(read: Reader, lang: str, required: Sequence[str]) -> str:
    """COMPLETE when every required field has text, MISSING when none has, else
    PARTIAL."""
    filled = [bool(plain_text(read(field, lang))) for field in required]
    if all(filled):
        return COMPLETE
    return PARTIAL if any(filled) else MISSING


def complete_languages_of(
    read: Reader, required: Sequence[str], languages: Iterable[str] | None = None
) -> list[str]:
    """The languages, in settings order, whose required fields all have text."""
    return [
        lang
        for lang in languages or language_codes()
        if language_state(read, lang, required) == COMPLETE
    ]


def complete_languages(obj: Any) -> list[str]:
    """The languages in which *obj* (an article or a visit) is complete.

    Publishing needs at least one.
    """
    return complete_languages_of(attribute_reader(obj), obj.translation_required_fields)


def language_states(obj: Any) -> dict[str, str]:
    """Each language's state: COMPLETE, OUTDATED (complete but flagged), PARTIAL
    or MISSING."""
    read = attribute_reader(obj)
    outdated = set(obj.outdated_languages or ())
    states = {}
    for lang in language_codes():
        state = language_state(read, lang, obj.translation_required_fields)
        states[lang] = OUTDATED if state == COMPLETE and lang in outdated else state
    return states


def fingerprint(read: Reader, lang: str, fields: Sequence[str]) -> str:
    """A short hash of one language's visible text in *fields*."""
    text = "\x1f".join(plain_text(read(field, lang)) for field in fields)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def updated_translation_status(
    read: Reader,
    *,
    required: Sequence[str],
    text_fields: Sequence[str],
    fingerprints: Mapping[str, str],
    outdated: Sequence[str],
) -> tuple[dict[str, str], list[str]]:
    """The new (fingerprints, outdated languages) after a save.

    *fingerprints* and *outdated* are the values stored before the save. A
    complete language's fingerprint is its current hash; an incomplete one keeps
    the hash from when it was last complete, so that emptying and rewriting a
    text still counts as a change.
    """
    languages = language_codes()
    complete = set(complete_languages_of(read, required, languages))
    current = {lang: fingerprint(read, lang, text_fields) for lang in complete}
    changed = {lang for lang in complete if fingerprints.get(lang) != current[lang]}
    # A source changed: text that was complete before and is complete now, and
    # was not itself flagged (editing a flagged translation is catching up).
    sources = {lang for lang in changed if lang in fingerprints} - set(outdated)
    new_fingerprints = {
        lang: current.get(lang, fingerprints.get(lang))
        for lang in languages
        if lang in current or lang in fingerprints
    }
    flagged = set(outdated)
    for lang in languages:
        if lang not in complete or lang in changed:
            flagged.discard(lang)  # rewritten (or no longer a translation)
        elif sources - {lang}:
            flagged.add(lang)
    return new_fingerprints, [lang for lang in languages if lang in flagged]


def incomplete_q(lang: str, required: Sequence[str]) -> Q:
    """Rows whose *lang* is not complete: one of the required fields is empty.

    The database cannot strip tags, so this relies on saved texts being
    normalised (an emptied rich-text body is stored as ""), as `save()` does.
    """
    condition = Q()
    for field in required:
        column = f"{field}_{lang}"
        condition |= Q(**{column: ""}) | Q(**{f"{column}__isnull": True})
    return condition


def outdated_q() -> Q:
    """Rows with at least one translation flagged as possibly out of date."""
    return Q(outdated_languages__0__isnull=False)
