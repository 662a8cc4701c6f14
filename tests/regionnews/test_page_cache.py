"""The page cache for anonymous readers: hits without SQL, invalidation by every
write, scheduled articles on time, never for (or poisoned by) staff and sessions,
conditional GET, and pages still served when the cache backend is down."""

import datetime
import time

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from articles.models import Article
from delegations.models import Visit
from regionnews.core import content_generation
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE = True
    caches["default"].clear()
    yield
    caches["default"].clear()


def en(name, **kwargs):
    with translation.override("en"):
        return reverse(name, kwargs=kwargs or None)


def news(client):
    response = client.get(en("articles:list"))
    assert response.status_code == 200
    return response.content.decode()


def test_second_anonymous_request_is_a_hit_without_sql(
    client, django_assert_num_queries
):
    factories.article(title_en="Cached story")
    first = client.get(en("articles:list"))
    with django_assert_num_queries(0):
        second = client.get(en("articles:list"))
    assert second.status_code == 200
    assert second.content == first.content
    assert "Cached story" in second.content.decode()


def test_cached_page_says_public_briefly_and_varies_on_cookie(client, settings):
    settings.PAGE_CACHE_MAX_AGE = 45
    factories.article()
    for response in (client.get(en("home")), client.get(en("home"))):
        assert "public" in response["Cache-Control"]
        assert "max-age=45" in response["Cache-Control"]
        assert "Cookie" in response["Vary"]
        assert response["ETag"] and response["Last-Modified"]
        # The outer middleware still adds its headers to a hit.
        assert "Content-Security-Policy" in response


def test_a_hit_carries_the_headers_the_page_was_stored_with(client):
    """What the middleware after the cache added on the miss (language, length,
    Vary) is stored with the page, since a hit does not pass through it."""
    factories.article()
    first = client.get(en("articles:list"))
    second = client.get(en("articles:list"))
    for name in (
        "Content-Type",
        "Content-Language",
        "Content-Length",
        "Vary",
        "ETag",
        "Last-Modified",
        "Cache-Control",
    ):
        assert second[name] == first[name], name
    assert "Cookie" in second["Vary"]


def test_a_hit_is_answered_before_the_session_and_locale_middleware(
    client, monkeypatch
):
    from django.contrib.sessions.middleware import SessionMiddleware
    from django.middleware.locale import LocaleMiddleware

    seen = []
    for middleware in (SessionMiddleware, LocaleMiddleware):
        original = middleware.process_request

        def spy(self, request, original=original):
            seen.append(type(self).__name__)
            return original(self, request)

        monkeypatch.setattr(middleware, "process_request", spy)
    factories.article()
    client.get(en("articles:list"))
    assert seen == ["SessionMiddleware", "LocaleMiddleware"]
    assert client.get(en("articles:list")).status_code == 200
    assert seen == ["SessionMiddleware", "LocaleMiddleware"]


def test_publishing_an_article_shows_it_at_once(client):
    article = factories.article(title_en="Fresh news", status=Article.Status.DRAFT)
    assert "Fresh news" not in news(client)
    article.status = Article.Status.PUBLISHED
    article.save()
    assert "Fresh news" in news(client)


def test_unpublishing_removes_it_from_cached_list_and_page(client):
    article = factories.article(title_en="Withdrawn news")
    with translation.override("en"):
        url = article.get_absolute_url()
    assert "Withdrawn news" in news(client)
    assert client.get(url).status_code == 200
    article.status = Article.Status.DRAFT
    article.save()
    assert "Withdrawn news" not in news(client)
    assert client.get(url).status_code == 404


def test_editing_a_title_shows_the_new_one(client):
    article = factories.article(title_en="Old headline")
    assert "Old headline" in news(client)
    article.title_en = "New headline"
    article.save()
    html = news(client)
    assert "New headline" in html and "Old headline" not in html


def test_deleting_an_article_removes_it(client):
    article = factories.article(title_en="Deleted news")
    assert "Deleted news" in news(client)
    article.delete()
    assert "Deleted news" not in news(client)


