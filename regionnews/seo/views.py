"""The sitemap page for readers: every section of the site on one page.

sitemap.xml is for search engines; the footer's "Sitemap" link opens this.
"""

from django.db.models import Exists, OuterRef
from django.views.generic import TemplateView

from articles.models import Article, Topic
from delegations.models import Country
from regionnews.core.text import collation_key


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
