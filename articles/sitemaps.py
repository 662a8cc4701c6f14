from regionnews.core.languages import language_codes
from regionnews.core.sitemaps import I18nSitemap

from .models import Article

# What a sitemap entry needs: the slugs of every language and the times.
SITEMAP_COLUMNS = (
    "id",
    "slug",
    *(f"slug_{lang}" for lang in language_codes()),
    "published_at",
    "updated_at",
)


class ArticleSitemap(I18nSitemap):
    changefreq = "weekly"

    def items(self):
        return (
            Article.objects.published()
            .order_by("-published_at", "-pk")
            .only(*SITEMAP_COLUMNS)
        )
