"""The protocol office's admin: visits with their participants and itinerary.

Also sets the admin site's titles, for both apps. The building blocks both
apps' admins share are in `regionnews.core.admin`.
"""

from django import forms
from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modeltranslation.admin import TranslationTabularInline

from regionnews.core.admin.accessibility import LabelledInlineFormSet
from regionnews.core.admin.history import EditorialAdminMixin
from regionnews.core.admin.list_filters import (
    CountryListFilter,
    TranslationListFilter,
    YearListFilter,
)
from regionnews.core.admin.translation import (
    TabbedTranslationAdmin,
    TranslatedEditorialForm,
    TranslationStatusAdminMixin,
    translated,
)
from regionnews.core.admin.uploads import ChooseFilesAgainAdminMixin
from regionnews.core.languages import language_codes
from regionnews.core.site import ADMIN_SITE_HEADER
from regionnews.images.forms import ImageAltTextMixin, ImageUploadField
from regionnews.images.thumbnails import admin_thumbnail

from .models import Country, Organisation, Participation, Person, Stop, Visit

admin.site.site_header = ADMIN_SITE_HEADER
admin.site.site_title = ADMIN_SITE_HEADER
admin.site.index_title = _("Articles and visits")


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    """Countries are reference data: viewable and searchable, never typed by hand.

    Their codes and names come from ISO 3166 via pycountry and are refreshed by
    `manage.py sync_countries`, so the admin neither adds, edits nor deletes
    them (an edit would be overwritten by the next sync). They stay registered
    because autocomplete fields need a searchable CountryAdmin.
    """

    list_display = ("code", *translated("name"))
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
    search_fields = (*translated("name", "city"), "aliases")
    autocomplete_fields = ("country",)
    fields = (
        "name",
        "aliases",
        "slug",
        "kind",
        "street_address",
        "postal_code",
        "city",
        "country",
        "website",
        "description",
    )
    # Django 6 makes https the scheme assumed for "example.org"; opt in now.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


class PersonAdminForm(ImageAltTextMixin, forms.ModelForm):
    """The photo checked by decoding it and described in every language (a
    person's page exists in each; a portrait is never decorative)."""

    image_alt_checks = ({"image_field": "photo", "alt_field": "photo_alt"},)

    class Meta:
        field_classes = {"photo": ImageUploadField}

    def image_alt_languages(self, cleaned_data) -> list[str]:
        return language_codes()


@admin.register(Person)
class PersonAdmin(ChooseFilesAgainAdminMixin, TabbedTranslationAdmin):
    form = PersonAdminForm
    list_display = ("photo_thumbnail", "full_name", "country", "title")
    list_display_links = ("photo_thumbnail", "full_name")
    list_filter = (CountryListFilter,)
    list_select_related = ("country",)
    search_fields = ("name",)
    autocomplete_fields = ("country",)
    readonly_fields = ("full_name",)
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "honorific",
                    "titles_before",
                    "name",
                    "titles_after",
                    "full_name",
                    "grammatical_gender",
                    "slug",
                ),
                "description": _(
                    "The honorific and academic titles are written per language "
                    "where they differ: H. E. in English is J. E. in Czech and "
                    "S. E. in German."
                ),
            },
        ),
        (None, {"fields": ("country", "title")}),
        (_("Photo"), {"fields": ("photo", "photo_alt")}),
    )

    @admin.display(description=pgettext_lazy("person", "name"), ordering="name")
    def full_name(self, obj):
        return obj.full_name

    @admin.display(description=_("photo"))
    def photo_thumbnail(self, obj):
        return admin_thumbnail(
            obj.photo, obj.photo_width, obj.photo_height, obj.photo_alt or obj.name
        )


class ParticipationInline(TranslationTabularInline):
    model = Participation
    formset = LabelledInlineFormSet
    fields = ("person", "side", "role", "order")
    autocomplete_fields = ("person",)
    extra = 1


class StopInline(TranslationTabularInline):
    model = Stop
    formset = LabelledInlineFormSet
    fields = ("organisation", "date", "time", "order", "note")
    autocomplete_fields = ("organisation",)
    extra = 1
    formfield_overrides = {
        models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 30})}
    }


class VisitAdminForm(TranslatedEditorialForm):
    """A public visit needs one complete language; a taken slug gets -2."""

    publication_field = "visibility"
    publication_error = _(
        "A public visit needs at least one complete language: its title and "
        "purpose. Write them, or make the visit internal."
    )

    def publishes(self, cleaned_data) -> bool:
        return cleaned_data.get("visibility") == Visit.Visibility.PUBLIC


@admin.register(Visit)
class VisitAdmin(
    TranslationStatusAdminMixin, EditorialAdminMixin, TabbedTranslationAdmin
):
    form = VisitAdminForm
    # The notes are for the protocol office (and superusers) only.
    restricted_fields = {"internal_notes": "delegations.view_internal_notes"}
    list_display = (
        "title",
        "start_date",
        "country",
        "direction",
        "status",
        "visibility",
        "translation_badges",
    )
    list_filter = (
        CountryListFilter,
        YearListFilter,
        "status",
        "direction",
        "visibility",
        TranslationListFilter,
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
