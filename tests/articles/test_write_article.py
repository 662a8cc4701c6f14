"""Writing an article in the admin, and "Write the article" from a visit."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from articles.models import Article
from articles.services import article_create_from_visit
from delegations.models import Participation, Visit
from regionnews.images.templatetags.images import rendition_url
from tests import factories
from tests.html_forms import form_data

pytestmark = pytest.mark.django_db

ADD_URL = "admin:articles_article_add"


def add_page(client):
    return client.get(reverse(ADD_URL))


def post_new_article(client, **fields):
    """Submit the add form as the page shows it, with *fields* filled in."""
    data = form_data(add_page(client), "article_form", _save="Save", **fields)
    return client.post(reverse(ADD_URL), data)


def english_only(**extra):
    return {
        "title_en": "Ambassador of Kazakhstan visited the Pilsen Region",
        "lead_en": "The Governor received the Ambassador.",
        "body_en": "<p>Text.</p>",
        **extra,
    }


PUBLISH_NOW = {
    "status": Article.Status.PUBLISHED,
    "published_at_0": "2024-05-09",
    "published_at_1": "14:51:00",
}


# --- any language first --------------------------------------------------------


@pytest.mark.parametrize("lang", ["cs", "en", "de"])
def test_an_article_may_be_written_first_in_any_language(admin_client_logged, lang):
    response = post_new_article(
        admin_client_logged, **{f"title_{lang}": "Headline", f"lead_{lang}": "Lead."}
    )

    assert response.status_code == 302, response.context["errors"]
    article = Article.objects.get()
    assert getattr(article, f"title_{lang}") == "Headline"


def test_the_czech_title_is_not_required_in_the_form(admin_client_logged):
    form = add_page(admin_client_logged).context["adminform"].form

    assert not form.fields["title_cs"].required


def test_an_article_without_any_title_is_refused(admin_client_logged):
    response = post_new_article(admin_client_logged, lead_en="Only a lead.")

    assert response.status_code == 200
    assert response.context["adminform"].form.non_field_errors()
    assert not Article.objects.exists()


def test_publishing_needs_one_complete_language(admin_client_logged):
    response = post_new_article(
        admin_client_logged,
        title_en="Headline",
        lead_en="Lead.",
        title_cs="Titulek",
        body_cs="<p>Text.</p>",
        **PUBLISH_NOW,
    )

    assert response.status_code == 200
    assert "status" in response.context["adminform"].form.errors
    assert not Article.objects.exists()


def test_scheduling_needs_one_complete_language_too(admin_client_logged):
    later = (timezone.localtime() + datetime.timedelta(days=3)).date()

    response = post_new_article(
        admin_client_logged,
        title_en="Headline",
        status=Article.Status.PUBLISHED,
        published_at_0=later.isoformat(),
        published_at_1="09:00:00",
    )

    assert response.status_code == 200
    assert "status" in response.context["adminform"].form.errors


def test_an_empty_editor_paragraph_does_not_make_a_language_complete(
    admin_client_logged,
):
    response = post_new_article(
        admin_client_logged, **english_only(body_en="<p></p>"), **PUBLISH_NOW
    )

    assert response.status_code == 200
    assert not Article.objects.exists()


def test_one_complete_language_is_enough_to_publish(admin_client_logged):
    response = post_new_article(admin_client_logged, **english_only(), **PUBLISH_NOW)

    assert response.status_code == 302, response.context["errors"]
    assert Article.objects.get().is_published


def test_a_draft_may_be_saved_half_written(admin_client_logged):
    response = post_new_article(admin_client_logged, title_de="Nur ein Titel")

    assert response.status_code == 302, response.context["errors"]
    assert Article.objects.get().status == Article.Status.DRAFT


def test_an_existing_article_cannot_be_published_while_incomplete(
    admin_client_logged,
):
    article = factories.article(
        status=Article.Status.DRAFT, body_cs="", body_en="", body_de=""
    )
    url = reverse("admin:articles_article_change", args=[article.pk])
    page = admin_client_logged.get(url)

    response = admin_client_logged.post(
        url, form_data(page, "article_form", _save="Save", **PUBLISH_NOW)
    )

    assert response.status_code == 200
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT


# --- slugs -----------------------------------------------------------------------


def test_slugs_are_editable_per_language_with_help_text(admin_client_logged):
    form = add_page(admin_client_logged).context["adminform"].form

    for lang in ("cs", "en", "de"):
        field = form.fields[f"slug_{lang}"]
        assert not field.disabled
        assert "-2" in str(field.help_text)


def test_an_empty_slug_is_made_from_that_languages_title(admin_client_logged):
    post_new_article(
        admin_client_logged,
        **english_only(title_de="Botschafter Kasachstans in Pilsen"),
    )

    article = Article.objects.get()
    assert article.slug_en == "ambassador-of-kazakhstan-visited-the-pilsen-region"
    assert article.slug_de == "botschafter-kasachstans-in-pilsen"


def test_a_title_used_before_gets_a_numbered_slug(admin_client_logged):
    factories.article(title_en="Ambassador of Kazakhstan visited the Pilsen Region")

    response = post_new_article(admin_client_logged, **english_only())

    assert response.status_code == 302, response.context["errors"]
    newest = Article.objects.order_by("-pk").first()
    assert newest.slug_en == "ambassador-of-kazakhstan-visited-the-pilsen-region-2"


def test_a_typed_slug_that_is_taken_gets_a_number_not_an_error(admin_client_logged):
    factories.article(slug_en="kazakhstan")

    response = post_new_article(
        admin_client_logged, **english_only(slug_en="kazakhstan")
    )

    assert response.status_code == 302, response.context["errors"]
    assert Article.objects.order_by("-pk").first().slug_en == "kazakhstan-2"


def test_an_article_keeps_its_own_slug_when_saved_again(admin_client_logged):
    article = factories.article(status=Article.Status.DRAFT, slug_en="kazakhstan")
    url = reverse("admin:articles_article_change", args=[article.pk])

    admin_client_logged.post(
        url, form_data(admin_client_logged.get(url), "article_form", _save="Save")
    )

    article.refresh_from_db()
    assert article.slug_en == "kazakhstan"


# --- the article changelist --------------------------------------------------------


def test_changelist_shows_a_thumbnail_with_alt_text_and_size(admin_client_logged):
    article = factories.article(
        main_image=factories.image_file(size=(640, 480)),
        main_image_alt_en="The Ambassador and the Governor",
        main_image_alt_cs="Velvyslanec a hejtman",
    )

    response = admin_client_logged.get(reverse("admin:articles_article_changelist"))

    thumbnail = rendition_url(article.main_image, width=160)
    assert "/renditions/" in thumbnail  # a small copy, not the original
    assert f'src="{thumbnail}"' in response.text
    assert 'width="80" height="60"' in response.text
    assert 'alt="Velvyslanec a hejtman"' in response.text


def test_a_decorative_main_image_has_an_empty_alt(admin_client_logged):
    factories.article(
        main_image=factories.image_file(),
        main_image_decorative=True,
        main_image_alt_cs="Ignored",
    )

    response = admin_client_logged.get(reverse("admin:articles_article_changelist"))

    assert 'alt=""' in response.text
    assert 'alt="Ignored"' not in response.text


def test_article_changelist_filters_by_year(admin_client_logged):
    old = factories.article(
        published_at=timezone.make_aware(datetime.datetime(2023, 6, 1, 12))
    )
    factories.article()

    response = admin_client_logged.get(
        reverse("admin:articles_article_changelist"), {"year": "2023"}
    )

    assert list(response.context["cl"].result_list) == [old]


# --- "Write the article" from a visit -----------------------------------------------


@pytest.fixture
def kazakh_visit():
    """The seed article's visit: two guests, one host, three stops."""
    visit = factories.visit(
        title_en="Visit of the Ambassador of Kazakhstan",
        start_date=datetime.date(2024, 4, 4),
        purpose_en="To look for partners.\n\nAnd to meet the university.",
        purpose_cs="Hledat partnery.",
    )
    ambassador = factories.person(
        name="Bakyt Dyussenbayev",
        honorific_en="H. E.",
        honorific_cs="J. E.",
        honorific_de="S. E.",
    )
    counsellor = factories.person(name="Timur Akhmetzhanov", honorific_en="Mr.")
    governor = factories.person(name="Rudolf Špoták", country=factories.country("CZ"))
    factories.participation(
        visit=visit,
        person=ambassador,
        order=0,
        role_en="Ambassador of Kazakhstan",
        role_cs="Velvyslanec Kazachstánu",
        role_de="Botschafter Kasachstans",
    )
    factories.participation(
        visit=visit,
        person=counsellor,
        order=1,
        role_en="Commercial Counsellor",
        role_cs="obchodní rada",
        role_de="Handelsrat",
    )
    factories.participation(
        visit=visit,
        person=governor,
        side=Participation.Side.HOST,
        order=0,
        role_en="Governor of the Pilsen Region",
        role_cs="hejtman Plzeňského kraje",
        role_de="Hauptmann der Region Pilsen",
    )
    for order, name in enumerate(["University of West Bohemia", "Škoda", "Urquell"]):
        factories.stop(
            visit=visit, organisation=factories.organisation(name_en=name), order=order
        )
    return visit


