"""RSS 2.0 and Atom feeds of the published news, per language, country and topic.

The feeds live under the language prefix (/en/news/feed/), so the active
language decides the channel's `language`, the items' titles and their links.
Items come from `articles_for_listing(with_body=True)`, which starts at
`Article.objects.published()`: drafts and scheduled articles never appear.
"""

import copy
from html import unescape

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.http.request import split_domain_port
from django.urls import reverse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape, strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from delegations.models import Country
from regionnews.core.site import SITE_DESCRIPTION, SITE_NAME

from .models import Article, Topic
from .selectors import articles_for_listing

FEED_LENGTH = 20


class LatestArticlesFeed(Feed):
    """The newest published articles, in the language of the URL."""

    host = "localhost"

    def __call__(self, request, *args, **kwargs):
        # The item ids name the site's host. One Feed instance serves every
        # request, so the host goes on a copy rather than on the shared instance.
        feed = copy.copy(self)
        feed.host = split_domain_port(request.get_host())[0] or self.host
        return Feed.__call__(feed, request, *args, **kwargs)

    def title(self, obj):
        return _("%(site)s: news") % {"site": SITE_NAME}

    def description(self, obj):
        return str(SITE_DESCRIPTION)

    def link(self, obj):
        return reverse("articles:list")

    def articles(self, obj):
        return articles_for_listing(with_body=True)

    def items(self, obj):
        return self.articles(obj)[:FEED_LENGTH]

    def item_title(self, article: Article) -> str:
        # Plain text: the feed generator escapes it once for XML.
        return article.title

    def item_description(self, article: Article) -> str:
        """HTML, as RSS readers and Atom's type="html" summary read it.

        The lead is plain text and the body's excerpt is made plain, so both
        are escaped: whatever markup an editor typed arrives as text.
        """
        text = article.lead or Truncator(unescape(strip_tags(article.body))).words(60)
        return escape(text)

    def item_link(self, article: Article) -> str:
        return article.get_absolute_url()

    def item_guid(self, article: Article) -> str:
        """A tag: URI (RFC 4151) that survives a changed slug or title.

        One per article and language, since each language's feed carries its
        own text of the article.
        """
        created = article.created_at.date().isoformat()
        lang = translation.get_language()
        return f"tag:{self.host},{created}:article:{article.pk}:{lang}"

    item_guid_is_permalink = False

    def item_pubdate(self, article: Article):
        return article.published_at

    def item_updateddate(self, article: Article):
        return article.updated_at

    def item_author_name(self, article: Article) -> str | None:
        return article.byline or None

    def item_categories(self, article: Article) -> list[str]:
        return [topic.name for topic in article.topics.all()]


class CountryArticlesFeed(LatestArticlesFeed):
    """Published articles about one country (/news/feed/country/kz/)."""

    def get_object(self, request, code):
        if len(code) != 2 or not code.isalpha():
            raise Http404
        return Country.objects.get(code=code.upper())

    def title(self, country: Country) -> str:
        return _("%(site)s: news about %(country)s") % {
            "site": SITE_NAME,
            "country": country.name,
        }

    def description(self, country: Country) -> str:
        return _(
            "Visits, people and news of the Pilsen Region’s relations with %(country)s."
        ) % {"country": country.name}

    def link(self, country: Country) -> str:
        return country.get_absolute_url()

    def articles(self, country: Country):
        return articles_for_listing(with_body=True).filter(countries=country)


class TopicArticlesFeed(LatestArticlesFeed):
    """Published articles on one topic (/news/feed/topic/<slug>/)."""

    def get_object(self, request, slug):
        return Topic.objects.get(slug=slug)

    def title(self, topic: Topic) -> str:
        return _("%(site)s: %(topic)s") % {"site": SITE_NAME, "topic": topic.name}

    def link(self, topic: Topic) -> str:
        return topic.get_absolute_url()

    def articles(self, topic: Topic):
        return articles_for_listing(with_body=True).filter(topics=topic)


class AtomMixin:
    feed_type = Atom1Feed

    def subtitle(self, obj):
        return self.description(obj)


class LatestArticlesAtomFeed(AtomMixin, LatestArticlesFeed):
    pass


class CountryArticlesAtomFeed(AtomMixin, CountryArticlesFeed):
    pass


class TopicArticlesAtomFeed(AtomMixin, TopicArticlesFeed):
    pass
