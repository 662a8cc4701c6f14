"""Public pages for visits, countries, organisations and people, and the staff
exports.

Every queryset starts from the models' `visible_to(user)` (public records, or
everything for staff) or `public()` methods; none repeats their conditions. The
read queries behind the pages live in `selectors.py`; the news shown about a
record comes from the articles app's `{% news_about %}` tag.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.generic import DetailView, ListView, TemplateView

from regionnews.core.access import is_staff, may_export_visits, may_see_internal_notes
from regionnews.core.languages import language_codes
from regionnews.core.site import HOME_COUNTRY
from regionnews.core.text import collation_key, surname_key
from regionnews.core.views import (
    KeptCountMixin,
    KeptObjectMixin,
    ShareableQueryMixin,
    computed_when_read,
)

from . import exports
from .filters import MORE_FILTERS, VisitFilter
from .index_filters import OrganisationIndexFilter, PersonIndexFilter
from .models import Country, Organisation, Participation, Person, Visit
from .selectors import (
    SECTION_LIMIT,
    add_people_and_itinerary,
    country_organisations,
    country_people,
    country_timeline,
    country_visit_counts,
    home_organisations,
    partner_countries,
    visit_statistics,
    visits_for_listing,
    with_people_and_itinerary,
)


class VisitListView(ShareableQueryMixin, KeptCountMixin, ListView):
    template_name = "delegations/visit_list.html"
    context_object_name = "visits"
    paginate_by = 20
    # Shown folded under "More filters" unless one of them is in use, so that on a
    # phone the results are not pushed below ten inputs.
    more_filters = MORE_FILTERS

    def get_queryset(self):
        self.filterset = VisitFilter(
            self.request.GET or None,
            queryset=visits_for_listing(self.request.user),
            request=self.request,
        )
        if self.filterset.is_bound and not self.filterset.is_valid():
            # Show the message and no rows rather than silently ignoring the filter.
            return Visit.objects.none()
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        export_query = self.request.GET.copy()
        export_query.pop("page", None)
        context.update(
            filter=self.filterset,
            more_filters=self.more_filters,
            more_filters_open=any(
                self.request.GET.get(name)
                for name in self.more_filters
                if name in self.filterset.filters
            ),
            is_staff=is_staff(self.request.user),
            with_internal_notes=may_see_internal_notes(self.request.user),
            may_export=may_export_visits(self.request.user),
            export_query=export_query.urlencode(),
        )
        return context


class VisitDetailView(KeptObjectMixin, DetailView):
    template_name = "delegations/visit_detail.html"
    context_object_name = "visit"
    model = Visit

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            # A slug of another language (or the one every language used before
            # visits had a slug per language): the visit's address in this one.
            visit = (
                Visit.objects.visible_to(request.user)
                .with_slug_in_any_language(kwargs["slug"])
                .first()
            )
            if visit is None:
                raise
            return redirect(visit.get_absolute_url(), permanent=True)

    def get_queryset(self):
        return Visit.objects.visible_to(self.request.user).select_related("country")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The guests, hosts and stops are read only when the page's content or
        # its JSON-LD are rendered, not kept for readers.
        context.update(
            computed_when_read(
                lambda: {"visit_in_full": add_people_and_itinerary(self.object)},
                ("visit_in_full",),
            )
        )
        return context


class StatisticsView(TemplateView):
    """Public figures: the same for staff, who are told so."""

    template_name = "delegations/statistics.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            statistics=visit_statistics(), is_staff=is_staff(self.request.user)
        )
        return context


class CountryListView(ListView):
    template_name = "delegations/country_list.html"
    context_object_name = "countries"

    def get_queryset(self):
        # In the reader's alphabet ("Švédsko" after "Srbsko"), not the database's.
        return partner_countries()


class CountryDetailView(DetailView):
    """The relationship page: timeline, chart, people, places toured, news."""

    template_name = "delegations/country_detail.html"
    context_object_name = "country"

    def get(self, request, *args, **kwargs):
        code = kwargs["code"]
        if code != code.lower():
            return redirect(
                "delegations:country_detail", code=code.lower(), permanent=True
            )
        return super().get(request, *args, **kwargs)

    def get_object(self, queryset=None):
        code = self.kwargs["code"]
        if len(code) != 2:
            raise Http404
        return get_object_or_404(Country, code=code.upper())

    # What `sections()` puts in the context.
    section_names = (
        "is_home_country",
        "home_organisations",
        "home_organisation_count",
        "timeline",
        "visit_count",
        "visits_shown",
        "visits_per_year",
        "people",
        "more_people",
        "organisations",
    )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        # For anonymous readers the page's content is kept rendered per content
        # generation ({% cached_for_readers "country-page" %}): the sections
        # are computed only when that is rendered.
        context.update(
            computed_when_read(lambda: self.sections(user), self.section_names),
            is_staff=is_staff(user),
        )
        return context

    def sections(self, user) -> dict:
        """The page's timeline, chart, people and places toured."""
        timeline = country_timeline(self.object, user)
        visit_count, per_year = country_visit_counts(self.object, user)
        people = list(country_people(self.object, user)[: SECTION_LIMIT + 1])
        sections = {}
        if self.object.code == HOME_COUNTRY:
            # Not a dead end: the region's own people and organisations.
            organisations, organisation_count = home_organisations(self.object, user)
            sections.update(
                is_home_country=True,
                home_organisations=organisations,
                home_organisation_count=organisation_count,
            )
        sections.update(
            timeline=timeline,
            visit_count=visit_count,
            visits_shown=sum(len(year.visits) for year in timeline),
            visits_per_year=per_year,
            people=people[:SECTION_LIMIT],
            more_people=len(people) > SECTION_LIMIT,
            organisations=country_organisations(self.object, user),
        )
        return sections


