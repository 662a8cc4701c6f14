"""Suggested links on the article form: found with their words, accepted, dismissed."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import SuggestionDecision
from articles.suggestions import suggest_links
from delegations.models import Participation
from tests import factories
from tests.editorial import EDITOR, member

pytestmark = pytest.mark.django_db

CZECH_BODY = (
    "<p>Hejtman přijal velvyslance Kazachstánu J. E. Bakyta Dyussenbayeva. "
    "Odpoledne navštívil ZČU a jednal s Kazachstánem o spolupráci.</p>"
)


@pytest.fixture
def registry():
    ambassador = factories.person(name="Bakyt Dyussenbayev")
    university = factories.organisation(
        name_cs="Západočeská univerzita v Plzni",
        name_en="University of West Bohemia",
        aliases="ZČU\nZápadočeská univerzita",
    )
    visit = factories.visit(start_date=datetime.date(2024, 4, 4), country="KZ")
    return ambassador, university, visit


def article_about_the_visit(**kwargs):
    return factories.article(
        title_cs="Velvyslanec Kazachstánu v kraji",
        lead_cs="Ve čtvrtek 4. dubna přijal hejtman velvyslance.",
        body_cs=CZECH_BODY,
        title_en="",
        lead_en="",
        body_en="",
        title_de="",
        lead_de="",
        body_de="",
        published_at=timezone.make_aware(datetime.datetime(2024, 5, 9, 14, 51)),
        **kwargs,
    )


def by_kind(suggestions):
    return {(s.kind, s.obj.pk): s.words for s in suggestions}


def test_country_person_organisation_and_visit_are_suggested_with_words(registry):
    ambassador, university, visit = registry
    found = by_kind(suggest_links(article_about_the_visit()))
    kz = factories.country("KZ")
    assert found[("country", kz.pk)][:2] == ["Kazachstánu", "Kazachstánem"]
    assert found[("person", ambassador.pk)] == ["Bakyta Dyussenbayeva"]
    assert found[("organisation", university.pk)] == ["ZČU"]
    assert found[("visit", visit.pk)] == ["čtvrtek 4. dubna", "Kazachstánu"]


def test_home_country_is_not_suggested(registry):
    article = article_about_the_visit()
    article.body_cs += "<p>Česká republika a Kazachstán.</p>"
    kinds = {
        (s.kind, s.obj.code) for s in suggest_links(article) if s.kind == "country"
    }
    assert kinds == {("country", "KZ")}


def test_a_visit_in_another_country_or_on_other_dates_is_not_suggested(registry):
    factories.visit(start_date=datetime.date(2024, 4, 4), country="JP")
    factories.visit(start_date=datetime.date(2024, 3, 1), country="KZ")
    visits = [s for s in suggest_links(article_about_the_visit()) if s.kind == "visit"]
    assert [s.obj for s in visits] == [registry[2]]


def test_linked_objects_are_not_suggested(registry):
    ambassador, university, visit = registry
    article = article_about_the_visit(people=[ambassador], visits=[visit])
    kinds = {s.kind for s in suggest_links(article)}
    assert kinds == {"country", "organisation"}


def suggestion_url(article, kind, pk, answer):
    return reverse(
        "admin:articles_article_suggestion", args=[article.pk, kind, pk, answer]
    )


def test_change_form_lists_suggestions_with_buttons(client, registry):
    article = article_about_the_visit()
    client.force_login(member(EDITOR))
    response = client.get(reverse("admin:articles_article_change", args=[article.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bakyta Dyussenbayeva" in html
    assert suggestion_url(article, "person", registry[0].pk, "accept") in html


def test_accept_adds_the_link_and_is_remembered(client, registry):
    ambassador = registry[0]
    article = article_about_the_visit()
    version = article.version
    client.force_login(member(EDITOR))
    response = client.post(
        suggestion_url(article, "person", ambassador.pk, "accept"),
        {"words": "“Bakyta Dyussenbayeva”"},
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert list(article.people.all()) == [ambassador]
    assert article.version == version + 1
    decision = SuggestionDecision.objects.get()
    assert decision.decision == "accepted"
    assert "Bakyta" in decision.words


def test_dismissed_suggestion_does_not_come_back(client, registry):
    university = registry[1]
    article = article_about_the_visit()
    client.force_login(member(EDITOR))
    client.post(suggestion_url(article, "organisation", university.pk, "dismiss"))
    assert not article.organisations.exists()
    assert ("organisation", university.pk) not in by_kind(suggest_links(article))
    assert ("person", registry[0].pk) in by_kind(suggest_links(article))


def test_get_is_refused_and_unknown_object_is_404(client, registry):
    article = article_about_the_visit()
    client.force_login(member(EDITOR))
    url = suggestion_url(article, "person", registry[0].pk, "accept")
    assert client.get(url).status_code == 405
    assert (
        client.post(suggestion_url(article, "person", 99999, "accept")).status_code
        == 404
    )
    assert (
        client.post(suggestion_url(article, "planet", 1, "accept")).status_code == 404
    )
    assert not article.people.exists()


def test_user_without_change_permission_cannot_answer(client, registry):
    article = article_about_the_visit()
    client.force_login(factories.user(staff=True))
    url = suggestion_url(article, "person", registry[0].pk, "accept")
    assert client.post(url).status_code == 403
    assert not article.people.exists()


def test_participation_side_is_irrelevant_to_person_suggestions(registry):
    factories.participation(
        visit=registry[2], person=registry[0], side=Participation.Side.GUEST
    )
    assert ("person", registry[0].pk) in by_kind(
        suggest_links(article_about_the_visit())
    )


def test_suggestions_cost_the_same_queries_with_a_large_registry(client, registry):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    article = article_about_the_visit()
    client.force_login(member(EDITOR))
    url = reverse("admin:articles_article_change", args=[article.pk])

    def queries() -> int:
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        return len(context)

    queries()  # warm the per-process caches (content types, permissions)
    few = queries()
    for n in range(300):
        factories.person(name=f"Someone Number{n}")
        factories.organisation(name_en=f"Company Number{n}")
    assert queries() == few
