"""Edit conflicts in the admin: a form opened at one version never overwrites
a newer one unnoticed.

Uses the model's `version` (regionnews/core/models.py, EditorialModel): the
form carries the version it was opened at, refuses to save over a newer one,
and shows what the other save changed, keeping what the user typed.
"""

import datetime
import json
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib.admin.utils import unquote
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from reversion.models import Version

from regionnews.core.models import EditConflict

VERSION_FIELD = "opened_version"

# How many of an object's latest revisions are searched for the state a
# conflicting form was opened at; older forms are compared with the user's input.
CONFLICT_HISTORY_DEPTH = 50


@dataclass
class ConflictRow:
    label: str
    before: str
    after: str


class EditConflictForm(forms.Form):
    """Refuses to save over a version newer than the one the form was opened at.

    Mixed in front of the admin's own form by EditConflictAdminMixin.get_form(),
    which sets `version_opened_at`.
    """

    opened_version = forms.IntegerField(
        widget=forms.HiddenInput, required=False, min_value=0
    )
    version_opened_at: int | None = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        opened = self.version_opened_at
        if opened is None:
            opened = self.instance.version
        self.fields[VERSION_FIELD].initial = opened

    def clean(self):
        cleaned_data = super().clean()
        opened = cleaned_data.get(VERSION_FIELD)
        if opened is None or self.instance.pk is None:
            return cleaned_data
        model = type(self.instance)
        current = model._base_manager.filter(pk=self.instance.pk).first()
        if current is None or current.version == opened:
            return cleaned_data
        # The form shown again carries the version now stored: saving it again
        # is a deliberate choice to keep this input over the other save.
        data = self.data.copy()
        data[self.add_prefix(VERSION_FIELD)] = current.version
        self.data = data
        raise forms.ValidationError(
            describe_conflict(self, current=current, opened=opened),
            code="edit_conflict",
        )


def describe_conflict(form: forms.ModelForm, *, current: models.Model, opened: int):
    """What the error says: who saved when, and each field they changed.

    The state the form was opened at comes from the object's revisions; when it
    is not there (the other save was made outside the admin and the history is
    short), the stored values are compared with the user's input instead.
    """
    opened_state, their_version = _states_at(current, opened=opened)
    fields = _compared_fields(form)
    if opened_state is not None:
        headers = (_("When you opened it"), _("Saved since"))
        pairs = [
            (field, _field_value(opened_state, field), _current_value(current, field))
            for field in fields
        ]
    else:
        headers = (_("Saved since"), _("Your version"))
        pairs = [
            (field, _current_value(current, field), _submitted_value(form, field))
            for field in fields
        ]
    rows = [
        ConflictRow(str(field.verbose_name), _display(field, a), _display(field, b))
        for field, a, b in pairs
        if _comparable(a) != _comparable(b)
    ]
    revision = their_version.revision if their_version is not None else None
    saved_at = (
        revision.date_created if revision else getattr(current, "updated_at", None)
    )
    # Rendered by a template, which escapes every value in it.
    return mark_safe(
        render_to_string(
            "admin/regionnews/edit_conflict.html",
            {
                "object": current,
                "user": revision.user if revision else None,
                "saved_at": saved_at,
                "headers": headers,
                "rows": rows,
            },
        )
    )


def _states_at(obj: models.Model, *, opened: int):
    """(field values when the form was opened, the Version of the latest save)."""
    versions = (
        Version.objects.get_for_object(obj)
        .select_related("revision__user")
        .order_by("-pk")[:CONFLICT_HISTORY_DEPTH]
    )
    opened_state = latest = None
    for version in versions:
        number = _version_number(version)
        if latest is None and number == obj.version:
            latest = version
        if number == opened:
            opened_state = version.field_dict
            break
    return opened_state, latest


def _version_number(version: Version) -> int | None:
    try:
        return json.loads(version.serialized_data)[0]["fields"].get("version")
    except (ValueError, LookupError, TypeError):
        return None


def _compared_fields(form: forms.ModelForm) -> list[models.Field]:
    fields = []
    for name in form.fields:
        try:
            field = form._meta.model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if field.concrete and not field.primary_key:
            fields.append(field)
    return fields


def _field_value(state: dict, field: models.Field) -> Any:
    return state.get(field.attname)


def _current_value(obj: models.Model, field: models.Field) -> Any:
    if field.many_to_many:
        return list(getattr(obj, field.name).values_list("pk", flat=True))
    return getattr(obj, field.attname)


def _submitted_value(form: forms.ModelForm, field: models.Field) -> Any:
    value = form.cleaned_data.get(field.name)
    if field.many_to_many:
        return [item.pk for item in value or ()]
    if isinstance(value, models.Model):
        return value.pk
    return value


def _comparable(value: Any) -> Any:
    if isinstance(value, list | tuple | set):
        return sorted(str(item) for item in value)
    if value in (None, ""):
        return ""
    if hasattr(value, "name") and not isinstance(value, str):  # a FieldFile
        return value.name or ""
    return value


def _display(field: models.Field, value: Any) -> str:
    """A value as a person reads it: names for links, labels for choices."""
    if field.many_to_many:
        related = field.related_model._base_manager.filter(pk__in=value or ())
        return ", ".join(str(obj) for obj in related)
    if field.is_relation:
        related = field.related_model._base_manager.filter(pk=value).first()
        return str(related) if related is not None else "—"
    if value in (None, ""):
        return "—"
    if field.flatchoices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    if isinstance(value, datetime.datetime):
        return date_format(timezone.localtime(value), "DATETIME_FORMAT")
    return Truncator(str(getattr(value, "name", value))).chars(300)


class EditConflictAdminMixin:
    """Detects that someone else saved the object while this form was open.

    The check runs twice: in the form, for a clear error while the user's input
    is still there; and as the save's atomic `UPDATE ... WHERE version = opened`,
    for two saves that passed the form check at the same moment. The loser of
    that race is rolled back and its form shown again with the error.
    """

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if obj is None or not fieldsets or not self.has_change_permission(request, obj):
            return fieldsets
        # A hidden field is only rendered when a fieldset names it.
        name, options = fieldsets[0]
        first = (name, {**options, "fields": (*options["fields"], VERSION_FIELD)})
        return [first, *fieldsets[1:]]

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is not None:
            base = kwargs.pop("form", self.form)
            kwargs["form"] = type(
                base.__name__,
                (EditConflictForm, base),
                {
                    "version_opened_at": getattr(
                        request, "_editorial_live_version", obj.version
                    )
                },
            )
        return super().get_form(request, obj, change=change, **kwargs)

    def save_model(self, request, obj, form, change):
        if change:
            obj.save(expected_version=form.cleaned_data.get(VERSION_FIELD))
        else:
            super().save_model(request, obj, form, change)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        try:
            return super().change_view(request, object_id, form_url, extra_context)
        except EditConflict:
            # Lost the race after the form's check; everything was rolled back.
            # The second run's form check sees the newer version and says so.
            return super().change_view(request, object_id, form_url, extra_context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        # django-reversion shows an old revision by restoring it for the length
        # of the request, old version number included; the form must carry
        # the number stored now, which is what a save will be checked against.
        request._editorial_live_version = (
            self.model._base_manager.filter(pk=unquote(object_id))
            .values_list("version", flat=True)
            .first()
        )
        try:
            return super().revision_view(request, object_id, version_id, extra_context)
        except EditConflict:
            return super().revision_view(request, object_id, version_id, extra_context)
