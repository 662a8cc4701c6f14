from django.urls import path

from . import feeds, views

app_name = "articles"

urlpatterns = [
    path("", views.ArticleListView.as_view(), name="list"),
    # Feed paths stay the same in every language: readers and aggregators keep them.
    # They come before <slug:slug>/ so that "feed" is never read as an article slug.
    path("feed/", feeds.LatestArticlesFeed(), name="feed"),
    path("feed/atom/", feeds.LatestArticlesAtomFeed(), name="feed_atom"),
    path("feed/country/<str:code>/", feeds.CountryArticlesFeed(), name="country_feed"),
    path(
        "feed/country/<str:code>/atom/",
        feeds.CountryArticlesAtomFeed(),
        name="country_feed_atom",
    ),
    path("feed/topic/<slug:slug>/", feeds.TopicArticlesFeed(), name="topic_feed"),
    path(
        "feed/topic/<slug:slug>/atom/",
        feeds.TopicArticlesAtomFeed(),
        name="topic_feed_atom",
    ),
    path("<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
]
