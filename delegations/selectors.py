"""Read queries behind the visit pages, the country page and the statistics.

Every query starts from `Visit.objects.public()` / `.visible_to(user)` (or the
people's and organisations' own `public()`), so what the public may see is still
decided in the models alone. Each function returns what a page shows in a fixed
number of queries, however many rows there are.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import (
    Count,
    Exists,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    prefetch_related_objects,
)
from django.db.models.functions import ExtractYear
from django.utils.translation import get_language, ngettext

from regionnews.core.access import is_staff
from regionnews.core.content_generation import cached_for_generation
from regionnews.core.languages import language_codes
from regionnews.core.text import collation_key

from .models import Country, Organisation, Participation, Person, Stop, Visit

# The statistics show the 15 countries with most visits and sum up the rest, so
# the chart stays readable on a phone.
TOP_COUNTRIES = 15
TOP_ORGANISATIONS = 15


@dataclass(frozen=True)
class Tally:
    """One row of a chart and its data table: a label, a number, maybe a link."""

    label: str
    value: int
    url: str = ""


@dataclass
class YearOfVisits:
    """The visits of one year on a country's timeline, newest first."""

    year: int
    visits: list[Visit] = field(default_factory=list)


@dataclass
class Statistics:
    per_country: list[Tally]
    per_year: list[Tally]
    per_organisation: list[Tally]
    total: int


# --- the visit rows every list shows ---------------------------------------------


def visits_for_listing(user) -> QuerySet[Visit]:
    """Visits with everything a list row shows, in a fixed number of queries."""
    return (
        Visit.objects.visible_to(user)
        .select_related("country")
        .prefetch_related(
            Prefetch(
                "participations",
                queryset=Participation.objects.filter(side=Participation.Side.GUEST)
                .select_related("person")
                .order_by("order", "pk"),
                to_attr="guest_list",
            )
        )
    )


def with_people_and_itinerary(visits: QuerySet[Visit]) -> QuerySet[Visit]:
    """Guests, hosts and stops of each visit in three queries, whatever the count.

    Guests and hosts land in separate lists (`guest_list`, `host_list`) so that a
    template can test and loop over each without filtering; stops come in
    itinerary order as `stop_list`.
    """
    return visits.select_related("country").prefetch_related(*people_and_itinerary())


def add_people_and_itinerary(visit: Visit) -> Visit:
    """*visit*, already read, with what `with_people_and_itinerary` adds."""
    prefetch_related_objects([visit], *people_and_itinerary())
    return visit


def people_and_itinerary() -> list[Prefetch]:
    people = Participation.objects.select_related("person").order_by("order", "pk")
    return [
        Prefetch(
            "participations",
            queryset=people.filter(side=Participation.Side.GUEST),
            to_attr="guest_list",
        ),
        Prefetch(
            "participations",
            queryset=people.filter(side=Participation.Side.HOST),
            to_attr="host_list",
        ),
        Prefetch(
            "stops",
            queryset=Stop.objects.select_related("organisation__country").order_by(
                "order", "date", "time", "pk"
            ),
            to_attr="stop_list",
        ),
    ]


# --- choices for the visit filter --------------------------------------------------


def visibility_of(user) -> str:
    """What a cached choice list depends on: whether internal visits count."""
    return "staff" if is_staff(user) else "public"


def countries_with_visits(user) -> list[Country]:
    """Countries with a visit *user* may see, by name in the reader's language."""
    visits = Visit.objects.visible_to(user)
    countries = cached_for_generation(
        f"countries-with-visits:{visibility_of(user)}",
        lambda: list(Country.objects.filter(pk__in=visits.values("country_id"))),
    )
    return sorted(countries, key=lambda country: collation_key(country.name))


def toured_organisations(user) -> QuerySet[Organisation]:
    """Organisations toured in a visit *user* may see (the filter's choices)."""
    # IN (one pass over the stops), not EXISTS per organisation.
    stops = Stop.objects.filter(visit__in=Visit.objects.visible_to(user))
    return Organisation.objects.filter(pk__in=stops.values("organisation_id"))


