"""Country names from pycountry (ISO 3166-1 and its Debian iso-codes translations).

Names are never typed by hand: `sync_countries()` fills or refreshes every
country's Czech, English and German name from the maintained data set. It runs
in a data migration and again from `manage.py sync_countries` after an upgrade.
"""

import gettext

import pycountry

from regionnews.core.languages import language_codes
from regionnews.core.signals import rows_written


def iso_names() -> dict[str, dict[str, str]]:
    """{"KZ": {"cs": "Kazachstán", "en": "Kazakhstan", "de": "Kasachstan"}, ...}"""
    catalogs = {
        lang: gettext.translation(
            "iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True
        )
        for lang in language_codes()
    }
    names = {}
    for country in pycountry.countries:
        # The common name ("Czechia", "South Korea") reads better than the
        # official one ("Korea, Republic of") in lists and headings.
        english = getattr(country, "common_name", None) or country.name
        names[country.alpha_2] = {
            lang: english if lang == "en" else catalogs[lang].gettext(english)
            for lang in language_codes()
        }
    return names


def _without_rewriting(queryset):
    """The queryset with modeltranslation's lookup rewriting turned off.

    Otherwise `name` in `update()` means `name_<active language>`, and a sync run
    with English active would overwrite the English names with the Czech ones.
    Historical models in migrations have plain querysets: nothing to turn off.
    """
    return queryset.rewrite(False) if hasattr(queryset, "rewrite") else queryset


def sync_countries(country_model) -> tuple[int, int]:
    """Create missing countries and refresh names; returns (created, updated).

    Running it again changes nothing; a name edited by hand is put back.
    """
    created = updated = 0
    countries = _without_rewriting(country_model.objects.all())
    columns = ["name", *(f"name_{lang}" for lang in language_codes())]
    existing = {row["code"]: row for row in countries.values("pk", "code", *columns)}
    for code, names in iso_names().items():
        fields = {f"name_{lang}": name for lang, name in names.items()}
        # The untranslated column holds the default language, as modeltranslation
        # keeps it on save.
        fields["name"] = names["cs"]
        row = existing.get(code)
        if row is None:
            countries.create(code=code, **fields)
            created += 1
        elif any(row[key] != value for key, value in fields.items()):
            countries.filter(pk=row["pk"]).update(**fields)
            rows_written(country_model, [row["pk"]])
            updated += 1
    if created or updated:
        # QuerySet.update() sends no signal: tell the page cache ourselves.
        from regionnews.core.content_generation import bump_content_generation

        bump_content_generation()
    return created, updated
