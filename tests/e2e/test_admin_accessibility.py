"""axe-core finds no WCAG 2.2 A/AA violation on the admin pages the project adds
or customises: the editorial desk is covered by the EU directive too.

The pages are read as a superuser (who sees every field, inline and tool) over
the demo content; the user and its session are committed once for the module,
so the read-only `site` server sees them on PostgreSQL as well.
"""

import pytest
import reversion
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.sessions.backends.db import SessionStore
from django.urls import reverse
from reversion.models import Version
from selenium.webdriver.common.by import By
from selenium.webdriver.support.wait import WebDriverWait

from articles.models import Article
from delegations.models import Organisation, Person, Visit

from .browser import ADMIN_AXE_TAGS, axe_violations, describe_violations
from .pages import ARTICLE_SLUG_EN, VISIT_SLUG

USERNAME = "axe-admin"


def _session_of(user) -> SessionStore:
    session = SessionStore()
    session["_auth_user_id"] = str(user.pk)
    session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
    session["_auth_user_hash"] = user.get_session_auth_hash()
    session.create()
    return session


@pytest.fixture(scope="module")
def sessions(_demo_server, django_db_blocker):
    """Session keys of a superuser and of a staff user who may only view
    articles, committed; removed afterwards."""
    with django_db_blocker.unblock():
        users = get_user_model().objects
        admin = users.create_superuser(USERNAME, "axe@example.org", "pw-for-tests")
        viewer = users.create_user("axe-viewer", password="pw-for-tests", is_staff=True)
        viewer.user_permissions.add(Permission.objects.get(codename="view_article"))
        keys = {"admin": _session_of(admin), "viewer": _session_of(viewer)}
    yield {name: session.session_key for name, session in keys.items()}
    with django_db_blocker.unblock():
        for session in keys.values():
            session.delete()
        admin.delete()
        viewer.delete()


def _sign_in(browser, site, session_key):
    browser.get(site.url + "/robots.txt")
    browser.add_cookie(
        {"name": settings.SESSION_COOKIE_NAME, "value": session_key, "path": "/"}
    )
    browser.add_cookie(
        {"name": settings.LANGUAGE_COOKIE_NAME, "value": "en", "path": "/"}
    )
    return browser


@pytest.fixture
def admin_browser(browser, site, sessions):
    """The browser signed in as the superuser, the admin in English."""
    return _sign_in(browser, site, sessions["admin"])


@pytest.fixture
def viewer_browser(browser, site, sessions):
    """The browser signed in as staff who may only view articles."""
    return _sign_in(browser, site, sessions["viewer"])


def _article() -> Article:
    return Article.objects.get(slug_en=ARTICLE_SLUG_EN)


def _visit() -> Visit:
    return Visit.objects.with_slug_in_any_language(VISIT_SLUG).get()


def _versions(obj) -> tuple[int, int]:
    versions = list(Version.objects.get_for_object(obj).order_by("pk"))
    return versions[0].pk, versions[-1].pk


ADMIN_PAGES = {
    "article_add": lambda: reverse("admin:articles_article_add"),
    "article_change": lambda: reverse(
        "admin:articles_article_change", args=[_article().pk]
    ),
    "article_changelist": lambda: reverse("admin:articles_article_changelist"),
    "article_scheduled": lambda: reverse("admin:articles_article_scheduled"),
    "article_preview": lambda: reverse(
        "admin:articles_article_preview", args=[_article().pk, "en"]
    ),
    "article_history": lambda: reverse(
        "admin:articles_article_history", args=[_article().pk]
    ),
    "visit_add": lambda: reverse("admin:delegations_visit_add"),
    "visit_change": lambda: reverse(
        "admin:delegations_visit_change", args=[_visit().pk]
    ),
    "visit_changelist": lambda: reverse("admin:delegations_visit_changelist"),
    "visit_history": lambda: reverse(
        "admin:delegations_visit_history", args=[_visit().pk]
    ),
    "person_add": lambda: reverse("admin:delegations_person_add"),
    "person_change": lambda: reverse(
        "admin:delegations_person_change",
        args=[Person.objects.get(slug="bakyt-dyussenbayev").pk],
    ),
    "person_changelist": lambda: reverse("admin:delegations_person_changelist"),
    "organisation_changelist": lambda: reverse(
        "admin:delegations_organisation_changelist"
    ),
    "organisation_add": lambda: reverse("admin:delegations_organisation_add"),
    "organisation_change": lambda: reverse(
        "admin:delegations_organisation_change",
        args=[Organisation.objects.get(slug="skoda-transportation").pk],
    ),
}


def assert_no_violations(browser, url: str) -> None:
    browser.get(url)
    violations = axe_violations(browser, tags=ADMIN_AXE_TAGS)
    assert not violations, f"axe-core on {url}:\n{describe_violations(violations)}"


