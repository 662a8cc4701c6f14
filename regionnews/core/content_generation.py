"""The content generation: one number that changes whenever public content may have.

The page cache (regionnews.page_cache) keys every stored page on it, so one
write makes every cached page stale at once, on every server sharing the cache,
without knowing which pages showed what. Apps take part without being named
here: in `AppConfig.ready()` they call `register_content_models(...)` for the
models the public pages show (every save, delete and many-to-many change of
them bumps the generation, whichever path wrote it: admin, service, command,
history restore) and `register_next_change(...)` for a time when pages change
without a write (a scheduled publication, the next day for "upcoming" lists).
Writes that bypass signals (`QuerySet.update()`, `bulk_create`) call
`bump_content_generation()` themselves.

Cache errors are logged and swallowed: with Redis down the site serves from
the database.
"""

import datetime
import logging
import threading
import time
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.core.cache import caches
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

logger = logging.getLogger(__name__)

GENERATION_KEY = "content-generation"
NextChange = Callable[[], datetime.datetime | None]

T = TypeVar("T")
_MISSING = object()
_content_models: set[type] = set()
_next_change_providers: list[NextChange] = []


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


# The generation a request has read, so that the page cache and every kept
# fragment of one page ask the cache once, not once each (a round trip to
# Redis apiece). Kept from request_started to request_finished, and dropped
# by a bump, so a request that writes reads the new generation afterwards.
_request = threading.local()


def _start_request(**kwargs) -> None:
    _request.active, _request.generation = True, None


def _end_request(**kwargs) -> None:
    _request.active, _request.generation = False, None


request_started.connect(_start_request, dispatch_uid="content_generation.start")
request_finished.connect(_end_request, dispatch_uid="content_generation.end")


def current_generation() -> int | None:
    """The generation now; started at a clock value so that it never repeats one
    that an evicted counter had (None when the cache is unreachable)."""
    remembered = getattr(_request, "generation", None)
    if remembered is not None:
        return remembered
    cache = page_cache()
    try:
        generation = cache.get(GENERATION_KEY)
        if generation is None:
            cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
            generation = cache.get(GENERATION_KEY)
    except Exception:
        logger.exception("Page cache unreachable: reading the content generation")
        return None
    if getattr(_request, "active", False):
        _request.generation = generation
    return generation


def _bump() -> None:
    _request.generation = None
    cache = page_cache()
    try:
        try:
            cache.incr(GENERATION_KEY)
        except ValueError:  # no counter yet (or evicted): start a fresh one
            cache.set(GENERATION_KEY, time.time_ns(), timeout=None)
    except Exception:
        logger.exception("Page cache unreachable: bumping the content generation")


def bump_content_generation(**kwargs) -> None:
    """Make every cached page stale: now, and again when the transaction commits.

    The second bump drops pages that a reader rendered from the old rows while
    the writing transaction was still open.
    """
    _bump()
    transaction.on_commit(_bump, robust=True)


def _on_m2m_changed(sender, instance, action, model, **kwargs):
    if action.startswith("post_") and (
        type(instance) in _content_models or model in _content_models
    ):
        bump_content_generation()


def register_content_models(*models: type) -> None:
    """Bump the generation on every save and delete of *models* (and their m2m)."""
    for model in models:
        _content_models.add(model)
        uid = f"content_generation.{model._meta.label}"
        post_save.connect(bump_content_generation, sender=model, dispatch_uid=uid)
        post_delete.connect(bump_content_generation, sender=model, dispatch_uid=uid)
    m2m_changed.connect(_on_m2m_changed, dispatch_uid="content_generation.m2m")


def cached_for_generation(
    name: str, compute: Callable[[], T], timeout: int = 3600
) -> T:
    """*compute()*, kept until the content changes: for what every cold page
    needs and that only a write changes (filter choices, counts, sitemaps).

    *name* must say everything the value depends on besides the content (e.g.
    whether internal records count). Like a cached page, a value never outlives
    the next scheduled change (a scheduled article going live, midnight).
    Without a reachable cache it computes.
    """
    generation = current_generation()
    if generation is None:
        return compute()
    key = f"generation-cached:{name}:{generation}"
    cache = page_cache()
    try:
        value = cache.get(key, _MISSING)
    except Exception:
        logger.exception("Page cache unreachable: reading %s", name)
        return compute()
    if value is _MISSING:
        value = compute()
        left = seconds_until_next_change()
        if left is not None:
            timeout = min(timeout, left)
        if timeout <= 0:
            return value
        try:
            cache.set(key, value, timeout)
        except Exception:
            logger.exception("Page cache unreachable: storing %s", name)
    return value


def register_next_change(provider: NextChange) -> None:
    """*provider* returns when pages next change without a write (or None)."""
    _next_change_providers.append(provider)


def next_change() -> datetime.datetime | None:
    """The earliest time any registered provider expects pages to change."""
    times = [t for t in (provider() for provider in _next_change_providers) if t]
    return min(times, default=None)


def seconds_until_next_change() -> int | None:
    """Whole seconds until `next_change()` (None when nothing is expected).

    Kept per generation (a scheduled time changes only with a write) until it
    passes, so that a page computing several cached values asks the database
    at most once.
    """
    now = timezone.now()
    generation = current_generation()
    key = f"next-change:{generation}"
    when = _MISSING
    if generation is not None:
        try:
            when = page_cache().get(key, _MISSING)
        except Exception:
            logger.exception("Page cache unreachable: reading the next change")
    if when is _MISSING or (when is not None and when <= now):
        when = next_change()
        if generation is not None:
            left = 3600 if when is None else (when - now).total_seconds()
            try:
                page_cache().set(key, when, max(1, min(3600, int(left))))
            except Exception:
                logger.exception("Page cache unreachable: storing the next change")
    if when is None:
        return None
    return max(0, int((when - now).total_seconds()))
