"""Filters of the people and organisations indexes (?country=kz, ?kind=...).

They reuse the visit list's country filter: a <select> of the countries there is
something to show for, any case of an ISO code in a shared URL, and a message
rather than an error for a code that is not one.
"""

import django_filters
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from regionnews.core.text import collation_key

from .filters import CountryFilter, user_of
from .models import Country, Organisation, Person


def countries_of(records):
    """Countries of the *records* (a callable of the user) the reader may see."""

    def countries(request):
        visible = records(user_of(request)).filter(country=OuterRef("pk"))
        return sorted(
            Country.objects.filter(Exists(visible)),
            key=lambda country: collation_key(country.name),
        )

    return countries


class PersonIndexFilter(django_filters.FilterSet):
    country = CountryFilter(countries=countries_of(Person.objects.visible_to))

    class Meta:
        model = Person
        fields = ["country"]


class OrganisationIndexFilter(django_filters.FilterSet):
    country = CountryFilter(countries=countries_of(Organisation.objects.visible_to))
    kind = django_filters.ChoiceFilter(
        choices=Organisation.Kind.choices,
        label=_("Kind"),
        empty_label=_("All kinds"),
    )

    class Meta:
        model = Organisation
        fields = ["country", "kind"]
