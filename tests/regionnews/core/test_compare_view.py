"""The compare view shows each change once, in the admin's language, and
wraps long text."""

import pytest
import reversion
from django.urls import reverse
from reversion.models import Version

from articles.models import Article

pytestmark = pytest.mark.django_db


@pytest.fixture
def compare_page(admin_client_logged):
    def open_in(language):
        article = Article(title_en="Compared draft", lead_en="First lead.")
        with reversion.create_revision():
            article.save()
        article.title_en = "Renamed draft"
        article.title_cs = "Přejmenovaný koncept"
        article.status = Article.Status.REVIEW
        with reversion.create_revision():
            article.save()
        first, second = Version.objects.get_for_object(article).order_by("pk")
        url = reverse("admin:articles_article_compare", args=[article.pk])
        return admin_client_logged.get(
            f"{url}?version_id1={first.pk}&version_id2={second.pk}",
            HTTP_ACCEPT_LANGUAGE=language,
        ).text

    return open_in


def headings(html):
    return [part.split("</h2>")[0] for part in html.split("<h2>")[1:]]


def test_each_change_is_shown_once(compare_page):
    shown = headings(compare_page("en"))

    assert "Title [cs]" in shown
    assert "Title [en]" in shown
    # The untranslated column mirrors Czech: not a second "title" change.
    assert "Title" not in shown
    assert shown.count("Title [cs]") == 1


def test_labels_and_values_are_in_the_admins_language(compare_page):
    html = compare_page("cs")

    assert "Název [en]" in headings(html)
    assert "Ke schválení" in html  # the status' label, in Czech
    assert "None" not in html


def test_long_text_wraps(compare_page):
    html = compare_page("en")

    assert 'class="module compare-diff"' in html
    assert "css/admin_editorial.css" in html
