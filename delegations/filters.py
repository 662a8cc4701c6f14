"""Visit list filters, shared by the public list and the staff exports.

Parameters: country (ISO alpha-2, any case), year, date_from,
date_to (ISO dates), organisation and person (slug or part of a name),
direction, q; staff also get status and visibility, which are absent (and so
ignored) for everyone else. A value that does not validate becomes a form error
shown on the page, never an exception.

The choices follow the reader: a country, organisation or person known only from
internal visits is "unknown" to the public, so the filter reveals nothing the
pages do not.
"""

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from django_filters.filters import QuerySetRequestMixin

from regionnews.core.access import is_staff
from regionnews.core.filters import DateInput, YearFilter
from regionnews.core.languages import language_codes
from regionnews.core.text import collation_key

from .models import Country, Participation, Stop, Visit
from .selectors import (
    countries_with_visits,
    participants,
    toured_organisations,
)


def user_of(request):
    return getattr(request, "user", None)


# --- country ------------------------------------------------------------------------


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


class CountrySelect(forms.Select):
    """Countries by name, valued by lower-case ISO code.

    A code typed in any case in a shared URL (?country=KZ) still shows as the
    selected option.
    """

    def format_value(self, value):
        return [str(v).strip().lower() for v in super().format_value(value)]


class CountryFilter(django_filters.Filter):
    """?country=kz as a <select> of the countries there is something to show for.

    `countries` is a callable of the request returning the countries to offer;
    any existing country's code is accepted in the URL (it lists nothing), and it
    is then added to the options so that the form shows what is applied.
    """

    field_class = CountryCodeField

    def __init__(self, *args, countries, field_name="country", **kwargs):
        self.countries = countries
        kwargs.setdefault("label", _("Country"))
        super().__init__(*args, field_name=field_name, **kwargs)

    @property
    def field(self):
        if not hasattr(self, "_field"):
            self.extra["widget"] = CountrySelect(choices=self.choices)
            super().field  # noqa: B018 (builds and caches self._field)
        return self._field

    def choices(self):
        # Called when the form renders (after validation), perhaps more than once.
        if not hasattr(self, "_choices"):
            self._choices = self.build_choices()
        return self._choices

    def build_choices(self):
        countries = list(self.countries(self.parent.request))
        name = next(n for n, f in self.parent.filters.items() if f is self)
        applied = getattr(self.parent.form, "cleaned_data", {}).get(name)
        if applied is not None and applied not in countries:
            countries = sorted(
                [*countries, applied], key=lambda country: collation_key(country.name)
            )
        return [("", _("All countries"))] + [
            (country.code.lower(), country.name) for country in countries
        ]

    def filter(self, qs, value):
        if value is None:
            return qs
        return qs.filter(**{self.field_name: value})


# --- organisation and person -------------------------------------------------------


class NamedRecordField(forms.CharField):
    """A record by slug (as its page links) or by a unique part of its name.

    Organisations and people are many and keep growing (a thousand places at
    100,000 articles), so these are text boxes rather than lists: "dyussen"
    finds H. E. Bakyt Dyussenbayev; a fragment matching several names them,
    so that the reader can type more.
    """

    default_error_messages = {
        "unknown": "",  # each subclass says it in its own words
        "ambiguous": "",
    }
    max_shown = 5

    def __init__(self, *, queryset, **kwargs):
        self.queryset = queryset
        kwargs.setdefault("max_length", 200)
        super().__init__(**kwargs)

    def name_matches(self, value: str) -> Q:
        return Q(name__icontains=value)

    def name_of(self, record) -> str:
        return str(record)

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        record = self.queryset.filter(slug=value).first()
        if record is not None:
            return record
        matches = list(
            self.queryset.filter(self.name_matches(value)).order_by("name", "pk")[
                : self.max_shown + 1
            ]
        )
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise ValidationError(
                self.error_messages["unknown"], code="unknown", params={"value": value}
            )
        names = ", ".join(self.name_of(record) for record in matches[: self.max_shown])
        if len(matches) > self.max_shown:
            names += ", …"
        raise ValidationError(
            self.error_messages["ambiguous"],
            code="ambiguous",
            params={"value": value, "names": names},
        )


