"""JSON-LD on the detail pages, parsed with json.loads and checked field by field."""

import datetime
import json
from html.parser import HTMLParser

import pytest
from django.utils import timezone, translation

from articles.models import Article
from delegations.models import Participation, Visit
from tests import factories

pytestmark = pytest.mark.django_db

SCHEMA = "https://schema.org/"


class ScriptCollector(HTMLParser):
    """The text of every <script type="application/ld+json"> element, as a browser
    splits the document (so a "</script>" inside a value would end it early)."""

    def __init__(self):
        super().__init__()
        self.blocks, self._inside = [], False

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self._inside = dict(attrs).get("type") == "application/ld+json"
            if self._inside:
                self.blocks.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._inside = False

    def handle_data(self, data):
        if self._inside:
            self.blocks[-1] += data


def json_ld_blocks(html: str) -> list[dict]:
    collector = ScriptCollector()
    collector.feed(html)
    return [json.loads(block) for block in collector.blocks]


def page(client, obj, lang="en"):
    with translation.override(lang):
        url = obj.get_absolute_url()
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def json_ld(client, obj, lang="en") -> dict:
    (data,) = json_ld_blocks(page(client, obj, lang))
    assert data["@context"] == "https://schema.org"
    return data


def absolute(obj, lang="en"):
    with translation.override(lang):
        return "http://testserver" + obj.get_absolute_url()


@pytest.fixture
def story():
    """The Kazakhstan example: a visit with guests, a host, stops and an article."""
    kz = factories.country("KZ")
    ambassador = factories.person(name="Bakyt Dyussenbayev", honorific_en="H. E.")
    governor = factories.person(name="Rudolf Špoták", country=factories.country("CZ"))
    university = factories.organisation(
        name_en="University of West Bohemia", city_en="Pilsen"
    )
    brewery = factories.organisation(
        name_en="Pilsner Urquell Brewery", city_en="Pilsen"
    )
    visit = factories.visit(
        title_en="Ambassador of Kazakhstan",
        start_date=datetime.date(2024, 4, 4),
        end_date=datetime.date(2024, 4, 5),
        country=kz,
        purpose_en="Economic cooperation.",
    )
    factories.participation(
        visit=visit,
        person=ambassador,
        side=Participation.Side.GUEST,
        role_en="Ambassador of Kazakhstan to the Czech Republic",
    )
    factories.participation(
        visit=visit,
        person=governor,
        side=Participation.Side.HOST,
        role_en="Governor of the Pilsen Region",
    )
    factories.stop(visit=visit, organisation=university, order=1)
    factories.stop(visit=visit, organisation=brewery, order=2)
    article = factories.article(
        title_en="Ambassador of Kazakhstan visited the Pilsen Region",
        lead_en="The Governor received the Ambassador.",
        byline="Ing. Milan Kozel",
        published_at=timezone.make_aware(datetime.datetime(2024, 5, 9, 14, 51)),
        visits=[visit],
        countries=[kz],
        people=[ambassador, governor],
        organisations=[university, brewery],
    )
    return {
        "article": article,
        "visit": visit,
        "country": kz,
        "ambassador": ambassador,
        "governor": governor,
        "university": university,
        "brewery": brewery,
    }


# NewsArticle ----------------------------------------------------------------


def test_article_page_describes_a_news_article(client, story):
    data = json_ld(client, story["article"])

    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Ambassador of Kazakhstan visited the Pilsen Region"
    assert data["description"] == "The Governor received the Ambassador."
    assert data["inLanguage"] == "en"
    assert data["mainEntityOfPage"]["@id"] == absolute(story["article"])
    assert data["url"] == absolute(story["article"])


def test_article_dates_are_iso_8601_with_a_time_zone(client, story):
    data = json_ld(client, story["article"])

    published = datetime.datetime.fromisoformat(data["datePublished"])
    assert published == story["article"].published_at
    assert published.tzinfo is not None
    assert datetime.datetime.fromisoformat(data["dateModified"]).tzinfo is not None


def test_article_author_is_the_byline_and_publisher_the_region(client, story):
    data = json_ld(client, story["article"])

    assert data["author"] == {"@type": "Person", "name": "Ing. Milan Kozel"}
    assert data["publisher"]["@type"] in {"Organization", "GovernmentOrganization"}
    assert data["publisher"]["name"]
    assert data["publisher"]["logo"]["url"].startswith("http://testserver/")


