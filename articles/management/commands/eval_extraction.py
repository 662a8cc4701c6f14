"""Print precision and recall per field of the extraction over the shipped corpus."""

from django.core.management.base import BaseCommand

from articles.extraction.evaluation import FIELDS, evaluate


class Command(BaseCommand):
    help = "Evaluate the visit extraction on the annotated articles."

    def add_arguments(self, parser):
        parser.add_argument("-v2", "--details", action="store_true")

    def handle(self, *args, **options):
        result = evaluate()
        self.stdout.write(f"{result.articles} annotated articles\n")
        self.stdout.write(
            f"{'field':<14} {'precision':>9} {'recall':>7}  found/expected"
        )
        for name in FIELDS:
            s = result.scores[name]
            self.stdout.write(
                f"{name:<14} {s.precision:>9.2f} {s.recall:>7.2f}  "
                f"{s.true_positive}/{s.predicted} of {s.expected}"
            )
        self.stdout.write(
            f"organisations in text order: {result.exact_order}/{result.articles}"
        )
        if options["details"]:
            for line in result.mismatches:
                self.stdout.write(line)
