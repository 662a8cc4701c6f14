"""The protocol office's admin: visits with their participants and itinerary.

Also home to what both apps' admins share (articles depend on delegations, not
the other way round): the admin site's titles, the tabbed translation base
class and the country and year list filters.
"""

import reversion
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.options import IS_POPUP_VAR, IncorrectLookupParameters
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import (
    TranslationAdmin,
    TranslationTabularInline,
)

from regionnews.admin_mixins import EditorialAdminMixin
from regionnews.image_forms import ImageAltTextMixin, ImageUploadField
from regionnews.templatetags.images import rendition_url
from regionnews.text import language_codes, unique_slug
from regionnews.translation_status import (
    COMPLETE,
    MISSING,
    OUTDATED,
    PARTIAL,
    complete_languages_of,
    incomplete_q,
    language_states,
    mapping_reader,
    outdated_q,
    plain_text,
)

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
            # The language switch shows the language the tabs open in.
            "js/translation_tabs.js",
        )
        css = {"all": ("modeltranslation/css/tabbed_translation_fields.css",)}


# How each translation state reads: a symbol and a word, never colour alone.
TRANSLATION_STATE_DISPLAY = {
    COMPLETE: ("✓", _("complete")),
    OUTDATED: ("!", _("possibly outdated")),
    PARTIAL: ("…", _("partial")),
    MISSING: ("–", _("missing")),
}


def translation_status_items(obj) -> list[dict]:
    """What the badge templates show: each language's name, state and label."""
    names = dict(settings.LANGUAGES)
    items = []
    for lang, state in language_states(obj).items():
        symbol, label = TRANSLATION_STATE_DISPLAY[state]
        items.append(
            {
                "code": lang,
                "name": names[lang],
                "state": state,
                "symbol": symbol,
                "label": label,
            }
        )
    return items


THUMBNAIL_WIDTH = 80


def admin_thumbnail(image, width: int | None, height: int | None, alt: str) -> str:
    """A small <img> for a changelist row, with its size so rows do not jump.

    The smallest rendition that is sharp at twice the size, else the original.
    """
    if not image:
        return ""
    src = rendition_url(image, width=2 * THUMBNAIL_WIDTH)
    if width and height:
        return format_html(
            '<img src="{}" width="{}" height="{}" alt="{}" class="admin-thumbnail" '
            'loading="lazy">',
            src,
            THUMBNAIL_WIDTH,
            max(1, round(height * THUMBNAIL_WIDTH / width)),
            alt,
        )
    return format_html(
        '<img src="{}" width="{}" alt="{}" class="admin-thumbnail" loading="lazy">',
        src,
        THUMBNAIL_WIDTH,
        alt,
    )


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


class TranslatedEditorialForm(forms.ModelForm):
    """The admin form of an article or a visit, written first in any language.

    modeltranslation makes the Czech title required (Czech is the default
    language); here any one language's title will do. Publishing (as each
    subclass defines it) needs one complete language. A translation flagged as
    possibly outdated is confirmed by ticking its box.
    """

    confirm_cs = forms.BooleanField(
        label=_("I checked the Czech translation"), required=False
    )
    confirm_en = forms.BooleanField(
        label=_("I checked the English translation"), required=False
    )
    confirm_de = forms.BooleanField(
        label=_("I checked the German translation"), required=False
    )

    # Where the "no complete language" error goes, and what it says.
    publication_field = ""
    publication_error = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for lang in language_codes():
            if f"title_{lang}" in self.fields:
                self.fields[f"title_{lang}"].required = False

    def publishes(self, cleaned_data) -> bool:
        """Whether the data would make the object public (subclasses say)."""
        return False

    def clean(self):
        cleaned_data = super().clean()
        titles = [cleaned_data.get(f"title_{lang}") for lang in language_codes()]
        if not any(plain_text(title) for title in titles):
            self.add_error(None, _("Give the title in at least one language."))
        elif self.publishes(cleaned_data) and not complete_languages_of(
            mapping_reader(cleaned_data), self._meta.model.translation_required_fields
        ):
            self.add_error(self.publication_field or None, self.publication_error)
        return cleaned_data

    def save(self, commit=True):
        # Before the model's save, which flags anew what this save changes.
        self.instance.outdated_languages = [
            lang
            for lang in self.instance.outdated_languages or []
            if not self.cleaned_data.get(f"confirm_{lang}")
        ]
        return super().save(commit)


