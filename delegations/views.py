"""Public pages for visits, countries, organisations and people.

Every queryset starts from the models' `visible_to(user)` (public records, or
everything for staff) or `public()` methods; none repeats their conditions.
"""

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import DetailView, ListView

from articles.models import Article

from .filters import VisitFilter
from .models import Country, Organisation, Participation, Person, Stop, Visit


def visits_for_listing(user):
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


def with_people_and_itinerary(visits):
    """Guests, hosts and stops of each visit in three queries, whatever the count.

    Guests and hosts land in separate lists (`guest_list`, `host_list`) so that a
    template can test and loop over each without filtering; stops come in
    itinerary order as `stop_list`.
    """
    people = Participation.objects.select_related("person").order_by("order", "pk")
    return visits.select_related("country").prefetch_related(
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
            queryset=Stop.objects.select_related("organisation").order_by(
                "order", "date", "time", "pk"
            ),
            to_attr="stop_list",
        ),
    )


def published_articles():
    """Articles on public pages are the published ones, for staff too (no drafts)."""
    return (
        Article.objects.published()
        .prefetch_related("topics")
        .order_by("-published_at", "-pk")
    )


class VisitListView(ListView):
    template_name = "delegations/visit_list.html"
    context_object_name = "visits"
    paginate_by = 20
    # Shown folded under "More filters" unless one of them is in use, so that on a
    # phone the results are not pushed below seven inputs.
    more_filters = ("date_from", "date_to", "organisation", "person")

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
        context.update(
            filter=self.filterset,
            more_filters=self.more_filters,
            more_filters_open=any(self.request.GET.get(n) for n in self.more_filters),
        )
        return context


class VisitDetailView(DetailView):
    template_name = "delegations/visit_detail.html"
    context_object_name = "visit"

    def get_queryset(self):
        return with_people_and_itinerary(
            Visit.objects.visible_to(self.request.user)
        ).prefetch_related(
            Prefetch("articles", queryset=published_articles(), to_attr="article_list")
        )


class CountryListView(ListView):
    template_name = "delegations/country_list.html"
    context_object_name = "countries"

    def get_queryset(self):
        return (
            Country.objects.with_public_visit_count()
            .filter(public_visit_count__gt=0)
            .order_by("name")
        )


class CountryDetailView(DetailView):
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

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context.update(
            visits=visits_for_listing(user).filter(country=self.object),
            people=Person.objects.visible_to(user).filter(country=self.object),
            articles=published_articles().filter(countries=self.object),
        )
        return context


class OrganisationDetailView(DetailView):
    template_name = "delegations/organisation_detail.html"
    context_object_name = "organisation"

    def get_queryset(self):
        return Organisation.objects.visible_to(self.request.user).select_related(
            "country"
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context.update(
            visits=visits_for_listing(user)
            .filter(stops__organisation=self.object)
            .distinct(),
            articles=published_articles().filter(organisations=self.object),
        )
        return context


class PersonDetailView(DetailView):
    template_name = "delegations/person_detail.html"
    context_object_name = "person"

    def get_queryset(self):
        return Person.objects.visible_to(self.request.user).select_related("country")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context.update(
            participations=Participation.objects.filter(
                person=self.object, visit__in=Visit.objects.visible_to(user)
            )
            .select_related("visit__country")
            .order_by("-visit__start_date"),
            articles=published_articles().filter(people=self.object),
        )
        return context
