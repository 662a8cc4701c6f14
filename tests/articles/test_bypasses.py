"""The four ways around "only a chief editor publishes" (issue 7), each closed.

Each test is the attack as an Editor or a Protocol officer made it, and
checks that it no longer changes what the public sees.
"""

import pytest
import reversion
from django.urls import reverse
from django.utils import translation
from reversion.models import Version

from articles.models import Article, PendingChange
from articles.review import pending_change_publish, pending_change_reject
from articles.workflow import Write, article_check_write, article_unpublish
from delegations.models import Visit
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
PURPOSE = "Economic cooperation."


def revision_url(model, object_pk, version):
    opts = model._meta
    return reverse(
        f"admin:{opts.app_label}_{opts.model_name}_revision",
        args=[object_pk, version.pk],
    )


def recover_url(version):
    return reverse("admin:articles_article_recover", args=[version.pk])


def saved_revision(obj, user=None):
    with reversion.create_revision():
        obj.save()
        reversion.set_user(user)
    return Version.objects.get_for_object(obj).order_by("-pk").first()


def article_and_visit_with_the_same_pk():
    article = factories.article(status=DRAFT, published_at=None)
    visit = factories.visit(pk=article.pk, visibility=Visit.Visibility.INTERNAL)
    return article, visit


def test_an_article_history_url_refuses_a_visits_version(client):
    article, visit = article_and_visit_with_the_same_pk()
    visit.visibility = Visit.Visibility.PUBLIC
    visit.purpose_en = PURPOSE
    public_version = saved_revision(visit)
    visit.visibility = Visit.Visibility.INTERNAL
    visit.internal_notes = "Keep this."
    visit.save()
    client.force_login(member(EDITOR))
    url = revision_url(Article, article.pk, public_version)

    assert client.get(url).status_code == 404
    assert client.post(url, {"_save": "Save"}).status_code == 404

    visit.refresh_from_db()
    assert visit.visibility == Visit.Visibility.INTERNAL
    assert visit.internal_notes == "Keep this."


def test_a_visit_history_url_refuses_an_articles_version(client):
    article, visit = article_and_visit_with_the_same_pk()
    article.status = PUBLISHED
    published = saved_revision(article)
    article_unpublish(article=article, user=member(CHIEF_EDITOR))
    client.force_login(member(PROTOCOL_OFFICER))
    url = revision_url(Visit, visit.pk, published)

    assert client.get(url).status_code == 404
    assert client.post(url, {"_save": "Save"}).status_code == 404

    article.refresh_from_db()
    assert article.status == DRAFT


def test_an_editor_restoring_a_published_revision_lands_in_review(client):
    chief = member(CHIEF_EDITOR)
    article = factories.article(status=DRAFT, published_at=None)
    article.status = PUBLISHED
    published = saved_revision(article, chief)
    article_unpublish(article=article, user=chief)
    client.force_login(member(EDITOR))
    url = revision_url(Article, article.pk, published)
    form = client.get(url)
    assert form.status_code == 200

    response = client.post(url, form_data(form))

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == REVIEW
    assert not Article.objects.published().exists()


def test_a_chief_editor_restoring_a_published_revision_publishes_it(client):
    chief = member(CHIEF_EDITOR)
    article = factories.article(status=DRAFT, published_at=None)
    article.status = PUBLISHED
    published = saved_revision(article, chief)
    article_unpublish(article=article, user=chief)
    client.force_login(chief)
    url = revision_url(Article, article.pk, published)

    client.post(url, form_data(client.get(url)))

    article.refresh_from_db()
    assert article.status == PUBLISHED


def deleted_published_article():
    article = factories.article(title_en="Deleted")
    with reversion.create_revision():
        article.save()
    version = Version.objects.get_for_object(article).get()
    article.delete()
    return version


def test_an_editor_cannot_recover_a_deleted_article(client):
    version = deleted_published_article()
    client.force_login(member(EDITOR))

    assert client.get(recover_url(version)).status_code == 403
    assert client.post(recover_url(version), {"_save": "Save"}).status_code == 403
    assert not Article.objects.exists()


def test_recovering_refuses_a_version_of_another_model(client):
    visit = factories.visit()
    with reversion.create_revision():
        visit.save()
    version = Version.objects.get_for_object(visit).get()
    visit.delete()
    client.force_login(member(CHIEF_EDITOR))

    assert client.get(recover_url(version)).status_code == 404
    assert not Visit.objects.exists()