class TranslationStatusAdminMixin:
    """Translation status of articles and visits: a changelist column, a filter,
    an overview with confirmation boxes on the change form, and a bulk action.

    Put it before the ModelAdmin class: `class XAdmin(TranslationStatusAdminMixin,
    TabbedTranslationAdmin)`; the admin's form must be a TranslatedEditorialForm.
    """

    @property
    def media(self):
        return super().media + forms.Media(css={"all": ["css/admin_editorial.css"]})

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if obj is None:
            return fieldsets
        confirm = [
            f"confirm_{lang}"
            for lang in obj.outdated_languages or []
            if lang in language_codes()
        ]
        status = (_("Translations"), {"fields": ("translation_overview", *confirm)})
        return [status, *fieldsets]

    def get_readonly_fields(self, request, obj=None):
        return (*super().get_readonly_fields(request, obj), "translation_overview")

    def get_actions(self, request):
        actions = super().get_actions(request)
        if (
            self.actions is not None
            and IS_POPUP_VAR not in request.GET
            and self.has_change_permission(request)
        ):
            func, name, description = self.get_action("confirm_translations")
            actions[name] = (func, name, description)
        return actions

    @admin.display(description=_("translations"))
    def translation_badges(self, obj):
        return render_to_string(
            "admin/includes/translation_status_badges.html",
            {"languages": translation_status_items(obj)},
        )

    @admin.display(description=_("translation status"))
    def translation_overview(self, obj):
        return render_to_string(
            "admin/includes/translation_status_overview.html",
            {
                "languages": translation_status_items(obj),
                "outdated": bool(obj.outdated_languages),
            },
        )

    @admin.action(description=_("Confirm the translations as up to date"))
    def confirm_translations(self, request, queryset):
        confirmed = 0
        for obj in queryset.filter(outdated_q()):
            obj.outdated_languages = []
            obj.save(update_fields=["outdated_languages"])
            confirmed += 1
        self.message_user(
            request,
            ngettext(
                "Confirmed the translations of %(count)d item.",
                "Confirmed the translations of %(count)d items.",
                confirmed,
            )
            % {"count": confirmed},
            messages.SUCCESS,
        )


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


class PersonAdminForm(ImageAltTextMixin, forms.ModelForm):
    """The photo checked by decoding it and described in every language (a
    person's page exists in each; a portrait is never decorative)."""

    image_alt_checks = ({"image_field": "photo", "alt_field": "photo_alt"},)

    class Meta:
        field_classes = {"photo": ImageUploadField}

    def image_alt_languages(self, cleaned_data) -> list[str]:
        return language_codes()


@admin.register(Person)
class PersonAdmin(TabbedTranslationAdmin):
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

    @admin.display(description=_("name"), ordering="name")
    def full_name(self, obj):
        return obj.full_name

    @admin.display(description=_("photo"))
    def photo_thumbnail(self, obj):
        return admin_thumbnail(
            obj.photo, obj.photo_width, obj.photo_height, obj.photo_alt or obj.name
        )


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


class VisitAdminForm(TranslatedEditorialForm):
    """A public visit needs one complete language; a taken slug gets -2."""

    publication_field = "visibility"
    publication_error = _(
        "A public visit needs at least one complete language: its title and "
        "purpose. Write them, or make the visit internal."
    )

    def publishes(self, cleaned_data) -> bool:
        return cleaned_data.get("visibility") == Visit.Visibility.PUBLIC

    def clean_slug(self):
        slug = self.cleaned_data.get("slug")
        return unique_slug(self.instance, slug) if slug else slug


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

    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}_write_article"
        return [
            path(
                "<path:object_id>/write-article/",
                self.admin_site.admin_view(self.write_article_view),
                name=name,
            ),
            *super().get_urls(),
        ]

    def write_article_view(self, request, object_id):
        """POST: write a draft article about the visit and open it for editing."""
        # Articles depend on delegations; imported here to keep it that way.
        from articles.services import article_create_from_visit

        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        visit = self.get_object(request, unquote(object_id))
        if visit is None:
            raise Http404
        if not (
            self.has_view_or_change_permission(request, visit)
            and request.user.has_perm("articles.add_article")
        ):
            raise PermissionDenied
        with reversion.create_revision():
            article = article_create_from_visit(visit=visit, user=request.user)
            reversion.set_user(request.user)
            reversion.set_comment(
                _("Written from the visit “%(visit)s”.") % {"visit": visit}
            )
        self.message_user(
            request,
            _(
                "A draft article about “%(visit)s” was written in every language "
                "from the visit. Finish the text, then submit it for review."
            )
            % {"visit": visit},
            messages.SUCCESS,
        )
        return redirect(
            reverse(
                "admin:articles_article_change",
                args=[article.pk],
                current_app=self.admin_site.name,
            )
        )
