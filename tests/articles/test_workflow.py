import datetime
from unittest import mock

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone, translation
from reversion.models import Version

from articles.models import Article
from articles.workflow import (
    TransitionNotAllowed,
    article_publish,
    article_submit_for_review,
    article_unpublish,
    may_set_status,
)
from tests import factories
from tests.editorial import (
    CHIEF_EDITOR,
    EDITOR,
    PROTOCOL_OFFICER,
    change_url,
    form_data,
    member,
)

pytestmark = pytest.mark.django_db

DRAFT, REVIEW, PUBLISHED = Article.Status


@pytest.fixture
def chief():
    return member(CHIEF_EDITOR)


@pytest.fixture
def editor():
    return member(EDITOR)


def in_an_hour():
    return timezone.now() + datetime.timedelta(hours=1)


def changelist_action(client, action, *articles):
    return client.post(
        reverse("admin:articles_article_changelist"),
        {"action": action, "_selected_action": [a.pk for a in articles]},
        HTTP_ACCEPT_LANGUAGE="en",
        follow=True,
    )


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


# The workflow functions.


def test_submit_for_review_moves_a_draft_to_review(editor):
    article = factories.article(status=DRAFT)

    article_submit_for_review(article=article, user=editor)

    article.refresh_from_db()
    assert article.status == REVIEW


def test_submit_for_review_refuses_a_published_article(editor):
    article = factories.article()

    with pytest.raises(TransitionNotAllowed):
        article_submit_for_review(article=article, user=editor)


def test_submit_for_review_needs_the_change_permission():
    article = factories.article(status=DRAFT)

    with pytest.raises(PermissionDenied):
        article_submit_for_review(article=article, user=factories.user(staff=True))


def test_publish_without_a_time_publishes_now(chief):
    article = factories.article(status=REVIEW, published_at=None)

    article_publish(article=article, user=chief)

    assert Article.objects.published().filter(pk=article.pk).exists()


def test_publish_with_a_future_time_schedules(chief):
    article = factories.article(status=REVIEW)
    later = in_an_hour()

    article_publish(article=article, user=chief, published_at=later)

    assert not Article.objects.published().filter(pk=article.pk).exists()
    assert Article.objects.scheduled().get() == article


def test_scheduled_article_appears_at_its_time_without_any_job(chief):
    later = in_an_hour()
    article = factories.article(status=REVIEW, published_at=later)
    article_publish(article=article, user=chief)

    with mock.patch(
        "django.utils.timezone.now", return_value=later + datetime.timedelta(seconds=1)
    ):
        assert Article.objects.published().get() == article


def test_publish_refuses_an_article_without_a_complete_language(chief):
    article = factories.article(
        status=DRAFT, lead_cs="", lead_en="", lead_de="", body_cs="", body_en=""
    )

    with (
        translation.override("en"),
        pytest.raises(TransitionNotAllowed, match="complete language"),
    ):
        article_publish(article=article, user=chief)
    article.refresh_from_db()
    assert article.status == DRAFT


def test_publish_accepts_one_complete_language(chief):
    article = factories.article(
        status=DRAFT, title_cs="", lead_cs="", body_cs="", title_de="", lead_de=""
    )

    article_publish(article=article, user=chief)

    article.refresh_from_db()
    assert article.status == PUBLISHED


def test_publish_refuses_an_already_published_article(chief):
    with pytest.raises(TransitionNotAllowed):
        article_publish(article=factories.article(), user=chief)


def test_publish_needs_the_publish_permission(editor):
    article = factories.article(status=REVIEW)

    with pytest.raises(PermissionDenied):
        article_publish(article=article, user=editor)
    article.refresh_from_db()
    assert article.status == REVIEW


def test_unpublish_takes_the_article_back_to_draft_keeping_its_time(chief):
    article = factories.article()
    published_at = article.published_at

    article_unpublish(article=article, user=chief)

    article.refresh_from_db()
    assert (article.status, article.published_at) == (DRAFT, published_at)
    assert not Article.objects.published().exists()


def test_unpublish_also_cancels_a_schedule(chief):
    article = factories.article(published_at=in_an_hour())

    article_unpublish(article=article, user=chief)

    assert not Article.objects.scheduled().exists()


