"""News list filters: topic (slug), country (ISO code, any case), year and text.

The country filter and the year work as on the visit list. The text filter is a
simple one over the reader's language (title, lead and body); the search page
does the full search across the site.
"""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from delegations.filters import CountryFilter
from delegations.models import Country
from regionnews.core.content_generation import cached_for_generation
from regionnews.core.filters import YearFilter
from regionnews.core.text import collation_key

from .models import Article, Topic


def countries_with_articles(request) -> list[Country]:
    """Countries a published article is about, by name in the reader's language.

    One pass over the link table (not a scan of the articles per country),
    kept until the content changes.
    """

    def compute() -> list[Country]:
        links = Article.countries.through.objects.filter(
            article__in=Article.objects.published()
        )
        return list(Country.objects.filter(pk__in=links.values("country_id")))

    countries = cached_for_generation("countries-with-articles", compute)
    return sorted(countries, key=lambda country: collation_key(country.name))


class ArticleFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Text"), method="filter_text", max_length=200)
    topic = django_filters.ModelChoiceFilter(
        field_name="topics",
        queryset=Topic.objects.all(),
        to_field_name="slug",
        label=_("Topic"),
        empty_label=_("All topics"),
    )
    country = CountryFilter(countries=countries_with_articles, field_name="countries")
    year = YearFilter(field_name="published_at")

    class Meta:
        model = Article
        fields = ["q", "topic", "country", "year"]

    def filter_text(self, queryset, name, value):
        """Every word in the title, lead or body in the reader's language.

        modeltranslation turns `title__icontains` into `title_<language>`.
        """
        condition = Q()
        for word in value.split()[:10]:
            condition &= (
                Q(title__icontains=word)
                | Q(lead__icontains=word)
                | Q(body__icontains=word)
            )
        return queryset.filter(condition)