def test_article_without_byline_is_authored_by_the_region(client):
    article = factories.article(byline="")

    data = json_ld(client, article)

    assert data["author"]["@type"] in {"Organization", "GovernmentOrganization"}


def test_article_is_about_its_visit_and_country(client, story):
    data = json_ld(client, story["article"])

    by_type = {item["@type"]: item for item in data["about"]}
    event = by_type["Event"]
    assert event["name"] == "Ambassador of Kazakhstan"
    assert event["url"] == absolute(story["visit"])
    assert event["startDate"] == "2024-04-04"
    assert by_type["Country"]["name"] == "Kazakhstan"
    assert by_type["Country"]["url"] == "http://testserver/en/countries/kz/"


def test_article_mentions_its_people_and_organisations(client, story):
    data = json_ld(client, story["article"])

    mentions = {(m["@type"], m["name"]): m["url"] for m in data["mentions"]}
    assert mentions[("Person", "H. E. Bakyt Dyussenbayev")] == absolute(
        story["ambassador"]
    )
    assert mentions[("Organization", "University of West Bohemia")] == absolute(
        story["university"]
    )
    assert len(mentions) == 4


def test_article_never_names_an_internal_visit(client, story):
    secret = factories.visit(
        title_en="Confidential talks", visibility=Visit.Visibility.INTERNAL
    )
    story["article"].visits.add(secret)

    html = page(client, story["article"])

    (data,) = json_ld_blocks(html)
    assert [e["name"] for e in data["about"] if e["@type"] == "Event"] == [
        "Ambassador of Kazakhstan"
    ]
    assert "Confidential talks" not in html


def test_article_image_is_an_absolute_url(client):
    article = factories.article(main_image=factories.image_file())

    data = json_ld(client, article)

    assert data["image"] == ["http://testserver" + article.main_image.url]


def test_article_without_image_has_the_regions_emblem(client):
    data = json_ld(client, factories.article())

    assert data["image"] == ["http://testserver/static/img/social-card.png"]


def test_article_headline_is_in_the_page_language(client, story):
    story["article"].title_de = "Botschafter Kasachstans in Pilsen"
    story["article"].save()

    data = json_ld(client, story["article"], "de")

    assert data["headline"] == "Botschafter Kasachstans in Pilsen"
    assert data["inLanguage"] == "de"


def test_article_shown_in_a_fallback_language_says_so(client):
    article = factories.article(title_de="", lead_de="", body_de="")

    data = json_ld(client, article, "de")

    assert data["inLanguage"] == "cs"


def test_hostile_title_stays_inside_the_script_element_and_parses(client):
    hostile = "</script><script>alert(1)</script><!--"
    article = factories.article(title_en=hostile, lead_en="a & b > c")

    html = page(client, article)

    assert "<script>alert(1)" not in html
    (data,) = json_ld_blocks(html)
    assert data["headline"] == hostile
    assert data["description"] == "a & b > c"


# Event ------------------------------------------------------------------------


def test_visit_page_describes_an_event(client, story):
    data = json_ld(client, story["visit"])

    assert data["@type"] == "Event"
    assert data["name"] == "Ambassador of Kazakhstan"
    assert data["startDate"] == "2024-04-04"
    assert data["endDate"] == "2024-04-05"
    assert data["eventStatus"] == SCHEMA + "EventScheduled"
    assert data["eventAttendanceMode"] == SCHEMA + "OfflineEventAttendanceMode"
    assert data["url"] == absolute(story["visit"])


def test_one_day_visit_ends_on_its_start_date(client):
    visit = factories.visit(start_date=datetime.date(2024, 4, 4))

    data = json_ld(client, visit)

    assert data["endDate"] == "2024-04-04"


def test_cancelled_visit_is_an_event_cancelled(client):
    visit = factories.visit(status=Visit.Status.CANCELLED)

    data = json_ld(client, visit)

    assert data["eventStatus"] == SCHEMA + "EventCancelled"


