"""What search engines, feed readers and social networks read in a page's head.

- `canonical_url`: the page itself, in its own language, without a query string.
- `social_meta`: Open Graph and Twitter card tags.
- `feed_alternates` / `feed_links`: the feeds a page offers, in the head and
  visibly.
- `json_ld`: schema.org data (NewsArticle, Event, Person, Organization).

Detail pages need nothing extra: the tags read the page's `object`, as
`language_alternates` does. Related objects are taken from what the views
prefetch from the visibility querysets (`visit_list`, `article_list`), or else
queried through them, so nothing unpublished reaches the page's metadata.
"""

import json

from django import template
from django.conf import settings
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

from .language_fallback import fallback_language

register = template.Library()

OG_LOCALES = {"cs": "cs_CZ", "en": "en_GB", "de": "de_DE"}
SCHEMA = "https://schema.org/"
DESCRIPTION_WORDS = 40

# As django.utils.html.json_script: no "</script>" or "<!--" can close the element.
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def site_name() -> str:
    return _("Pilsen Region – Foreign Relations")


def site_description() -> str:
    return _(
        "News from the Pilsen Region’s foreign relations: visits of ambassadors "
        "and delegations, missions abroad, partner regions."
    )


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


@register.simple_tag(takes_context=True)
def canonical_url(context) -> str:
    request = context.get("request")
    return page_url(request, context.get("object")) if request else ""


@register.simple_tag(takes_context=True)
def canonical_alternates(context) -> list[dict]:
    """The page in each language (`language_alternates`), without the query string.

    hreflang links in the head point at canonical pages; the language switcher
    keeps using the full alternates, so a reader's filter survives the switch.
    """
    return [
        {**alt, "url": alt["url"].split("?", 1)[0]}
        for alt in context.get("alternates") or []
    ]


# Open Graph and Twitter cards ---------------------------------------------------


def object_card(obj, request) -> dict:
    """Title, description, type and image of a detail page's object."""
    if isinstance(obj, Article):
        card = {
            "title": obj.title,
            "description": shorten(obj.lead or obj.body),
            "type": "article",
            "published_time": obj.published_at,
            "modified_time": obj.updated_at,
            "tags": [topic.name for topic in obj.topics.all()],
        }
        if obj.main_image:
            card["image"] = {
                "url": absolute(request, obj.main_image.url),
                "width": obj.main_image_width,
                "height": obj.main_image_height,
                "alt": obj.main_image_alt or obj.title,
            }
        return card
    if isinstance(obj, Visit):
        return {"title": obj.title, "description": shorten(obj.purpose)}
    if isinstance(obj, Person):
        card = {
            "title": obj.full_name,
            "description": ", ".join(p for p in (obj.full_name, obj.title) if p),
        }
        if obj.photo:
            card["image"] = {
                "url": absolute(request, obj.photo.url),
                "width": obj.photo_width,
                "height": obj.photo_height,
                "alt": obj.photo_alt or obj.full_name,
            }
        return card
    if isinstance(obj, Organisation):
        return {"title": obj.name, "description": shorten(obj.description)}
    if isinstance(obj, Country):
        return {
            "title": obj.name,
            "description": _(
                "Visits, people and news of the Pilsen Region’s relations with "
                "%(country)s."
            )
            % {"country": obj.name},
        }
    return {"title": str(obj)}


@register.inclusion_tag("includes/seo/meta.html", takes_context=True)
def social_meta(context, title=None, description=None):
    """Open Graph and Twitter card tags for the page.

    Detail pages describe their `object`; other pages pass a `title` (and may
    pass a `description`), or get the site's name and description.
    """
    request = context.get("request")
    if request is None:
        return {"card": None}
    obj = context.get("object")
    card = object_card(obj, request) if obj is not None else {}
    card.setdefault("type", "website")
    card["title"] = title or card.get("title") or site_name()
    card["description"] = description or card.get("description") or site_description()
    card["site_name"] = site_name()
    card["url"] = page_url(request, obj)
    current = translation.get_language()
    card["locale"] = OG_LOCALES.get(current, current)
    card["locale_alternates"] = [
        OG_LOCALES.get(code, code)
        for code, _name in settings.LANGUAGES
        if code != current
    ]
    card["twitter_card"] = "summary_large_image" if card.get("image") else "summary"
    return {"card": card}


