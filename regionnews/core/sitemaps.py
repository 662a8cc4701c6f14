"""The base of every sitemap section: each object in every language, with hreflang.

Sections are paginated (SITEMAP_PAGE_SIZE objects a page, each in every
language, sliced in the database) behind one sitemap index, and each section's
latest `lastmod` is one aggregate over an indexed column, so that no request
walks the whole archive.
"""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.db.models import Max


class LanguagePaginator(Paginator):
    """Pages of objects; a page's object_list has each one in every language."""

    def __init__(self, *args, languages: list[str] | None, **kwargs):
        self.languages = languages
        super().__init__(*args, **kwargs)

    def _get_page(self, object_list, number, paginator):
        if self.languages is not None:
            object_list = [
                (obj, lang) for obj in object_list for lang in self.languages
            ]
        return super()._get_page(object_list, number, paginator)


class I18nSitemap(Sitemap):
    i18n = True
    alternates = True
    # No x-default: Django strips the language prefix from it, and the bare URL
    # is redirected to the browser's language, whose path or slug may differ (404).
    x_default = False
    # The column `lastmod()` reads, if the model has one (None: no lastmod).
    lastmod_field: str | None = "updated_at"

    @property
    def limit(self):
        return settings.SITEMAP_PAGE_SIZE

    @property
    def paginator(self):
        """Pages of SITEMAP_PAGE_SIZE objects, sliced in the database.

        Django's own paginator expands every item into (item, language) pairs
        in memory before slicing, which loads the whole archive for any page.
        """
        languages = list(self._languages()) if self.i18n else None
        return LanguagePaginator(self.items(), self.limit, languages=languages)

    def lastmod(self, item):
        return getattr(item, self.lastmod_field, None) if self.lastmod_field else None

    def get_latest_lastmod(self):
        """The section's newest lastmod: one MAX(), not a walk over every item."""
        if not self.lastmod_field:
            return None
        items = self.items()
        if isinstance(items, list | tuple):
            return max(filter(None, map(self.lastmod, items)), default=None)
        return items.order_by().aggregate(latest=Max(self.lastmod_field))["latest"]
