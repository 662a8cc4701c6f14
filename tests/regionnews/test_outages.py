"""A lost database answers 503 with the outage page; a lost Redis is a miss."""

from unittest import mock

import pytest
from django.core.cache.backends.redis import RedisCache
from django.db import OperationalError
from django.test import Client
from django.urls import reverse
from django.utils import translation
from psycopg_pool import PoolTimeout
from redis.exceptions import ConnectionError as RedisConnectionError

from articles.views import ArticleListView
from regionnews.cache import TolerantRedisCache

pytestmark = pytest.mark.django_db

HEADINGS = {
    "cs": "Dočasně nedostupné",
    "en": "Temporarily unavailable",
    "de": "Vorübergehend nicht erreichbar",
}


def database_down(error=None):
    error = error or OperationalError("connection refused")
    return mock.patch.object(ArticleListView, "get_queryset", side_effect=error)


@pytest.mark.parametrize("lang", ["cs", "en", "de"])
def test_a_page_that_loses_the_database_answers_503_in_its_language(client, lang):
    with translation.override(lang):
        url = reverse("articles:list")
    with database_down():
        response = client.get(url)

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert f"<h1>{HEADINGS[lang]}</h1>" in response.text
    assert f'<html lang="{lang}">' in response.text


def test_a_pool_timeout_is_an_outage_too(client):
    with database_down(PoolTimeout("couldn't get a connection after 5.00 sec")):
        response = client.get(reverse("articles:list"))

    assert response.status_code == 503


def test_other_errors_stay_500(client):
    client = Client(raise_request_exception=False)
    with database_down(ValueError("a bug")):
        response = client.get(reverse("articles:list"))

    assert response.status_code == 500


def test_an_outage_outside_a_view_answers_503_through_handler500():
    client = Client(raise_request_exception=False, HTTP_ACCEPT_LANGUAGE="de")
    with mock.patch(
        "django.contrib.sessions.backends.db.SessionStore.load",
        side_effect=OperationalError("gone"),
    ):
        client.cookies["sessionid"] = "x" * 32
        response = client.get(reverse("admin:index"))

    assert response.status_code == 503
    assert HEADINGS["de"] in response.text


def test_the_outage_page_reads_no_session_nor_user(client):
    with (
        database_down(),
        mock.patch(
            "django.contrib.sessions.backends.db.SessionStore.load",
            side_effect=AssertionError("the session was read"),
        ),
    ):
        client.cookies["sessionid"] = "x" * 32
        response = client.get(reverse("articles:list"))

    assert response.status_code == 503


def test_healthz_checks_with_a_short_timeout(settings):
    assert settings.HEALTHZ_TIMEOUT <= 1


def redis_cache():
    return TolerantRedisCache("redis://127.0.0.1:1/0", {"OPTIONS": {}})


@pytest.fixture
def redis_gone():
    with mock.patch.object(
        RedisCache, "_cache", new_callable=mock.PropertyMock
    ) as cache:
        cache.return_value.get.side_effect = RedisConnectionError("refused")
        cache.return_value.set.side_effect = RedisConnectionError("refused")
        cache.return_value.get_many.side_effect = RedisConnectionError("refused")
        cache.return_value.delete.side_effect = RedisConnectionError("refused")
        yield


def test_a_lost_redis_is_a_cache_miss(redis_gone):
    cache = redis_cache()

    assert cache.get("page", "miss") == "miss"
    assert cache.get("page") is None
    assert cache.get_many(["a", "b"]) == {}
    cache.set("page", "html")
    assert cache.delete("page") is False


def test_the_production_cache_is_the_tolerant_one(monkeypatch):
    import importlib

    from regionnews.settings import base

    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/0")
    try:
        reloaded = importlib.reload(base)
        backend = reloaded.CACHES["default"]["BACKEND"]
    finally:
        monkeypatch.delenv("REDIS_URL")
        importlib.reload(base)
    assert backend == "regionnews.cache.TolerantRedisCache"