def test_event_attendees_are_guests_and_hosts_with_their_roles(client, story):
    data = json_ld(client, story["visit"])

    attendees = {a["name"]: a for a in data["attendee"]}
    assert attendees["H. E. Bakyt Dyussenbayev"]["jobTitle"] == (
        "Ambassador of Kazakhstan to the Czech Republic"
    )
    assert attendees["Rudolf Špoták"]["jobTitle"] == "Governor of the Pilsen Region"
    assert attendees["Rudolf Špoták"]["@type"] == "Person"
    assert attendees["Rudolf Špoták"]["url"] == absolute(story["governor"])


def test_event_locations_are_the_organisations_toured_in_order(client, story):
    data = json_ld(client, story["visit"])

    assert [place["name"] for place in data["location"]] == [
        "University of West Bohemia",
        "Pilsner Urquell Brewery",
    ]
    first = data["location"][0]
    assert first["@type"] == "Place"
    assert first["address"]["addressLocality"] == "Pilsen"
    assert first["url"] == absolute(story["university"])


def test_event_without_stops_still_has_a_location(client):
    data = json_ld(client, factories.visit())

    assert data["location"]
    assert all(place["@type"] == "Place" for place in data["location"])


def test_event_is_organised_by_the_region(client, story):
    data = json_ld(client, story["visit"])

    assert data["organizer"]["url"] == "http://testserver/en/"


def test_event_lists_published_articles_about_it(client, story):
    data = json_ld(client, story["visit"])

    assert [a["url"] for a in data["subjectOf"]] == [absolute(story["article"])]


def test_event_never_names_a_draft_or_scheduled_article(client, story):
    factories.article(
        title_en="Draft about the visit",
        status=Article.Status.DRAFT,
        visits=[story["visit"]],
    )
    factories.article(
        title_en="Embargoed report",
        published_at=timezone.now() + datetime.timedelta(days=1),
        visits=[story["visit"]],
    )

    html = page(client, story["visit"])

    (data,) = json_ld_blocks(html)
    assert [a["headline"] for a in data["subjectOf"]] == [
        "Ambassador of Kazakhstan visited the Pilsen Region"
    ]
    assert "Draft about the visit" not in html
    assert "Embargoed report" not in html


def test_internal_visit_shown_to_staff_has_no_json_ld(staff_client):
    visit = factories.visit(visibility=Visit.Visibility.INTERNAL)

    assert json_ld_blocks(page(staff_client, visit)) == []


# Person and Organization ------------------------------------------------------


def test_person_page_describes_a_person(client, story):
    person = story["ambassador"]
    person.titles_before = "Ing."
    person.titles_after_en = "Ph.D."
    person.title_en = "Ambassador of Kazakhstan"
    person.save()

    data = json_ld(client, person)

    assert data["@type"] == "Person"
    assert data["name"] == "Bakyt Dyussenbayev"
    assert data["honorificPrefix"] == "H. E. Ing."
    assert data["honorificSuffix"] == "Ph.D."
    assert data["jobTitle"] == "Ambassador of Kazakhstan"
    assert data["nationality"]["name"] == "Kazakhstan"
    assert data["url"] == absolute(person)


def test_organisation_page_describes_an_organization(client, story):
    university = story["university"]
    university.website = "https://www.zcu.cz/"
    university.save()

    data = json_ld(client, university)

    assert data["@type"] == "Organization"
    assert data["name"] == "University of West Bohemia"
    assert data["url"] == absolute(university)
    assert data["sameAs"] == ["https://www.zcu.cz/"]
    assert data["address"] == {
        "@type": "PostalAddress",
        "addressLocality": "Pilsen",
        "addressCountry": "CZ",
    }


def test_detail_page_query_count_is_unchanged_by_json_ld(
    client, django_assert_max_num_queries
):
    visits = [factories.full_visit(guests=5, hosts=3, stops=6) for _ in range(20)]
    article = factories.article(
        visits=visits,
        people=[factories.person() for _ in range(10)],
        organisations=[factories.organisation() for _ in range(10)],
        countries=[factories.country("KZ"), factories.country("DE")],
        topics=[factories.topic() for _ in range(3)],
    )

    with django_assert_max_num_queries(12):
        html = page(client, article)

    (data,) = json_ld_blocks(html)
    assert len(data["about"]) == 22
    assert len(data["mentions"]) == 20
