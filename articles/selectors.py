"""Read queries behind the news pages, feeds and the news shown on other pages."""

from django.db.models import QuerySet

from regionnews.core.languages import language_codes

from .models import Article

# What no list row shows: the bodies are most of an article's bytes.
BODY_COLUMNS = ("body", *(f"body_{lang}" for lang in language_codes()))


def articles_for_listing(*, with_body: bool = False) -> QuerySet[Article]:
    """Published articles with what a list row shows, newest first.

    Published ones for staff too: public pages show no drafts. The bodies stay
    in the database unless asked for (feeds fall back to the body).
    """
    articles = (
        Article.objects.published()
        .prefetch_related("topics")
        .order_by("-published_at", "-pk")
    )
    return articles if with_body else articles.defer(*BODY_COLUMNS)
