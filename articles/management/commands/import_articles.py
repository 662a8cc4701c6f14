"""Import the old site's plain-text export: files, folders and .zip archives.

    manage.py import_articles export/ more.zip one.txt --status published
    manage.py import_articles export/ --propose-visits   # and fill the review queue

The language of each file comes from its publication line (or --language);
language versions of one story (same minute and byline, or a row of the
--mapping CSV) become one article. Running it again changes only what
changed. Exit status 1 when any file failed.
"""

import sys

from django.core.management.base import BaseCommand, CommandError

from articles.importing.importer import import_files, read_sources
from articles.models import Article
from articles.proposals import proposals_fill
from regionnews.core.languages import language_codes


class ProgressBar:
    """A one-line bar on stderr for long runs (from 50 stories on)."""

    def __init__(self, stream, width: int = 40):
        self.stream, self.width = stream, width

    def __call__(self, done: int, total: int) -> None:
        if total < 50 or (done % 25 and done != total):
            return
        filled = self.width * done // total
        bar = "#" * filled + "." * (self.width - filled)
        self.stream.write(f"\r[{bar}] {done}/{total}")
        if done == total:
            self.stream.write("\n")
        self.stream.flush()


class Command(BaseCommand):
    help = "Import articles from the old site's plain-text export."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="files, folders or .zip files")
        parser.add_argument(
            "--language",
            choices=language_codes(),
            help="the language of every file (default: from the publication line)",
        )
        parser.add_argument(
            "--status",
            choices=[Article.Status.DRAFT, Article.Status.PUBLISHED],
            default=Article.Status.DRAFT,
            help="status of new articles; published keeps the original time",
        )
        parser.add_argument(
            "--propose-visits",
            action="store_true",
            help="then fill the review queue with the visits the articles describe",
        )
        parser.add_argument(
            "--mapping",
            help="CSV file: one story per row, the file names of its language versions",
        )

    def handle(self, *args, paths, language, status, mapping, **options):
        propose = options["propose_visits"]
        mapping_text = None
        if mapping:
            try:
                with open(mapping, encoding="utf-8-sig") as handle:
                    mapping_text = handle.read()
            except (OSError, UnicodeDecodeError) as error:
                raise CommandError(f"Cannot read the mapping file: {error}") from error
        try:
            sources = list(read_sources(paths))
        except OSError as error:
            raise CommandError(str(error)) from error
        report = import_files(
            sources,
            language=language,
            status=status,
            mapping=mapping_text,
            progress=ProgressBar(sys.stderr),
        )
        if propose and report.article_ids:
            proposed = proposals_fill(
                Article.objects.filter(pk__in=report.article_ids).order_by("pk")
            )
            self.stdout.write(f"{proposed} visits proposed for review.")
        for failure in report.failed:
            self.stderr.write(f"FAILED {failure}")
        style = self.style.ERROR if report.failed else self.style.SUCCESS
        self.stdout.write(style(report.summary()))
        if report.failed:
            sys.exit(1)
