"""The press office's admin: articles in three languages, topics and galleries."""

from django import forms
from django.contrib import admin
from django.forms.models import BaseInlineFormSet
from django.forms.widgets import Script
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django_prose_editor.widgets import AdminProseEditorWidget
from modeltranslation.admin import TranslationStackedInline

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
from regionnews.images.forms import (
    FOCAL_POINT_HELP,
    ChooseFileAgainMixin,
    FocalPointField,
    ImageAltTextMixin,
    ImageUploadField,
    focal_point_widgets,
    require_alt_text,
    titled_languages,
)
from regionnews.images.thumbnails import admin_thumbnail

from . import admin_imports  # noqa: F401 - registers ImportJobAdmin
from .admin_from_visit import WriteFromVisitAdminMixin
from .admin_proposals import VisitProposalAdminMixin
from .admin_publishing import PublicationListFilter, PublishingAdminMixin
from .admin_readonly import ReadOnlyBodyAdminMixin
from .admin_review import ReviewAdminMixin
from .admin_suggestions import SuggestionsAdminMixin
from .models import (
    Article,
    GalleryImage,
    ImportedVersion,
    SuggestionDecision,
    Topic,
    sanitise_html,
)
from .workflow import can_publish

# The body editor's tools: headings, paragraphs, lists, links, bold, italic and
# quotes. Everything they produce is in articles.models.BODY_TAGS (a test keeps
# the two in step), so the sanitiser never strips what the editor made.
BODY_EDITOR_EXTENSIONS = {
    "Heading": {"levels": [2, 3]},
    "HardBreak": True,
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Link": {"enableTarget": False},
    "Bold": True,
    "Italic": True,
    "Blockquote": True,
    # Keep the browser's spell-checker on: editors write in three languages.
    "NoSpellCheck": False,
}


class BodyEditorWidget(AdminProseEditorWidget):
    """django-prose-editor, started by static/js/body_editor.js.

    The package's presets load the editor through an inline import map, which
    the Content-Security-Policy (script-src 'self') blocks; our module imports
    it by its static path, so the admin needs no 'unsafe-inline' for scripts.
    """

    def __init__(self, attrs=None):
        super().__init__(
            attrs, config={"extensions": BODY_EDITOR_EXTENSIONS}, preset="body"
        )

    @property
    def media(self):
        return forms.Media(
            css={
                "all": [
                    "django_prose_editor/material-icons.css",
                    "django_prose_editor/editor.css",
                    "django_prose_editor/overrides.css",
                ]
            },
            js=[Script("js/body_editor.js", type="module")],
        )


class ArticleYearListFilter(YearListFilter):
    field_path = "published_at"

    def lookups(self, request, model_admin):
        moments = model_admin.get_queryset(request).datetimes(
            self.field_path, "year", order="DESC"
        )
        return [(str(moment.year), str(moment.year)) for moment in moments]