class RecordIndexView(ShareableQueryMixin, ListView):
    """An index of people or organisations in the reader's alphabet, filtered.

    The database cannot sort in the reader's language on SQLite, so the names
    of the filtered rows (two columns) are sorted here and only the page's rows
    are fetched whole: three queries however many there are.
    """

    paginate_by = 40
    model = None
    filterset_class = None
    sort_fields: tuple[str, ...] = ()

    def records(self):
        records = self.model.objects.visible_to(self.request.user)
        if is_staff(self.request.user):
            public = self.model.objects.public().filter(pk=OuterRef("pk"))
            records = records.annotate(is_public=Exists(public))
        return records

    def sort_key(self, obj):
        raise NotImplementedError

    def get_queryset(self):
        self.filterset = self.filterset_class(
            self.request.GET or None,
            queryset=self.model.objects.visible_to(self.request.user),
            request=self.request,
        )
        if self.filterset.is_bound and not self.filterset.is_valid():
            return []  # the message instead of silently ignoring the filter
        rows = self.filterset.qs.order_by().only(*self.sort_fields)
        return [obj.pk for obj in sorted(rows, key=self.sort_key)]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        ids = list(context["object_list"])
        found = self.records().select_related("country").in_bulk(ids)
        context.update(
            records=[found[pk] for pk in ids if pk in found],
            filter=self.filterset,
            is_staff=is_staff(self.request.user),
        )
        return context


class PersonListView(RecordIndexView):
    template_name = "delegations/person_list.html"
    model = Person
    filterset_class = PersonIndexFilter
    sort_fields = ("pk", "name")

    def sort_key(self, person):
        return surname_key(person.name)


class OrganisationListView(RecordIndexView):
    template_name = "delegations/organisation_list.html"
    model = Organisation
    filterset_class = OrganisationIndexFilter

    @property
    def sort_fields(self):
        return ("pk", *(f"name_{code}" for code in language_codes()))

    def sort_key(self, organisation):
        return collation_key(organisation.name)


class OrganisationDetailView(KeptObjectMixin, DetailView):
    template_name = "delegations/organisation_detail.html"
    context_object_name = "organisation"
    model = Organisation

    def get_queryset(self):
        return Organisation.objects.visible_to(self.request.user).select_related(
            "country"
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Read only when the page's content is rendered, not kept for readers.
        context.update(computed_when_read(self.visits, ("visits", "more_visits")))
        return context

    def visits(self) -> dict:
        visits = list(
            visits_for_listing(self.request.user)
            .filter(stops__organisation=self.object)
            .distinct()[: SECTION_LIMIT + 1]
        )
        return {
            "visits": visits[:SECTION_LIMIT],
            "more_visits": len(visits) > SECTION_LIMIT,
        }


class PersonDetailView(KeptObjectMixin, DetailView):
    template_name = "delegations/person_detail.html"
    context_object_name = "person"
    model = Person

    def get_queryset(self):
        return Person.objects.visible_to(self.request.user).select_related("country")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Read only when the page's content is rendered, not kept for readers.
        names = ("participations", "more_visits")
        context.update(computed_when_read(self.participations, names))
        return context

    def participations(self) -> dict:
        participations = list(
            Participation.objects.filter(
                person=self.object,
                visit__in=Visit.objects.visible_to(self.request.user),
            )
            .select_related("visit__country")
            .order_by("-visit__start_date", "-visit__pk")[: SECTION_LIMIT + 1]
        )
        return {
            "participations": participations[:SECTION_LIMIT],
            "more_visits": len(participations) > SECTION_LIMIT,
        }


# --- staff exports -----------------------------------------------------------------


def filtered_visits_for_export(request):
    """The visit list's filter over every visit the user may see, or its errors.

    Returns (visits, None) or (None, a 400 response with the messages).
    """
    filterset = VisitFilter(
        request.GET or None,
        queryset=with_people_and_itinerary(Visit.objects.visible_to(request.user)),
        request=request,
    )
    if filterset.is_bound and not filterset.is_valid():
        return None, exports.filter_errors(filterset.form)
    return filterset.qs, None


def staff_export(write):
    """A view that exports with *write*; a 404 for anyone but staff.

    Not found rather than forbidden or a login redirect: to the public the
    export does not exist, like an internal visit. Staff without the export
    permission (delegations.export_visits, the protocol officers') get 403.
    """

    @require_safe
    @never_cache
    def view(request):
        if not is_staff(request.user):
            raise Http404
        if not may_export_visits(request.user):
            raise PermissionDenied
        visits, error = filtered_visits_for_export(request)
        if error is not None:
            return error
        return write(visits, request)

    return view


visit_export_csv = staff_export(exports.visits_csv)
visit_export_csv_semicolon = staff_export(exports.visits_csv_semicolon)
visit_export_json = staff_export(exports.visits_json)
