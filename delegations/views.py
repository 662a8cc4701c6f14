"""Public pages for visits, countries, organisations and people.

Every queryset starts from `Visit.objects.visible_to(user)` (public visits, or
everything for staff) or from the models' `public()` methods.
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


def published_articles():
    """Articles on public pages are the published ones, for staff too (no drafts)."""
    return Article.objects.published().order_by("-published_at", "-pk")


class VisitListView(ListView):
    template_name = "delegations/visit_list.html"
    context_object_name = "visits"
    paginate_by = 20

    def get_queryset(self):
        self.filterset = VisitFilter(
            self.request.GET or None, queryset=visits_for_listing(self.request.user)
        )
        if self.filterset.is_bound and not self.filterset.is_valid():
            # Show the message and no rows rather than silently ignoring the filter.
            return Visit.objects.none()
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("page", None)
        context.update(filter=self.filterset, filter_query=query.urlencode())
        return context


class VisitDetailView(DetailView):
    template_name = "delegations/visit_detail.html"
    context_object_name = "visit"

    def get_queryset(self):
        return (
            Visit.objects.visible_to(self.request.user)
            .select_related("country")
            .prefetch_related(
                Prefetch(
                    "participations",
                    queryset=Participation.objects.select_related(
                        "person__country"
                    ).order_by("order", "pk"),
                ),
                Prefetch(
                    "stops",
                    queryset=Stop.objects.select_related("organisation").order_by(
                        "order", "date", "time", "pk"
                    ),
                ),
                Prefetch("articles", queryset=published_articles()),
            )
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
            people=Person.objects.public().filter(country=self.object),
            articles=published_articles().filter(countries=self.object),
        )
        return context


class OrganisationDetailView(DetailView):
    template_name = "delegations/organisation_detail.html"
    context_object_name = "organisation"

    def get_queryset(self):
        if self.request.user.is_staff:
            return Organisation.objects.select_related("country")
        return Organisation.objects.public().select_related("country")

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
        if self.request.user.is_staff:
            return Person.objects.select_related("country")
        return Person.objects.public().select_related("country")

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
