"""Generate N exported articles (three languages per story) and time their import.

    manage.py bench_import --files 10000

Run it against a throw-away database (`make bench-import` uses one in /tmp):
it imports everything it generates.
"""

import random
import tempfile
import time
from pathlib import Path

from django.core.management.base import BaseCommand

from articles.importing.importer import import_files, read_sources

MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July",
           "August", "September", "October", "November", "December"],
    "cs": ["ledna", "února", "března", "dubna", "května", "června", "července",
           "srpna", "září", "října", "listopadu", "prosince"],
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli",
           "August", "September", "Oktober", "November", "Dezember"],
}  # fmt: skip
TEXT = {
    "en": "The Governor of the Pilsen Region received the delegation number {n}.",
    "cs": "Hejtman Plzeňského kraje přijal delegaci číslo {n}.",
    "de": "Der Hauptmann der Region Pilsen empfing die Delegation Nummer {n}.",
}


class Command(BaseCommand):
    help = "Time the import of generated export files (use a throw-away database)."

    def add_arguments(self, parser):
        parser.add_argument("--files", type=int, default=10000)

    def handle(self, *args, files: int, **options):
        rng = random.Random(8)
        with tempfile.TemporaryDirectory() as folder:
            for n in range(files):
                lang = ("cs", "en", "de")[n % 3]
                story = n // 3
                day, month = 1 + story % 28, story % 12
                year, minute = 2004 + story % 20, story % 60
                text = (
                    f"Story {story} ({lang})\n\n"
                    f"{day:02d}. {MONTHS[lang][month]} {year} 10:{minute:02d}, "
                    f"Reporter {story}\n\n"
                    + "\n\n".join(
                        TEXT[lang].format(n=rng.randint(1, 10**6)) for _ in range(4)
                    )
                    + "\n"
                )
                Path(folder, f"{n:05d}-{lang}.txt").write_text(text, encoding="utf-8")
            start = time.perf_counter()
            report = import_files(list(read_sources([folder])))
            seconds = time.perf_counter() - start
        self.stdout.write(report.summary())
        self.stdout.write(
            f"{files} files in {seconds:.1f} s ({files / seconds:.0f} files/s)"
        )
