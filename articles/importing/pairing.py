"""Which exported files are language versions of one story.

The old site published the Czech, English and German versions of a story at
the same minute under the same byline, so that pair is the key. A mapping
file (CSV: one story per row, its files' names in any order) overrides the
key for the files it names. A key with two files in one language, or a
mapping row naming a file twice in one language, is ambiguous: reported,
never guessed.
"""

import csv
import io
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from django.utils.translation import gettext as _

from .parse import ExportedArticle


@dataclass
class Story:
    """The language versions of one story, one file per language."""

    key: str
    versions: dict[str, ExportedArticle] = field(default_factory=dict)

    @property
    def sources(self) -> list[str]:
        return [version.source for version in self.versions.values()]

    @property
    def first(self) -> ExportedArticle:
        return min(self.versions.values(), key=lambda v: (v.published, v.language))


@dataclass
class Ambiguity:
    sources: list[str]
    reason: str


def story_key(article: ExportedArticle) -> str:
    """Publication minute and byline (spaces and case not counted)."""
    return f"{article.minute}|{' '.join(article.byline.lower().split())}"


def file_name(source: str) -> str:
    """The bare file name of a source ("archive.zip:2024/a.txt" -> "a.txt")."""
    return PurePosixPath(source.rsplit(":", 1)[-1].replace("\\", "/")).name


def read_mapping(text: str) -> list[list[str]]:
    """Rows of file names; blank rows and rows starting with # are skipped."""
    rows = []
    for row in csv.reader(io.StringIO(text)):
        names = [name.strip() for name in row if name.strip()]
        if names and not names[0].startswith("#"):
            rows.append([file_name(name) for name in names])
    return rows


def pair_versions(
    articles: list[ExportedArticle], mapping: list[list[str]] | None = None
) -> tuple[list[Story], list[Ambiguity]]:
    """Group *articles* into stories; the ambiguous groups are returned apart."""
    mapped_key = {
        name: f"map:{index}" for index, row in enumerate(mapping or []) for name in row
    }
    groups: dict[str, list[ExportedArticle]] = defaultdict(list)
    for article in articles:
        key = mapped_key.get(file_name(article.source)) or story_key(article)
        groups[key].append(article)

    stories, ambiguities = [], []
    for key, members in groups.items():
        by_language: dict[str, list[ExportedArticle]] = defaultdict(list)
        for article in members:
            by_language[article.language].append(article)
        clashes = {lang: group for lang, group in by_language.items() if len(group) > 1}
        if clashes:
            sources = sorted(article.source for article in members)
            lang, group = next(iter(sorted(clashes.items())))
            ambiguities.append(
                Ambiguity(
                    sources=sources,
                    reason=_(
                        "Ambiguous pairing: %(files)s are all in %(language)s with "
                        "the same publication minute and byline; list the language "
                        "versions of each story in a mapping file."
                    )
                    % {
                        "files": ", ".join(sorted(a.source for a in group)),
                        "language": lang,
                    },
                )
            )
            continue
        # The key kept for the story is the earliest version's, so that the same
        # files give the same key with or without a mapping row.
        story = Story(key=key, versions={a.language: a for a in members})
        story.key = story_key(story.first)
        stories.append(story)
    stories.sort(key=lambda s: (s.first.published, s.key))
    return stories, ambiguities
