"""The admin's list filters shared by the article and visit admins.

Each one reports a value it cannot use as an invalid lookup (the admin's
message), never as an error page, and lists only values that have rows.
"""

import datetime

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.utils.translation import gettext_lazy as _

from regionnews.core.languages import language_codes
from regionnews.core.translation_status import incomplete_q, outdated_q


class TranslationListFilter(admin.SimpleListFilter):
    """?translation=missing-en (not complete in English) or ?translation=outdated."""

    title = _("translation")
    parameter_name = "translation"

    def lookups(self, request, model_admin):
        names = dict(settings.LANGUAGES)
        missing = [
            (
                f"missing-{lang}",
                _("Missing translation: %(language)s") % {"language": names[lang]},
            )
            for lang in language_codes()
        ]
        return [*missing, ("outdated", _("Possibly outdated"))]

    def queryset(self, request, queryset):
        value = self.value()
        if not value:
            return queryset
        if value == "outdated":
            return queryset.filter(outdated_q())
        lang = value.removeprefix("missing-")
        if value.startswith("missing-") and lang in language_codes():
            required = queryset.model.translation_required_fields
            return queryset.filter(incomplete_q(lang, required))
        raise IncorrectLookupParameters(f"Unknown translation filter {value!r}")


class CountryListFilter(admin.SimpleListFilter):
    """Filter by country ISO code (?country=kz, as on the public pages).

    Lists only the countries the model's rows refer to: Django's
    RelatedFieldListFilter would list all 249.
    """

    title = _("country")
    parameter_name = "country"
    field_path = "country"

    def lookups(self, request, model_admin):
        countries = model_admin.model._meta.get_field(self.field_path).related_model
        used = model_admin.get_queryset(request).values(self.field_path)
        return [
            (country.code.lower(), str(country))
            for country in countries._default_manager.filter(pk__in=used)
        ]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        return queryset.filter(**{f"{self.field_path}__code": self.value().upper()})


class YearListFilter(admin.SimpleListFilter):
    """Filter by the year of a date (?year=2024, as on the public pages).

    Lists only years that have rows; a value that is not a year is an invalid
    lookup, which the admin reports instead of showing everything.
    """

    title = _("year")
    parameter_name = "year"
    field_path = "start_date"

    def lookups(self, request, model_admin):
        dates = model_admin.get_queryset(request).dates(
            self.field_path, "year", order="DESC"
        )
        return [(str(day.year), str(day.year)) for day in dates]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        try:
            year = int(self.value())
        except ValueError as error:
            raise IncorrectLookupParameters(error) from error
        if not datetime.MINYEAR <= year <= datetime.MAXYEAR:
            raise IncorrectLookupParameters(f"year {year} is out of range")
        return queryset.filter(**{f"{self.field_path}__year": year})


class InvalidListParametersMixin:
    """A list parameter the admin cannot turn into a query is an invalid lookup.

    Django's date hierarchy catches ValueError but not OverflowError
    (?published_at__year=99999999999999999999); either is reported as the
    admin's "invalid lookup" message instead of an error page.
    """

    def get_changelist_instance(self, request):
        try:
            return super().get_changelist_instance(request)
        except (ValueError, OverflowError) as error:
            raise IncorrectLookupParameters(error) from error
