"""List filters (django-filter) that every app's lists use the same way."""

import datetime
import re

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

# HTML's "valid floating-point number" (what <input type="number"> may hold).
_HTML_NUMBER = re.compile(r"-?(\d+|\d*\.\d+)([eE][-+]?\d+)?")


class NumberInput(forms.NumberInput):
    """<input type="number"> that never echoes what is not a number.

    "?year=abc" gets its message in the error summary; put back into the input
    it would make the page invalid HTML, and browsers would show it empty anyway.
    """

    def format_value(self, value):
        value = super().format_value(value)
        if value is None or not _HTML_NUMBER.fullmatch(str(value)):
            return None
        return value


class DateInput(forms.DateInput):
    """<input type="date"> that echoes only a real ISO date (as NumberInput)."""

    input_type = "date"

    def format_value(self, value):
        if isinstance(value, datetime.date):
            return value.isoformat()
        try:
            return datetime.date.fromisoformat(str(value)).isoformat()
        except (TypeError, ValueError):
            return None


class YearFilter(django_filters.NumberFilter):
    """A whole year between 1900 and 2200; "2024.5" is an error, not 2024."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("lookup_expr", "year")
        kwargs.setdefault("label", _("Year"))
        kwargs.setdefault("min_value", 1900)
        kwargs.setdefault("max_value", 2200)
        kwargs.setdefault("widget", NumberInput)
        super().__init__(*args, **kwargs)
