"""Fill the review queue: a proposed visit for each article that describes one.

    manage.py propose_visits            # every article without a visit or proposal
    manage.py propose_visits --imported # only articles that came from the import

Nothing is created in the registry: protocol officers review the proposals
in the admin (News › Visit proposals) and accept them one by one.
"""

import sys

from django.core.management.base import BaseCommand

from articles.models import Article
from articles.proposals import proposals_fill

from .import_articles import ProgressBar


class Command(BaseCommand):
    help = "Propose visits from the articles' texts into the review queue."

    def add_arguments(self, parser):
        parser.add_argument(
            "--imported", action="store_true", help="only imported articles"
        )

    def handle(self, *args, imported: bool, **options):
        articles = Article.objects.order_by("pk")
        if imported:
            articles = articles.filter(imported_versions__isnull=False).distinct()
        created = proposals_fill(articles, progress=ProgressBar(sys.stderr))
        self.stdout.write(self.style.SUCCESS(f"{created} visits proposed for review."))
