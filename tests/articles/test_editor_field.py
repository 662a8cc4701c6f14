"""The rich-text body editor in the admin and the sanitiser behind it."""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django_prose_editor.config import allowlist_from_extensions

from articles.admin import BODY_EDITOR_EXTENSIONS, BodyEditorWidget
from articles.models import BODY_ATTRIBUTES, BODY_TAGS, Article, sanitise_html
from tests import factories
from tests.html_forms import form_data

pytestmark = pytest.mark.django_db

EDITOR_ATTRIBUTE = "data-django-prose-editor-body"

# What the editor writes for each of its tools, as it serialises them.
EDITOR_OUTPUT = (
    "<h2>Heading</h2><h3>Subheading</h3>"
    "<p>Plain, <strong>bold</strong>, <em>italic</em>, a<br>break and "
    '<a href="https://www.plzensky-kraj.cz/" title="Region">a link</a>.</p>'
    "<ul><li><p>One</p></li><li><p>Two</p></li></ul>"
    '<ol start="3" type="a"><li><p>Three</p></li></ol>'
    "<blockquote><p>A quote.</p></blockquote>"
)


@pytest.fixture
def change_page(admin_client_logged):
    article = factories.article(status=Article.Status.DRAFT)
    url = reverse("admin:articles_article_change", args=[article.pk])
    return article, url, admin_client_logged.get(url)


def test_every_language_tab_of_the_body_gets_the_editor(change_page):
    _article, _url, response = change_page

    form = response.context["adminform"].form
    for lang in ("cs", "en", "de"):
        assert isinstance(form.fields[f"body_{lang}"].widget, BodyEditorWidget)
        textarea = re.search(rf'<textarea name="body_{lang}"[^>]*>', response.text)
        assert EDITOR_ATTRIBUTE in textarea.group(0)
        assert "mt-field-body" in textarea.group(0)  # still a modeltranslation tab


def test_the_lead_stays_a_plain_text_area(change_page):
    _article, _url, response = change_page

    textarea = re.search(r'<textarea name="lead_en"[^>]*>', response.text)
    assert EDITOR_ATTRIBUTE not in textarea.group(0)


def test_editor_offers_only_the_agreed_tools():
    config = BodyEditorWidget().get_config()

    tools = set(config["extensions"])
    assert {"Heading", "BulletList", "OrderedList", "Link", "Bold", "Italic"} <= tools
    assert "Blockquote" in tools
    assert not tools & {"Table", "Image", "Figure", "CodeBlock", "HTML", "TextAlign"}
    assert config["extensions"]["Heading"] == {"levels": [2, 3]}


def test_editor_starts_from_our_module_without_an_inline_import_map(change_page):
    _article, _url, response = change_page

    assert f'<script src="{static("js/body_editor.js")}" type="module">' in (
        response.text
    )
    assert 'type="importmap"' not in response.text


def test_editor_assets_ship_with_the_project_and_its_packages():
    for path in (
        "js/body_editor.js",
        "django_prose_editor/editor.js",
        "django_prose_editor/editor.css",
        "django_prose_editor/material-icons.woff2",
    ):
        assert finders.find(path), path


def test_editor_module_imports_the_editor_by_its_static_path():
    source = Path(finders.find("js/body_editor.js")).read_text(encoding="utf-8")

    assert 'from "../django_prose_editor/editor.js"' in source
    assert "http" not in source.split("import", 1)[1].split(";", 1)[0]


def test_admin_policy_allows_same_origin_scripts_only(change_page):
    _article, _url, response = change_page

    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "'unsafe-inline'" not in policy.split("script-src", 1)[1].split(";")[0]


def test_everything_the_editor_makes_is_allowed_by_the_sanitiser():
    allowed = allowlist_from_extensions(BODY_EDITOR_EXTENSIONS)

    assert allowed["tags"] <= BODY_TAGS
    for tag, attributes in allowed["attributes"].items():
        # rel is set by the sanitiser itself; data-type only repeats `type`.
        assert set(attributes) - {"rel", "data-type"} <= BODY_ATTRIBUTES.get(
            tag, set()
        ), tag


def test_editor_output_survives_sanitising_unchanged():
    clean = sanitise_html(EDITOR_OUTPUT)

    assert clean == EDITOR_OUTPUT.replace(
        'title="Region">', 'title="Region" rel="noopener noreferrer">'
    )


def test_an_emptied_editor_stores_an_empty_body():
    article = factories.article(body_en="<p></p>", status=Article.Status.DRAFT)

    assert article.body_en == ""


@pytest.mark.parametrize(
    ("hostile", "forbidden"),
    [
        ("<p>Hi</p><script>alert(1)</script>", "<script"),
        ('<p><img src="x" onerror="alert(1)">Hi</p>', "onerror"),
        ('<p><a href="javascript:alert(1)">Hi</a></p>', "javascript:"),
        ('<p>Hi</p><iframe src="https://evil.example/"></iframe>', "<iframe"),
        ('<p style="position:fixed;top:0">Hi</p>', "style="),
        ('<p onclick="alert(1)">Hi</p>', "onclick"),
        ("<p>Hi</p><style>body{display:none}</style>", "<style"),
    ],
)
def test_hostile_markup_posted_through_the_admin_never_reaches_the_page(
    admin_client_logged, change_page, hostile, forbidden
):
    article, url, page = change_page

    response = admin_client_logged.post(
        url,
        form_data(
            page,
            "article_form",
            body_en=hostile,
            status=Article.Status.PUBLISHED,
            published_at_0="2024-05-09",
            published_at_1="14:51:00",
            _save="Save",
        ),
    )

    assert response.status_code == 302, response.context["errors"]
    article.refresh_from_db()
    assert forbidden not in article.body_en
    assert "Hi" in article.body_en
    with translation.override("en"):
        public = admin_client_logged.get(article.get_absolute_url())
    assert public.status_code == 200
    assert forbidden not in public.text.split("<main", 1)[1].split("</main>")[0]
