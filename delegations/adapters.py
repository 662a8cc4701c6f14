"""What delegations tells the site-wide features: how its records are searched
and how their pages describe themselves. Registered from apps.py."""

from django.db.models import (
    Aggregate,
    Count,
    Exists,
    OuterRef,
    QuerySet,
    Subquery,
    TextField,
)
from django.utils.translation import gettext_lazy as _

from regionnews.core.access import is_staff
from regionnews.core.adapters import (
    SearchAdapter,
    SearchColumn,
    register_search,
    register_seo,
)
from regionnews.core.languages import language_codes

from . import seo
from .models import Country, Organisation, Participation, Person, Stop, Visit


class JoinedText(Aggregate):
    """The texts of several rows as one, separated by spaces (NULLs skipped)."""

    function = "STRING_AGG"
    template = "%(function)s(%(expressions)s, ' ')"
    output_field = TextField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(
            compiler, connection, function="GROUP_CONCAT", **extra_context
        )


def _joined(rows: QuerySet, path: str) -> Subquery:
    """One text per visit from its *rows* (participations, stops): a subquery, so
    that searching through them never repeats a visit."""
    return Subquery(
        rows.filter(visit=OuterRef("pk"))
        .order_by()
        .values("visit")
        .annotate(text=JoinedText(path))
        .values("text")[:1],
        output_field=TextField(),
    )


def _marked_public(queryset: QuerySet, public: QuerySet, user) -> QuerySet:
    """Staff see everyone; mark who the public would see, by the model's rule."""
    if not is_staff(user):
        return queryset
    return queryset.annotate(search_public=Exists(public.filter(pk=OuterRef("pk"))))


def searchable_visits(user) -> QuerySet[Visit]:
    """Visits *user* may see (internal ones for staff)."""
    return Visit.objects.visible_to(user).select_related("country")


def indexed_visits() -> QuerySet[Visit]:
    """Every visit with the names of who took part and where they went.

    Internal notes are never indexed, not even for staff: a hit would show a
    snippet of them next to the public text.
    """
    toured = {
        f"search_toured_{code}": _joined(Stop.objects, f"organisation__name_{code}")
        for code in language_codes()
    }
    return Visit.objects.annotate(
        search_people=_joined(Participation.objects, "person__name"), **toured
    )


def searchable_people(user) -> QuerySet[Person]:
    return _marked_public(
        Person.objects.visible_to(user).select_related("country"),
        Person.objects.public(),
        user,
    )


def searchable_organisations(user) -> QuerySet[Organisation]:
    return _marked_public(
        Organisation.objects.visible_to(user).select_related("country"),
        Organisation.objects.public(),
        user,
    )


def _listed(obj) -> dict:
    """`search_public` is only there for staff; the public sees public ones."""
    return {"country": obj.country, "internal": not getattr(obj, "search_public", True)}


def searchable_countries(user) -> QuerySet[Country]:
    """Countries with a visit *user* may see: the ones that have a page to show."""
    visits = Visit.objects.visible_to(user).filter(country=OuterRef("pk"))
    countries = Country.objects.filter(Exists(visits))
    public_visits = Visit.objects.public().filter(country=OuterRef("pk"))
    counts = public_visits.order_by().values("country").annotate(n=Count("pk"))
    if is_staff(user):
        countries = countries.annotate(search_public=Exists(public_visits))
        counts = (
            Visit.objects.visible_to(user)
            .filter(country=OuterRef("pk"))
            .order_by()
            .values("country")
            .annotate(n=Count("pk"))
        )
    return countries.annotate(search_visit_count=Subquery(counts.values("n")[:1]))


# Listed first: a query naming a country most likely wants the country's page.
COUNTRIES = SearchAdapter(
    kind="countries",
    near_misses=True,
    label=_("Countries"),
    queryset=searchable_countries,
    source=lambda: Country.objects.all(),
    columns=(SearchColumn("name", "A"),),
    ordering=lambda language: (f"name_{language}", "pk"),
    snippet_fields=(),
    # The card shows the visit count from the annotation (search/cards/countries).
    details=lambda country: {"internal": not getattr(country, "search_public", True)},
    title_field="name",
    position=5,
)
VISITS = SearchAdapter(
    kind="visits",
    label=_("Visits"),
    queryset=searchable_visits,
    source=indexed_visits,
    columns=(
        SearchColumn("title", "A"),
        SearchColumn("purpose", "B"),
        SearchColumn("country__name", "B"),
        # Who took part and where they went: one text per visit (see _joined).
        SearchColumn("search_people", "B", translated=False),
        SearchColumn("search_toured", "B"),
        SearchColumn("outcome", "C"),
    ),
    ordering=lambda language: ("-start_date", "-pk"),
    date="start_date",
    dependencies=(
        (Country, lambda country: Visit.objects.filter(country=country)),
        (Participation, lambda participation: [participation.visit_id]),
        (Stop, lambda stop: [stop.visit_id]),
        (Person, lambda person: Visit.objects.filter(participations__person=person)),
        (Organisation, lambda org: Visit.objects.filter(stops__organisation=org)),
    ),
    snippet_fields=("purpose", "outcome"),
    details=lambda visit: {
        "date": visit.start_date,
        "end_date": visit.end_date,
        "country": visit.country,
        "internal": not visit.is_public,
    },
    position=20,
)
PEOPLE = SearchAdapter(
    kind="people",
    near_misses=True,
    label=_("People"),
    queryset=searchable_people,
    source=lambda: Person.objects.all(),
    columns=(
        SearchColumn("name", "A", translated=False),
        SearchColumn("title", "B"),
        SearchColumn("country__name", "C"),
    ),
    ordering=lambda language: ("name", "pk"),
    dependencies=((Country, lambda country: Person.objects.filter(country=country)),),
    snippet_fields=("title",),
    details=_listed,
    title=lambda person: person.full_name,
    position=30,
)
ORGANISATIONS = SearchAdapter(
    kind="organisations",
    near_misses=True,
    label=_("Organisations"),
    queryset=searchable_organisations,
    source=lambda: Organisation.objects.all(),
    columns=(
        SearchColumn("name", "A"),
        SearchColumn("city", "B"),
        SearchColumn("description", "C"),
    ),
    ordering=lambda language: (f"name_{language}", "pk"),
    snippet_fields=("description",),
    details=_listed,
    title_field="name",
    position=40,
)


def register_adapters() -> None:
    for adapter in (COUNTRIES, VISITS, PEOPLE, ORGANISATIONS):
        register_search(adapter)
    register_seo(Visit, structured_data=seo.visit_page_data, card=seo.visit_card)
    register_seo(Person, structured_data=seo.person_data, card=seo.person_card)
    register_seo(
        Organisation,
        structured_data=seo.organisation_data,
        card=seo.organisation_card,
    )
    register_seo(Country, card=seo.country_card)
