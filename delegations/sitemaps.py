from django.urls import reverse

from regionnews.core.sitemaps import I18nSitemap

from .models import Country, Organisation, Person, Visit


class VisitSitemap(I18nSitemap):
    def items(self):
        return Visit.objects.public().order_by("-start_date", "-pk")


class CountrySitemap(I18nSitemap):
    def items(self):
        return Country.objects.with_public_visit_count().filter(
            public_visit_count__gt=0
        )


class OrganisationSitemap(I18nSitemap):
    changefreq = "monthly"

    def items(self):
        return Organisation.objects.public().order_by("name", "pk")


class PersonSitemap(I18nSitemap):
    changefreq = "monthly"

    def items(self):
        return Person.objects.public().order_by("name", "pk")


class IndexSitemap(I18nSitemap):
    """The lists readers browse from: visits, countries, people, organisations."""

    changefreq = "weekly"

    def items(self):
        return [
            "delegations:visit_list",
            "delegations:country_list",
            "delegations:person_list",
            "delegations:organisation_list",
        ]

    def location(self, item):
        return reverse(item)
