"""History: every admin save is a revision, which can be compared and restored."""

import pytest
import reversion
from django.urls import reverse
from reversion.models import Version

from articles.models import Article, GalleryImage
from delegations.models import Participation, Stop, Visit
from tests import factories
from tests.editorial import EDITOR, PROTOCOL_OFFICER, change_url, form_data, member

pytestmark = pytest.mark.django_db

OLD_TITLE = "Old: Kazakh ambassador at the regional office"
NEW_TITLE = "New: Bavarian trade mission in Pilsen"
PURPOSE = "Economic cooperation."  # a public visit needs one complete language
# A first save must change something to be a version (see core/admin/changes.py).
FIRST_BYLINE = "Press office"
FIRST_OUTCOME = "A memorandum was signed."


def save_in_admin(client, obj, **changes):
    """Open *obj*'s change form and save it with *changes*, as a browser would."""
    form = client.get(change_url(obj))
    response = client.post(change_url(obj), form_data(form, **changes))
    assert response.status_code == 302, response.context["errors"]
    return response


def versions_of(obj):
    return Version.objects.get_for_object(obj).order_by("pk")


def history_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[obj.pk])


def compare_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_compare", args=[obj.pk])


def revision_url(version):
    obj = version.object
    opts = obj._meta
    return reverse(
        f"admin:{opts.app_label}_{opts.model_name}_revision",
        args=[obj.pk, version.pk],
    )


def revert_to(client, version):
    """Open an old version's form in the history and save it."""
    form = client.get(revision_url(version))
    assert form.status_code == 200
    return client.post(revision_url(version), form_data(form))


@pytest.fixture
def article_with_two_versions(admin_client_logged):
    article = factories.article(title_en=OLD_TITLE)
    save_in_admin(admin_client_logged, article, byline=FIRST_BYLINE)
    save_in_admin(admin_client_logged, article, title_en=NEW_TITLE)
    return article


def test_the_models_are_under_version_control():
    for model in (Article, GalleryImage, Visit, Participation, Stop):
        assert reversion.is_registered(model), model


def test_an_admin_save_creates_a_revision_with_its_user(client):
    editor = member(EDITOR)
    client.force_login(editor)
    article = factories.article(status=Article.Status.DRAFT)

    save_in_admin(client, article, title_en=NEW_TITLE)

    version = versions_of(article).get()
    assert version.revision.user == editor
    assert version.field_dict["title_en"] == NEW_TITLE


def test_a_revision_keeps_every_language(admin_client_logged):
    article = factories.article(title_de="Botschafter besuchte Pilsen")

    save_in_admin(admin_client_logged, article, title_en=NEW_TITLE)

    fields = versions_of(article).get().field_dict
    assert fields["title_de"] == "Botschafter besuchte Pilsen"
    assert fields["title_en"] == NEW_TITLE


def test_an_article_revision_includes_its_gallery(admin_client_logged):
    article = factories.article()
    image = GalleryImage.objects.create(
        article=article, image=factories.image_file(), decorative=True
    )

    save_in_admin(admin_client_logged, article, byline=FIRST_BYLINE)

    revision = versions_of(article).get().revision
    assert revision.version_set.get_for_object(image).exists()


def test_a_visit_revision_includes_its_participants_and_stops(admin_client_logged):
    visit = factories.full_visit(guests=1, hosts=1, stops=1, purpose_en=PURPOSE)

    save_in_admin(admin_client_logged, visit, outcome_en=FIRST_OUTCOME)

    revision = versions_of(visit).get().revision
    saved = {version.content_type.model for version in revision.version_set.all()}
    assert {"visit", "participation", "stop"} <= saved


def test_history_lists_revisions_with_user_and_date(client):
    editor = member(EDITOR, first_name="Milan", last_name="Kozel")
    client.force_login(editor)
    article = factories.article(status=Article.Status.DRAFT)
    save_in_admin(client, article, title_en=NEW_TITLE)

    response = client.get(history_url(article))

    assert response.status_code == 200
    assert "Milan Kozel" in response.text
    version = versions_of(article).get()
    assert revision_url(version) in response.text


def test_history_offers_to_compare_two_versions(
    admin_client_logged, article_with_two_versions
):
    response = admin_client_logged.get(history_url(article_with_two_versions))

    assert compare_url(article_with_two_versions) in response.text
    assert response.text.count('name="version_id1"') == 2


