"""The press office's admin: articles in three languages, topics and galleries."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationStackedInline

from delegations.admin import CountryListFilter, TabbedTranslationAdmin, translated

from .models import Article, GalleryImage, Topic


@admin.register(Topic)
class TopicAdmin(TabbedTranslationAdmin):
    list_display = ("name", "slug")
    search_fields = translated("name")
    fields = ("name", "slug")


class ArticleCountryListFilter(CountryListFilter):
    field_path = "countries"


class GalleryImageInline(TranslationStackedInline):
    model = GalleryImage
    fields = ("image", "alt_text", "caption", "credit", "order")
    extra = 0


@admin.register(Article)
class ArticleAdmin(TabbedTranslationAdmin):
    list_display = ("title", "status", "published_at", "byline")
    list_filter = ("status", "topics", ArticleCountryListFilter)
    date_hierarchy = "published_at"
    search_fields = (*translated("title"), "byline")
    autocomplete_fields = ("topics", "visits", "countries", "people", "organisations")
    inlines = (GalleryImageInline,)
    fieldsets = (
        (_("Content"), {"fields": ("title", "slug", "lead", "body")}),
        (_("Publication"), {"fields": ("status", "published_at", "byline")}),
        (
            _("Main image"),
            {"fields": ("main_image", "main_image_alt", "main_image_credit")},
        ),
        (
            _("What the article is about"),
            {"fields": ("topics", "visits", "countries", "people", "organisations")},
        ),
    )

    def view_on_site(self, obj):
        """Link to the public page only once the public can see it (else a 404)."""
        return obj.get_absolute_url() if obj.is_published else None
