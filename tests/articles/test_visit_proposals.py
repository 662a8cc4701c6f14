"""Propose a visit from an article: the draft, nothing saved before accepting."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from articles.importing.importer import import_files
from articles.models import Article, VisitProposal
from articles.proposals import visit_draft
from delegations.models import Organisation, Person, Visit
from tests import factories, html_forms
from tests.editorial import EDITOR, PROTOCOL_OFFICER, member

from .test_import_articles import SEED_TEXT

pytestmark = pytest.mark.django_db


@pytest.fixture
def seed_article():
    import_files([("seed.txt", SEED_TEXT.encode())])
    return Article.objects.get()


@pytest.fixture
def registry():
    return {
        "governor": factories.person(
            name="Rudolf Špoták", country=factories.country("CZ")
        ),
        "university": factories.organisation(name_en="University of West Bohemia"),
        "chamber": factories.organisation(
            name_en="Regional Chamber of Commerce of the Pilsen Region"
        ),
    }


def propose_url(article):
    return reverse("admin:articles_article_propose_visit", args=[article.pk])


def test_draft_of_the_seed_reuses_registry_records(seed_article, registry):
    draft = visit_draft(seed_article)
    assert draft.start_date == datetime.date(2024, 4, 4)
    assert draft.country.code == "KZ"
    assert [(p.name, p.side, p.person) for p in draft.people] == [
        ("Bakyt Dyussenbayev", "guest", None),
        ("Timur Akhmetzhanov", "guest", None),
        ("Rudolf Špoták", "host", registry["governor"]),
    ]
    assert [(o.name, o.organisation) for o in draft.organisations] == [
        ("University of West Bohemia", registry["university"]),
        ("Škoda Transportation", None),
        ("Regional Chamber of Commerce in Pilsen Region", registry["chamber"]),
        ("Pilsner Urquell Brewery", None),
    ]


def test_proposal_page_saves_nothing(client, seed_article, registry):
    client.force_login(member(PROTOCOL_OFFICER))
    counts = (
        Visit.objects.count(),
        Person.objects.count(),
        Organisation.objects.count(),
    )
    response = client.get(propose_url(seed_article))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ambassador of Kazakhstan" in html
    assert "Commercial Counsellor of the Embassy of Kazakhstan" in html
    assert html.count('class="new-record"') == 4  # two people, two organisations
    after = (
        Visit.objects.count(),
        Person.objects.count(),
        Organisation.objects.count(),
    )
    assert after == counts


def test_accepting_creates_an_internal_held_visit_linked_to_the_article(
    client, seed_article, registry
):
    client.force_login(member(PROTOCOL_OFFICER))
    response = client.get(propose_url(seed_article))
    data = html_forms.form_data(response)
    response = client.post(propose_url(seed_article), data)
    assert response.status_code == 302
    visit = Visit.objects.get()
    assert visit.start_date == datetime.date(2024, 4, 4)
    assert visit.country.code == "KZ"
    assert visit.status == Visit.Status.HELD
    assert visit.visibility == Visit.Visibility.INTERNAL
    guests = visit.participations.filter(side="guest").order_by("order")
    assert [(p.person.name, p.role_en) for p in guests] == [
        ("Bakyt Dyussenbayev", "Ambassador of Kazakhstan"),
        (
            "Timur Akhmetzhanov",
            "Commercial Counsellor of the Embassy of Kazakhstan in the Czech Republic",
        ),
    ]
    host = visit.participations.get(side="host")
    assert host.person == registry["governor"]
    stops = [s.organisation for s in visit.stops.order_by("order")]
    assert stops[0] == registry["university"]
    assert stops[2] == registry["chamber"]
    assert stops[1].name_en == "Škoda Transportation"
    assert list(seed_article.visits.all()) == [visit]
    assert Organisation.objects.count() == 4


def test_invalid_form_saves_nothing(client, seed_article, registry):
    client.force_login(member(PROTOCOL_OFFICER))
    data = html_forms.form_data(client.get(propose_url(seed_article)))
    data["start_date"] = "not a date"
    response = client.post(propose_url(seed_article), data)
    assert response.status_code == 200
    assert not Visit.objects.exists()
    assert Person.objects.count() == 1


def test_failure_in_the_services_rolls_everything_back(client, seed_article, registry):
    client.force_login(member(PROTOCOL_OFFICER))
    data = html_forms.form_data(client.get(propose_url(seed_article)))
    data["end_date"] = "2024-04-01"  # before the start date
    response = client.post(propose_url(seed_article), data)
    assert response.status_code == 200
    assert not Visit.objects.exists()
    assert Person.objects.count() == 1
    assert Organisation.objects.count() == 2


def test_editors_may_not_propose_visits(client, seed_article):
    client.force_login(member(EDITOR))
    assert client.get(propose_url(seed_article)).status_code == 403


def test_batch_fills_the_review_queue_once(seed_article):
    factories.article()  # says nothing about a visit
    out = io.StringIO()
    call_command("propose_visits", stdout=out, stderr=io.StringIO())
    assert "1 visits proposed" in out.getvalue()
    proposal = VisitProposal.objects.get()
    assert proposal.article == seed_article
    assert proposal.country_code == "KZ"
    assert proposal.data["guests"][0]["name"] == "Bakyt Dyussenbayev"
    call_command("propose_visits", stdout=out, stderr=io.StringIO())
    assert VisitProposal.objects.count() == 1


def test_protocol_officer_sees_the_queue(client, seed_article):
    call_command("propose_visits", stdout=io.StringIO(), stderr=io.StringIO())
    client.force_login(member(PROTOCOL_OFFICER))
    response = client.get(reverse("admin:articles_visitproposal_changelist"))
    assert response.status_code == 200
    assert propose_url(seed_article) in response.content.decode()


def test_registry_choices_are_searched_not_listed(client, seed_article, registry):
    client.force_login(member(PROTOCOL_OFFICER))
    html = client.get(propose_url(seed_article)).content.decode()
    assert "admin-autocomplete" in html
    response = client.get(
        reverse("admin:autocomplete"),
        {
            "term": "Špo",
            "app_label": "delegations",
            "model_name": "participation",
            "field_name": "person",
        },
    )
    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == ["Rudolf Špoták"]


def test_registry_organisations_without_an_organisation_word_are_proposed(registry):
    electric = factories.organisation(name_en="Škoda Electric")
    text = SEED_TEXT.replace(
        "visited the University of West Bohemia",
        "visited Škoda Electric and the University of West Bohemia",
    )
    import_files([("seed.txt", text.encode())])
    draft = visit_draft(Article.objects.get())
    assert [(o.name, o.organisation) for o in draft.organisations][:2] == [
        ("Škoda Electric", electric),
        ("University of West Bohemia", registry["university"]),
    ]
