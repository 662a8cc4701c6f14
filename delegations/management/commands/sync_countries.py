from django.core.management.base import BaseCommand

from delegations.countries import sync_countries
from delegations.models import Country


class Command(BaseCommand):
    help = "Create or refresh every ISO 3166-1 country and its cs/en/de names."

    def handle(self, *args, **options):
        created, updated = sync_countries(Country)
        self.stdout.write(f"Countries: {created} created, {updated} updated.")
