"""The sitemap index: one paginated section per kind of page (/sitemap.xml ->
/sitemap-<section>.xml?p=N), including the home, list and statistics pages."""

from django.db.models import Max
from django.urls import reverse

from articles.models import Article
from articles.sitemaps import ArticleSitemap
from delegations.models import Visit
from delegations.sitemaps import (
    CountrySitemap,
    OrganisationSitemap,
    PersonSitemap,
    VisitSitemap,
)
from regionnews.core.sitemaps import I18nSitemap

# The pages that are not one object's page, by URL name.
PAGES = (
    "home",
    "articles:list",
    "delegations:visit_list",
    "delegations:country_list",
    "delegations:person_list",
    "delegations:organisation_list",
    "delegations:visit_statistics",
    "sitemap_page",
)


class PagesSitemap(I18nSitemap):
    """Home, lists and statistics: modified when the latest content was."""

    changefreq = "daily"

    def items(self):
        return list(PAGES)

    def location(self, item):
        return reverse(item)

    def lastmod(self, item):
        if not hasattr(self, "_latest"):
            latest = [
                Article.objects.published().aggregate(m=Max("updated_at"))["m"],
                Visit.objects.public().aggregate(m=Max("updated_at"))["m"],
            ]
            self._latest = max(filter(None, latest), default=None)
        return self._latest


SITEMAPS = {
    "pages": PagesSitemap,
    "articles": ArticleSitemap,
    "visits": VisitSitemap,
    "countries": CountrySitemap,
    "organisations": OrganisationSitemap,
    "people": PersonSitemap,
}