class ArticleAdminForm(ImageAltTextMixin, TranslatedEditorialForm):
    """Slugs per language that never collide, and no publishing half-written.

    The main photo is checked by decoding it and needs alt text in every
    language the article has a title in, unless it is marked decorative.
    """

    image_alt_checks = (
        {
            "image_field": "main_image",
            "alt_field": "main_image_alt",
            "decorative_field": "main_image_decorative",
        },
    )

    class Meta:
        field_classes = {
            "main_image": ImageUploadField,
            "main_image_focal_x": FocalPointField,
            "main_image_focal_y": FocalPointField,
        }
        widgets = focal_point_widgets(
            "main_image", "main_image_focal_x", "main_image_focal_y"
        )
        help_texts = {"main_image_focal_x": FOCAL_POINT_HELP}

    # The body is compared as Article.save() stores it: sanitised.
    html_normalisers = {"body": sanitise_html}

    publication_field = "status"
    publication_error = _(
        "An article can only be published (or scheduled) when at least one "
        "language is complete: its title, lead and body."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for lang in language_codes():
            if f"slug_{lang}" in self.fields:
                self.fields[f"slug_{lang}"].help_text = _(
                    "The page address in this language. Made from this language's "
                    "title when left empty; when another article has it already, "
                    "-2, -3 … is added. Changing it changes the address."
                )

    def publishes(self, cleaned_data) -> bool:
        return cleaned_data.get("status") == Article.Status.PUBLISHED


@admin.register(Topic)
class TopicAdmin(TabbedTranslationAdmin):
    list_display = ("name", "slug")
    search_fields = translated("name")
    fields = ("name", "slug")


class ArticleCountryListFilter(CountryListFilter):
    field_path = "countries"


class GalleryImageForm(ChooseFileAgainMixin, forms.ModelForm):
    class Meta:
        field_classes = {
            "image": ImageUploadField,
            "focal_x": FocalPointField,
            "focal_y": FocalPointField,
        }
        widgets = focal_point_widgets("image", "focal_x", "focal_y")
        help_texts = {"focal_x": FOCAL_POINT_HELP}


class GalleryImageFormSet(BaseInlineFormSet):
    """Every photo described in each language the article has a title in."""

    def clean(self):
        super().clean()
        languages = titled_languages(self.instance)
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or self._should_delete_form(form):
                continue
            require_alt_text(
                form,
                image_field="image",
                alt_field="alt_text",
                decorative_field="decorative",
                languages=languages,
            )


class GalleryImageInline(TranslationStackedInline):
    model = GalleryImage
    form = GalleryImageForm
    formset = GalleryImageFormSet
    fields = (
        "image",
        "alt_text",
        "decorative",
        "caption",
        "credit",
        ("focal_x", "focal_y"),
        "order",
    )
    extra = 0

    # A live article's photos change only through a chief editor: an Editor's
    # change to it waits for review, and uploads cannot wait unsaved.
    def _frozen(self, request, obj) -> bool:
        return (
            obj is not None
            and obj.status == Article.Status.PUBLISHED
            and not can_publish(request.user)
        )

    def has_add_permission(self, request, obj):
        return not self._frozen(request, obj) and super().has_add_permission(
            request, obj
        )

    def has_change_permission(self, request, obj=None):
        return not self._frozen(request, obj) and super().has_change_permission(
            request, obj
        )

    def has_delete_permission(self, request, obj=None):
        return not self._frozen(request, obj) and super().has_delete_permission(
            request, obj
        )


class ReadOnlyAdmin(admin.ModelAdmin):
    """Records the import and the suggestions keep: looked up, never edited."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ImportedVersion)
class ImportedVersionAdmin(ReadOnlyAdmin):
    list_display = ("source", "language", "article", "imported_at")
    list_filter = ("language",)
    list_select_related = ("article",)
    search_fields = ("source", "key")


@admin.register(SuggestionDecision)
class SuggestionDecisionAdmin(ReadOnlyAdmin):
    list_display = ("article", "kind", "object_id", "decision", "words", "decided_by")
    list_filter = ("kind", "decision")
    list_select_related = ("article", "decided_by")

    def has_delete_permission(self, request, obj=None):
        # Deleting an answer lets its suggestion come back.
        return request.user.has_perm("articles.change_article")


@admin.register(Article)
class ArticleAdmin(
    ChooseFilesAgainAdminMixin,
    ReadOnlyBodyAdminMixin,
    ReviewAdminMixin,
    SuggestionsAdminMixin,
    VisitProposalAdminMixin,
    TranslationStatusAdminMixin,
    WriteFromVisitAdminMixin,
    PublishingAdminMixin,
    EditorialAdminMixin,
    TabbedTranslationAdmin,
):
    form = ArticleAdminForm
    list_display = (
        "thumbnail",
        "title",
        "status_label",
        "published_at",
        "byline",
        "translation_badges",
    )
    list_display_links = ("thumbnail", "title")
    list_filter = (
        "status",
        PublicationListFilter,
        "needs_check",
        ArticleYearListFilter,
        TranslationListFilter,
        "topics",
        ArticleCountryListFilter,
    )
    date_hierarchy = "published_at"
    search_fields = (*translated("title"), "byline")
    autocomplete_fields = ("topics", "visits", "countries", "people", "organisations")
    inlines = (GalleryImageInline,)
    fieldsets = (
        (_("Content"), {"fields": ("title", "slug", "lead", "body")}),
        (_("Publication"), {"fields": ("status", "published_at", "byline")}),
        (
            _("Main image"),
            {
                "fields": (
                    "main_image",
                    "main_image_alt",
                    "main_image_decorative",
                    "main_image_caption",
                    "main_image_credit",
                    ("main_image_focal_x", "main_image_focal_y"),
                )
            },
        ),
        (
            _("What the article is about"),
            {"fields": ("topics", "visits", "countries", "people", "organisations")},
        ),
    )

    def view_on_site(self, obj):
        """Link to the public page only once the public can see it (else a 404)."""
        return obj.get_absolute_url() if obj.is_published else None

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        # modeltranslation copies the widget of `body` to body_cs/_en/_de.
        if db_field.name == "body":
            kwargs["widget"] = BodyEditorWidget
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    @admin.display(description=_("status"), ordering="status")
    def status_label(self, obj):
        """ "Scheduled" for a published article whose time is still to come, and
        a mark on generated drafts that no editor has checked yet."""
        label = _("Scheduled") if obj.is_scheduled else obj.get_status_display()
        if obj.needs_check:
            return format_html(
                '{}<br><span class="generated-badge">{}</span>',
                label,
                _("generated, needs a check"),
            )
        return label

    def _nothing_changed(self, request, form) -> bool:
        # An editor's save of a generated draft is its check, even unchanged.
        checked = form.instance.needs_check or getattr(form.instance, "_checked", False)
        return super()._nothing_changed(request, form) and not checked

    def save_model(self, request, obj, form, change):
        if change and obj.needs_check:
            obj.needs_check, obj._checked = False, True
            # The flags the generation set: the editor has now read the text.
            obj.outdated_languages = []
        super().save_model(request, obj, form, change)

    @admin.display(description=_("image"))
    def thumbnail(self, obj):
        alt = "" if obj.main_image_decorative else obj.main_image_alt
        return admin_thumbnail(
            obj.main_image, obj.main_image_width, obj.main_image_height, alt
        )
