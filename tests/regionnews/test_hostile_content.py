"""Hostile text in titles, leads and bylines reaches every reader as text.

Each format is parsed the way a reader parses it (XML, iCalendar, JSON, the
HTML attributes of Open Graph), and what the reader gets is compared with
what the editor typed.
"""

import datetime
import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import translation

from delegations.models import Visit
from tests import factories
from tests.delegations.test_ical import parse_ics, unescape

pytestmark = pytest.mark.django_db

XSS = "<img src=x onerror=alert(1)>"
ATOM = "{http://www.w3.org/2005/Atom}"
DC_CREATOR = "{http://purl.org/dc/elements/1.1/}creator"


@pytest.fixture
def hostile_article():
    return factories.article(
        title_en=XSS,
        lead_en=f"Lead {XSS} & more",
        body_en=f"<p>Body</p>{XSS}<script>alert(2)</script>",
        byline=f"{XSS} Reporter",
    )


def en(name, **kwargs):
    with translation.override("en"):
        return reverse(name, kwargs=kwargs or None)


def test_rss_title_and_byline_are_the_typed_text(client, hostile_article):
    root = ET.fromstring(client.get(en("articles:feed")).content)
    item = root.find("channel/item")

    assert item.findtext("title") == XSS
    assert list(item.find("title")) == []  # no element inside: text
    assert item.findtext(DC_CREATOR) == f"{XSS} Reporter"


def test_rss_description_is_escaped_html(client, hostile_article):
    root = ET.fromstring(client.get(en("articles:feed")).content)
    description = root.find("channel/item").findtext("description")

    # The description is HTML for the reader: the typed "<img" is text in it.
    assert "<img" not in description
    assert "&lt;img src=x onerror=alert(1)&gt;" in description


def test_atom_title_is_text_and_summary_escaped(client, hostile_article):
    root = ET.fromstring(client.get(en("articles:feed_atom")).content)
    entry = root.find(f"{ATOM}entry")
    title = entry.find(f"{ATOM}title")

    assert title.get("type", "text") == "text"
    assert title.text == XSS
    summary = entry.find(f"{ATOM}summary")
    assert "<img" not in summary.text
    assert entry.findtext(f"{ATOM}author/{ATOM}name") == f"{XSS} Reporter"


def test_icalendar_summary_and_description_are_the_typed_text(client):
    visit = factories.visit(
        title_en=XSS,
        purpose_en=f"Purpose {XSS}",
        start_date=datetime.date.today() + datetime.timedelta(days=3),
        visibility=Visit.Visibility.PUBLIC,
    )
    with translation.override("en"):
        response = client.get(reverse("delegations:visit_calendar"))
    calendar = parse_ics(response.content)
    (event,) = [c for c in calendar["components"] if c["name"] == "VEVENT"]

    assert unescape(event["properties"]["SUMMARY"][1]) == XSS
    assert f"Purpose {XSS}" in unescape(event["properties"]["DESCRIPTION"][1])
    assert visit.pk


class MetaAndScripts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta, self.json_ld, self._in_ld, self.images = {}, [], False, 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and "property" in attrs:
            self.meta[attrs["property"]] = attrs.get("content")
        if tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_ld = True
        if tag == "img" and attrs.get("onerror"):
            self.images += 1

    def handle_endtag(self, tag):
        self._in_ld = False

    def handle_data(self, data):
        if self._in_ld:
            self.json_ld.append(json.loads(data))


def parsed_page(client, article):
    with translation.override("en"):
        response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    page = MetaAndScripts()
    page.feed(response.text)
    return page


def test_open_graph_carries_the_typed_title(client, hostile_article):
    page = parsed_page(client, hostile_article)

    assert page.meta["og:title"] == XSS
    assert page.images == 0  # no element with the handler anywhere on the page
    assert "<img" not in (page.meta["og:description"] or "").replace(XSS, "")


def test_json_ld_carries_the_typed_title_and_author(client, hostile_article):
    page = parsed_page(client, hostile_article)
    (data,) = [d for d in page.json_ld if d.get("@type") == "NewsArticle"]

    assert data["headline"] == XSS
    authors = data.get("author")
    authors = authors if isinstance(authors, list) else [authors]
    assert any(f"{XSS} Reporter" == a.get("name") for a in authors if a)