def test_unpublish_needs_the_publish_permission(editor):
    article = factories.article()

    with pytest.raises(PermissionDenied):
        article_unpublish(article=article, user=editor)


def test_unpublish_refuses_a_draft(chief):
    with pytest.raises(TransitionNotAllowed):
        article_unpublish(article=factories.article(status=DRAFT), user=chief)


def test_a_transition_keeps_text_saved_meanwhile(chief):
    article = factories.article(status=REVIEW)
    Article.objects.filter(pk=article.pk).update(title_en="Corrected meanwhile")

    article_publish(article=article, user=chief)

    article.refresh_from_db()
    assert (article.title_en, article.status) == ("Corrected meanwhile", PUBLISHED)


def test_a_transition_raises_the_version(chief):
    article = factories.article(status=REVIEW)
    version = article.version

    article_publish(article=article, user=chief)

    article.refresh_from_db()
    assert article.version == version + 1


def test_a_transition_is_kept_as_a_revision_with_user_and_comment(chief):
    article = factories.article(status=REVIEW)

    with translation.override("en"):
        article_publish(article=article, user=chief)

    revision = Version.objects.get_for_object(article).get().revision
    assert (revision.user, revision.comment) == (chief, "Published")


@pytest.mark.parametrize(
    ("old", "new", "publisher_only"),
    [
        (DRAFT, REVIEW, False),
        (REVIEW, DRAFT, False),
        (REVIEW, PUBLISHED, True),
        (DRAFT, PUBLISHED, True),
        (PUBLISHED, DRAFT, True),
        (None, PUBLISHED, True),
    ],
)
def test_only_publishers_may_move_an_article_into_or_out_of_published(
    editor, chief, old, new, publisher_only
):
    assert may_set_status(user=chief, old=old, new=new)
    assert may_set_status(user=editor, old=old, new=new) is not publisher_only


# The admin form.


def test_editor_fixing_a_typo_in_a_published_article_waits_for_review(client, editor):
    article = factories.article(title_en="Typpo")
    client.force_login(editor)
    form = client.get(change_url(article))

    response = client.post(change_url(article), form_data(form, title_en="Typo"))

    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.title_en, article.status) == ("Typpo", PUBLISHED)
    assert article.pending_changes.get().fields["title_en"] == "Typo"


def test_editor_cannot_move_a_published_articles_time(client, editor):
    article = factories.article()
    client.force_login(editor)

    response = client.get(change_url(article))

    form = response.context["adminform"].form
    assert "status" not in form.fields
    assert "published_at" not in form.fields


def test_chief_editor_can_schedule_through_the_form(client, chief):
    article = factories.article(status=REVIEW, published_at=None)
    client.force_login(chief)
    form = client.get(change_url(article))
    later = timezone.localtime(in_an_hour())

    response = client.post(
        change_url(article),
        form_data(
            form,
            status=PUBLISHED,
            published_at_0=later.strftime("%Y-%m-%d"),
            published_at_1=later.strftime("%H:%M:%S"),
        ),
    )

    assert response.status_code == 302, response.context["errors"]
    assert Article.objects.scheduled().get() == article


# Bulk actions.


def test_publish_action_publishes_the_selection_and_reports_the_skipped(client, chief):
    ready = factories.article(status=REVIEW, title_en="Ready")
    live = factories.article(title_en="Already live")
    client.force_login(chief)

    response = changelist_action(client, "publish", ready, live)

    ready.refresh_from_db()
    assert ready.status == PUBLISHED
    messages = messages_of(response)
    assert "Published 1 article." in messages
    skipped = next(m for m in messages if m.startswith("Skipped 1 article"))
    assert "Already live" in skipped
    assert "already published" in skipped


def test_publish_action_skips_an_article_without_a_complete_language(client, chief):
    unfinished = factories.article(
        status=DRAFT, lead_cs="", lead_en="", lead_de="", title_en="Half written"
    )
    client.force_login(chief)

    response = changelist_action(client, "publish", unfinished)

    unfinished.refresh_from_db()
    assert unfinished.status == DRAFT
    assert any("complete language" in m for m in messages_of(response))


