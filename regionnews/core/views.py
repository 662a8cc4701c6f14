"""View mixins the public lists and detail pages share, and lazily computed
context."""

import functools
import hashlib
from collections.abc import Callable, Iterable

from django.core.paginator import Paginator
from django.http import HttpResponseRedirect
from django.utils.functional import cached_property
from django.utils.translation import get_language

from .access import is_staff
from .content_generation import cached_for_generation


class ShareableQueryMixin:
    """Drop empty parameters from a submitted GET form with a redirect.

    A form submits every field, so a reader who picks only a country gets
    "?q=&country=kz&year=..."; the short "?country=kz" is what they copy and
    share, and what search engines should see.
    """

    def get(self, request, *args, **kwargs):
        query = request.GET.copy()
        empty = [key for key, values in query.lists() if not any(values)]
        if empty:
            for key in empty:
                del query[key]
            encoded = query.urlencode()
            return HttpResponseRedirect(
                request.path + (f"?{encoded}" if encoded else "")
            )
        return super().get(request, *args, **kwargs)


class KeptCountPaginator(Paginator):
    """A paginator whose row count is kept until the content changes.

    Counting every matching row is the one part of a list page that grows
    with the archive; the count of a filter is the same for every page of it.
    """

    def __init__(self, *args, count_name: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.count_name = count_name

    @cached_property
    def count(self) -> int:
        return cached_for_generation(
            self.count_name, lambda: Paginator.count.func(self)
        )


class KeptCountMixin:
    """A ListView whose paginator keeps its count per filter and visibility."""

    def get_paginator(self, queryset, per_page, orphans=0, **kwargs):
        query = self.request.GET.copy()
        query.pop(self.page_kwarg, None)
        filters = hashlib.sha256(query.urlencode().encode()).hexdigest()
        who = "staff" if is_staff(self.request.user) else "public"
        name = f"list-count:{self.request.path}:{who}:{filters}"
        return KeptCountPaginator(
            queryset, per_page, orphans=orphans, count_name=name, **kwargs
        )


def _entry(compute, name):
    return compute().get(name)


def computed_when_read(compute: Callable[[], dict], names: Iterable[str]) -> dict:
    """Context entries that cost nothing unless the template reads one.

    For a part of a page kept rendered for anonymous readers
    ({% cached_for_readers %}): each name is a callable, which the template
    calls when it reads it, so a kept fragment runs none of *compute*'s
    queries. *compute* runs at most once and returns a dict of (some of)
    *names*; a name it leaves out reads as None.
    """
    once = functools.cache(compute)
    return {name: functools.partial(_entry, once, name) for name in names}


class KeptObjectMixin:
    """A DetailView whose object is kept until the content changes, for all
    but staff (who may see more: internal records), or for everyone when
    `kept_for_staff` (the article page, which staff see as readers do).

    Deciding whether a person or an organisation is public (a public visit
    or published content mentions it), or reading an article's relations,
    costs more than the rest of a page whose content is kept. An unknown
    address is not kept: the 404 is raised on every request.
    """

    kept_for_staff = False

    def get_object(self, queryset=None):
        if queryset is not None or (
            not self.kept_for_staff and is_staff(self.request.user)
        ):
            return super().get_object(queryset)
        slug = hashlib.sha256(self.kwargs[self.slug_url_kwarg].encode()).hexdigest()
        name = f"public-object:{self.model._meta.label}:{get_language()}:{slug}"
        return cached_for_generation(name, super().get_object)
