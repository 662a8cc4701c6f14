"""One URL per public page type, reversed in a language, over the demo content.

The objects are the demo content's (`load_demo_content`): the Kazakh
ambassador's visit and its article, the people and places of that story.
"""

from collections.abc import Callable

from django.urls import NoReverseMatch, reverse
from django.utils import translation

from articles.models import Article
from delegations.models import Country, Organisation, Person, Visit

LANGUAGES = ["cs", "en", "de"]

ARTICLE_SLUG_EN = (
    "ambassador-of-kazakhstan-visited-the-headquarters-of-the-pilsen-region"
)
VISIT_SLUG = "ambassador-of-kazakhstan-2024"


def _article() -> str:
    return Article.objects.get(slug_en=ARTICLE_SLUG_EN).get_absolute_url()


def _visit() -> str:
    return Visit.objects.with_slug_in_any_language(VISIT_SLUG).get().get_absolute_url()


def _country() -> str:
    return Country.objects.get(code="KZ").get_absolute_url()


def _organisation() -> str:
    return Organisation.objects.get(slug="skoda-transportation").get_absolute_url()


def _person() -> str:
    return Person.objects.get(slug="bakyt-dyussenbayev").get_absolute_url()


def _visit_list_with_errors() -> str:
    # Two malformed values: the page lists the errors instead of visits.
    return reverse("delegations:visit_list") + "?year=last&date_from=2024-13-45"


PAGES: dict[str, Callable[[], str]] = {
    "home": lambda: reverse("home"),
    "news_list": lambda: reverse("articles:list"),
    "article_detail": _article,
    "visit_list": lambda: reverse("delegations:visit_list"),
    "visit_list_invalid_filter": _visit_list_with_errors,
    "visit_detail": _visit,
    "country_list": lambda: reverse("delegations:country_list"),
    "country_detail": _country,
    "organisation": _organisation,
    "person": _person,
    "not_found": lambda: reverse("home") + "no-such-page/",
    "statistics": lambda: reverse("delegations:visit_statistics"),
    "search": lambda: reverse("search") + "?q=Kazakhstan",
    "people_index": lambda: reverse("delegations:person_list"),
    "organisations_index": lambda: reverse("delegations:organisation_list"),
    "organisations_index_invalid_filter": lambda: (
        reverse("delegations:organisation_list") + "?kind=bakery&country=xx"
    ),
    "home_country": lambda: Country.objects.get(code="CZ").get_absolute_url(),
    "sitemap_page": lambda: reverse("sitemap_page"),
}

# Pages that other parts of the site add; tested as soon as their URL exists.
OPTIONAL_PAGES = {
    "search_results": ("search", "?q=Dyussenbayev"),
    "statistics": ("delegations:visit_statistics", ""),
}


def _optional(name: str, query: str) -> Callable[[], str] | None:
    try:
        reverse(name)
    except NoReverseMatch:
        return None
    return lambda: reverse(name) + query


for _page, (_name, _query) in OPTIONAL_PAGES.items():
    if (_url := _optional(_name, _query)) is not None:
        PAGES[_page] = _url


def page_path(page: str, language: str) -> str:
    """The path of page type `page` in `language`, e.g. /de/nachrichten/."""
    with translation.override(language):
        return PAGES[page]()
