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
