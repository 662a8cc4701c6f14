"""What delegations tells the site-wide features: how its records are searched
and how their pages describe themselves. Registered from apps.py."""

from django.db.models import Exists, OuterRef, QuerySet
from django.utils.translation import gettext_lazy as _

from regionnews.core.access import is_staff
from regionnews.core.adapters import (
    SearchAdapter,
    SearchColumn,
    register_search,
    register_seo,
)

from . import seo
from .models import Country, Organisation, Person, Visit


def _marked_public(queryset: QuerySet, public: QuerySet, user) -> QuerySet:
    """Staff see everyone; mark who the public would see, by the model's rule."""
    if not is_staff(user):
        return queryset
    return queryset.annotate(search_public=Exists(public.filter(pk=OuterRef("pk"))))


def searchable_visits(user) -> QuerySet[Visit]:
    """Visits *user* may see (internal ones for staff).

    Internal notes are never searched, not even for staff: a hit would show a
    snippet of them next to the public text.
    """
    return Visit.objects.visible_to(user).select_related("country")


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


VISITS = SearchAdapter(
    kind="visits",
    label=_("Visits"),
    queryset=searchable_visits,
    columns=(
        SearchColumn("title", "A"),
        SearchColumn("purpose", "B"),
        SearchColumn("country__name", "B"),
        SearchColumn("outcome", "C"),
    ),
    ordering=lambda language: ("-start_date", "-pk"),
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
    label=_("People"),
    queryset=searchable_people,
    columns=(
        SearchColumn("name", "A", translated=False),
        SearchColumn("title", "B"),
        SearchColumn("country__name", "C"),
    ),
    ordering=lambda language: ("name", "pk"),
    snippet_fields=("title",),
    details=_listed,
    title=lambda person: person.full_name,
    position=30,
)
ORGANISATIONS = SearchAdapter(
    kind="organisations",
    label=_("Organisations"),
    queryset=searchable_organisations,
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
    for adapter in (VISITS, PEOPLE, ORGANISATIONS):
        register_search(adapter)
    register_seo(Visit, structured_data=seo.visit_page_data, card=seo.visit_card)
    register_seo(Person, structured_data=seo.person_data, card=seo.person_card)
    register_seo(
        Organisation,
        structured_data=seo.organisation_data,
        card=seo.organisation_card,
    )
    register_seo(Country, card=seo.country_card)