def participants(user) -> QuerySet[Person]:
    """People who took part in a visit *user* may see (the filter's choices)."""
    visits = Visit.objects.visible_to(user).filter(
        participations__person=OuterRef("pk")
    )
    return Person.objects.filter(Exists(visits))


# --- the country page ----------------------------------------------------------------


def counted(visits: Iterable[Visit]) -> list[Visit]:
    """The visits a count includes: cancelled ones did not take place."""
    return [visit for visit in visits if visit.status != Visit.Status.CANCELLED]


# How many items a section of a country, person or organisation page shows;
# the rest is one link away, on the list filtered by that record.
SECTION_LIMIT = 20


def country_timeline(country: Country, user, limit: int = SECTION_LIMIT):
    """The country's latest *limit* visits *user* may see, by year, newest first."""
    visits = (
        visits_for_listing(user).filter(country=country).order_by("-start_date", "-pk")
    )[:limit]
    return [
        YearOfVisits(year=year, visits=list(group))
        for year, group in itertools.groupby(visits, key=lambda v: v.start_date.year)
    ]


def country_visit_counts(country: Country, user) -> tuple[int, list[Tally]]:
    """All of the country's visits *user* may see, counted in the database: the
    total, and the chart's visits per year (cancelled ones not counted)."""
    visits = Visit.objects.visible_to(user).filter(country=country).order_by()
    per_year = (
        visits.exclude(status=Visit.Status.CANCELLED)
        .annotate(year=ExtractYear("start_date"))
        .values("year")
        .annotate(n=Count("pk"))
    )
    counts = {row["year"]: row["n"] for row in per_year}
    return visits.count(), tallies_by_year(counts)


def visits_per_year(visits: Iterable[Visit]) -> list[Tally]:
    """Visits per year, oldest first, with the years without visits as zeros.

    Leaving the empty years out would make a gap in relations look like none.
    """
    counts = Counter(visit.start_date.year for visit in counted(visits))
    return tallies_by_year(counts)


def tallies_by_year(counts: dict[int, int]) -> list[Tally]:
    if not counts:
        return []
    years = range(min(counts), max(counts) + 1)
    return [Tally(label=str(year), value=counts.get(year, 0)) for year in years]


def country_people(country: Country, user) -> QuerySet[Person]:
    """People from *country* that *user* may see; staff also learn who is public.

    `is_public` comes from `Person.objects.public()` so that a staff member sees
    which names the public does not.
    """
    people = Person.objects.visible_to(user).filter(country=country)
    if is_staff(user):
        public = Person.objects.public().filter(pk=OuterRef("pk"))
        return people.annotate(is_public=Exists(public))
    return people


def country_organisations(
    country: Country, user, limit: int = SECTION_LIMIT
) -> list[Organisation]:
    """The *limit* organisations most toured by the country's visits, with how
    many visits each.

    `visit_count` counts the visits *user* may see, so the public count never
    includes an internal visit; staff also get `is_public`, as for people.
    """
    visits = Visit.objects.visible_to(user).filter(country=country)
    organisations = Organisation.objects.filter(stops__visit__in=visits).annotate(
        visit_count=Count("stops__visit", distinct=True)
    )
    if is_staff(user):
        public = Organisation.objects.public().filter(pk=OuterRef("pk"))
        organisations = organisations.annotate(is_public=Exists(public))
    most_visited = organisations.order_by("-visit_count", "pk")[:limit]
    return sorted(
        most_visited,
        key=lambda org: (-org.visit_count, collation_key(org.name)),
    )


HOME_ORGANISATIONS_SHOWN = 30


def home_organisations(country: Country, user) -> tuple[list[Organisation], int]:
    """The home country's page: its organisations *user* may see, the first
    ones in the reader's alphabet, and how many there are in all (the rest
    are on the organisations index, filtered by the country)."""
    organisations = Organisation.objects.visible_to(user).filter(country=country)
    names = sorted(
        organisations.only("pk", *(f"name_{code}" for code in language_codes())),
        key=lambda org: collation_key(org.name),
    )
    shown = [org.pk for org in names[:HOME_ORGANISATIONS_SHOWN]]
    found = organisations.in_bulk(shown)
    return [found[pk] for pk in shown], len(names)


