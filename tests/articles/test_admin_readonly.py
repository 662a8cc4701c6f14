"""Viewers read the body as text; a failed save asks for the photo again."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from articles.models import Article
from delegations.models import Person
from tests import factories
from tests.editorial import change_url
from tests.regionnews.images.test_pipeline import photo_with_metadata

pytestmark = pytest.mark.django_db


def viewer(client):
    user = factories.user(staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_article"))
    client.force_login(user)
    return client


def test_a_viewer_reads_the_body_as_text_not_as_tags(client):
    article = factories.article(
        body_en="<p>The talks focused on <strong>rail</strong>.</p>"
    )

    response = viewer(client).get(change_url(article), HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    assert "<p>The talks focused on <strong>rail</strong>.</p>" in response.text
    assert "&lt;p&gt;" not in response.text
    assert "Body [en]" in response.text


def test_the_read_only_body_is_sanitised_again(client):
    article = factories.article()
    Article.objects.filter(pk=article.pk).update(
        body_en='<p>Hi</p><script>alert("x")</script>'
    )

    response = viewer(client).get(change_url(article))

    assert '<script>alert("x")</script>' not in response.text


def test_an_editor_still_gets_the_editor(admin_client_logged):
    article = factories.article(body_en="<p>Text</p>")

    response = admin_client_logged.get(change_url(article))

    assert 'name="body_en"' in response.text


def upload(name="portrait.jpg"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, photo_with_metadata((800, 600)), "image/jpeg")


def test_a_failed_save_asks_for_the_chosen_photo_again(admin_client_logged):
    # No name: the form fails on another field than the photo.
    response = admin_client_logged.post(
        reverse("admin:delegations_person_add"),
        {"name": "", "photo": upload(), "photo_alt_en": "A portrait"},
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == 200
    assert not Person.objects.exists()
    assert "portrait.jpg" in response.text
    assert "Choose it again before saving" in response.text


def test_a_failed_save_without_a_photo_says_nothing_of_photos(admin_client_logged):
    response = admin_client_logged.post(
        reverse("admin:delegations_person_add"),
        {"name": ""},
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == 200
    assert "Choose it again" not in response.text


def test_a_refused_photo_is_asked_for_again_too(admin_client_logged):
    response = admin_client_logged.post(
        reverse("admin:articles_article_add"),
        {
            "title_en": "Ambassador visited",
            "status": Article.Status.DRAFT,
            "main_image": upload("lead.jpg"),
            # No alt text: the photo itself is refused.
            "gallery-TOTAL_FORMS": "0",
            "gallery-INITIAL_FORMS": "0",
        },
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == 200
    assert "lead.jpg" in response.text
    assert "Choose it again before saving" in response.text
