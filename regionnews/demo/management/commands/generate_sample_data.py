"""Fill an empty database with a sample archive for load tests (`make bench`)."""

import sys
import time

from django.core.management.base import BaseCommand, CommandError

from regionnews.demo.sample_data import NotEmpty, generate_sample_data


class Command(BaseCommand):
    help = (
        "Fill an empty database with N sample articles (cs/en/de) and the visits, "
        "people and organisations they are about. Deterministic for a given seed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--articles", type=int, default=10_000, help="How many (default 10,000)."
        )
        parser.add_argument("--seed", type=int, default=2004)
        parser.add_argument("--batch-size", type=int, default=1000)

    def handle(self, *args, articles, seed, batch_size, **options):
        if not 1 <= articles <= 1_000_000:
            raise CommandError("--articles must be between 1 and 1,000,000.")
        started = time.monotonic()
        tty = sys.stdout.isatty()

        def progress(label, done, total):
            line = f"{label}: {done:,}/{total:,} ({time.monotonic() - started:.0f} s)"
            if tty:
                self.stdout.write(f"\r{line}", ending="")
                if done == total:
                    self.stdout.write("")
            elif done == total or done % (batch_size * 10) == 0:
                self.stdout.write(line)

        try:
            counts = generate_sample_data(
                articles=articles, seed=seed, batch_size=batch_size, progress=progress
            )
        except NotEmpty as error:
            raise CommandError(
                f"{error} generate_sample_data fills an empty database."
            ) from None
        summary = ", ".join(f"{n:,} {kind}" for kind, n in counts.items())
        elapsed = time.monotonic() - started
        self.stdout.write(
            self.style.SUCCESS(f"Sample data: {summary} in {elapsed:.0f} s.")
        )
