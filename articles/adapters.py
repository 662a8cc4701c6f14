"""What articles tells the kernel and the site-wide features: how articles are
searched and described, what they add to a visit's page, and which people and
organisations a published article makes public. Registered from apps.py."""

from django.db.models import Exists, OuterRef, QuerySet
from django.utils.translation import gettext_lazy as _

from delegations.models import Organisation, Person, Visit
from regionnews.core.adapters import (
    SearchAdapter,
    SearchColumn,
    extend_seo,
    register_search,
    register_seo,
)
from regionnews.core.mentions import register_mention

from . import seo
from .models import Article


def searchable_articles(user) -> QuerySet[Article]:
    """Published articles, for staff too: drafts have no page to link to."""
    return Article.objects.published()


ARTICLES = SearchAdapter(
    kind="articles",
    label=_("Articles"),
    queryset=searchable_articles,
    # Drafts are indexed too: search narrows to published() when it asks.
    source=lambda: Article.objects.all(),
    columns=(
        SearchColumn("title", "A"),
        SearchColumn("lead", "B"),
        SearchColumn("body", "C"),
    ),
    ordering=lambda language: ("-published_at", "-pk"),
    date="published_at",
    # Scheduled articles are the newest of all, and no one sees them early.
    shown_from_date=True,
    snippet_fields=("lead", "body"),
    details=lambda article: {"date": article.published_at},
    position=10,
)


def published_about(field: str):
    """The condition "a published article is about this row" for a relation of
    Article (`people`, `organisations`): the one exported published-article
    condition that delegations' `public()` methods use through
    `regionnews.core.mentions`."""

    def condition():
        return Exists(Article.objects.published().filter(**{field: OuterRef("pk")}))

    condition.__qualname__ = f"published_about_{field}"
    return condition


MENTIONS_PEOPLE = published_about("people")
MENTIONS_ORGANISATIONS = published_about("organisations")


def register_adapters() -> None:
    register_search(ARTICLES)
    register_seo(Article, structured_data=seo.article_data, card=seo.article_card)
    # A visit's Event lists the news published about it.
    extend_seo(Visit, seo.visit_news_data)
    register_mention(Person, MENTIONS_PEOPLE)
    register_mention(Organisation, MENTIONS_ORGANISATIONS)
