"""How article pages describe themselves (NewsArticle data, link previews), and
what articles add to a visit's Event: the news published about it.

Registered with `regionnews.core.adapters.register_seo` in apps.py.
"""

import hashlib

from django.utils import translation
from django.utils.timezone import localtime

from delegations.models import Person, Visit
from delegations.seo import country_data, event_data, organisation_ref, person_ref
from regionnews.core.content_generation import cached_for_generation
from regionnews.core.schema import absolute, page_url, region, shorten
from regionnews.core.templatetags.language_fallback import fallback_language

from .models import Article


def content_language(article: Article) -> str:
    """The language the article's text is shown in: the reader's, or the fallback."""
    shown_in = fallback_language(article, "body", "lead", "title")
    return shown_in or translation.get_language()


def byline_person(byline: str) -> Person | None:
    """The public person on record whom the byline names, or None.

    "Ing. Milan Kozel" or "Milan Kozel, Ph.D." match the person "Milan Kozel":
    the byline's last two or more words before any comma, compared with the
    name as recorded; a name shared by two people matches neither.
    """
    words = byline.split(",", 1)[0].split()
    candidates = [" ".join(words[start:]) for start in range(len(words) - 1)]
    if not candidates:
        return None

    def find() -> Person | None:
        people = list(Person.objects.public().filter(name__in=candidates)[:2])
        return people[0] if len(people) == 1 else None

    # Every article of one author asks the same: kept until the content changes.
    key = hashlib.sha256(byline.encode()).hexdigest()
    return cached_for_generation(f"byline-person:{key}", find)


def author_data(article: Article, request) -> dict:
    """The byline as a Person (with the page of the person on record it names),
    or the region when there is no byline."""
    if not article.byline:
        return region(request)
    person = byline_person(article.byline)
    if person is None:
        return {"@type": "Person", "name": article.byline}
    return {
        "@type": "Person",
        "name": article.byline,
        "url": absolute(request, person.get_absolute_url()),
    }


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
        "author": author_data(article, request),
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