# --- the statistics page -----------------------------------------------------------


def counted_public_visits() -> QuerySet[Visit]:
    """What the statistics count: public visits held or planned, for everyone.

    The page is public, so staff see the same figures; cancelled visits did not
    take place.
    """
    return Visit.objects.public().exclude(status=Visit.Status.CANCELLED)


def held_public_visits() -> QuerySet[Visit]:
    """What the statistics count: public visits that took place. A planned visit
    has not (yet), and a cancelled one never will: neither makes a country or a
    place "most visited"."""
    return Visit.objects.public().filter(status=Visit.Status.HELD)


def visit_statistics() -> Statistics:
    """Visits per country (top 15 and the rest), per year, and the most-toured
    organisations, in three queries; counted over every visit, so kept until the
    content changes (in each language: names and addresses are the reader's)."""
    return cached_for_generation(
        f"visit-statistics:{get_language()}", count_visit_statistics
    )


def count_visit_statistics() -> Statistics:
    visits = held_public_visits()
    countries = sorted(
        Country.objects.filter(visits__in=visits).annotate(n=Count("visits")),
        key=lambda country: (-country.n, collation_key(country.name)),
    )
    # A single country left over is shown by name rather than as "1 other".
    shown = (
        countries if len(countries) <= TOP_COUNTRIES + 1 else countries[:TOP_COUNTRIES]
    )
    per_country = [
        Tally(country.name, country.n, country.get_absolute_url()) for country in shown
    ]
    rest = countries[len(shown) :]
    if rest:
        per_country.append(other_countries(len(rest), sum(c.n for c in rest)))

    per_year = tallies_by_year(
        {
            row["year"]: row["n"]
            for row in visits.annotate(year=ExtractYear("start_date"))
            .order_by()
            .values("year")
            .annotate(n=Count("pk"))
        }
    )

    organisations = sorted(
        Organisation.objects.filter(stops__visit__in=visits)
        .annotate(n=Count("stops__visit", distinct=True))
        .order_by("-n", "pk")[:TOP_ORGANISATIONS],
        key=lambda org: (-org.n, collation_key(org.name)),
    )
    per_organisation = [
        Tally(org.name, org.n, org.get_absolute_url()) for org in organisations
    ]
    return Statistics(
        per_country=per_country,
        per_year=per_year,
        per_organisation=per_organisation,
        total=sum(country.n for country in countries),
    )


def partner_countries() -> list[Country]:
    """Countries with public visits that took place or will (cancelled ones did
    not), each with its `visit_count`, by name in the reader's language: the
    world map and the country index, in one query (counted over every visit, so
    kept until the content changes, sorted for each language)."""

    def count() -> list[Country]:
        countries = Country.objects.filter(visits__in=counted_public_visits()).annotate(
            visit_count=Count("visits")
        )
        return sorted(countries, key=lambda country: collation_key(country.name))

    return cached_for_generation(f"partner-countries:{get_language()}", count)


@dataclass(frozen=True)
class Glance:
    """The home page's "at a glance" figures (public visits, cancelled left out)."""

    visits_this_year: int
    countries: int
    organisations: int


def at_a_glance(year: int, partners: list[Country]) -> Glance:
    """Visits in *year*, partner countries (given: the map has them already) and
    organisations toured, in one query."""
    figures = cached_for_generation(
        f"at-a-glance:{year}",
        lambda: counted_public_visits().aggregate(
            this_year=Count("pk", filter=Q(start_date__year=year), distinct=True),
            organisations=Count("stops__organisation", distinct=True),
        ),
    )
    return Glance(
        visits_this_year=figures["this_year"],
        countries=len(partners),
        organisations=figures["organisations"],
    )


def other_countries(count: int, visits: int) -> Tally:
    """The row that sums up the countries after the top ones."""
    label = ngettext("%(count)d other country", "%(count)d other countries", count) % {
        "count": count
    }
    return Tally(label=label, value=visits)
