from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations


class Migration(migrations.Migration):
    """unaccent and pg_trgm for search on PostgreSQL; both do nothing on SQLite."""

    dependencies = [("delegations", "0003_editorial_fields")]

    operations = [UnaccentExtension(), TrigramExtension()]
