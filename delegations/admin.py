"""The protocol office's admin: visits with their participants and itinerary.

Also home to what both apps' admins share (articles depend on delegations, not
the other way round): the admin site's titles, the tabbed translation base
class and the country and year list filters.
"""

from django import forms
from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import (
    TranslationAdmin,
    TranslationTabularInline,
)

from regionnews.text import language_codes

from .models import Country, Organisation, Participation, Person, Stop, Visit

admin.site.site_header = _("regionnews – editorial office")
admin.site.site_title = _("regionnews editorial office")
admin.site.index_title = _("Articles and visits")


def translated(*fields: str) -> tuple[str, ...]:
    """Every language column of *fields*: title -> title_cs, title_en, title_de.

    Admin search needs them spelled out; the plain name would search only the
    active language.
    """
    return tuple(f"{field}_{lang}" for field in fields for lang in language_codes())


class TabbedTranslationAdmin(TranslationAdmin):
    """modeltranslation's language tabs, with jQuery UI served from our own static.

    modeltranslation's own TabbedTranslationAdmin loads jQuery UI from
    ajax.googleapis.com (its JQUERY_UI_URL default): the Content-Security-Policy
    blocks that, and the admin must not depend on a third-party host. Neither
    modeltranslation nor Django ships jQuery UI, so static/vendor/jquery-ui/
    holds the official 1.14.2 build (npm jquery-ui, MIT); the rest is the
    package's own Media.
    """

    class Media:
        js = (
            "admin/js/jquery.init.js",
            "modeltranslation/js/force_jquery.js",
            "vendor/jquery-ui/jquery-ui.min.js",
            "modeltranslation/js/tabbed_translation_fields.js",
        )
        css = {"all": ("modeltranslation/css/tabbed_translation_fields.css",)}


class CountryListFilter(admin.SimpleListFilter):
    """Filter by country ISO code (?country=kz, as on the public pages).

    Lists only the countries the model's rows refer to: Django's
    RelatedFieldListFilter would list all 249.
    """

    title = _("country")
    parameter_name = "country"
    field_path = "country"

    def lookups(self, request, model_admin):
        used = model_admin.get_queryset(request).values(self.field_path)
        return [
            (country.code.lower(), str(country))
            for country in Country.objects.filter(pk__in=used)
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
        return queryset.filter(**{f"{self.field_path}__year": year})


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    """Countries are reference data: viewable and searchable, never typed by hand.

    Their codes and names come from ISO 3166 via pycountry and are refreshed by
    `manage.py sync_countries`, so the admin neither adds, edits nor deletes
    them (an edit would be overwritten by the next sync). They stay registered
    because autocomplete fields need a searchable CountryAdmin.
    """

    list_display = ("code", "name_cs", "name_en", "name_de")
    search_fields = ("code", *translated("name"))
    ordering = ("code",)
    fieldsets = (
        (
            None,
            {
                "fields": ("code", *translated("name")),
                "description": _(
                    "Country names come from the ISO 3166 data set and are "
                    "refreshed by the sync_countries command; they cannot be "
                    "edited here."
                ),
            },
        ),
    )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Organisation)
class OrganisationAdmin(TabbedTranslationAdmin):
    list_display = ("name", "kind", "city", "country")
    list_filter = ("kind", CountryListFilter)
    list_select_related = ("country",)
    search_fields = translated("name", "city")
    autocomplete_fields = ("country",)
    fields = ("name", "slug", "kind", "city", "country", "website", "description")
    # Django 6 makes https the scheme assumed for "example.org"; opt in now.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Person)
class PersonAdmin(TabbedTranslationAdmin):
    list_display = ("full_name", "country", "title")
    list_filter = (CountryListFilter,)
    list_select_related = ("country",)
    search_fields = ("name",)
    autocomplete_fields = ("country",)
    fields = ("honorific", "name", "slug", "country", "title", "photo", "photo_alt")

    @admin.display(description=_("name"), ordering="name")
    def full_name(self, obj):
        return obj.full_name


class ParticipationInline(TranslationTabularInline):
    model = Participation
    fields = ("person", "side", "role", "order")
    autocomplete_fields = ("person",)
    extra = 1


class StopInline(TranslationTabularInline):
    model = Stop
    fields = ("organisation", "date", "time", "order", "note")
    autocomplete_fields = ("organisation",)
    extra = 1
    formfield_overrides = {
        models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 30})}
    }


@admin.register(Visit)
class VisitAdmin(TabbedTranslationAdmin):
    list_display = (
        "title",
        "start_date",
        "country",
        "direction",
        "status",
        "visibility",
    )
    list_filter = (
        CountryListFilter,
        YearListFilter,
        "status",
        "direction",
        "visibility",
    )
    list_select_related = ("country",)
    date_hierarchy = "start_date"
    search_fields = (
        *translated("title"),
        "=country__code",
        *translated("country__name"),
        "participations__person__name",
    )
    autocomplete_fields = ("country",)
    inlines = (ParticipationInline, StopInline)
    fieldsets = (
        (None, {"fields": ("title", "slug", "country", "direction")}),
        (_("Dates"), {"fields": ("start_date", "end_date")}),
        (_("Status"), {"fields": ("status", "visibility")}),
        (_("Report"), {"fields": ("purpose", "outcome")}),
        (_("Internal"), {"fields": ("internal_notes",)}),
    )
