from django.contrib.sitemaps import Sitemap

from .models import Article


class ArticleSitemap(Sitemap):
    i18n = True
    alternates = True
    # No x-default: Django strips the language prefix from it, and the bare URL
    # is redirected to the browser's language, whose path or slug may differ (404).
    x_default = False
    changefreq = "weekly"

    def items(self):
        return Article.objects.published().order_by("-published_at", "-pk")

    def lastmod(self, article):
        return article.updated_at
