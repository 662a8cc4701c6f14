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


class YearFilter(django_filters.NumberFilter):
    """A whole year between 1900 and 2200; "2024.5" is an error, not 2024."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("lookup_expr", "year")
        kwargs.setdefault("label", _("Year"))
        kwargs.setdefault("min_value", 1900)
        kwargs.setdefault("max_value", 2200)
        super().__init__(*args, **kwargs)


class SlugChoiceFilter(django_filters.ModelChoiceFilter):
    """Choose a related object by its slug in the URL (?organisation=skoda-...)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("to_field_name", "slug")
        super().__init__(*args, **kwargs)


# Choices follow the reader: a slug the public may not see is "unknown" to them,
# so the filter does not reveal who took part only in internal visits. Pass
# `request=` to the FilterSet; without it only public ones are accepted.
def organisations(request):
    return Organisation.objects.visible_to(getattr(request, "user", None))


def people(request):
    return Person.objects.visible_to(getattr(request, "user", None))


class VisitFilterForm(forms.Form):
    """Says so when the date range is back to front instead of listing nothing."""

    def clean(self):
        cleaned_data = super().clean()
        date_from, date_to = cleaned_data.get("date_from"), cleaned_data.get("date_to")
        if date_from and date_to and date_to < date_from:
            self.add_error(
                "date_to", _("The end of the range cannot be before its start.")
            )
        return cleaned_data


class VisitFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Text"), method="filter_text")
    country = CountryCodeFilter(
        label=_("Country (ISO code)"),
        widget=forms.TextInput(
            attrs={"size": 4, "maxlength": 2, "autocomplete": "off"}
        ),
    )
    year = YearFilter(field_name="start_date")
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
        form = VisitFilterForm
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