def test_publish_action_says_which_are_scheduled(client, chief):
    article = factories.article(status=REVIEW, published_at=in_an_hour())
    client.force_login(chief)

    response = changelist_action(client, "publish", article)

    assert any("scheduled" in m for m in messages_of(response))
    assert Article.objects.scheduled().get() == article


def test_unpublish_action_reports_how_many_changed(client, chief):
    articles = [factories.article(), factories.article()]
    client.force_login(chief)

    response = changelist_action(client, "unpublish", *articles)

    assert not Article.objects.filter(status=PUBLISHED).exists()
    assert "Unpublished 2 articles (now drafts)." in messages_of(response)


def test_submit_for_review_action(client, editor):
    draft = factories.article(status=DRAFT)
    client.force_login(editor)

    response = changelist_action(client, "submit_for_review", draft)

    draft.refresh_from_db()
    assert draft.status == REVIEW
    assert "Submitted 1 article for review." in messages_of(response)


def test_editor_posting_the_publish_action_publishes_nothing(client, editor):
    article = factories.article(status=REVIEW)
    client.force_login(editor)

    changelist_action(client, "publish", article)

    article.refresh_from_db()
    assert article.status == REVIEW


# The scheduled overview.


def test_changelist_filters_scheduled_articles(admin_client_logged):
    scheduled = factories.article(published_at=in_an_hour())
    factories.article()
    factories.article(status=DRAFT)

    response = admin_client_logged.get(
        reverse("admin:articles_article_changelist"), {"publication": "scheduled"}
    )

    assert list(response.context["cl"].result_list) == [scheduled]


def test_changelist_filters_live_articles(admin_client_logged):
    factories.article(published_at=in_an_hour())
    live = factories.article()

    response = admin_client_logged.get(
        reverse("admin:articles_article_changelist"), {"publication": "live"}
    )

    assert list(response.context["cl"].result_list) == [live]


def test_changelist_links_to_the_scheduled_overview(client, editor):
    client.force_login(editor)

    response = client.get(reverse("admin:articles_article_changelist"))

    assert reverse("admin:articles_article_scheduled") in response.text


def test_scheduled_overview_lists_scheduled_and_in_review_articles(client, editor):
    scheduled = factories.article(published_at=in_an_hour(), title_cs="Naplánováno")
    review = factories.article(status=REVIEW, title_cs="Ke schválení")
    factories.article(status=DRAFT, title_cs="Koncept")
    factories.article(title_cs="Už venku")
    client.force_login(editor)

    response = client.get(reverse("admin:articles_article_scheduled"))

    assert list(response.context["scheduled"]) == [scheduled]
    assert list(response.context["in_review"]) == [review]
    assert "Koncept" not in response.text
    assert "Už venku" not in response.text


def test_scheduled_overview_orders_by_publication_time(client, editor):
    later = factories.article(published_at=in_an_hour() + datetime.timedelta(days=1))
    sooner = factories.article(published_at=in_an_hour())
    client.force_login(editor)

    response = client.get(reverse("admin:articles_article_scheduled"))

    assert list(response.context["scheduled"]) == [sooner, later]


def test_scheduled_overview_shows_times_in_prague(client, editor):
    # 10:00 UTC in January is 11:00 in Prague.
    when = datetime.datetime(2099, 1, 15, 10, 0, tzinfo=datetime.UTC)
    factories.article(published_at=when)
    client.force_login(editor)

    response = client.get(
        reverse("admin:articles_article_scheduled"), HTTP_ACCEPT_LANGUAGE="en"
    )

    assert "Europe/Prague" in response.text
    assert "11:00" in response.text
    assert "10:00" not in response.text


def test_scheduled_overview_is_open_to_a_protocol_officer_who_views_articles(client):
    client.force_login(member(PROTOCOL_OFFICER))

    response = client.get(reverse("admin:articles_article_scheduled"))

    assert response.status_code == 200


def test_scheduled_overview_refuses_staff_without_article_permissions(client):
    client.force_login(factories.user(staff=True))

    response = client.get(reverse("admin:articles_article_scheduled"))

    assert response.status_code == 403


def test_scheduled_overview_sends_the_public_to_the_login(client):
    response = client.get(reverse("admin:articles_article_scheduled"))

    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]