class OrganisationField(NamedRecordField):
    default_error_messages = {
        "unknown": _("“%(value)s” is not among the places toured."),
        "ambiguous": _(
            "Several places match “%(value)s”: %(names)s. Type more of the name."
        ),
    }

    def name_matches(self, value: str) -> Q:
        """The name in any language: a reader may know the Czech one."""
        matches = Q()
        for lang in language_codes():
            matches |= Q(**{f"name_{lang}__icontains": value})
        return matches


class PersonField(NamedRecordField):
    default_error_messages = {
        "unknown": _("No one called “%(value)s” took part in a visit."),
        "ambiguous": _(
            "Several people match “%(value)s”: %(names)s. Type more of the name."
        ),
    }

    def name_of(self, record) -> str:
        return record.full_name


class TookPartFilter(QuerySetRequestMixin, django_filters.Filter):
    """Visits with a row in *through* (a stop, a participation) whose field of
    the filter's name is the chosen record; each visit once (Exists)."""

    def __init__(self, *args, field_class, through, **kwargs):
        self.field_class, self.through = field_class, through
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if value is None:
            return qs
        rows = self.through.objects.filter(
            visit=OuterRef("pk"), **{self.field_name: value}
        )
        return qs.filter(Exists(rows))


def visible_countries(request):
    return countries_with_visits(user_of(request))


def visible_organisations(request):
    return toured_organisations(user_of(request))


def visible_people(request):
    return participants(user_of(request))


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


# The filters a phone reader rarely needs; the list folds them under "More
# filters" unless one is in use.
MORE_FILTERS = (
    "date_from",
    "date_to",
    "organisation",
    "person",
    "status",
    "visibility",
)


class VisitFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Text"), method="filter_text", max_length=200)
    country = CountryFilter(countries=visible_countries)
    year = YearFilter(field_name="start_date")
    direction = django_filters.ChoiceFilter(
        choices=Visit.Direction.choices,
        label=_("Direction"),
        empty_label=_("Both directions"),
    )
    date_from = django_filters.DateFilter(
        method="filter_date_from",
        label=_("From"),
        widget=DateInput,
    )
    date_to = django_filters.DateFilter(
        field_name="start_date",
        lookup_expr="lte",
        label=_("To"),
        widget=DateInput,
    )
    organisation = TookPartFilter(
        field_class=OrganisationField,
        through=Stop,
        queryset=visible_organisations,
        label=_("Organisation visited"),
        help_text=_("A name or part of it."),
    )
    person = TookPartFilter(
        field_class=PersonField,
        through=Participation,
        queryset=visible_people,
        label=_("Person"),
        help_text=_("A name or part of it."),
    )
    # Staff only: removed in __init__ for everyone else.
    status = django_filters.ChoiceFilter(
        choices=Visit.Status.choices,
        label=_("Status"),
        empty_label=_("Any status"),
        help_text=_("Staff only."),
    )
    visibility = django_filters.ChoiceFilter(
        choices=Visit.Visibility.choices,
        label=_("Visibility"),
        empty_label=_("Public and internal"),
        help_text=_("Staff only."),
    )

    class Meta:
        model = Visit
        form = VisitFilterForm
        fields = ["q", "country", "year", "direction", *MORE_FILTERS]

    staff_only = ("status", "visibility")

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        if not is_staff(user_of(request)):
            for name in self.staff_only:
                del self.filters[name]

    def filter_date_from(self, queryset, name, value):
        """A visit counts from a date when it ends on or after it."""
        return queryset.filter(
            Q(end_date__gte=value) | Q(end_date__isnull=True, start_date__gte=value)
        )

    def filter_text(self, queryset, name, value):
        """Every word in the title, purpose, country, a participant's name or an
        organisation toured (Exists, so that no visit is listed twice)."""
        condition = Q()
        for word in value.split()[:10]:
            word_q = Q(
                Exists(
                    Participation.objects.filter(
                        visit=OuterRef("pk"), person__name__icontains=word
                    )
                )
            )
            toured = Q()
            for lang in language_codes():
                word_q |= Q(**{f"title_{lang}__icontains": word})
                word_q |= Q(**{f"purpose_{lang}__icontains": word})
                word_q |= Q(**{f"country__name_{lang}__icontains": word})
                toured |= Q(**{f"organisation__name_{lang}__icontains": word})
            word_q |= Exists(Stop.objects.filter(toured, visit=OuterRef("pk")))
            condition &= word_q
        return queryset.filter(condition)
