"""Which languages are complete, which are flagged as possibly outdated, and how
the admin shows, filters and confirms them (articles and visits)."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from articles.models import Article
from regionnews.core.translation_status import (
    COMPLETE,
    MISSING,
    OUTDATED,
    PARTIAL,
    complete_languages,
    language_states,
    mapping_reader,
    plain_text,
    updated_translation_status,
)
from tests import factories
from tests.html_forms import form_data

REQUIRED = ("title", "lead", "body")


def status_after(values, fingerprints=None, outdated=()):
    """updated_translation_status() for texts given as {"title_en": ...}."""
    return updated_translation_status(
        mapping_reader(values),
        required=REQUIRED,
        text_fields=REQUIRED,
        fingerprints=fingerprints or {},
        outdated=list(outdated),
    )


def texts(**languages):
    """{"title_cs": "T cs", "lead_cs": ..., "body_cs": ...} for the languages given,
    each with a version word so that changed text has a new fingerprint."""
    values = {}
    for lang, version in languages.items():
        for field in REQUIRED:
            values[f"{field}_{lang}"] = f"{field} {lang} {version}"
    return values


def changelist(client, model, **params):
    app = "articles" if model == "article" else "delegations"
    return client.get(
        reverse(f"admin:{app}_{model}_changelist"),
        params,
        headers={"accept-language": "en"},
    )


def listed(response):
    return list(response.context["cl"].result_list)


# --- pure functions --------------------------------------------------------------


def test_plain_text_ignores_markup_and_an_empty_paragraph():
    assert plain_text("<p></p>") == ""
    assert plain_text("<p>A&nbsp;<strong>b</strong>\n c</p>") == "A b c"


def test_a_language_with_title_lead_and_body_is_complete():
    fingerprints, outdated = status_after(texts(en="v1"))

    assert set(fingerprints) == {"en"}
    assert outdated == []


@pytest.mark.django_db
def test_complete_languages_lists_only_languages_with_all_required_fields():
    article = factories.article(
        status=Article.Status.DRAFT, lead_cs="", body_de="<p></p>"
    )

    assert complete_languages(article) == ["en"]


@pytest.mark.django_db
def test_language_states_tell_complete_partial_and_missing_apart():
    article = factories.article(
        status=Article.Status.DRAFT,
        lead_cs="",
        title_de="",
        lead_de="",
        body_de="",
    )

    assert language_states(article) == {"cs": PARTIAL, "en": COMPLETE, "de": MISSING}


def test_changing_one_language_flags_the_other_complete_ones():
    before, _ = status_after(texts(cs="v1", en="v1", de="v1"))

    _, outdated = status_after(texts(cs="v2", en="v1", de="v1"), before)

    assert outdated == ["en", "de"]


def test_adding_a_translation_flags_nothing():
    before, _ = status_after(texts(cs="v1"))

    _, outdated = status_after(texts(cs="v1", en="v1"), before)

    assert outdated == []


def test_finishing_a_partial_translation_flags_nothing():
    partial = texts(cs="v1") | {"title_de": "Titel"}
    before, _ = status_after(partial)

    _, outdated = status_after(texts(cs="v1", de="v1"), before)

    assert outdated == []


def test_an_incomplete_language_is_not_flagged():
    before, _ = status_after(texts(cs="v1") | {"title_en": "Only a title"})

    _, outdated = status_after(texts(cs="v2") | {"title_en": "Only a title"}, before)

    assert outdated == []


def test_editing_the_flagged_language_clears_its_flag():
    before, _ = status_after(texts(cs="v1", en="v1"))
    after_cs, outdated = status_after(texts(cs="v2", en="v1"), before)
    assert outdated == ["en"]

    _, outdated = status_after(texts(cs="v2", en="v2"), after_cs, outdated)

    assert outdated == []


def test_a_flag_stays_while_nothing_changes():
    before, _ = status_after(texts(cs="v1", en="v1"))
    after, outdated = status_after(texts(cs="v2", en="v1"), before)

    _, outdated = status_after(texts(cs="v2", en="v1"), after, outdated)

    assert outdated == ["en"]


def test_emptying_and_rewriting_a_language_still_counts_as_a_change():
    before, _ = status_after(texts(cs="v1", en="v1"))
    emptied = texts(en="v1") | {"title_cs": "title cs v1"}
    middle, outdated = status_after(emptied, before)
    assert outdated == []

    _, outdated = status_after(texts(cs="v2", en="v1"), middle, outdated)

    assert outdated == ["en"]


def test_reformatting_the_html_is_not_a_change():
    html = {"body_cs": "<p>body cs v1</p>"}
    before, _ = status_after(texts(cs="v1", en="v1") | html)

    _, outdated = status_after(
        texts(cs="v1", en="v1") | {"body_cs": "<p>body  cs\nv1</p>"}, before
    )

    assert outdated == []


# --- saving models ------------------------------------------------------------------


@pytest.mark.django_db
def test_saving_an_article_stores_a_fingerprint_per_complete_language():
    article = factories.article(body_de="")

    assert set(article.translation_fingerprints) == {"cs", "en"}


@pytest.mark.django_db
def test_editing_the_czech_text_of_an_article_flags_english_and_german():
    article = factories.article()

    article.body_cs = "<p>Nový text.</p>"
    article.save()

    article.refresh_from_db()
    assert article.outdated_languages == ["en", "de"]
    assert language_states(article)["en"] == OUTDATED


@pytest.mark.django_db
def test_a_save_of_other_fields_keeps_the_flags():
    article = factories.article()
    article.body_cs = "<p>Nový text.</p>"
    article.save()

    article.status = Article.Status.DRAFT
    article.save(update_fields=["status"])

    article.refresh_from_db()
    assert article.outdated_languages == ["en", "de"]


@pytest.mark.django_db
def test_a_save_limited_to_a_text_field_updates_the_flags():
    article = factories.article()

    article.title_en = "A new English title"
    article.save(update_fields=["title_en"])

    article.refresh_from_db()
    assert article.outdated_languages == ["cs", "de"]


@pytest.mark.django_db
def test_a_visit_is_complete_with_title_and_purpose():
    visit = factories.visit(purpose_en="Trade.", title_de="Besuch")

    assert complete_languages(visit) == ["en"]


@pytest.mark.django_db
def test_editing_the_purpose_of_a_visit_flags_its_other_translations():
    visit = factories.visit(
        purpose_cs="Obchod.", purpose_en="Trade.", purpose_de="Handel."
    )

    visit.purpose_en = "Trade and research."
    visit.save()

    visit.refresh_from_db()
    assert visit.outdated_languages == ["cs", "de"]


# --- admin ----------------------------------------------------------------------------


@pytest.fixture
def outdated_article():
    """Complete in all three languages, then the Czech text was changed."""
    article = factories.article(status=Article.Status.DRAFT)
    article.lead_cs = "Nový perex."
    article.save()
    return article


@pytest.mark.django_db
def test_article_changelist_shows_each_languages_state_in_words(
    admin_client_logged, outdated_article
):
    factories.article(title_de="", lead_de="", body_de="")

    response = changelist(admin_client_logged, "article")

    assert "English: possibly outdated" in response.text
    assert "German: missing" in response.text
    assert "Czech: complete" in response.text


@pytest.mark.django_db
def test_visit_changelist_shows_translation_states(admin_client_logged):
    factories.visit(purpose_en="Trade.")

    response = changelist(admin_client_logged, "visit")

    assert "English: complete" in response.text
    assert "Czech: partial" in response.text


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["cs", "en", "de"])
def test_article_filter_lists_articles_missing_a_language(admin_client_logged, lang):
    missing = factories.article(**{f"body_{lang}": ""})
    factories.article()

    response = changelist(admin_client_logged, "article", translation=f"missing-{lang}")

    assert listed(response) == [missing]


@pytest.mark.django_db
def test_article_filter_counts_a_title_only_language_as_missing(admin_client_logged):
    untitled = factories.article(title_en="", lead_en="", body_en="")
    title_only = factories.article(lead_en="", body_en="")
    factories.article()

    response = changelist(admin_client_logged, "article", translation="missing-en")

    assert set(listed(response)) == {untitled, title_only}


@pytest.mark.django_db
def test_article_filter_lists_possibly_outdated_articles(
    admin_client_logged, outdated_article
):
    factories.article()

    response = changelist(admin_client_logged, "article", translation="outdated")

    assert listed(response) == [outdated_article]


@pytest.mark.django_db
def test_visit_filter_lists_visits_missing_a_language(admin_client_logged):
    without_english = factories.visit(purpose_cs="Obchod.")
    factories.visit(purpose_cs="Obchod.", purpose_en="Trade.")

    response = changelist(admin_client_logged, "visit", translation="missing-en")

    assert listed(response) == [without_english]


@pytest.mark.django_db
def test_an_unknown_translation_filter_value_is_reported_not_ignored(
    admin_client_logged,
):
    factories.article()

    response = changelist(admin_client_logged, "article", translation="missing-xx")

    assert response.status_code == 302
    assert "e=1" in response.url


@pytest.mark.django_db
def test_change_form_shows_the_translation_status_and_a_box_per_flagged_language(
    admin_client_logged, outdated_article
):

    response = admin_client_logged.get(
        reverse("admin:articles_article_change", args=[outdated_article.pk]),
        headers={"accept-language": "en"},
    )

    form = response.context["adminform"].form
    assert "English: possibly outdated" in response.text
    assert "I checked the English translation" in response.text
    assert 'name="confirm_en"' in response.text
    assert 'name="confirm_cs"' not in response.text
    assert "confirm_en" in form.fields


@pytest.mark.django_db
def test_ticking_the_box_confirms_that_translation_only(
    admin_client_logged, outdated_article
):
    url = reverse("admin:articles_article_change", args=[outdated_article.pk])
    page = admin_client_logged.get(url)

    response = admin_client_logged.post(
        url, form_data(page, "article_form", confirm_en="on", _save="Save")
    )

    assert response.status_code == 302, response.context["errors"]
    outdated_article.refresh_from_db()
    assert outdated_article.outdated_languages == ["de"]


@pytest.mark.django_db
def test_editing_the_flagged_translation_in_the_admin_clears_its_flag(
    admin_client_logged, outdated_article
):
    url = reverse("admin:articles_article_change", args=[outdated_article.pk])
    page = admin_client_logged.get(url)

    admin_client_logged.post(
        url, form_data(page, "article_form", lead_de="Neuer Vorspann.", _save="Save")
    )

    outdated_article.refresh_from_db()
    assert outdated_article.outdated_languages == ["en"]


@pytest.mark.django_db
def test_editing_one_language_in_the_admin_flags_the_others(admin_client_logged):
    article = factories.article(status=Article.Status.DRAFT)
    url = reverse("admin:articles_article_change", args=[article.pk])
    page = admin_client_logged.get(url)

    admin_client_logged.post(
        url,
        form_data(page, "article_form", body_en="<p>Rewritten.</p>", _save="Save"),
    )

    article.refresh_from_db()
    assert article.outdated_languages == ["cs", "de"]


@pytest.mark.django_db
def test_saving_the_form_unchanged_flags_nothing(admin_client_logged):
    article = factories.article(status=Article.Status.DRAFT)
    url = reverse("admin:articles_article_change", args=[article.pk])
    page = admin_client_logged.get(url)

    response = admin_client_logged.post(url, form_data(page, "article_form"))

    assert response.status_code == 302, response.context["errors"]
    article.refresh_from_db()
    assert article.outdated_languages == []


@pytest.mark.django_db
def test_confirm_action_clears_the_flags_of_the_selected_articles(
    admin_client_logged, outdated_article
):
    other = factories.article(status=Article.Status.DRAFT)
    other.lead_en = "New lead."
    other.save()

    admin_client_logged.post(
        reverse("admin:articles_article_changelist"),
        {"action": "confirm_translations", "_selected_action": [outdated_article.pk]},
    )

    outdated_article.refresh_from_db()
    other.refresh_from_db()
    assert outdated_article.outdated_languages == []
    assert other.outdated_languages == ["cs", "de"]


@pytest.mark.django_db
def test_confirm_action_is_offered_for_visits(admin_client_logged):
    visit = factories.visit(purpose_cs="Obchod.", purpose_en="Trade.")
    visit.purpose_cs = "Obchod a věda."
    visit.save()

    admin_client_logged.post(
        reverse("admin:delegations_visit_changelist"),
        {"action": "confirm_translations", "_selected_action": [visit.pk]},
    )

    visit.refresh_from_db()
    assert visit.outdated_languages == []


@pytest.mark.django_db
def test_confirm_action_is_not_offered_without_change_permission(client):
    viewer = factories.user(staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_visit"))
    client.force_login(viewer)
    factories.visit()

    response = changelist(client, "visit")

    action_form = response.context["action_form"]
    actions = dict(action_form.fields["action"].choices) if action_form else {}
    assert "confirm_translations" not in actions


@pytest.mark.django_db
def test_confirm_action_is_offered_with_change_permission(client):
    editor = factories.user(staff=True)
    editor.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_visit", "change_visit"])
    )
    client.force_login(editor)
    factories.visit()

    response = changelist(client, "visit")

    actions = dict(response.context["action_form"].fields["action"].choices)
    assert "confirm_translations" in actions


@pytest.mark.django_db
def test_visit_change_form_lets_the_officer_confirm_a_flagged_translation(
    admin_client_logged,
):
    visit = factories.visit(purpose_cs="Obchod.", purpose_en="Trade.")
    visit.purpose_cs = "Obchod a věda."
    visit.save()
    url = reverse("admin:delegations_visit_change", args=[visit.pk])
    page = admin_client_logged.get(url)

    response = admin_client_logged.post(
        url, form_data(page, "visit_form", confirm_en="on", _save="Save")
    )

    assert response.status_code == 302, response.context["errors"]
    visit.refresh_from_db()
    assert visit.outdated_languages == []
