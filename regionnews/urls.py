from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from articles.views import HomeView
from regionnews.search.views import SearchView
from regionnews.seo.sitemaps import SITEMAPS
from regionnews.seo.views import SitemapPageView, sitemap_index

from . import views

# A lost database answers 503 wherever the error comes from (regionnews.outage);
# a missing page offers each language's home (regionnews.views.page_not_found).
handler400 = "regionnews.views.bad_request"
handler500 = "regionnews.views.server_error"
handler404 = "regionnews.views.page_not_found"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    # An index of paginated sections (kept per content generation); both are
    # cached like any public page.
    path("sitemap.xml", sitemap_index, name="sitemap"),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
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

# `make bench` measures every page as a ratio to this bare view, served through
# the same middleware; it exists only when BENCH_BARE_VIEW=1 (never in production).
if settings.BENCH_BARE_VIEW:
    urlpatterns.insert(0, path("bench/bare", views.bench_bare, name="bench_bare"))

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
