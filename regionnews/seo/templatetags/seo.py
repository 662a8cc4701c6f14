"""What search engines, feed readers and social networks read in a page's head.

- `canonical_url`: the page itself, in its own language, without a query string.
- `social_meta`: Open Graph and Twitter card tags.
- `feed_alternates` / `feed_links`: the feeds a page offers, in the head and
  visibly.
- `json_ld`: schema.org data (NewsArticle, Event, Person, Organization), built
  by the content apps and put together by `regionnews.seo.structured_data`.

Detail pages need nothing extra: the tags read the page's `object`, as
`language_alternates` does. Related objects are taken from what the views
prefetch from the visibility querysets (`visit_list`, `article_list`), or else
queried through them, so nothing unpublished reaches the page's metadata.
"""

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from regionnews.core.schema import (
    absolute,
    fallback_image,
    json_ld_script,
    page_url,
)
from regionnews.core.site import SITE_DESCRIPTION, SITE_NAME
from regionnews.seo.structured_data import object_card, structured_data

register = template.Library()


def list_page(context) -> int | None:
    """The number of the list page shown, from the view's paginator."""
    page_obj = context.get("page_obj")
    return getattr(page_obj, "number", None)


@register.simple_tag(takes_context=True)
def canonical_url(context) -> str:
    request = context.get("request")
    if request is None:
        return ""
    return page_url(request, context.get("object"), list_page(context))


@register.simple_tag(takes_context=True)
def canonical_alternates(context) -> list[dict]:
    """The page in each language (`language_alternates`), without the filter.

    hreflang links in the head point at canonical pages (page 2 of a list at
    page 2); the language switcher keeps using the full alternates, so a
    reader's filter survives the switch.
    """
    page = list_page(context)
    query = f"?page={page}" if page and page > 1 else ""
    return [
        {**alt, "url": alt["url"].split("?", 1)[0] + query}
        for alt in context.get("alternates") or []
    ]


# Open Graph and Twitter cards ---------------------------------------------------


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
    card["title"] = title or card.get("title") or str(SITE_NAME)
    card["description"] = (
        description or card.get("description") or str(SITE_DESCRIPTION)
    )
    card["site_name"] = str(SITE_NAME)
    card["url"] = page_url(request, obj, list_page(context))
    # A shared link never appears bare: the region's emblem when there is no photo.
    card.setdefault("image", fallback_image(request))
    current = translation.get_language()
    card["locale"] = settings.LANGUAGE_LOCALES.get(current, current)
    card["locale_alternates"] = [
        settings.LANGUAGE_LOCALES.get(code, code)
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


def country_feed(country) -> dict:
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
    if not getattr(filterset, "is_bound", False):
        return None  # nothing applied: no form to build
    form = filterset.form
    if form.errors:
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


@register.simple_tag(takes_context=True)
def json_ld(context, obj=None) -> str:
    request = context.get("request")
    if obj is None or obj == "" or request is None:
        return ""
    data = structured_data(obj, request)
    return json_ld_script(data) if data else ""


@register.simple_tag
def subscribe_feeds(country=None) -> list[dict]:
    """Feeds a reader of a detail page may follow, for its side column: all news,
    news about its country, and the calendar of upcoming visits."""
    feeds = news_feeds("page")[:1]
    if country:
        feeds.append(country_feed(country))
    feeds.append(calendar_feed())
    return feeds
