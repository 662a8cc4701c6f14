"""The editorial admin's translation pieces: language columns and tabs, the
form written first in any language, and each language's translation status.
"""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.options import IS_POPUP_VAR
from django.forms.widgets import Script
from django.template.loader import render_to_string
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin

from regionnews.core.admin.accessibility import label_split_widgets
from regionnews.core.admin.changes import NormalisedChangesFormMixin
from regionnews.core.admin.list_filters import InvalidListParametersMixin
from regionnews.core.languages import language_codes
from regionnews.core.slugs import unique_slug
from regionnews.core.translation_status import (
    COMPLETE,
    MISSING,
    OUTDATED,
    PARTIAL,
    complete_languages_of,
    language_states,
    mapping_reader,
    outdated_q,
    plain_text,
)


def translated(*fields: str) -> tuple[str, ...]:
    """Every language column of *fields*: title -> title_cs, title_en, title_de.

    Admin search needs them spelled out; the plain name would search only the
    active language.
    """
    return tuple(f"{field}_{lang}" for field in fields for lang in language_codes())


class TabbedTranslationAdmin(InvalidListParametersMixin, TranslationAdmin):
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
            # Names and structure for the widgets built in the browser.
            Script(
                "js/admin_accessibility.js",
                **{"data-language-switch": _("Language of the fields below")},
            ),
        )
        css = {
            "all": (
                "modeltranslation/css/tabbed_translation_fields.css",
                "css/admin_editorial.css",
            )
        }


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


def _confirmation_fields() -> dict[str, forms.BooleanField]:
    """confirm_<lang>: a box per language to clear its "possibly outdated" flag."""
    return {
        f"confirm_{code}": forms.BooleanField(
            label=format_lazy(_("I checked the {language} translation"), language=name),
            required=False,
        )
        for code, name in settings.LANGUAGES
    }


# A plain form holding the boxes, so that ModelForms inherit them as declared
# fields (the admin's fieldsets may only name declared or model fields).
TranslationConfirmationForm = type(
    "TranslationConfirmationForm", (forms.Form,), _confirmation_fields()
)


class TranslatedEditorialForm(
    NormalisedChangesFormMixin, TranslationConfirmationForm, forms.ModelForm
):
    """The admin form of an article or a visit, written first in any language.

    modeltranslation makes the Czech title required (Czech is the default
    language); here any one language's title will do. Publishing (as each
    subclass defines it) needs one complete language. A translation flagged as
    possibly outdated is confirmed by ticking its box.
    """

    # Where the "no complete language" error goes, and what it says.
    publication_field = ""
    publication_error = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for lang in language_codes():
            if f"title_{lang}" in self.fields:
                self.fields[f"title_{lang}"].required = False
        label_split_widgets(self)

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
        # A slug per language: one taken by another row gets -2, -3 ...
        for lang in language_codes():
            field = f"slug_{lang}"
            if cleaned_data.get(field):
                cleaned_data[field] = unique_slug(
                    self.instance, cleaned_data[field], field=field
                )
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
