from django.urls import path
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from . import feeds, views

app_name = "delegations"

urlpatterns = [
    path(_("visits/"), views.VisitListView.as_view(), name="visit_list"),
    # Beside the visit list in every language (/cs/navstevy/calendar.ics).
    path(
        format_lazy("{}calendar.ics", _("visits/")),
        feeds.upcoming_visits_calendar,
        name="visit_calendar",
    ),
    # Statistics and the staff exports sit under the visit list too; they come
    # before visits/<slug:slug>/ so that "statistics" is never read as a slug.
    path(
        format_lazy("{}{}", _("visits/"), _("statistics/")),
        views.StatisticsView.as_view(),
        name="visit_statistics",
    ),
    path(
        format_lazy("{}export.csv", _("visits/")),
        views.visit_export_csv,
        name="visit_export_csv",
    ),
    path(
        format_lazy("{}export-semicolon.csv", _("visits/")),
        views.visit_export_csv_semicolon,
        name="visit_export_csv_semicolon",
    ),
    path(
        format_lazy("{}export.json", _("visits/")),
        views.visit_export_json,
        name="visit_export_json",
    ),
    path(
        _("visits/<slug:slug>/"), views.VisitDetailView.as_view(), name="visit_detail"
    ),
    path(_("countries/"), views.CountryListView.as_view(), name="country_list"),
    path(
        _("countries/<str:code>/"),
        views.CountryDetailView.as_view(),
        name="country_detail",
    ),
    path(
        _("organisations/"),
        views.OrganisationListView.as_view(),
        name="organisation_list",
    ),
    path(
        _("organisations/<slug:slug>/"),
        views.OrganisationDetailView.as_view(),
        name="organisation_detail",
    ),
    path(_("people/"), views.PersonListView.as_view(), name="person_list"),
    path(
        _("people/<slug:slug>/"), views.PersonDetailView.as_view(), name="person_detail"
    ),
]