def test_a_chief_editor_recovers_a_deleted_article(client):
    version = deleted_published_article()
    client.force_login(member(CHIEF_EDITOR))
    form = client.get(recover_url(version))

    response = client.post(recover_url(version), form_data(form))

    assert response.status_code == 302
    assert Article.objects.get().title_en == "Deleted"


def test_an_editors_change_to_a_live_article_keeps_the_live_text(client):
    article = factories.article(title_en="Live title")
    client.force_login(member(EDITOR))
    form = client.get(change_url(article))

    response = client.post(change_url(article), form_data(form, title_en="Changed"))

    assert response.status_code == 302
    assert Article.objects.published().get().title_en == "Live title"
    pending = PendingChange.objects.get()
    assert pending.fields["title_en"] == "Changed"


def test_an_editors_restore_of_a_live_article_is_held_too(client):
    article = factories.article(title_en="First")
    old = saved_revision(article)
    article.title_en = "Second"
    article.save()
    client.force_login(member(EDITOR))
    url = revision_url(Article, article.pk, old)

    client.post(url, form_data(client.get(url)))

    article.refresh_from_db()
    assert article.title_en == "Second"
    assert PendingChange.objects.get().fields["title_en"] == "First"


def test_a_chief_editor_edits_a_live_article_directly(client):
    article = factories.article(title_en="Live title")
    client.force_login(member(CHIEF_EDITOR))
    form = client.get(change_url(article))

    client.post(change_url(article), form_data(form, title_en="Changed"))

    assert Article.objects.published().get().title_en == "Changed"
    assert not PendingChange.objects.exists()


def hold(article, editor, **changes):
    from articles.review import article_hold_change, snapshot

    for name, value in changes.items():
        setattr(article, name, value)
    fields = snapshot(article, {"topics": article.topics.all()})
    article.refresh_from_db()
    return article_hold_change(
        article=article, user=editor, fields=fields, base_version=article.version
    )


def test_a_chief_editor_sees_the_diff_and_publishes_the_change(client):
    article = factories.article(title_en="Live title")
    pending = hold(article, member(EDITOR), title_en="Reviewed title")
    client.force_login(member(CHIEF_EDITOR))
    url = reverse("admin:articles_article_pending", args=[article.pk, pending.pk])

    page = client.get(url)
    assert "Live title" in page.text and "Reviewed title" in page.text
    response = client.post(url, {"_publish": "1"})

    assert response.status_code == 302
    assert Article.objects.published().get().title_en == "Reviewed title"
    assert not PendingChange.objects.exists()


def test_a_chief_editor_rejects_a_change(client):
    article = factories.article(title_en="Live title")
    pending = hold(article, member(EDITOR), title_en="Rejected title")
    client.force_login(member(CHIEF_EDITOR))
    url = reverse("admin:articles_article_pending", args=[article.pk, pending.pk])

    client.post(url, {"_reject": "1"})

    assert Article.objects.get().title_en == "Live title"
    assert not PendingChange.objects.exists()


def test_an_editor_may_not_publish_a_held_change(client):
    article = factories.article(title_en="Live title")
    editor = member(EDITOR)
    pending = hold(article, editor, title_en="Self-approved")
    client.force_login(editor)
    url = reverse("admin:articles_article_pending", args=[article.pk, pending.pk])

    assert client.post(url, {"_publish": "1"}).status_code == 403
    assert Article.objects.get().title_en == "Live title"


def test_a_held_change_over_a_stale_version_is_refused():
    article = factories.article(title_en="Live title")
    chief = member(CHIEF_EDITOR)
    pending = hold(article, member(EDITOR), title_en="Old base")
    article.title_en = "Saved since"
    article.save()

    with translation.override("en"), pytest.raises(Exception, match="changed after"):
        pending_change_publish(pending=pending, user=chief)
    assert Article.objects.get().title_en == "Saved since"
    pending_change_reject(pending=pending, user=chief)


@pytest.mark.parametrize("live_status", [None, DRAFT, REVIEW])
def test_the_rule_caps_a_published_state_for_an_editor(live_status):
    live = None if live_status is None else factories.article(status=live_status)
    restored = Article(status=PUBLISHED)

    decision = article_check_write(user=member(EDITOR), live=live, article=restored)

    assert (decision, restored.status) == (Write.SAVE, REVIEW)
