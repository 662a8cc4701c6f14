from django.db.models import Max, Q

from regionnews.core.languages import language_codes
from regionnews.core.sitemaps import I18nSitemap

from .models import Country, Organisation, Person, Visit


class VisitSitemap(I18nSitemap):
    def items(self):
        return (
            Visit.objects.public()
            .order_by("-start_date", "-pk")
            .only(
                "id",
                *(f"slug_{code}" for code in language_codes()),
                "start_date",
                "updated_at",
            )
        )


class CountrySitemap(I18nSitemap):
    """Countries with a public visit; modified when their latest visit was."""

    lastmod_field = "last_visit_update"

    def items(self):
        public = Q(visits__visibility=Visit.Visibility.PUBLIC)
        return (
            Country.objects.filter(pk__in=Visit.objects.public().values("country_id"))
            .annotate(last_visit_update=Max("visits__updated_at", filter=public))
            .order_by("code")
        )

    def get_latest_lastmod(self):
        return Visit.objects.public().aggregate(latest=Max("updated_at"))["latest"]


class OrganisationSitemap(I18nSitemap):
    changefreq = "monthly"
    lastmod_field = None  # no edit time is kept for organisations

    def items(self):
        return Organisation.objects.public().order_by("name", "pk").only("id", "slug")


class PersonSitemap(I18nSitemap):
    changefreq = "monthly"
    lastmod_field = None  # no edit time is kept for people

    def items(self):
        return Person.objects.public().order_by("name", "pk").only("id", "slug")
