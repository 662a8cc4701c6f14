"""Whole-page cache for anonymous readers.

It sits in MIDDLEWARE just before the session middleware: a hit is answered
before the session, locale, CSRF, authentication, messages and axes
middleware run (none of them has anything to do for an anonymous GET), and
only the outer middleware (security headers, CSP) dresses it. A miss goes
through all of them, and what they add to the response (Content-Language,
Vary, Content-Length) is stored with the page; a response that sets a cookie
is never stored.

A GET without a session, CSRF or messages cookie and without credentials is
looked up by language (chosen as LocaleMiddleware chooses it), host, path and
query; the entry is valid only for the
content generation it was rendered at (regionnews.core.content_generation), so any
write makes every page stale at once. One cache round trip serves a hit and no
SQL runs. An entry never outlives the next scheduled change (a scheduled
article's publication time): its timeout is capped at the time left until then.

Responses are stored only when they are 200 (or a permanent redirect: an old
or other-language address of a visit, an upper-case country code), not
streamed, set no cookie and do not say private/no-store. Stored pages go out
with an ETag, Last-Modified and `Cache-Control: public,
max-age=PAGE_CACHE_MAX_AGE` (so nginx or a CDN may hold them briefly) and
`Vary: Cookie`; conditional requests get 304. A hit rebuilds the response
from headers computed when the page was stored; only max-age is worked out
again. Requests with a session (staff,
editors) are neither served from nor stored into the cache, and get
`Cache-Control: private, no-cache`.

Errors of the cache backend (Redis down) are logged and the page is rendered
from the database as if there were no cache.
"""

import hashlib
import logging
import time

from django.conf import settings
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import (
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
)
from django.utils.http import http_date, parse_http_date

from .core.content_generation import (
    GENERATION_KEY,
    current_generation,
    page_cache,
    seconds_until_next_change,
)

logger = logging.getLogger(__name__)

# Cookies that mean "this reader may see something personal": never cached.
PRIVATE_COOKIES = ("messages",)
# Headers a cached copy keeps; the rest (CSP, security headers) the outer
# middleware adds again on every response.
STORED_HEADERS = (
    "Content-Type",
    "Content-Length",
    "Content-Language",
    "Vary",
    "Link",
    "X-Robots-Tag",
    "Location",
)
# Permanent redirects depend on content only (a slug), like pages; temporary
# ones (the language redirect of /) depend on the reader and are never stored.
STORED_STATUSES = (200, 301, 308)
MAX_QUERY_LENGTH = 1000


def is_personal(request) -> bool:
    """A session, CSRF or messages cookie, or credentials: a personal request."""
    names = (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME, *PRIVATE_COOKIES)
    return any(name in request.COOKIES for name in names) or (
        "HTTP_AUTHORIZATION" in request.META
    )


def is_cacheable_request(request) -> bool:
    return (
        request.method == "GET"
        and not is_personal(request)
        and len(request.META.get("QUERY_STRING", "")) <= MAX_QUERY_LENGTH
        and not request.path.startswith(settings.PAGE_CACHE_SKIP_PATHS)
    )


def page_key(request) -> str:
    # The language LocaleMiddleware (after this one) will choose: the path's
    # prefix, else the language cookie or Accept-Language (as for /sitemap.xml).
    language = translation.get_language_from_request(request, check_path=True)
    raw = f"{language}|{request.get_host()}|{request.get_full_path()}"
    # "v3": entries carry their headers whole (validators included).
    return "page:v3:" + hashlib.sha256(raw.encode()).hexdigest()


def is_conditional(request) -> bool:
    meta = request.META
    return "HTTP_IF_NONE_MATCH" in meta or "HTTP_IF_MODIFIED_SINCE" in meta


def is_storable(response) -> bool:
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code in STORED_STATUSES
        and not response.streaming
        and not response.cookies
        and not any(word in cache_control for word in ("private", "no-", "max-age=0"))
        and response.get("Vary", "").strip() != "*"
    )


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE or not is_cacheable_request(request):
            response = self.get_response(request)
            if is_personal(request) and not response.has_header("Cache-Control"):
                patch_cache_control(response, private=True, no_cache=True)
            return response
        key = page_key(request)
        try:
            found = page_cache().get_many([GENERATION_KEY, key])
        except Exception:
            logger.exception("Page cache unreachable: serving from the database")
            return self.get_response(request)
        generation = found.get(GENERATION_KEY)
        entry = found.get(key)
        if entry is not None and generation is not None and entry[0] == generation:
            return self.respond(request, self.rebuild(entry))
        if generation is None:
            generation = current_generation()
        response = self.get_response(request)
        if generation is not None and is_storable(response):
            self.store(key, generation, response)
            return self.respond(request, response)
        return response

    def store(self, key: str, generation: int, response) -> None:
        timeout = settings.PAGE_CACHE_TIMEOUT
        left = seconds_until_next_change()
        if left is not None:
            timeout = min(timeout, left)
        now = time.time()
        etag = f'"{hashlib.md5(response.content).hexdigest()}"'
        expires = now + timeout
        self.add_headers(response, etag, now, expires)
        if timeout <= 0:
            return
        headers = {
            name: response[name]
            for name in (*STORED_HEADERS, "ETag", "Last-Modified")
            if name in response
        }
        # Every directive but max-age, which each hit works out again.
        headers["Cache-Control"] = ", ".join(
            directive
            for directive in response["Cache-Control"].split(", ")
            if not directive.startswith("max-age=")
        )
        entry = (generation, response.content, headers, expires, response.status_code)
        try:
            page_cache().set(key, entry, timeout)
        except Exception:
            logger.exception("Page cache unreachable: the page was not stored")

    @staticmethod
    def add_headers(response, etag: str, rendered: float, expires: float) -> None:
        """Validators, and how long a proxy may keep the page (never past expiry)."""
        response["ETag"] = etag
        response["Last-Modified"] = http_date(rendered)
        patch_cache_control(response, public=True, max_age=proxy_max_age(expires))
        patch_vary_headers(response, ("Cookie",))

    @staticmethod
    def rebuild(entry) -> HttpResponse:
        _generation, content, headers, expires, status = entry
        response = HttpResponse(content, headers=headers, status=status)
        response["Cache-Control"] += f", max-age={proxy_max_age(expires)}"
        return response

    @staticmethod
    def respond(request, response):
        """304 when the reader's copy (ETag or Last-Modified) is still current."""
        if not is_conditional(request):
            return response
        return get_conditional_response(
            request,
            etag=response["ETag"],
            last_modified=parse_http_date(response["Last-Modified"]),
            response=response,
        )


def proxy_max_age(expires: float) -> int:
    return max(0, min(settings.PAGE_CACHE_MAX_AGE, int(expires - time.time())))