@pytest.fixture
def writer():
    return factories.user(staff=True, first_name="Milan", last_name="Kozel")


def test_the_draft_headline_names_the_first_guests_role_in_each_language(
    kazakh_visit, writer
):
    article = article_create_from_visit(visit=kazakh_visit, user=writer)

    assert article.title_en == "Ambassador of Kazakhstan visited the Pilsen Region"
    assert article.title_cs == "Velvyslanec Kazachstánu navštívil Plzeňský kraj"
    assert article.title_de == "Botschafter Kasachstans besuchte die Region Pilsen"


def test_the_english_lead_says_who_came_when_whom_they_met_and_where_they_went(
    kazakh_visit, writer
):
    article = article_create_from_visit(visit=kazakh_visit, user=writer)

    assert article.lead_en == (
        "On Thursday, 4 April 2024, the Ambassador of Kazakhstan, H. E. Bakyt "
        "Dyussenbayev, and the Commercial Counsellor, Mr. Timur Akhmetzhanov, "
        "visited the Pilsen Region. The guests were received by the Governor of "
        "the Pilsen Region, Rudolf Špoták. The programme included visits to "
        "University of West Bohemia, Škoda and Urquell."
    )


def test_the_czech_lead_uses_czech_dates_and_agreement(kazakh_visit, writer):
    article = article_create_from_visit(visit=kazakh_visit, user=writer)

    assert article.lead_cs.startswith(
        "Ve čtvrtek 4. dubna 2024 navštívili Plzeňský kraj velvyslanec Kazachstánu "
        "J. E. Bakyt Dyussenbayev a obchodní rada Timur Akhmetzhanov. "
        "Hosty přijal hejtman Plzeňského kraje Rudolf Špoták."
    )


