"""A save without a change stores nothing: no version, no log entry, no
"changed" message; a real change names only the fields that changed."""

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.messages import get_messages
from reversion.models import Version

from articles.models import Article
from regionnews.core.admin.changes import normalise_html
from tests import factories
from tests.editorial import EDITOR, change_url, form_data, member

pytestmark = pytest.mark.django_db

BODY = '<p>One <a href="https://example.org">link</a></p><p>Two</p>'


@pytest.fixture
def editor_client(client):
    client.force_login(member(EDITOR))
    return client


@pytest.fixture
def article():
    return factories.article(
        title_en="Ambassador visited Pilsen",
        lead_en="First line.\nSecond line.",
        body_cs=BODY,
        body_en=BODY,
        body_de=BODY,
        status=Article.Status.DRAFT,
    )


def as_a_browser_sends_it(response, **changes):
    """The form as the browser posts it: CRLF line breaks, and the body in the
    prose editor's own spelling (no rel attribute, line breaks between tags)."""
    data = form_data(response, **changes)
    for key, value in list(data.items()):
        if key.startswith("lead_") and isinstance(value, str):
            data[key] = value.replace("\n", "\r\n")
        if key.startswith("body_") and key not in changes:
            data[key] = BODY.replace("</p><p>", "</p>\n<p>")
    return data


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_an_untouched_form_saves_nothing(editor_client, article):
    version_before = Article.objects.get(pk=article.pk).version
    form = editor_client.get(change_url(article))

    response = editor_client.post(
        change_url(article), as_a_browser_sends_it(form), HTTP_ACCEPT_LANGUAGE="en"
    )

    assert response.status_code == 302
    assert not Version.objects.get_for_object(article).exists()
    assert not LogEntry.objects.exists()
    assert Article.objects.get(pk=article.pk).version == version_before
    [message] = messages_of(response)
    assert "Nothing was changed" in message
    assert "successfully" not in message


def test_a_change_message_names_only_the_changed_field(editor_client, article):
    form = editor_client.get(change_url(article))

    response = editor_client.post(
        change_url(article), as_a_browser_sends_it(form, title_en="New headline")
    )

    assert response.status_code == 302
    [version] = Version.objects.get_for_object(article)
    comment = version.revision.get_comment()
    assert "Title [en]" in comment
    assert "Body" not in comment
    assert "Lead" not in comment
    assert LogEntry.objects.get().get_change_message() == comment


def test_a_real_body_change_is_a_change(editor_client, article):
    form = editor_client.get(change_url(article))

    editor_client.post(
        change_url(article),
        as_a_browser_sends_it(form, body_de="<p>Ganz neuer Text.</p>"),
    )

    [version] = Version.objects.get_for_object(article)
    assert "Body [de]" in version.revision.get_comment()
    assert "Body [en]" not in version.revision.get_comment()


def test_save_and_continue_without_a_change_returns_to_the_form(editor_client, article):
    form = editor_client.get(change_url(article))
    data = as_a_browser_sends_it(form)
    data.pop("_save")
    data["_continue"] = "Save and continue editing"

    response = editor_client.post(change_url(article), data)

    assert response["Location"] == change_url(article)
    assert not Version.objects.get_for_object(article).exists()


def test_an_inline_change_alone_saves_the_visit_with_it(admin_client_logged):
    visit = factories.full_visit(guests=1, hosts=0, stops=1, purpose_en="Trade.")
    form = admin_client_logged.get(change_url(visit))
    data = form_data(form, **{"stops-0-order": "7"})

    response = admin_client_logged.post(change_url(visit), data)

    assert response.status_code == 302
    [version] = Version.objects.get_for_object(visit)
    saved = {v.content_type.model for v in version.revision.version_set.all()}
    assert {"visit", "stop"} <= saved


def test_html_is_compared_without_whitespace_between_tags():
    assert normalise_html("<p>a</p>\r\n  <p>b</p> ") == normalise_html(
        "<p>a</p><p>b</p>"
    )
    assert normalise_html("<p>a</p>") != normalise_html("<p>b</p>")


def test_the_message_is_in_the_admins_language(editor_client, article):
    form = editor_client.get(change_url(article))

    response = editor_client.post(
        change_url(article), as_a_browser_sends_it(form), HTTP_ACCEPT_LANGUAGE="cs"
    )

    [message] = messages_of(response)
    assert "nic se proto neuložilo" in message
