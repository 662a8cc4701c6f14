"""Print precision and recall per field of the extraction over the shipped articles.

    manage.py eval_extraction [--details]

Two tables: the development corpus (the rules were written against it) and
the unseen articles (never used to change a rule).
"""

from django.core.management.base import BaseCommand

from articles.extraction.evaluation import CORPUS, FIELDS, UNSEEN, evaluate


class Command(BaseCommand):
    help = "Evaluate the visit extraction on the annotated articles."

    def add_arguments(self, parser):
        parser.add_argument(
            "--details", action="store_true", help="list every difference"
        )

    def handle(self, *args, details: bool, **options):
        for label, folder in (
            ("development corpus", CORPUS),
            ("unseen articles", UNSEEN),
        ):
            result = evaluate(folder)
            self.stdout.write(f"\n{label}: {result.articles} annotated articles")
            self.stdout.write(f"{'field':<14} {'precision':>9} {'recall':>7}  found")
            for name in FIELDS:
                score = result.scores[name]
                self.stdout.write(
                    f"{name:<14} {score.precision:>9.2f} {score.recall:>7.2f}  "
                    f"{score.true_positive} right of {score.predicted} found, "
                    f"{score.expected} expected"
                )
            self.stdout.write(
                f"organisations in text order: {result.exact_order}/{result.articles}"
            )
            if details:
                for line in result.mismatches:
                    self.stdout.write(f"  {line}")
