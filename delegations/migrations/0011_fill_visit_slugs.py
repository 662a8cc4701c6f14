"""Visit slugs per language, like articles'.

Existing visits keep their slug as the English one (every link out there
stays valid, and other languages' old URLs redirect to theirs); the Czech and
German slugs are made from those titles and the year.
"""

from django.db import migrations
from django.utils.text import slugify

SLUG_LENGTH = 250


def first_title(visit) -> str:
    for code in ("en", "cs", "de"):
        title = getattr(visit, f"title_{code}") or ""
        if title.strip():
            return title
    return visit.title or "visit"


def unique(model, field: str, value: str, pk: int) -> str:
    base = slugify(value)[:SLUG_LENGTH].strip("-") or "visit"
    candidate, n = base, 2
    while model.objects.exclude(pk=pk).filter(**{field: candidate}).exists():
        suffix = f"-{n}"
        candidate = base[: SLUG_LENGTH - len(suffix)].strip("-") + suffix
        n += 1
    return candidate


def fill_slugs(apps, schema_editor):
    Visit = apps.get_model("delegations", "Visit")
    for visit in Visit.objects.order_by("pk"):
        visit.slug_en = visit.slug
        visit.save(update_fields=["slug_en"])
    for visit in Visit.objects.order_by("pk"):
        year = str(visit.start_date)[:4]
        for code in ("cs", "de"):
            title = getattr(visit, f"title_{code}") or first_title(visit)
            field = f"slug_{code}"
            setattr(visit, field, unique(Visit, field, f"{title} {year}", visit.pk))
            visit.save(update_fields=[field])
    # The untranslated column follows the Czech one, as a save would make it;
    # through a placeholder, so that no two rows hold one value in between.
    for visit in Visit.objects.order_by("pk"):
        Visit.objects.filter(pk=visit.pk).update(slug=f"~{visit.pk}")
    for visit in Visit.objects.order_by("pk"):
        Visit.objects.filter(pk=visit.pk).update(slug=visit.slug_cs)


def keep_english_slugs(apps, schema_editor):
    Visit = apps.get_model("delegations", "Visit")
    for visit in Visit.objects.order_by("pk"):
        Visit.objects.filter(pk=visit.pk).update(slug=f"~{visit.pk}")
    for visit in Visit.objects.order_by("pk"):
        Visit.objects.filter(pk=visit.pk).update(slug=visit.slug_en)


class Migration(migrations.Migration):
    # Data apart from the schema change: PostgreSQL refuses to alter a table
    # with pending trigger events in one transaction.
    dependencies = [
        ("delegations", "0010_visit_slug_per_language"),
    ]

    operations = [
        migrations.RunPython(fill_slugs, keep_english_slugs),
    ]