def test_the_german_lead_uses_german_dates_and_honorifics(kazakh_visit, writer):
    article = article_create_from_visit(visit=kazakh_visit, user=writer)

    assert article.lead_de.startswith(
        "Am Donnerstag, dem 4. April 2024, besuchten Botschafter Kasachstans "
        "S. E. Bakyt Dyussenbayev und Handelsrat Timur Akhmetzhanov die Region "
        "Pilsen. Gastgeber war Hauptmann der Region Pilsen Rudolf Špoták."
    )


def test_a_female_guest_gets_the_feminine_czech_verb(writer):
    visit = factories.visit()
    factories.participation(
        visit=visit, role_cs="Velvyslankyně Japonska", role_en="Ambassador"
    )

    article = article_create_from_visit(visit=visit, user=writer)

    assert article.title_cs == "Velvyslankyně Japonska navštívila Plzeňský kraj"


def test_a_visit_of_several_days_gives_the_date_range(writer):
    visit = factories.visit(
        start_date=datetime.date(2024, 4, 4), end_date=datetime.date(2024, 4, 6)
    )

    article = article_create_from_visit(visit=visit, user=writer)

    assert article.lead_en.startswith("From 4 to 6 April 2024, ")
    assert article.lead_cs.startswith("Ve dnech 4.–6. dubna 2024 ")
    assert article.lead_de.startswith("Vom 4. bis 6. April 2024 ")


def test_an_outgoing_mission_visited_the_country(writer):
    visit = factories.visit(direction=Visit.Direction.OUTGOING, country="DE")
    factories.participation(
        visit=visit,
        role_en="Governor of the Pilsen Region",
        role_cs="hejtman Plzeňského kraje",
        role_de="Hauptmann der Region Pilsen",
    )

    article = article_create_from_visit(visit=visit, user=writer)

    assert article.title_en == "Governor of the Pilsen Region visited Germany"
    assert article.title_cs == "Hejtman Plzeňského kraje navštívil zemi Německo"
    assert article.title_de == "Hauptmann der Region Pilsen besuchte Deutschland"


def test_a_visit_without_guests_is_headlined_by_its_own_title(writer):
    visit = factories.visit(title_en="Trade mission from Kazakhstan")

    article = article_create_from_visit(visit=visit, user=writer)

    assert article.title_en == "Trade mission from Kazakhstan"
    assert "a delegation from Kazakhstan visited the Pilsen Region" in (article.lead_en)


