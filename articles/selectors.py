"""Read queries behind the news pages, feeds and the news shown on other pages."""

from django.db.models import QuerySet

from .models import Article


def articles_for_listing() -> QuerySet[Article]:
    """Published articles with what a list row shows, newest first.

    Published ones for staff too: public pages show no drafts.
    """
    return (
        Article.objects.published()
        .prefetch_related("topics")
        .order_by("-published_at", "-pk")
    )
