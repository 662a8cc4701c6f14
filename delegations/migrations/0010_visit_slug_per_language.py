"""Visit slugs per language, like articles' (columns; 0009 fills them)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("delegations", "0009_organisation_address"),
    ]

    operations = [
        migrations.AddField(
            model_name="visit",
            name="slug_cs",
            field=models.SlugField(
                blank=True, max_length=250, null=True, unique=True, verbose_name="slug"
            ),
        ),
        migrations.AddField(
            model_name="visit",
            name="slug_de",
            field=models.SlugField(
                blank=True, max_length=250, null=True, unique=True, verbose_name="slug"
            ),
        ),
        migrations.AddField(
            model_name="visit",
            name="slug_en",
            field=models.SlugField(
                blank=True, max_length=250, null=True, unique=True, verbose_name="slug"
            ),
        ),
    ]
