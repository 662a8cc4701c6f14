"""List filters (django-filter) that every app's lists use the same way."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _


class YearFilter(django_filters.NumberFilter):
    """A whole year between 1900 and 2200; "2024.5" is an error, not 2024."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("lookup_expr", "year")
        kwargs.setdefault("label", _("Year"))
        kwargs.setdefault("min_value", 1900)
        kwargs.setdefault("max_value", 2200)
        super().__init__(*args, **kwargs)