# Feeds --------------------------------------------------------------------------

RSS = "application/rss+xml"
ATOM = "application/atom+xml"
ICAL = "text/calendar"


def news_feeds(scope: str) -> list[dict]:
    return [
        {
            "url": reverse("articles:feed"),
            "type": RSS,
            "title": _("News (RSS)"),
            "label": _("RSS"),
            "scope": scope,
        },
        {
            "url": reverse("articles:feed_atom"),
            "type": ATOM,
            "title": _("News (Atom)"),
            "label": _("Atom"),
            "scope": scope,
        },
    ]


def country_feed(country: Country) -> dict:
    return {
        "url": reverse("articles:country_feed", kwargs={"code": country.code.lower()}),
        "type": RSS,
        "title": _("News about %(country)s (RSS)") % {"country": country.name},
        "label": _("RSS feed of news about %(country)s") % {"country": country.name},
        "scope": "page",
    }


def topic_feed(topic) -> dict:
    return {
        "url": reverse("articles:topic_feed", kwargs={"slug": topic.slug}),
        "type": RSS,
        "title": _("News: %(topic)s (RSS)") % {"topic": topic.name},
        "label": _("RSS feed of the topic %(topic)s") % {"topic": topic.name},
        "scope": "page",
    }


def calendar_feed() -> dict:
    return {
        "url": reverse("delegations:visit_calendar"),
        "type": ICAL,
        "title": _("Upcoming visits (iCalendar)"),
        "label": _("Calendar of upcoming visits (iCal)"),
        "scope": "page",
    }


def applied_filter(context, name: str):
    """A valid filter value of a list page (the object it names), or None.

    Read from the page's bound FilterSet, which has already looked it up.
    """
    filterset = context.get("filter")
    form = getattr(filterset, "form", None)
    if form is None or not filterset.is_bound or form.errors:
        return None
    return form.cleaned_data.get(name)


@register.simple_tag(takes_context=True)
def page_feeds(context) -> list[dict]:
    """The feeds this page offers: "page" ones about it, "site" ones everywhere."""
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    view_name = match.view_name if match else ""
    feeds = news_feeds("page" if view_name == "articles:list" else "site")
    if view_name == "articles:list":
        topic = applied_filter(context, "topic")
        country = applied_filter(context, "country")
        feeds += [topic_feed(topic)] if topic else []
        feeds += [country_feed(country)] if country else []
    elif view_name == "delegations:country_detail":
        feeds.append(country_feed(context["object"]))
    elif view_name == "delegations:visit_list":
        feeds.append(calendar_feed())
    if request is not None:
        for feed in feeds:
            feed["absolute_url"] = absolute(request, feed["url"])
    return feeds


@register.inclusion_tag("includes/seo/feed_alternates.html", takes_context=True)
def feed_alternates(context):
    """<link rel="alternate"> for every feed the page offers."""
    return {"feeds": page_feeds(context)}


@register.inclusion_tag("includes/seo/feed_links.html", takes_context=True)
def feed_links(context):
    """Visible links to the feeds about this page (not the site-wide ones)."""
    return {"feeds": [f for f in page_feeds(context) if f["scope"] == "page"]}


# JSON-LD ------------------------------------------------------------------------


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


@register.simple_tag(takes_context=True)
def json_ld(context, obj=None) -> str:
    request = context.get("request")
    if obj is None or obj == "" or request is None:
        return ""
    data = structured_data(obj, request)
    return json_ld_script(data) if data else ""