@pytest.mark.parametrize("page", ADMIN_PAGES)
def test_admin_page_has_no_accessibility_violations(admin_browser, site, page):
    assert_no_violations(admin_browser, site.url + ADMIN_PAGES[page]())


@pytest.fixture(scope="module")
def article_with_two_versions(_demo_server, django_db_blocker):
    """A draft (the public never sees it) saved twice, committed; removed after."""
    with django_db_blocker.unblock():
        article = Article(title_en="Compared draft", lead_en="First lead. " * 40)
        with reversion.create_revision():
            article.save()
        article.lead_en = "Second lead, much longer than the first. " * 40
        article.title_en = "Compared draft, renamed"
        with reversion.create_revision():
            article.save()
    yield article
    with django_db_blocker.unblock():
        Version.objects.get_for_object(article).delete()
        article.delete()


def test_admin_compare_page_has_no_accessibility_violations(
    admin_browser, site, article_with_two_versions
):
    article = article_with_two_versions
    first, last = _versions(article)
    url = reverse("admin:articles_article_compare", args=[article.pk])
    assert_no_violations(
        admin_browser, f"{site.url}{url}?version_id1={first}&version_id2={last}"
    )


def test_a_read_only_article_has_no_violations_and_no_empty_language_menu(
    viewer_browser, site
):
    url = site.url + ADMIN_PAGES["article_change"]()
    assert_no_violations(viewer_browser, url)

    assert viewer_browser.find_elements(By.ID, "modeltranslation-main-switch") == []
    body = viewer_browser.find_element(By.CSS_SELECTOR, ".field-body_html_en .readonly")
    assert body.find_elements(By.TAG_NAME, "p")
    assert "<p>" not in body.text


def test_an_editable_article_keeps_its_named_language_menu(admin_browser, site):
    admin_browser.get(site.url + ADMIN_PAGES["article_change"]())

    switch = admin_browser.find_element(By.ID, "modeltranslation-main-switch")
    assert switch.get_attribute("aria-label") == "Language of the fields below"


def test_admin_login_page_has_no_accessibility_violations(browser, site):
    browser.get(site.url + "/robots.txt")
    browser.add_cookie(
        {"name": settings.LANGUAGE_COOKIE_NAME, "value": "en", "path": "/"}
    )
    assert_no_violations(browser, site.url + reverse("admin:login"))


# --- fitting 1280 px -------------------------------------------------------------

OVERFLOW = """
const box = document.querySelector(arguments[0]);
return {scroll: box.scrollWidth, client: box.clientWidth,
        page: document.documentElement.scrollWidth, window: window.innerWidth};
"""


def test_the_itinerary_fits_the_visit_form(admin_browser, site):
    admin_browser.get(site.url + ADMIN_PAGES["visit_change"]())

    for group in ("#stops-group", "#participations-group"):
        sizes = admin_browser.execute_script(OVERFLOW, group)
        assert sizes["scroll"] <= sizes["client"] + 1, (group, sizes)
    sizes = admin_browser.execute_script(OVERFLOW, "body")
    assert sizes["page"] <= sizes["window"], sizes


def test_titles_fill_the_form_width(admin_browser, site):
    admin_browser.get(site.url + ADMIN_PAGES["article_change"]())

    width = admin_browser.execute_script(
        "return document.getElementById('id_title_en').getBoundingClientRect().width"
    )
    assert width >= 600


def test_list_titles_do_not_wrap_into_a_column_of_words(admin_browser, site):
    admin_browser.get(site.url + ADMIN_PAGES["article_changelist"]())

    heights = admin_browser.execute_script(
        """return [...document.querySelectorAll('#result_list td.field-title')]
          .map((cell) => cell.getBoundingClientRect().height /
                         parseFloat(getComputedStyle(cell).lineHeight || 16));"""
    )
    # Before: eight lines for a long title; now at most four (and padding).
    assert heights and max(heights) <= 5, heights


def test_the_write_another_draft_question_has_no_violations(admin_browser, site):
    """The demo visit has its article: the button asks before writing another
    (a page that writes nothing, so the read-only server will do)."""
    admin_browser.get(site.url + ADMIN_PAGES["visit_change"]())
    notice = admin_browser.find_element(By.CSS_SELECTOR, ".visit-articles-notice")
    assert notice.find_elements(By.TAG_NAME, "a")
    button = admin_browser.find_element(By.CSS_SELECTOR, ".object-tool-form button")

    button.click()

    WebDriverWait(admin_browser, 10).until(
        lambda driver: (
            driver.find_elements(By.CSS_SELECTOR, ".visit-articles")
            and "from-visit" in driver.current_url
        )
    )
    violations = axe_violations(admin_browser, tags=ADMIN_AXE_TAGS)
    assert not violations, describe_violations(violations)
