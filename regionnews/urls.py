from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from articles.sitemaps import ArticleSitemap
from articles.views import HomeView
from delegations.sitemaps import (
    CountrySitemap,
    IndexSitemap,
    OrganisationSitemap,
    PersonSitemap,
    VisitSitemap,
)
from regionnews.search.views import SearchView
from regionnews.seo.views import SitemapPageView

from . import views

sitemaps = {
    "articles": ArticleSitemap,
    "visits": VisitSitemap,
    "countries": CountrySitemap,
    "organisations": OrganisationSitemap,
    "people": PersonSitemap,
    "indexes": IndexSitemap,
}

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
]

# Every public page lives under /cs/, /en/ or /de/; LocaleMiddleware sends "/"
# to the prefix that the browser's Accept-Language asks for.
urlpatterns += i18n_patterns(
    path("", HomeView.as_view(), name="home"),
    path(_("news/"), include("articles.urls")),
    path("", include("delegations.urls")),
    path(_("search/"), SearchView.as_view(), name="search"),
    path(_("sitemap/"), SitemapPageView.as_view(), name="sitemap_page"),
)

handler404 = views.page_not_found

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
