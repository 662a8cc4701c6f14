"""Run the admin's import jobs that are waiting, or were cut off by a restart.

    manage.py run_import_jobs                  # pending, and running > 30 min
    manage.py run_import_jobs --stale-minutes 5

Safe to run from cron: a job is claimed before it runs, and importing the
same files again changes nothing that is already imported.
"""

import datetime

from django.core.management.base import BaseCommand

from articles.importing.jobs import import_jobs_resume


class Command(BaseCommand):
    help = "Run pending (and orphaned) article import jobs."

    def add_arguments(self, parser):
        parser.add_argument("--stale-minutes", type=int, default=30)

    def handle(self, *args, stale_minutes: int, **options):
        jobs = import_jobs_resume(stale_after=datetime.timedelta(minutes=stale_minutes))
        for job in jobs:
            self.stdout.write(f"{job}: {job.get_status_display()}")
        self.stdout.write(self.style.SUCCESS(f"{len(jobs)} import jobs run."))
