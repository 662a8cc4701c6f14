"""Bring the old site's exported articles in: idempotent, one transaction per story.

`read_sources()` walks files, folders and .zip archives; `import_files()`
parses them, pairs the language versions and writes each story through
`article_save()` (validation, sanitising, versions and translation
fingerprints as for any other write). The `ImportReport` counts what was
imported, updated, unchanged and failed, each failure with its file, line
and reason. The management command and the admin upload both call
`import_files()`.
"""

import hashlib
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from html import escape
from pathlib import Path

import reversion
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from articles.models import Article, ImportedVersion
from articles.services import article_save
from regionnews.core.languages import language_codes

from .pairing import Story, pair_versions, read_mapping, story_key
from .parse import ExportedArticle, ExportError, parse_export

MAX_FILE_BYTES = 2 * 1024 * 1024


@dataclass
class Failure:
    source: str
    line: int | None
    reason: str

    def __str__(self):
        return f"{self.source}:{self.line or '-'}: {self.reason}"


@dataclass
class ImportReport:
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: list[Failure] = field(default_factory=list)
    article_ids: list[int] = field(default_factory=list)
    # How many files were in each encoding: a Windows-1250 export is read,
    # and the operator sees that it was.
    encodings: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "ImportReport":
        failures = [Failure(**item) for item in data.get("failed", [])]
        return cls(**{**data, "failed": failures})

    def summary(self) -> str:
        text = _(
            "%(imported)d imported, %(updated)d updated, %(unchanged)d unchanged, "
            "%(failed)d failed"
        ) % {
            "imported": self.imported,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "failed": len(self.failed),
        }
        others = {k: n for k, n in self.encodings.items() if k != "utf-8"}
        if others:
            files = ", ".join(f"{n} × {k}" for k, n in sorted(others.items()))
            text += " " + _("(files not in UTF-8, read as: %s)") % files
        return text


def read_sources(paths: Iterable[str | Path]) -> Iterator[tuple[str, bytes]]:
    """(name, bytes) of every .txt file in *paths*: files, folders, zip archives."""
    for path in map(Path, paths):
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in (".txt", ".zip"):
                    yield from read_sources([child])
        elif path.suffix.lower() == ".zip":
            yield from read_zip(path, str(path))
        else:
            yield str(path), path.read_bytes()


def read_zip(file, name: str) -> Iterator[tuple[str, bytes]]:
    """The .txt members of a zip archive (a file name or an open file)."""
    try:
        archive = zipfile.ZipFile(file)
    except zipfile.BadZipFile:
        yield name, b"\x00"  # reported by the parser as "not a text file"
        return
    with archive:
        for info in archive.infolist():
            if info.is_dir() or not info.filename.lower().endswith(".txt"):
                continue
            if info.file_size > MAX_FILE_BYTES:
                yield f"{name}:{info.filename}", b"\x00"
                continue
            yield f"{name}:{info.filename}", archive.read(info)


def text_hash(version: ExportedArticle) -> str:
    parts = [version.title, version.byline, version.minute, *version.paragraphs]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def body_html(paragraphs: list[str]) -> str:
    return "\n".join(f"<p>{escape(text, quote=False)}</p>" for text in paragraphs)


def import_files(
    sources: Iterable[tuple[str, bytes]],
    *,
    language: str | None = None,
    status: str = Article.Status.DRAFT,
    mapping: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    """Import the exported files; a malformed file or story is reported, not stored.

    *status* applies to new articles; an article already imported keeps the
    status it has now (a chief editor may have published it since), and its
    texts in the languages not in the files.
    """
    report = ImportReport()
    parsed = []
    for name, data in sources:
        try:
            article = parse_export(data, name, language)
        except ExportError as error:
            report.failed.append(Failure(error.source, error.line, error.reason))
        else:
            parsed.append(article)
            report.encodings[article.encoding] = (
                report.encodings.get(article.encoding, 0) + 1
            )
    stories, ambiguities = pair_versions(
        parsed, read_mapping(mapping) if mapping else None
    )
    for ambiguity in ambiguities:
        for source in ambiguity.sources:
            report.failed.append(Failure(source, 3, ambiguity.reason))
    with translation.override(settings.LANGUAGE_CODE):
        for done, story in enumerate(stories, start=1):
            try:
                outcome, article = import_story(story, status=status)
            except (ValidationError, ExportError) as error:
                reason = (
                    error.reason
                    if isinstance(error, ExportError)
                    else "; ".join(error.messages)
                )
                for source in story.sources:
                    report.failed.append(Failure(source, None, reason))
            else:
                setattr(report, outcome, getattr(report, outcome) + 1)
                report.article_ids.append(article.pk)
            if progress:
                progress(done, len(stories))
    report.failed.sort(key=lambda f: (f.source, f.line or 0))
    return report


@transaction.atomic
def import_story(story: Story, *, status: str) -> tuple[str, Article]:
    """Create or update the article of one story; returns the outcome and it."""
    keys = {story_key(version) for version in story.versions.values()}
    records = list(
        ImportedVersion.objects.filter(key__in=keys).select_related("article")
    )
    articles = {record.article_id: record.article for record in records}
    if len(articles) > 1:
        raise ExportError(
            ", ".join(story.sources),
            None,
            _("These files belong to %d different imported articles.") % len(articles),
        )
    hashes = {lang: text_hash(v) for lang, v in story.versions.items()}
    known = {(r.language, r.text_hash) for r in records}
    article = next(iter(articles.values()), None)
    if article is not None and all(item in known for item in hashes.items()):
        return "unchanged", article

    first = story.first
    texts = {"title": {}, "lead": {}, "body": {}}
    if article is not None:
        for name, values in texts.items():
            for code in language_codes():
                values[code] = getattr(article, f"{name}_{code}") or ""
    for lang, version in story.versions.items():
        texts["title"][lang] = version.title
        texts["lead"][lang] = (
            version.paragraphs[0] if len(version.paragraphs) > 1 else ""
        )
        texts["body"][lang] = body_html(
            version.paragraphs[1:]
            if len(version.paragraphs) > 1
            else version.paragraphs
        )
    with reversion.create_revision():
        reversion.set_comment(_("Imported from %s") % ", ".join(story.sources))
        saved = article_save(
            article=article,
            title=texts["title"],
            lead=texts["lead"],
            body=texts["body"],
            byline=first.byline,
            status=article.status if article is not None else status,
            published_at=first.published,
            **_relations(article),
        )
    for lang, version in story.versions.items():
        ImportedVersion.objects.update_or_create(
            key=story_key(version),
            language=lang,
            defaults={
                "article": saved,
                "source": version.source[:500],
                "text_hash": hashes[lang],
            },
        )
    return ("imported" if article is None else "updated"), saved


def _relations(article: Article | None) -> dict:
    """The links an article has, so that article_save() keeps them."""
    if article is None:
        return {}
    return {
        name: list(getattr(article, name).all())
        for name in ("topics", "visits", "countries", "people", "organisations")
    }
