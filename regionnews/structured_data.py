"""schema.org data (JSON-LD) describing a page's object, for search engines.

A plain module, not a template tag library: the `json_ld` tag in
regionnews/templatetags/seo.py renders what `structured_data()` returns. It
also holds the small helpers the seo tags share with it (`absolute`,
`page_url`, `shorten`), so that the tags depend on this module and never the
other way round.

Related objects are taken from what the views prefetch from the visibility
querysets (`visit_list`, `article_list`), or else queried through them, so
nothing unpublished reaches the data.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from articles.models import Article
from delegations.models import Country, Organisation, Person, Visit
from regionnews.templatetags.language_fallback import fallback_language

SCHEMA = "https://schema.org/"
DESCRIPTION_WORDS = 40

# As django.utils.html.json_script: no "</script>" or "<!--" can close the element.
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def absolute(request, path: str) -> str:
    return request.build_absolute_uri(path)


def page_url(request, obj=None) -> str:
    """The canonical URL: the object's own URL in the active language, or the path.

    A filtered or paginated list is canonically the list itself: the query
    string is dropped, so search engines index one list, not every filter.
    """
    if obj is not None and hasattr(obj, "get_absolute_url"):
        return absolute(request, obj.get_absolute_url())
    return absolute(request, request.path)


def shorten(text: str) -> str:
    return Truncator(strip_tags(text or "")).words(DESCRIPTION_WORDS).strip()


def region(request) -> dict:
    """The publisher of the news and the organiser of the visits."""
    return {
        "@type": "GovernmentOrganization",
        "name": _("Pilsen Region"),
        "url": absolute(request, reverse("home")),
        "logo": {
            "@type": "ImageObject",
            "url": absolute(request, static("img/logo.svg")),
        },
    }


def country_data(country: Country, request) -> dict:
    return {
        "@type": "Country",
        "name": country.name,
        "identifier": country.code,
        "url": absolute(request, country.get_absolute_url()),
    }


def person_ref(person: Person, request, role: str = "") -> dict:
    data = {
        "@type": "Person",
        "name": person.full_name,
        "url": absolute(request, person.get_absolute_url()),
    }
    if role:
        data["jobTitle"] = role
    return data


def organisation_ref(organisation: Organisation, request) -> dict:
    return {
        "@type": "Organization",
        "name": organisation.name,
        "url": absolute(request, organisation.get_absolute_url()),
    }


def place(organisation: Organisation, request) -> dict:
    data = {
        "@type": "Place",
        "name": organisation.name,
        "url": absolute(request, organisation.get_absolute_url()),
    }
    if organisation.city:
        data["address"] = {
            "@type": "PostalAddress",
            "addressLocality": organisation.city,
        }
    return data


def visit_places(visit: Visit, request) -> list[dict]:
    """The organisations toured, or where the visit took place when none is listed."""
    stops = getattr(visit, "stop_list", None)
    if stops is None:
        stops = visit.stops.select_related("organisation").order_by("order", "pk")
    places, seen = [], set()
    for stop in stops:
        if stop.organisation_id not in seen:
            seen.add(stop.organisation_id)
            places.append(place(stop.organisation, request))
    if places:
        return places
    if visit.direction == Visit.Direction.OUTGOING:
        return [
            {
                "@type": "Place",
                "name": visit.country.name,
                "address": {
                    "@type": "PostalAddress",
                    "addressCountry": visit.country.code,
                },
            }
        ]
    return [
        {
            "@type": "Place",
            "name": _("Pilsen Region"),
            "address": {
                "@type": "PostalAddress",
                "addressRegion": _("Pilsen Region"),
                "addressCountry": "CZ",
            },
        }
    ]


def event_data(visit: Visit, request, *, full: bool = True) -> dict:
    """A visit as a schema.org Event; `full` adds people, organiser and articles."""
    status = (
        "EventCancelled" if visit.status == Visit.Status.CANCELLED else "EventScheduled"
    )
    data = {
        "@type": "Event",
        "name": visit.title,
        "url": absolute(request, visit.get_absolute_url()),
        "startDate": visit.start_date.isoformat(),
        "endDate": visit.last_date.isoformat(),
        "eventStatus": SCHEMA + status,
        "eventAttendanceMode": SCHEMA + "OfflineEventAttendanceMode",
        "location": visit_places(visit, request),
    }
    if visit.purpose:
        data["description"] = shorten(visit.purpose)
    if not full:
        return data
    participations = [
        *getattr(visit, "guest_list", []),
        *getattr(visit, "host_list", []),
    ]
    if not hasattr(visit, "guest_list"):
        participations = visit.participations.select_related("person").order_by(
            "side", "order", "pk"
        )
    data["attendee"] = [person_ref(p.person, request, p.role) for p in participations]
    data["organizer"] = region(request)
    data["about"] = country_data(visit.country, request)
    articles = getattr(visit, "article_list", None)
    if articles is None:
        articles = Article.objects.published().filter(visits=visit)
    data["subjectOf"] = [
        {
            "@type": "NewsArticle",
            "headline": article.title,
            "url": absolute(request, article.get_absolute_url()),
            "datePublished": localtime(article.published_at).isoformat(),
        }
        for article in articles
    ]
    return data


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


def person_data(person: Person, request) -> dict:
    data = {
        "@type": "Person",
        "name": person.name,
        "url": page_url(request, person),
    }
    prefix = " ".join(p for p in (person.honorific, person.titles_before) if p)
    if prefix:
        data["honorificPrefix"] = prefix
    if person.titles_after:
        data["honorificSuffix"] = person.titles_after
    if person.title:
        data["jobTitle"] = person.title
    if person.country:
        data["nationality"] = country_data(person.country, request)
    if person.photo:
        data["image"] = absolute(request, person.photo.url)
    return data


def organisation_data(organisation: Organisation, request) -> dict:
    data = {
        "@type": "Organization",
        "name": organisation.name,
        "url": page_url(request, organisation),
    }
    if organisation.description:
        data["description"] = shorten(organisation.description)
    if organisation.website:
        data["sameAs"] = [organisation.website]
    address = {"@type": "PostalAddress"}
    if organisation.city:
        address["addressLocality"] = organisation.city
    if organisation.country:
        address["addressCountry"] = organisation.country.code
    if len(address) > 1:
        data["address"] = address
    return data


def structured_data(obj, request) -> dict | None:
    """The schema.org description of a page's object, or None for other pages.

    An internal visit (shown to staff only) gets none: it is no public event.
    """
    if isinstance(obj, Article):
        data = article_data(obj, request)
    elif isinstance(obj, Visit) and obj.is_public:
        data = event_data(obj, request)
    elif isinstance(obj, Person):
        data = person_data(obj, request)
    elif isinstance(obj, Organisation):
        data = organisation_data(obj, request)
    else:
        return None
    return {"@context": "https://schema.org", **data}


def json_ld_script(data: dict) -> str:
    """<script type="application/ld+json"> that no value can break out of."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(JSON_SCRIPT_ESCAPES)),  # < > & escaped: safe.
    )
