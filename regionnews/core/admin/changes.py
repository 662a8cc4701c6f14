"""A save that changes nothing says so, and leaves no trace in the history.

Browsers send a textarea's line breaks as CRLF, and the prose editor writes the
body's HTML back in its own spelling (attributes, whitespace): Django's
`changed_data` took both for changes, so an untouched form reported "Changed
Body [cs], Body [en], Body [de]" and stored a new version. Here values are
compared after normalising them as the model would store them, and a save
that changes nothing writes nothing: no UPDATE, no revision, no log entry, and
the message says that nothing changed.
"""

import re
from collections.abc import Callable
from functools import cached_property

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from regionnews.core.languages import language_codes

_BETWEEN_TAGS = re.compile(r">\s+<")
_WHITESPACE = re.compile(r"\s+")


def normalise_text(value):
    """Text as stored: CRLF as LF, no surrounding whitespace; None as ""."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.replace("\r\n", "\n").replace("\r", "\n").strip()
    return value


def normalise_html(value: str) -> str:
    """HTML without the whitespace a serialiser may add or drop between tags."""
    text = normalise_text(value)
    return _WHITESPACE.sub(" ", _BETWEEN_TAGS.sub("><", text))


class NormalisedChangesFormMixin:
    """`changed_data` that names only fields whose stored value would change.

    `html_normalisers` maps a (translated) field's base name to the function
    the model cleans it with, e.g. {"body": sanitise_html}: both the stored and
    the submitted HTML pass through it before they are compared.
    """

    html_normalisers: dict[str, Callable[[str], str]] = {}

    def _normaliser(self, name: str) -> Callable:
        for base, clean in self.html_normalisers.items():
            if name == base or name in {f"{base}_{lang}" for lang in language_codes()}:
                return lambda value: normalise_html(clean(normalise_text(value)))
        return normalise_text

    @cached_property
    def changed_data(self):
        changed = []
        for name in super().changed_data:
            field = self.fields[name]
            bound = self[name]
            if field.disabled or field.widget.needs_multipart_form:
                changed.append(name)
                continue
            try:
                submitted = field.to_python(
                    field.widget.value_from_datadict(
                        self.data, self.files, self.add_prefix(name)
                    )
                )
                initial = field.to_python(bound.initial)
            except (ValidationError, TypeError, ValueError):
                changed.append(name)
                continue
            normalise = self._normaliser(name)
            if normalise(initial) != normalise(submitted):
                changed.append(name)
        return changed


class UnchangedSaveAdminMixin:
    """A change form saved without a change stores nothing and says so.

    Put it before the ModelAdmin base (after EditConflictAdminMixin, whose
    `save_model` it skips when there is nothing to write).
    """

    def _nothing_changed(self, request, form) -> bool:
        # Restoring an old version posts that version's own values: no change
        # to the form, but a change to the object, which must be saved.
        return not form.has_changed() and not getattr(
            request, "_editorial_restoring", False
        )

    def revision_view(self, request, object_id, version_id, extra_context=None):
        request._editorial_restoring = True
        return super().revision_view(request, object_id, version_id, extra_context)

    def save_model(self, request, obj, form, change):
        if change and self._nothing_changed(request, form):
            # Decided once the inlines are known, in save_related().
            obj._editorial_unsaved = True
            return
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        obj = form.instance
        if getattr(obj, "_editorial_unsaved", False) and any(
            formset.has_changed() for formset in formsets
        ):
            # Only an inline changed: the object is saved too, so that the
            # revision holds it with its inlines.
            obj._editorial_unsaved = False
            super().save_model(request, obj, form, change)
        super().save_related(request, form, formsets, change)

    def log_change(self, request, obj, message):
        if getattr(obj, "_editorial_unsaved", False):
            return None
        return super().log_change(request, obj, message)

    def response_change(self, request, obj):
        if not getattr(obj, "_editorial_unsaved", False):
            return super().response_change(request, obj)
        self.message_user(
            request,
            format_html(
                _("Nothing was changed in “{}”, so nothing was saved."), str(obj)
            ),
            messages.INFO,
        )
        opts = self.opts
        if "_continue" in request.POST:
            url = reverse(
                f"admin:{opts.app_label}_{opts.model_name}_change",
                args=[obj.pk],
                current_app=self.admin_site.name,
            )
            return HttpResponseRedirect(url)
        if "_addanother" in request.POST:
            return HttpResponseRedirect(
                reverse(
                    f"admin:{opts.app_label}_{opts.model_name}_add",
                    current_app=self.admin_site.name,
                )
            )
        return self.response_post_save_change(request, obj)
