"""Print what the extraction finds in one exported article file; saves nothing.

manage.py extract_visit export/2024-05-09-kazakhstan.txt --json
"""

import json

from django.core.management.base import BaseCommand, CommandError

from articles.extraction.extract import extract_exported
from articles.importing.parse import ExportError, parse_export
from regionnews.core.languages import language_codes


class Command(BaseCommand):
    help = "Show the visit an exported article describes (nothing is saved)."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--json", action="store_true", help="print JSON")
        parser.add_argument("--language", choices=language_codes())

    def handle(self, *args, path, language, **options):
        try:
            with open(path, "rb") as handle:
                article = parse_export(handle.read(), path, language)
        except OSError as error:
            raise CommandError(str(error)) from error
        except ExportError as error:
            raise CommandError(str(error)) from error
        data = extract_exported(article).as_json()
        if options["json"]:
            self.stdout.write(dumps(data))
            return
        for key, value in data.items():
            self.stdout.write(f"{key}: {value}")


def dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
