from regionnews.core.sitemaps import I18nSitemap

from .models import Article


class ArticleSitemap(I18nSitemap):
    changefreq = "weekly"

    def items(self):
        return Article.objects.published().order_by("-published_at", "-pk")
