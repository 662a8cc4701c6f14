"""Visit list filters, shared by the public list, the CSV export and the admin.

Parameters (DESIGN.md): country (ISO alpha-2, any case), year, date_from,
date_to (ISO dates), organisation (slug), person (slug), q. A value that does
not validate becomes a form error shown on the page, never an exception.
"""

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from regionnews.text import language_codes

from .models import Country, Organisation, Person, Stop, Visit


class CountryCodeField(forms.CharField):
    """An ISO 3166-1 alpha-2 code in any case, resolved to a Country."""

    default_error_messages = {
        "invalid": _("“%(value)s” is not a two-letter ISO country code."),
        "unknown": _("There is no country with the code “%(value)s”."),
    }

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        code = value.strip().upper()
        if len(code) != 2 or not code.isalpha() or not code.isascii():
            raise ValidationError(
                self.error_messages["invalid"], code="invalid", params={"value": value}
            )
        try:
            return Country.objects.get(code=code)
        except Country.DoesNotExist:
            raise ValidationError(
                self.error_messages["unknown"], code="unknown", params={"value": value}
            ) from None


class CountryCodeFilter(django_filters.Filter):
    field_class = CountryCodeField

    def filter(self, qs, value):
        if value is None:
            return qs
        return qs.filter(country=value)


class SlugChoiceFilter(django_filters.ModelChoiceFilter):
    """Choose a related object by its slug in the URL (?organisation=skoda-...)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("to_field_name", "slug")
        super().__init__(*args, **kwargs)


def organisations(request):
    return Organisation.objects.all()


def people(request):
    return Person.objects.all()


class VisitFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Text"), method="filter_text")
    country = CountryCodeFilter(
        label=_("Country (ISO code)"),
        widget=forms.TextInput(
            attrs={"size": 4, "maxlength": 2, "autocomplete": "off"}
        ),
    )
    year = django_filters.NumberFilter(
        field_name="start_date",
        lookup_expr="year",
        label=_("Year"),
        min_value=1900,
        max_value=2200,
    )
    date_from = django_filters.DateFilter(
        method="filter_date_from",
        label=_("From"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    date_to = django_filters.DateFilter(
        field_name="start_date",
        lookup_expr="lte",
        label=_("To"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    organisation = SlugChoiceFilter(
        queryset=organisations,
        method="filter_organisation",
        label=_("Organisation"),
        widget=forms.TextInput,
    )
    person = SlugChoiceFilter(
        queryset=people,
        field_name="participations__person",
        label=_("Person"),
        widget=forms.TextInput,
        distinct=True,
    )

    class Meta:
        model = Visit
        fields = [
            "q",
            "country",
            "year",
            "date_from",
            "date_to",
            "organisation",
            "person",
        ]

    def filter_date_from(self, queryset, name, value):
        """A visit counts from a date when it ends on or after it."""
        return queryset.filter(
            Q(end_date__gte=value) | Q(end_date__isnull=True, start_date__gte=value)
        )

    def filter_organisation(self, queryset, name, value):
        return queryset.filter(
            Exists(Stop.objects.filter(visit=OuterRef("pk"), organisation=value))
        )

    def filter_text(self, queryset, name, value):
        condition = Q()
        for word in value.split()[:10]:
            word_q = Q()
            for lang in language_codes():
                word_q |= Q(**{f"title_{lang}__icontains": word})
                word_q |= Q(**{f"purpose_{lang}__icontains": word})
                word_q |= Q(**{f"country__name_{lang}__icontains": word})
            condition &= word_q
        return queryset.filter(condition)