def test_the_draft_body_starts_with_the_purpose_escaped_in_paragraphs(writer):
    visit = factories.visit(purpose_en="Trade <script>x</script>\n\nResearch.")

    article = article_create_from_visit(visit=visit, user=writer)

    assert (
        article.body_en == "<p>Trade &lt;script&gt;x&lt;/script&gt;</p><p>Research.</p>"
    )
    assert article.body_de == ""


def test_the_draft_is_linked_to_the_visit_its_country_people_and_organisations(
    kazakh_visit, writer
):
    article = article_create_from_visit(visit=kazakh_visit, user=writer)

    people = {p.person for p in kazakh_visit.participations.all()}
    toured = {s.organisation for s in kazakh_visit.stops.all()}
    assert list(article.visits.all()) == [kazakh_visit]
    assert list(article.countries.all()) == [kazakh_visit.country]
    assert set(article.people.all()) == people
    assert set(article.organisations.all()) == toured


def test_the_draft_stays_a_draft_with_the_writers_byline(kazakh_visit, writer):
    article = article_create_from_visit(visit=kazakh_visit, user=writer)

    assert article.status == Article.Status.DRAFT
    assert article.published_at is None
    assert article.byline == "Milan Kozel"
    assert not Article.objects.published().exists()


def test_writing_twice_gives_two_drafts_with_distinct_slugs(kazakh_visit, writer):
    first = article_create_from_visit(visit=kazakh_visit, user=writer)
    second = article_create_from_visit(visit=kazakh_visit, user=writer)

    assert first.slug_en != second.slug_en
    assert second.slug_en.endswith("-2")


def write_url(visit):
    return reverse("admin:articles_article_from_visit", args=[visit.pk])


def test_the_button_creates_the_draft_and_opens_it(admin_client_logged, kazakh_visit):
    response = admin_client_logged.post(write_url(kazakh_visit), follow=True)

    article = Article.objects.get()
    change_url = reverse("admin:articles_article_change", args=[article.pk])
    assert response.redirect_chain == [(change_url, 302)]
    assert list(article.visits.all()) == [kazakh_visit]
    assert [str(m) for m in response.context["messages"]]


def test_the_written_draft_starts_its_history(admin_client_logged, kazakh_visit):
    admin_client_logged.post(write_url(kazakh_visit))

    versions = Version.objects.get_for_object(Article.objects.get())
    assert versions.count() == 1
    assert versions.get().revision.user.username == "admin"


def test_the_visit_change_form_shows_the_button(admin_client_logged, kazakh_visit):
    response = admin_client_logged.get(
        reverse("admin:delegations_visit_change", args=[kazakh_visit.pk])
    )

    assert f'action="{write_url(kazakh_visit)}"' in response.text
    assert 'method="post"' in response.text


def test_the_button_is_hidden_from_users_who_cannot_add_articles(client, kazakh_visit):
    officer = factories.user(staff=True)
    officer.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_visit", "change_visit"])
    )
    client.force_login(officer)

    response = client.get(
        reverse("admin:delegations_visit_change", args=[kazakh_visit.pk])
    )

    assert response.status_code == 200
    assert write_url(kazakh_visit) not in response.text


def test_writing_is_refused_without_the_add_article_permission(client, kazakh_visit):
    officer = factories.user(staff=True)
    officer.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_visit", "change_visit"])
    )
    client.force_login(officer)

    response = client.post(write_url(kazakh_visit))

    assert response.status_code == 403
    assert not Article.objects.exists()


def test_writing_is_refused_without_permission_to_see_the_visit(client, kazakh_visit):
    editor = factories.user(staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="add_article"))
    client.force_login(editor)

    response = client.post(write_url(kazakh_visit))

    assert response.status_code == 403
    assert not Article.objects.exists()


def test_writing_by_get_is_not_allowed(admin_client_logged, kazakh_visit):
    response = admin_client_logged.get(write_url(kazakh_visit))

    assert response.status_code == 405
    assert not Article.objects.exists()


def test_writing_without_the_csrf_token_is_refused(kazakh_visit):
    client = Client(enforce_csrf_checks=True)
    client.force_login(factories.user(superuser=True))

    response = client.post(write_url(kazakh_visit))

    assert response.status_code == 403
    assert not Article.objects.exists()


def test_writing_for_an_unknown_visit_is_a_404(admin_client_logged):
    response = admin_client_logged.post(
        reverse("admin:articles_article_from_visit", args=[999999])
    )

    assert response.status_code == 404
