"""The article as read by someone who may only view it: the body as text.

Django shows a read-only field's value escaped, so a viewer saw the body's
HTML source (`<p>…</p>`). For a user without the change permission the body
columns are replaced by read-only displays of the (sanitised) HTML.
"""

from django.contrib import admin
from django.utils.safestring import mark_safe
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from regionnews.core.languages import language_codes

from .models import sanitise_html


def _body_display(lang: str):
    @admin.display(description=format_lazy("{} [{}]", _("body"), lang))
    def display(self, obj):
        # Sanitised on every save; sanitised again here, so that only the
        # allow-listed markup is ever marked safe.
        return mark_safe(sanitise_html(getattr(obj, f"body_{lang}") or ""))

    return display


class ReadOnlyBodyAdminMixin:
    """Put it before the ModelAdmin base class of the article admin."""

    def _view_only(self, request, obj) -> bool:
        return obj is not None and not self.has_change_permission(request, obj)

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        if not self._view_only(request, obj):
            return fields
        return (*fields, *(f"body_html_{lang}" for lang in language_codes()))

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if not self._view_only(request, obj):
            return fieldsets
        shown = {f"body_{lang}": f"body_html_{lang}" for lang in language_codes()}
        return [
            (
                name,
                {
                    **options,
                    "fields": [shown.get(f, f) for f in options.get("fields", ())],
                },
            )
            for name, options in fieldsets
        ]


for _lang in language_codes():
    setattr(ReadOnlyBodyAdminMixin, f"body_html_{_lang}", _body_display(_lang))
