from django.db import migrations


def load_countries(apps, schema_editor):
    from delegations.countries import sync_countries

    sync_countries(apps.get_model("delegations", "Country"))


class Migration(migrations.Migration):
    dependencies = [("delegations", "0001_initial")]

    operations = [migrations.RunPython(load_countries, migrations.RunPython.noop)]
