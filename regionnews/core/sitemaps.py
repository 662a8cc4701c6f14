"""The base of every sitemap section: each object in every language, with hreflang."""

from django.contrib.sitemaps import Sitemap


class I18nSitemap(Sitemap):
    i18n = True
    alternates = True
    # No x-default: Django strips the language prefix from it, and the bare URL
    # is redirected to the browser's language, whose path or slug may differ (404).
    x_default = False
    # The column `lastmod()` reads, if the model has one.
    lastmod_field = "updated_at"

    def lastmod(self, item):
        return getattr(item, self.lastmod_field, None)
