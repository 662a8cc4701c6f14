"""Home, news list and article pages: what they show, what they never leak, and
how many queries they take."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from articles.models import Article, GalleryImage
from delegations.models import Participation, Visit
from tests import factories
from tests.conftest import module_data

pytestmark = pytest.mark.django_db


def en(name, **kwargs):
    with translation.override("en"):
        return reverse(name, kwargs=kwargs or None)


def article_url(article):
    with translation.override("en"):
        return article.get_absolute_url()


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def draft():
    return factories.article(title_en="Secret draft", status=Article.Status.DRAFT)


def scheduled():
    return factories.article(
        title_en="Scheduled for tomorrow",
        published_at=timezone.now() + datetime.timedelta(days=1),
    )


# --- home -----------------------------------------------------------------


def test_home_lists_latest_published_article(client):
    article = factories.article(title_en="Governor receives ambassador")

    html = html_of(client, en("home"))

    assert f'href="{article_url(article)}"' in html


@pytest.mark.parametrize("make", [draft, scheduled], ids=["draft", "scheduled"])
def test_home_hides_unpublished_articles(client, make):
    article = make()

    html = html_of(client, en("home"))

    assert article.title_en not in html


def test_home_lists_recent_and_upcoming_visits(client):
    past = factories.visit(title_en="Past visit", start_date=datetime.date(2024, 4, 4))
    future = factories.visit(
        title_en="Future visit",
        start_date=timezone.localdate() + datetime.timedelta(days=10),
        status=Visit.Status.PLANNED,
    )

    html = html_of(client, en("home"))

    assert f'href="{past.get_absolute_url()}"' in html
    assert f'href="{future.get_absolute_url()}"' in html


def test_home_hides_internal_visits_from_the_public(client):
    factories.visit(title_en="Quiet visit", visibility=Visit.Visibility.INTERNAL)

    assert "Quiet visit" not in html_of(client, en("home"))


# --- article list -----------------------------------------------------------


def test_article_list_shows_published_articles(client):
    article = factories.article()

    assert f'href="{article_url(article)}"' in html_of(client, en("articles:list"))


@pytest.mark.parametrize("make", [draft, scheduled], ids=["draft", "scheduled"])
def test_article_list_hides_unpublished_articles(client, make):
    article = make()

    assert article.title_en not in html_of(client, en("articles:list"))


def test_article_list_filters_by_topic(client):
    economy = factories.topic(name_en="Economy")
    wanted = factories.article(topics=[economy])
    other = factories.article()

    html = html_of(client, en("articles:list") + f"?topic={economy.slug}")

    assert f'href="{article_url(wanted)}"' in html
    assert f'href="{article_url(other)}"' not in html


def test_article_list_filters_by_country_in_any_case(client):
    wanted = factories.article(countries=[factories.country("KZ")])
    other = factories.article(countries=[factories.country("DE")])

    html = html_of(client, en("articles:list") + "?country=kZ")

    assert f'href="{article_url(wanted)}"' in html
    assert f'href="{article_url(other)}"' not in html


def test_article_list_filters_by_year(client):
    wanted = factories.article(
        published_at=timezone.make_aware(datetime.datetime(2023, 6, 1, 12))
    )
    other = factories.article(
        published_at=timezone.make_aware(datetime.datetime(2024, 6, 1, 12))
    )

    html = html_of(client, en("articles:list") + "?year=2023")

    assert f'href="{article_url(wanted)}"' in html
    assert f'href="{article_url(other)}"' not in html


@pytest.mark.parametrize(
    "query", ["topic=no-such-topic", "country=kazakhstan", "year=abc"]
)
def test_article_list_with_a_bad_filter_explains_and_lists_nothing(client, query):
    article = factories.article()

    html = html_of(client, en("articles:list") + "?" + query)

    assert "The filter could not be applied" in html
    assert 'class="errorlist"' in html
    assert f'href="{article_url(article)}"' not in html


def test_article_list_pagination_keeps_the_filter(client):
    kz = factories.country("KZ")
    for _ in range(11):
        factories.article(countries=[kz])

    html = html_of(client, en("articles:list") + "?country=kz")

    assert 'href="?country=kz&amp;page=2"' in html


def test_article_list_second_page_is_reachable(client):
    oldest = factories.article(
        published_at=timezone.now() - datetime.timedelta(days=30)
    )
    for _ in range(10):
        factories.article()

    html = html_of(client, en("articles:list") + "?page=2")

    assert f'href="{article_url(oldest)}"' in html


# --- article detail -----------------------------------------------------------


@pytest.fixture
def kazakhstan_article():
    """The seed article: a visit with two guests, a host and places toured."""
    kz = factories.country("KZ")
    visit = factories.visit(
        title_en="Visit of the Ambassador of Kazakhstan",
        start_date=datetime.date(2024, 4, 4),
        country=kz,
    )
    ambassador = factories.person(honorific_en="H. E.", name="Bakyt Dyussenbayev")
    counsellor = factories.person(honorific_en="Mr.", name="Timur Akhmetzhanov")
    governor = factories.person(name="Rudolf Špoták", country=factories.country("CZ"))
    factories.participation(
        visit=visit,
        person=ambassador,
        role_en="Ambassador of Kazakhstan to the Czech Republic",
        order=0,
    )
    factories.participation(
        visit=visit,
        person=counsellor,
        role_en="Commercial Counsellor of the Embassy of Kazakhstan",
        order=1,
    )
    factories.participation(
        visit=visit,
        person=governor,
        side=Participation.Side.HOST,
        role_en="Governor of the Pilsen Region",
    )
    places = [
        factories.organisation(name_en=name)
        for name in [
            "Regional Authority of the Pilsen Region",
            "University of West Bohemia",
            "Škoda Transportation",
            "Regional Chamber of Commerce",
            "Pilsner Urquell Brewery",
        ]
    ]
    # Stored out of order: the page must follow `order`, not insertion.
    for order, place in reversed(list(enumerate(places))):
        factories.stop(visit=visit, organisation=place, order=order)
    article = factories.article(
        title_en="Ambassador of Kazakhstan visited the headquarters",
        body_en="<p>On Thursday, 4 April, <strong>the Governor</strong> received…</p>",
        visits=[visit],
        countries=[kz],
        people=[ambassador],
        organisations=[places[1]],
    )
    return {
        "article": article,
        "visit": visit,
        "country": kz,
        "guests": [ambassador, counsellor],
        "host": governor,
        "places": places,
    }


def test_article_detail_links_to_its_visit(client, kazakhstan_article):
    html = html_of(client, article_url(kazakhstan_article["article"]))

    assert f'href="{kazakhstan_article["visit"].get_absolute_url()}"' in html
    assert "4 April 2024" in html


def test_article_detail_links_to_the_visit_country(client, kazakhstan_article):
    html = html_of(client, article_url(kazakhstan_article["article"]))

    assert 'href="/en/countries/kz/"' in html


def test_article_detail_lists_guests_with_their_role_at_the_time(
    client, kazakhstan_article
):
    html = html_of(client, article_url(kazakhstan_article["article"]))

    ambassador, counsellor = kazakhstan_article["guests"]
    assert (
        f'href="{ambassador.get_absolute_url()}">H. E. Bakyt Dyussenbayev</a>' in html
    )
    assert f'href="{counsellor.get_absolute_url()}">Mr. Timur Akhmetzhanov</a>' in html
    assert "Ambassador of Kazakhstan to the Czech Republic" in html
    assert "Commercial Counsellor of the Embassy of Kazakhstan" in html


def test_article_detail_lists_the_host_with_role(client, kazakhstan_article):
    html = html_of(client, article_url(kazakhstan_article["article"]))

    assert f'href="{kazakhstan_article["host"].get_absolute_url()}"' in html
    assert "Governor of the Pilsen Region" in html


def test_article_detail_lists_places_toured_in_order(client, kazakhstan_article):
    html = html_of(client, article_url(kazakhstan_article["article"]))

    positions = [
        html.index(f'href="{place.get_absolute_url()}"')
        for place in kazakhstan_article["places"]
    ]
    assert positions == sorted(positions)


def test_article_detail_links_to_related_people_and_organisations(
    client, kazakhstan_article
):
    html = html_of(client, article_url(kazakhstan_article["article"]))

    related = html[html.index('id="related-heading"') :]
    assert f'href="{kazakhstan_article["guests"][0].get_absolute_url()}"' in related
    assert f'href="{kazakhstan_article["places"][1].get_absolute_url()}"' in related
    assert 'href="/en/countries/kz/"' in related


def test_article_detail_renders_the_sanitised_body_as_html(client, kazakhstan_article):
    html = html_of(client, article_url(kazakhstan_article["article"]))

    assert "<strong>the Governor</strong>" in html


def test_article_detail_never_renders_a_script_from_the_body(client):
    article = factories.article(body_en='<p>Hi</p><script>alert("x")</script>')

    html = html_of(client, article_url(article))

    assert 'alert("x")' not in html


def test_article_detail_shows_main_image_with_alt_text_and_credit(client):
    article = factories.article(
        main_image=factories.image_file("ambassador.jpg"),
        main_image_alt_en="The governor shakes hands with the ambassador",
        main_image_credit="Pilsen Region",
    )

    html = html_of(client, article_url(article))

    assert 'alt="The governor shakes hands with the ambassador"' in html
    assert "Pilsen Region" in html[html.index("<figcaption>") :]


def test_article_detail_shows_the_gallery_in_order(client):
    article = factories.article()
    GalleryImage.objects.create(
        article=article,
        image=factories.image_file("b.jpg"),
        alt_text_en="Second photo",
        order=2,
    )
    GalleryImage.objects.create(
        article=article,
        image=factories.image_file("a.jpg"),
        alt_text_en="First photo",
        order=1,
    )

    html = html_of(client, article_url(article))

    assert html.index('alt="First photo"') < html.index('alt="Second photo"')


def test_article_detail_does_not_show_a_linked_internal_visit(client):
    secret = factories.visit(
        title_en="Confidential talks", visibility=Visit.Visibility.INTERNAL
    )
    article = factories.article(visits=[secret])

    html = html_of(client, article_url(article))

    assert "Confidential talks" not in html
    assert secret.get_absolute_url() not in html


@pytest.mark.parametrize("make", [draft, scheduled], ids=["draft", "scheduled"])
def test_unpublished_article_detail_is_not_found(client, make):
    article = make()

    assert client.get(article_url(article)).status_code == 404


def test_unpublished_article_is_not_found_for_staff_either(staff_client):
    article = draft()

    assert staff_client.get(article_url(article)).status_code == 404


def test_unknown_article_slug_is_not_found(client):
    assert client.get(en("articles:detail", slug="no-such-article")).status_code == 404


# --- article list: text and the country <select> ------------------------------


def test_article_list_text_filter_matches_title_lead_or_body(client):
    by_title = factories.article(title_en="Hydrogen buses for Pilsen")
    by_lead = factories.article(lead_en="Talks about hydrogen and trams.")
    by_body = factories.article(body_en="<p>A hydrogen station opens.</p>")
    other = factories.article(title_en="Brewery tour")

    html = html_of(client, en("articles:list") + "?q=HYDROGEN")

    for article in (by_title, by_lead, by_body):
        assert f'href="{article_url(article)}"' in html
    assert f'href="{article_url(other)}"' not in html


def test_article_list_text_filter_needs_every_word(client):
    both = factories.article(title_en="Ambassador of Kazakhstan visits")
    factories.article(title_en="Ambassador of Japan visits")

    html = html_of(client, en("articles:list") + "?q=ambassador+kazakhstan")

    assert "1 article found." in html
    assert f'href="{article_url(both)}"' in html


def test_article_list_text_filter_searches_the_reader_language(client):
    article = factories.article(title_cs="Velvyslanec", title_en="Ambassador")

    with translation.override("cs"):
        url = reverse("articles:list")
    html = html_of(client, url + "?q=velvyslanec")

    with translation.override("cs"):
        assert f'href="{article.get_absolute_url()}"' in html
    assert "0 articles found." in html_of(
        client, en("articles:list") + "?q=velvyslanec"
    )


def test_article_list_offers_countries_with_published_articles(client):
    factories.article(countries=[factories.country("KZ")])
    factories.article(status=Article.Status.DRAFT, countries=[factories.country("JP")])

    html = html_of(client, en("articles:list"))

    start = html.index('<select name="country"')
    select = html[start : html.index("</select>", start)]
    assert '<option value="kz">Kazakhstan</option>' in select
    assert 'value="jp"' not in select


def test_article_list_shows_a_country_typed_in_upper_case_as_selected(client):
    factories.article(countries=[factories.country("KZ")])

    html = html_of(client, en("articles:list") + "?country=KZ")

    assert '<option value="kz" selected>Kazakhstan</option>' in html


def test_article_list_shows_a_country_without_articles_as_selected(client):
    factories.article(countries=[factories.country("KZ")])

    html = html_of(client, en("articles:list") + "?country=fr")

    assert '<option value="fr" selected>France</option>' in html
    assert "0 articles found." in html


@pytest.mark.parametrize("query", ["q=" + "x" * 201, "q=%00", "country=%C5%BD%C5%BD"])
def test_article_list_bad_text_or_country_is_explained(client, query):
    response = client.get(en("articles:list") + "?" + query)

    assert response.status_code == 200
    assert "The filter could not be applied" in response.content.decode()


def test_article_list_form_redirects_to_the_short_shareable_url(client):
    response = client.get(en("articles:list") + "?q=&topic=&country=kz&year=")

    assert response.status_code == 302
    assert response["Location"] == en("articles:list") + "?country=kz"


# --- query budgets (measured with many rows, so an N+1 would show) -----------


@module_data
def fifty_articles_with_visits():
    topics = [factories.topic() for _ in range(3)]
    kz = factories.country("KZ")
    articles = []
    for n in range(50):
        visit = factories.full_visit(
            start_date=datetime.date(2024, 1, 1) + datetime.timedelta(days=n)
        )
        articles.append(
            factories.article(topics=topics, visits=[visit], countries=[kz])
        )
    return articles


def test_article_detail_query_count_is_bounded(client, django_assert_max_num_queries):
    visits = [factories.full_visit(guests=5, hosts=3, stops=6) for _ in range(50)]
    article = factories.article(
        visits=visits,
        topics=[factories.topic() for _ in range(5)],
        people=[factories.person() for _ in range(10)],
        organisations=[factories.organisation() for _ in range(10)],
        countries=[factories.country("KZ"), factories.country("DE")],
    )
    for order in range(10):
        GalleryImage.objects.create(
            article=article,
            image=factories.image_file(f"{order}.jpg", size=(40, 30)),
            alt_text_en="Photo",
            order=order,
        )
    url = article_url(article)

    with django_assert_max_num_queries(12):
        response = client.get(url)

    assert response.status_code == 200
    assert response.content.decode().count('class="visit-summary"') == 50


class TestQueryBudgets:
    """The news pages at 50 articles, in a fixed number of queries."""

    def test_home_query_count_is_bounded(
        self, client, django_assert_max_num_queries, fifty_articles_with_visits
    ):
        # +1 on a first render: when the next scheduled change is (asked once per
        # content generation, so that nothing kept per generation outlives it).
        with django_assert_max_num_queries(8):
            response = client.get(en("home"))

        assert response.status_code == 200

    @pytest.mark.parametrize("query", ["", "?country=kz&page=2"])
    def test_article_list_query_count_is_bounded(
        self, client, django_assert_max_num_queries, fifty_articles_with_visits, query
    ):
        # +1: the next scheduled change (see the home page's budget).
        with django_assert_max_num_queries(7):
            response = client.get(en("articles:list") + query)

        assert response.status_code == 200
        assert response.content.decode().count('class="card article-card"') == 10
