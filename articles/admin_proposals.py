"""“Propose a visit” on an article, and the review queue of proposed visits.

The article admin gets a page that shows the visit the text describes, as a
form the protocol officer corrects: existing people and organisations are
chosen, new ones are marked as new. Nothing is written until the officer
accepts; then articles.proposals.visit_accept() creates everything at once.
The queue (`VisitProposal`, filled by `manage.py propose_visits`) links each
proposal to that page.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import formset_factory
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from delegations.models import (
    Country,
    Organisation,
    Participation,
    Person,
    Stop,
    Visit,
)
from regionnews.core.languages import language_codes

from .models import VisitProposal
from .proposals import DraftOrganisation, DraftPerson, visit_accept, visit_draft


class ProposedVisitForm(forms.Form):
    title_cs = forms.CharField(label=_("Title (Czech)"), required=False, max_length=250)
    title_en = forms.CharField(
        label=_("Title (English)"), required=False, max_length=250
    )
    title_de = forms.CharField(
        label=_("Title (German)"), required=False, max_length=250
    )
    start_date = forms.DateField(label=_("start date"))
    end_date = forms.DateField(label=_("end date"), required=False)
    country = forms.ModelChoiceField(label=_("country"), queryset=Country.objects.all())
    direction = forms.ChoiceField(label=_("direction"), choices=Visit.Direction.choices)
    language = forms.ChoiceField(
        label=_("language of the roles and new names"),
        choices=[(code, code) for code in language_codes()],
    )

    def clean(self):
        data = super().clean()
        if not any(data.get(f"title_{code}") for code in language_codes()):
            raise ValidationError(_("Give the visit a title in at least one language."))
        return data


class ParticipantForm(forms.Form):
    include = forms.BooleanField(label=_("include"), required=False, initial=True)
    side = forms.ChoiceField(label=_("side"), choices=Participation.Side.choices)
    name = forms.CharField(label=_("name in the text"), required=False, max_length=200)
    role = forms.CharField(label=_("role at the time"), required=False, max_length=300)
    person = forms.ModelChoiceField(
        label=_("person in the registry"),
        queryset=Person.objects.all(),
        required=False,
        empty_label=_("— a new person —"),
        # Searched as the officer types: the registry may hold thousands.
        widget=AutocompleteSelect(Participation._meta.get_field("person"), admin.site),
    )

    def clean(self):
        data = super().clean()
        if (
            data.get("include")
            and data.get("role")
            and not (data.get("name") or data.get("person"))
        ):
            raise ValidationError(_("Give a name or choose a person."))
        return data


class StopForm(forms.Form):
    include = forms.BooleanField(label=_("include"), required=False, initial=True)
    name = forms.CharField(label=_("name in the text"), required=False, max_length=200)
    organisation = forms.ModelChoiceField(
        label=_("organisation in the registry"),
        queryset=Organisation.objects.all(),
        required=False,
        empty_label=_("— a new organisation —"),
        widget=AutocompleteSelect(Stop._meta.get_field("organisation"), admin.site),
    )

    def clean(self):
        data = super().clean()
        if (
            data.get("include")
            and not data.get("name")
            and not data.get("organisation")
        ):
            raise ValidationError(_("Give a name or choose an organisation."))
        return data


# One blank row each, for someone the text did not name; left empty, it is ignored.
ParticipantFormSet = formset_factory(ParticipantForm, extra=1)
StopFormSet = formset_factory(StopForm, extra=1)


def may_propose(request) -> bool:
    return request.user.has_perm("delegations.add_visit")


class VisitProposalAdminMixin:
    """Mixed into ArticleAdmin: the “Propose a visit” page of an article."""

    def get_urls(self):
        return [
            path(
                "<path:object_id>/propose-visit/",
                self.admin_site.admin_view(self.propose_visit_view),
                name="articles_article_propose_visit",
            ),
            *super().get_urls(),
        ]

    def propose_visit_view(self, request, object_id):
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404
        if not (may_propose(request) and self.has_view_permission(request, article)):
            raise PermissionDenied
        draft = visit_draft(article)
        if request.method == "POST":
            form = ProposedVisitForm(request.POST)
            people = ParticipantFormSet(request.POST, prefix="people")
            stops = StopFormSet(request.POST, prefix="stops")
            if form.is_valid() and people.is_valid() and stops.is_valid():
                try:
                    visit = self._accept(request, article, form, people, stops)
                except ValidationError as error:
                    form.add_error(None, error)
                else:
                    self.message_user(
                        request,
                        gettext(
                            "The visit is created as internal: review it and make "
                            "it public when it is right."
                        ),
                        messages.SUCCESS,
                    )
                    return HttpResponseRedirect(
                        reverse("admin:delegations_visit_change", args=[visit.pk])
                    )
        else:
            form = ProposedVisitForm(
                initial={
                    **{f"title_{code}": text for code, text in draft.title.items()},
                    "start_date": draft.start_date,
                    "country": draft.country,
                    "direction": Visit.Direction.INCOMING,
                    "language": draft.language,
                }
            )
            people = ParticipantFormSet(
                prefix="people",
                initial=[
                    {"include": True, "side": p.side, "name": p.name, "role": p.role,
                     "person": p.person}
                    for p in draft.people
                ],
            )  # fmt: skip
            stops = StopFormSet(
                prefix="stops",
                initial=[
                    {"include": True, "name": o.name, "organisation": o.organisation}
                    for o in draft.organisations
                ],
            )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": gettext("Propose a visit"),
            "article": article,
            "draft": draft,
            "form": form,
            "people": people,
            "stops": stops,
            "change_url": reverse("admin:articles_article_change", args=[article.pk]),
        }
        return TemplateResponse(
            request, "admin/articles/article/propose_visit.html", context
        )

    def _accept(self, request, article, form, people, stops):
        data = form.cleaned_data
        return visit_accept(
            article=article,
            title={
                code: data[f"title_{code}"]
                for code in language_codes()
                if data.get(f"title_{code}")
            },
            start_date=data["start_date"],
            end_date=data.get("end_date"),
            country=data["country"],
            direction=data["direction"],
            language=data["language"],
            people=[
                DraftPerson(
                    name=row["name"],
                    role=row["role"],
                    side=row["side"],
                    person=row["person"],
                )
                for row in people.cleaned_data
                if row.get("include") and (row.get("name") or row.get("person"))
            ],  # fmt: skip
            organisations=[
                DraftOrganisation(name=row["name"], organisation=row["organisation"])
                for row in stops.cleaned_data
                if row.get("include") and (row.get("name") or row.get("organisation"))
            ],
            user=request.user,
        )


@admin.register(VisitProposal)
class VisitProposalAdmin(admin.ModelAdmin):
    """The review queue: visits `manage.py propose_visits` found in articles."""

    list_display = ("article", "visit_date", "country_code", "status", "review")
    list_filter = ("status",)
    list_select_related = ("article",)
    search_fields = ("article__title_cs", "article__title_en", "article__title_de")
    actions = ["reject"]
    readonly_fields = ("article", "data", "visit_date", "country_code", "visit")
    fields = ("article", "status", "visit_date", "country_code", "data", "visit")

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("review"))
    def review(self, obj):
        if obj.status != VisitProposal.Status.PENDING:
            return ""
        url = reverse("admin:articles_article_propose_visit", args=[obj.article_id])
        return format_html('<a href="{}">{}</a>', url, _("Review and accept"))

    @admin.action(description=_("Reject the selected proposals"))
    def reject(self, request, queryset):
        count = queryset.filter(status=VisitProposal.Status.PENDING).update(
            status=VisitProposal.Status.REJECTED
        )
        self.message_user(
            request,
            ngettext("%d proposal rejected.", "%d proposals rejected.", count) % count,
            messages.SUCCESS,
        )
