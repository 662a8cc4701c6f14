"""Accessible names for the admin's form controls that have no <label>.

Django's tabular inlines put a row's inputs in table cells under a column
header, which is no label; a split date-and-time field renders two inputs for
one label. Each gets an aria-label here, on the server. Widgets the browser
builds (language tabs, select2, the prose editor) are named by
static/js/admin_accessibility.js.
"""

from django import forms
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext as _


def label_split_widgets(form: forms.BaseForm) -> None:
    """ "Publication time: date" and "...: time" on a split date-time field."""
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.SplitDateTimeWidget):
            label = str(field.label or "")
            widget.widgets[0].attrs["aria-label"] = f"{label}: {_('date')}"
            widget.widgets[1].attrs["aria-label"] = f"{label}: {_('time')}"


class LabelledInlineFormSet(BaseInlineFormSet):
    """Every visible input of a row named by its column and its row number."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        row = (
            _("new row")
            if index is None
            else _("row %(number)d") % {"number": index + 1}
        )
        for name, field in form.fields.items():
            if field.widget.is_hidden:
                continue
            label = str(field.label or name)
            # The admin's related-object wrapper renders the widget it wraps.
            widget = getattr(field.widget, "widget", field.widget)
            widget.attrs = {**widget.attrs, "aria-label": f"{label} ({row})"}
