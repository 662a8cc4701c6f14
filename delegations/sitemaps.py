from django.contrib.sitemaps import Sitemap

from .models import Country, Organisation, Person, Visit


class VisitSitemap(Sitemap):
    i18n = True
    alternates = True
    # No x-default: Django strips the language prefix from it, and the bare URL
    # is redirected to the browser's language, whose path or slug may differ (404).
    x_default = False

    def items(self):
        return Visit.objects.public().order_by("-start_date", "-pk")

    def lastmod(self, visit):
        return visit.updated_at


class CountrySitemap(Sitemap):
    i18n = True
    alternates = True
    # No x-default: Django strips the language prefix from it, and the bare URL
    # is redirected to the browser's language, whose path or slug may differ (404).
    x_default = False

    def items(self):
        return Country.objects.with_public_visit_count().filter(
            public_visit_count__gt=0
        )


class OrganisationSitemap(Sitemap):
    i18n = True
    alternates = True
    # No x-default: Django strips the language prefix from it, and the bare URL
    # is redirected to the browser's language, whose path or slug may differ (404).
    x_default = False
    changefreq = "monthly"

    def items(self):
        return Organisation.objects.public().order_by("name", "pk")


class PersonSitemap(Sitemap):
    i18n = True
    alternates = True
    # No x-default: Django strips the language prefix from it, and the bare URL
    # is redirected to the browser's language, whose path or slug may differ (404).
    x_default = False
    changefreq = "monthly"

    def items(self):
        return Person.objects.public().order_by("name", "pk")
