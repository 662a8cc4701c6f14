"""`manage.py update_search_index [--kind articles ...]`: rebuild the index.

Every write keeps the index in step by itself; this is for a database filled
by other means (a restored dump, rows written with raw SQL) and after a
change to what is indexed. Safe to run on a live site: each batch of entries
is rewritten in place.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from regionnews.core.adapters import search_adapters
from regionnews.search.index import rebuild


class Command(BaseCommand):
    help = "Rebuild the stored search index from the records."

    def add_arguments(self, parser):
        parser.add_argument(
            "--kind",
            action="append",
            help="only this kind (repeatable): "
            + ", ".join(adapter.kind for adapter in search_adapters()),
        )

    def handle(self, *args, kind=None, **options):
        known = {adapter.kind for adapter in search_adapters()}
        unknown = sorted(set(kind or ()) - known)
        if unknown:
            choices = ", ".join(sorted(known))
            raise CommandError(f"Unknown kind: {', '.join(unknown)}; use {choices}.")
        verbosity = options["verbosity"]

        def progress(name, done, total):
            if verbosity > 1 or (verbosity and done == total):
                self.stdout.write(f"{name}: {done:,}/{total:,}")

        with transaction.atomic():
            counts = rebuild(kind, progress=progress)
        for name, count in counts.items():
            self.stdout.write(self.style.SUCCESS(f"{name}: {count} indexed"))
