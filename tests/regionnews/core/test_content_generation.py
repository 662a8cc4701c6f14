"""cached_for_generation: a value is kept until the content changes, and never
past the next scheduled change."""

import datetime
import time

import pytest
from django.utils import timezone

from regionnews.core.content_generation import cached_for_generation
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_value_is_kept_until_a_write():
    assert cached_for_generation("figure", lambda: 1) == 1
    assert cached_for_generation("figure", lambda: 2) == 1
    factories.topic()
    assert cached_for_generation("figure", lambda: 3) == 3


def test_a_value_is_not_kept_past_a_scheduled_publication(monkeypatch):
    publish_at = timezone.now() + datetime.timedelta(minutes=5)
    factories.article(published_at=publish_at)
    assert cached_for_generation("figure", lambda: "before") == "before"
    assert cached_for_generation("figure", lambda: "again") == "before"
    # Past the publication nothing was written, and yet the value is computed anew.
    later = time.time() + 301
    monkeypatch.setattr(time, "time", lambda: later)
    monkeypatch.setattr(
        timezone, "now", lambda: publish_at + datetime.timedelta(seconds=1)
    )
    assert cached_for_generation("figure", lambda: "after") == "after"


def test_a_request_reads_the_generation_from_the_cache_once(client, monkeypatch):
    from django.core.cache import cache

    from regionnews.core import content_generation

    factories.article()
    factories.visit()
    reads = []
    real_get = cache.get

    def counting_get(key, *args, **kwargs):
        if key == content_generation.GENERATION_KEY:
            reads.append(key)
        return real_get(key, *args, **kwargs)

    monkeypatch.setattr(cache, "get", counting_get)
    assert client.get("/en/news/").status_code == 200
    assert len(reads) == 1
    # A write in between is seen by the next request at once.
    factories.topic()
    reads.clear()
    assert client.get("/en/visits/").status_code == 200
    assert len(reads) == 1
    assert content_generation.current_generation() == real_get(
        content_generation.GENERATION_KEY
    )
