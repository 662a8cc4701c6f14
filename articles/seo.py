"""How article pages describe themselves (NewsArticle data, link previews), and
what articles add to a visit's Event: the news published about it.

Registered with `regionnews.core.adapters.register_seo` in apps.py.
"""

from django.utils import translation
from django.utils.timezone import localtime

from delegations.models import Visit
from delegations.seo import country_data, event_data, organisation_ref, person_ref
from regionnews.core.schema import absolute, page_url, region, shorten
from regionnews.core.templatetags.language_fallback import fallback_language

from .models import Article


def content_language(article: Article) -> str:
    """The language the article's text is shown in: the reader's, or the fallback."""
    shown_in = fallback_language(article, "body", "lead", "title")
    return shown_in or translation.get_language()


def article_data(article: Article, request) -> dict:
    url = page_url(request, article)
    visits = getattr(article, "visit_list", None)
    if visits is None:
        visits = (
            Visit.objects.public().filter(articles=article).select_related("country")
        )
    data = {
        "@type": "NewsArticle",
        "headline": article.title,
        "description": shorten(article.lead),
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "inLanguage": content_language(article),
        "datePublished": localtime(article.published_at).isoformat(),
        "dateModified": localtime(article.updated_at).isoformat(),
        "author": (
            {"@type": "Person", "name": article.byline}
            if article.byline
            else region(request)
        ),
        "publisher": region(request),
        "about": [
            *(event_data(visit, request, full=False) for visit in visits),
            *(country_data(country, request) for country in article.countries.all()),
        ],
        "mentions": [
            *(person_ref(person, request) for person in article.people.all()),
            *(organisation_ref(o, request) for o in article.organisations.all()),
        ],
    }
    topics = [topic.name for topic in article.topics.all()]
    if topics:
        data["keywords"] = topics
    if article.main_image:
        data["image"] = [absolute(request, article.main_image.url)]
    return data


def visit_news_data(visit: Visit, request) -> dict:
    """The published articles about a visit, as the Event's `subjectOf`."""
    articles = getattr(visit, "article_list", None)
    if articles is None:
        articles = Article.objects.published().filter(visits=visit)
    return {
        "subjectOf": [
            {
                "@type": "NewsArticle",
                "headline": article.title,
                "url": absolute(request, article.get_absolute_url()),
                "datePublished": localtime(article.published_at).isoformat(),
            }
            for article in articles
        ]
    }


def article_card(article: Article, request) -> dict:
    card = {
        "title": article.title,
        "description": shorten(article.lead or article.body),
        "type": "article",
        "published_time": article.published_at,
        "modified_time": article.updated_at,
        "tags": [topic.name for topic in article.topics.all()],
    }
    if article.main_image:
        card["image"] = {
            "url": absolute(request, article.main_image.url),
            "width": article.main_image_width,
            "height": article.main_image_height,
            "alt": article.main_image_alt or article.title,
        }
    return card