def test_changing_a_linked_object_many_to_many_invalidates(client):
    article = factories.article(title_en="Tagged news")
    topic = factories.topic(name_en="Brand-new topic")
    with translation.override("en"):
        url = article.get_absolute_url()
    assert "Brand-new topic" not in client.get(url).content.decode()
    article.topics.add(topic)
    assert "Brand-new topic" in client.get(url).content.decode()


def test_a_visit_change_invalidates_the_visit_list(client):
    visit = factories.visit(title_en="Quiet visit")
    url = en("delegations:visit_list")
    assert "Quiet visit" in client.get(url).content.decode()
    visit.visibility = Visit.Visibility.INTERNAL
    visit.save()
    assert "Quiet visit" not in client.get(url).content.decode()


def test_scheduled_article_appears_on_time(client, monkeypatch):
    publish_at = timezone.now() + datetime.timedelta(hours=1)
    factories.article(title_en="Embargoed news", published_at=publish_at)
    assert "Embargoed news" not in news(client)
    # An hour later (for the clock of the cache and of the queries alike)
    # nothing was written, and yet the list shows it.
    later = time.time() + 3601
    monkeypatch.setattr(time, "time", lambda: later)
    monkeypatch.setattr(
        timezone, "now", lambda: publish_at + datetime.timedelta(seconds=1)
    )
    assert "Embargoed news" in news(client)


def test_entries_expire_no_later_than_the_next_scheduled_publication(client):
    publish_at = timezone.now() + datetime.timedelta(minutes=5)
    factories.article(published_at=publish_at)
    response = client.get(en("articles:list"))
    max_age = int(response["Cache-Control"].split("max-age=")[1].split(",")[0])
    assert max_age <= 300
    assert content_generation.next_change() <= publish_at


def test_staff_never_get_a_cached_page(staff_client):
    factories.article()
    staff_client.get(en("articles:list"))
    response = staff_client.get(en("articles:list"))
    assert "private" in response["Cache-Control"]
    assert "no-cache" in response["Cache-Control"]
    assert "ETag" not in response


def test_staff_pages_never_poison_the_anonymous_cache(staff_client, client):
    factories.visit(title_en="Internal talks", visibility=Visit.Visibility.INTERNAL)
    url = en("delegations:visit_list")
    assert "Internal talks" in staff_client.get(url).content.decode()
    client.cookies.clear()
    assert "Internal talks" not in client.get(url).content.decode()


def test_a_session_cookie_bypasses_the_cache(client):
    factories.article()
    client.get(en("articles:list"))  # stored for anonymous readers
    client.cookies["sessionid"] = "anything"
    with CaptureQueriesContext(connection) as queries:
        response = client.get(en("articles:list"))
    assert len(queries) > 0  # rendered again, not a hit
    assert "private" in response["Cache-Control"]


def test_csrf_or_messages_cookie_bypasses_the_cache(client):
    factories.article()
    client.get(en("articles:list"))
    for cookie in ("csrftoken", "messages"):
        client.cookies.clear()
        client.cookies[cookie] = "x"
        response = client.get(en("articles:list"))
        assert "private" in response["Cache-Control"]


def test_conditional_get_answers_304(client):
    factories.article()
    first = client.get(en("articles:list"))
    again = client.get(en("articles:list"), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    since = client.get(
        en("articles:list"), HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]
    )
    assert since.status_code == 304


