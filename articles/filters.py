"""Article list filters: topic (slug), country (ISO code, any case), year."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from delegations.filters import CountryCodeField, YearFilter

from .models import Article, Topic


class CountryFilter(django_filters.Filter):
    field_class = CountryCodeField

    def filter(self, qs, value):
        return qs if value is None else qs.filter(countries=value)


class ArticleFilter(django_filters.FilterSet):
    topic = django_filters.ModelChoiceFilter(
        field_name="topics",
        queryset=Topic.objects.all(),
        to_field_name="slug",
        label=_("Topic"),
        empty_label=_("All topics"),
    )
    country = CountryFilter(
        label=_("Country (ISO code)"),
        widget=forms.TextInput(
            attrs={"size": 4, "maxlength": 2, "autocomplete": "off"}
        ),
    )
    year = YearFilter(field_name="published_at")

    class Meta:
        model = Article
        fields = ["topic", "country", "year"]