def test_compare_view_shows_the_old_and_the_new_title(
    admin_client_logged, article_with_two_versions
):
    old, new = versions_of(article_with_two_versions)

    response = admin_client_logged.get(
        compare_url(article_with_two_versions),
        {"version_id1": old.pk, "version_id2": new.pk},
    )

    assert response.status_code == 200
    assert f"<del>{OLD_TITLE}</del>" in response.text
    assert f"<ins>{NEW_TITLE}</ins>" in response.text


def test_compare_view_needs_a_permission_on_the_model(
    client, article_with_two_versions
):
    client.force_login(factories.user(staff=True))
    old, new = versions_of(article_with_two_versions)

    response = client.get(
        compare_url(article_with_two_versions),
        {"version_id1": old.pk, "version_id2": new.pk},
    )

    assert response.status_code == 403


def test_reverting_restores_the_old_title(
    admin_client_logged, article_with_two_versions
):
    old, _new = versions_of(article_with_two_versions)

    response = revert_to(admin_client_logged, old)

    assert response.status_code == 302
    article_with_two_versions.refresh_from_db()
    assert article_with_two_versions.title_en == OLD_TITLE


def test_reverting_is_itself_a_revision(admin_client_logged, article_with_two_versions):
    old, _new = versions_of(article_with_two_versions)

    revert_to(admin_client_logged, old)

    assert versions_of(article_with_two_versions).count() == 3


def test_reverting_raises_the_version_instead_of_restoring_the_old_number(
    admin_client_logged, article_with_two_versions
):
    before = Article.objects.get(pk=article_with_two_versions.pk).version
    old, _new = versions_of(article_with_two_versions)

    revert_to(admin_client_logged, old)

    article_with_two_versions.refresh_from_db()
    assert article_with_two_versions.version == before + 1


def test_reverting_a_visit_restores_its_title_and_participants(admin_client_logged):
    visit = factories.visit(title_en=OLD_TITLE, purpose_en=PURPOSE)
    ambassador = factories.participation(visit=visit).person
    save_in_admin(admin_client_logged, visit, outcome_en=FIRST_OUTCOME)
    form = admin_client_logged.get(change_url(visit))
    minister = factories.person(name="Minister Meanwhile")
    admin_client_logged.post(
        change_url(visit),
        form_data(
            form,
            title_en=NEW_TITLE,
            **{
                "participations-0-DELETE": "on",
                "participations-1-person": str(minister.pk),
                "participations-1-side": Participation.Side.GUEST,
                "participations-1-order": "1",
            },
        ),
    )
    visit.refresh_from_db()
    assert [p.person for p in visit.participations.all()] == [minister]
    first, _second = versions_of(visit)

    response = revert_to(admin_client_logged, first)

    assert response.status_code == 302
    visit.refresh_from_db()
    assert visit.title_en == OLD_TITLE
    assert [p.person for p in visit.participations.all()] == [ambassador]


def test_compare_view_hides_internal_notes_from_an_editor(client, admin_client_logged):
    visit = factories.visit(internal_notes="Gift: a glass vase", purpose_en=PURPOSE)
    save_in_admin(admin_client_logged, visit, outcome_en=FIRST_OUTCOME)
    save_in_admin(admin_client_logged, visit, internal_notes="Gift: a crystal bowl")
    old, new = versions_of(visit)
    client.force_login(member(EDITOR))

    response = client.get(
        compare_url(visit), {"version_id1": old.pk, "version_id2": new.pk}
    )

    assert response.status_code == 200
    assert "glass vase" not in response.text
    assert "crystal bowl" not in response.text


def test_compare_view_shows_internal_notes_to_a_protocol_officer(
    client, admin_client_logged
):
    visit = factories.visit(internal_notes="Gift: a glass vase", purpose_en=PURPOSE)
    save_in_admin(admin_client_logged, visit, outcome_en=FIRST_OUTCOME)
    save_in_admin(admin_client_logged, visit, internal_notes="Gift: a crystal bowl")
    old, new = versions_of(visit)
    client.force_login(member(PROTOCOL_OFFICER))

    response = client.get(
        compare_url(visit), {"version_id1": old.pk, "version_id2": new.pk}
    )

    assert "crystal bowl" in response.text


def test_reading_a_change_form_creates_no_revision(admin_client_logged):
    article = factories.article()

    admin_client_logged.get(change_url(article))

    assert not versions_of(article).exists()
