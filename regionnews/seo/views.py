"""The sitemap page for readers (every section of the site on one page), and
the index of sitemap.xml for search engines, kept per content generation.

The footer's "Sitemap" link opens the readers' page.
"""

from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Exists, OuterRef
from django.http import HttpResponse
from django.views.generic import TemplateView

from articles.models import Article, Topic
from delegations.models import Country
from regionnews.core.content_generation import cached_for_generation
from regionnews.core.text import collation_key

from .sitemaps import SITEMAPS


class SitemapPageView(TemplateView):
    template_name = "seo/sitemap.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        countries = Country.objects.with_public_visit_count().filter(
            public_visit_count__gt=0
        )
        topics = Topic.objects.filter(
            Exists(Article.objects.published().filter(topics=OuterRef("pk")))
        )
        context.update(
            countries=sorted(
                countries, key=lambda country: collation_key(country.name)
            ),
            topics=sorted(topics, key=lambda topic: collation_key(topic.name)),
        )
        return context


def sitemap_index(request):
    """/sitemap.xml: Django's index of the sitemap sections, kept until the
    content changes (or the next scheduled publication).

    Counting each section's pages and finding its newest change read whole
    tables at 100,000 articles, and only a write changes them. The key holds
    the scheme and host, which the index's absolute URLs are made of.
    """

    def build():
        response = sitemap_views.index(
            request, sitemaps=SITEMAPS, sitemap_url_name="sitemap_section"
        )
        response.render()
        headers = {
            name: response[name]
            for name in ("Content-Type", "X-Robots-Tag", "Last-Modified")
            if name in response
        }
        return response.content, headers

    content, headers = cached_for_generation(
        f"sitemap-index:{request.scheme}://{request.get_host()}", build
    )
    return HttpResponse(content, headers=headers)