def test_a_changed_page_does_not_match_the_old_etag(client):
    article = factories.article(title_en="Before")
    first = client.get(en("articles:list"))
    article.title_en = "After"
    article.save()
    again = client.get(en("articles:list"), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200
    assert "After" in again.content.decode()


def test_languages_and_queries_are_cached_apart(client):
    factories.article(title_en="English title", title_de="Deutscher Titel")
    with translation.override("de"):
        german = reverse("articles:list")
    english = en("articles:list")
    assert "English title" in client.get(english).content.decode()
    assert "Deutscher Titel" in client.get(german).content.decode()
    filtered = client.get(english + "?year=1999").content.decode()
    assert "English title" not in filtered


def test_error_responses_are_not_stored(client):
    url = en("articles:detail", slug="no-such-article")
    assert client.get(url).status_code == 404
    factories.article(slug_en="no-such-article", slug_cs="no-such-article")
    assert client.get(url).status_code == 200


def test_pages_are_served_when_the_cache_is_down(client, settings):
    settings.CACHES = {
        **settings.CACHES,
        "down": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.1, "socket_timeout": 0.1},
        },
    }
    settings.PAGE_CACHE_ALIAS = "down"
    article = factories.article(title_en="Still served")  # the bump fails quietly
    assert "Still served" in news(client)
    article.delete()
    assert "Still served" not in news(client)


@pytest.fixture
def archive():
    """One of each record the public pages show, cross-linked."""
    visit = factories.full_visit(title_en="Cached visit")
    guest = visit.participations.first().person
    place = visit.stops.first().organisation
    article = factories.article(
        visits=[visit],
        countries=[visit.country],
        people=[guest],
        organisations=[place],
        topics=[factories.topic()],
    )
    return {"visit": visit, "person": guest, "place": place, "article": article}


PUBLIC_PAGES = {
    "home": lambda a: en("home"),
    "news list": lambda a: en("articles:list"),
    "article": lambda a: en("articles:detail", slug=a["article"].slug_en),
    "visit list": lambda a: en("delegations:visit_list"),
    "visit detail": lambda a: en("delegations:visit_detail", slug=a["visit"].slug_en),
    "country list": lambda a: en("delegations:country_list"),
    "country page": lambda a: en("delegations:country_detail", code="kz"),
    "person": lambda a: en("delegations:person_detail", slug=a["person"].slug),
    "organisation": lambda a: en(
        "delegations:organisation_detail", slug=a["place"].slug
    ),
    "person index": lambda a: en("delegations:person_list"),
    "organisation index": lambda a: en("delegations:organisation_list"),
    "statistics": lambda a: en("delegations:visit_statistics"),
    "feed": lambda a: en("articles:feed"),
    "search": lambda a: en("search") + "?q=visit",
    "sitemap": lambda a: en("sitemap"),
    "sitemap page": lambda a: en("sitemap_page"),
}


@pytest.mark.parametrize("page", PUBLIC_PAGES)
def test_every_public_page_is_a_hit_without_sql(
    page, archive, client, django_assert_num_queries
):
    url = PUBLIC_PAGES[page](archive)
    first = client.get(url)
    assert first.status_code == 200
    assert not first.cookies, "a cookie set on an anonymous page stops caching"
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second.status_code == 200
    assert second.content == first.content


def test_another_languages_visit_address_redirects_from_the_cache(
    client, django_assert_num_queries
):
    """The Czech slug under /en/ answers a permanent redirect to the English one:
    stored like a page, so that old and shared links cost no SQL either."""
    visit = factories.visit(title_cs="Velvyslanec", title_en="Ambassador")
    url = en("delegations:visit_detail", slug=visit.slug_cs)
    first = client.get(url)
    assert first.status_code == 301
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second.status_code == 301
    assert (
        second["Location"]
        == first["Location"]
        == en("delegations:visit_detail", slug=visit.slug_en)
    )


def test_a_cached_redirect_goes_when_the_visit_turns_internal(client):
    visit = factories.visit(title_cs="Velvyslanec", title_en="Ambassador")
    url = en("delegations:visit_detail", slug=visit.slug_cs)
    assert client.get(url).status_code == 301
    visit.visibility = Visit.Visibility.INTERNAL
    visit.save()
    assert client.get(url).status_code == 404


def test_a_temporary_redirect_is_not_stored(client):
    """The root goes to the language the browser asks for: never one reader's answer
    for the next."""
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="de").url.startswith("/de/")
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en").url.startswith("/en/")
