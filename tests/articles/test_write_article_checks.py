""" "Write the article" never misleads: it shows the visit's articles first,
writes one draft per click, is offered to those who can finish the draft, and
its drafts agree with the people's grammatical gender and say they are
generated until an editor has saved them."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from articles.services import article_create_from_visit
from delegations.models import Participation, Person
from regionnews.core.translation_status import COMPLETE, OUTDATED, language_states
from tests import factories
from tests.editorial import (
    EDITOR,
    PROTOCOL_OFFICER,
    change_url,
    form_data,
    member,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def visit():
    visit = factories.visit(
        title_en="Visit of the Ambassador of Japan",
        start_date=datetime.date(2024, 4, 4),
        purpose_cs="Spolupráce.",
        purpose_en="Cooperation.",
        purpose_de="Zusammenarbeit.",
    )
    factories.participation(
        visit=visit,
        person=factories.person(
            name="Aiko Tanaka", grammatical_gender=Person.GrammaticalGender.FEMININE
        ),
        role_cs="Velvyslanec Japonska",  # the masculine word, as typed
        role_en="Ambassador of Japan",
        role_de="Botschafterin Japans",
    )
    factories.participation(
        visit=visit,
        person=factories.person(
            name="Jana Nová", grammatical_gender=Person.GrammaticalGender.FEMININE
        ),
        side=Participation.Side.HOST,
        role_cs="hejtmanka Plzeňského kraje",
        role_en="Governor of the Pilsen Region",
        role_de="Hauptfrau der Region Pilsen",
    )
    return visit


def write_url(visit):
    return reverse("admin:articles_article_from_visit", args=[visit.pk])


def visit_url(visit):
    return reverse("admin:delegations_visit_change", args=[visit.pk])


# --- grammar -----------------------------------------------------------------------


def test_a_woman_on_record_gets_feminine_czech_verbs(visit):
    article = article_create_from_visit(visit=visit, user=None)

    assert article.title_cs == "Velvyslanec Japonska navštívila Plzeňský kraj"
    assert "navštívila Plzeňský kraj" in article.lead_cs
    assert "přijala hejtmanka" in article.lead_cs


def test_a_woman_host_is_a_gastgeberin_in_german(visit):
    article = article_create_from_visit(visit=visit, user=None)

    assert "Gastgeberin war Hauptfrau der Region Pilsen Jana Nová." in article.lead_de


def test_a_man_on_record_is_masculine_whatever_his_role_ends_in():
    visit = factories.visit()
    factories.participation(
        visit=visit,
        person=factories.person(grammatical_gender=Person.GrammaticalGender.MASCULINE),
        role_cs="Předseda Kanceláře",
        role_de="Leiter der Delegation",
    )
    factories.participation(
        visit=visit,
        person=factories.person(grammatical_gender=Person.GrammaticalGender.MASCULINE),
        side=Participation.Side.HOST,
        role_de="Hauptmann",
    )

    article = article_create_from_visit(visit=visit, user=None)

    assert article.title_cs.endswith("navštívil Plzeňský kraj")
    assert "Gastgeber war Hauptmann" in article.lead_de


def test_several_women_hosts_are_gastgeberinnen(visit):
    factories.participation(
        visit=visit,
        person=factories.person(grammatical_gender=Person.GrammaticalGender.FEMININE),
        side=Participation.Side.HOST,
        role_de="Bürgermeisterin",
        order=2,
    )

    article = article_create_from_visit(visit=visit, user=None)

    assert "Gastgeberinnen waren" in article.lead_de
    assert "přijaly" in article.lead_cs


def test_the_gender_is_in_the_person_form(admin_client_logged):
    response = admin_client_logged.get(reverse("admin:delegations_person_add"))

    assert 'name="grammatical_gender"' in response.text


# --- generated, needs a check ------------------------------------------------------


def test_a_generated_draft_is_marked_and_not_complete(visit):
    article = article_create_from_visit(visit=visit, user=None)

    article.refresh_from_db()
    assert article.needs_check
    assert COMPLETE not in language_states(article).values()
    assert language_states(article)["en"] == OUTDATED


def test_the_mark_shows_in_the_list_and_on_the_form(admin_client_logged, visit):
    article = article_create_from_visit(visit=visit, user=None)

    listing = admin_client_logged.get(
        reverse("admin:articles_article_changelist"), HTTP_ACCEPT_LANGUAGE="en"
    )
    form = admin_client_logged.get(change_url(article))

    assert "generated, needs a check" in listing.text
    assert 'class="generated-notice"' in form.text


def test_an_editors_save_clears_the_mark_even_without_a_change(client, visit):
    article = article_create_from_visit(visit=visit, user=None)
    client.force_login(member(EDITOR))

    response = client.post(
        change_url(article), form_data(client.get(change_url(article)))
    )

    assert response.status_code == 302
    article.refresh_from_db()
    assert not article.needs_check
    assert language_states(article)["en"] == COMPLETE


# --- the button and the view ---------------------------------------------------------


def test_the_visit_form_lists_its_articles_beside_the_button(
    admin_client_logged, visit
):
    article = article_create_from_visit(visit=visit, user=None)

    response = admin_client_logged.get(visit_url(visit), HTTP_ACCEPT_LANGUAGE="en")

    assert "would write another draft" in response.text
    assert reverse("admin:articles_article_change", args=[article.pk]) in response.text


def test_with_articles_already_the_button_asks_first(admin_client_logged, visit):
    article = article_create_from_visit(visit=visit, user=None)
    Article.objects.filter(pk=article.pk).update(needs_check=False)

    response = admin_client_logged.post(write_url(visit), HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    assert "Write another draft" in response.text
    assert reverse("admin:articles_article_change", args=[article.pk]) in response.text
    assert Article.objects.count() == 1

    confirmed = admin_client_logged.post(write_url(visit), {"confirmed": "1"})

    assert confirmed.status_code == 302
    assert Article.objects.count() == 2


def test_a_double_post_writes_one_draft(admin_client_logged, visit):
    first = admin_client_logged.post(write_url(visit))
    again = admin_client_logged.post(write_url(visit), {"confirmed": "1"})

    assert Article.objects.count() == 1
    assert first["Location"] == again["Location"]


def test_protocol_officers_are_not_offered_a_draft_they_cannot_edit(client, visit):
    client.force_login(member(PROTOCOL_OFFICER))

    form = client.get(visit_url(visit))
    response = client.post(write_url(visit))

    assert form.status_code == 200
    assert write_url(visit) not in form.text
    assert response.status_code == 403
    assert not Article.objects.exists()


def test_editors_are_offered_the_button(client, visit):
    client.force_login(member(EDITOR))

    form = client.get(visit_url(visit))

    assert write_url(visit) in form.text


# --- scheduled ---------------------------------------------------------------------


def test_the_list_shows_a_future_publication_as_scheduled(admin_client_logged):
    factories.article(
        title_en="Zítřejší zpráva",
        status=Article.Status.PUBLISHED,
        published_at=timezone.now() + datetime.timedelta(days=1),
    )
    factories.article(
        title_en="Včerejší zpráva",
        status=Article.Status.PUBLISHED,
        published_at=timezone.now() - datetime.timedelta(days=1),
    )

    response = admin_client_logged.get(
        reverse("admin:articles_article_changelist"), HTTP_ACCEPT_LANGUAGE="en"
    )

    rows = response.text.split("<tr")
    [tomorrow] = [row for row in rows if "Zítřejší" in row]
    [yesterday] = [row for row in rows if "Včerejší" in row]
    assert '<td class="field-status_label">Scheduled</td>' in tomorrow
    assert '<td class="field-status_label">Published</td>' in yesterday
