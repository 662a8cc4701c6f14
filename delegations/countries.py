"""Country names from pycountry (ISO 3166-1 and its Debian iso-codes translations).

Names are never typed by hand: `sync_countries()` fills or refreshes every
country's Czech, English and German name from the maintained data set. It runs
in a data migration and again from `manage.py sync_countries` after an upgrade.
"""

import gettext

import pycountry

LANGUAGES = ("cs", "en", "de")


def iso_names() -> dict[str, dict[str, str]]:
    """{"KZ": {"cs": "Kazachstán", "en": "Kazakhstan", "de": "Kasachstan"}, ...}"""
    catalogs = {
        lang: gettext.translation(
            "iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True
        )
        for lang in LANGUAGES
    }
    names = {}
    for country in pycountry.countries:
        # The common name ("Czechia", "South Korea") reads better than the
        # official one ("Korea, Republic of") in lists and headings.
        english = getattr(country, "common_name", None) or country.name
        names[country.alpha_2] = {
            lang: english if lang == "en" else catalogs[lang].gettext(english)
            for lang in LANGUAGES
        }
    return names


def sync_countries(country_model) -> tuple[int, int]:
    """Create missing countries and refresh names; returns (created, updated)."""
    created = updated = 0
    existing = {c.code: c for c in country_model.objects.all()}
    for code, names in iso_names().items():
        fields = {f"name_{lang}": name for lang, name in names.items()}
        fields["name"] = names["cs"]
        country = existing.get(code)
        if country is None:
            country_model.objects.create(code=code, **fields)
            created += 1
        elif any(getattr(country, key) != value for key, value in fields.items()):
            country_model.objects.filter(pk=country.pk).update(**fields)
            updated += 1
    return created, updated
