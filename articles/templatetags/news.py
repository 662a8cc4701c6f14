"""{% news_about obj as articles %}: the published news about a visit, person,
organisation or country, for delegations' pages.

Delegations never imports articles; its templates ask this tag instead, and
the articles app alone knows which of its relations points at each record.
"""

from django import template
from django.db.models import QuerySet

from articles.models import Article
from articles.selectors import articles_for_listing

register = template.Library()

# The Article relation that points at each kind of record (model label).
RELATIONS = {
    "delegations.visit": "visits",
    "delegations.person": "people",
    "delegations.organisation": "organisations",
    "delegations.country": "countries",
}


@register.simple_tag
def news_about(obj, limit=None) -> QuerySet[Article]:
    """Published articles about *obj*, newest first (at most *limit*)."""
    relation = RELATIONS.get(obj._meta.label_lower)
    if relation is None:
        return Article.objects.none()
    articles = articles_for_listing().filter(**{relation: obj})
    return articles[:limit] if limit else articles
