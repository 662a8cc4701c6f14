from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "delegations"

urlpatterns = [
    path(_("visits/"), views.VisitListView.as_view(), name="visit_list"),
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
        _("organisations/<slug:slug>/"),
        views.OrganisationDetailView.as_view(),
        name="organisation_detail",
    ),
    path(
        _("people/<slug:slug>/"), views.PersonDetailView.as_view(), name="person_detail"
    ),
]
