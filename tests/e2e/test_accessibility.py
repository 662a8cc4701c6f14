"""axe-core finds no WCAG 2.1 A/AA violation on any page type, in any language."""

import pytest

from .browser import NARROW, axe_violations, describe_violations, set_viewport
from .pages import LANGUAGES, PAGES, page_path

# Pages checked again on a 320 px screen, where the layout changes most.
NARROW_PAGES = ["home", "article_detail", "visit_detail", "visit_list"]


def assert_no_violations(browser, url):
    browser.get(url)
    violations = axe_violations(browser)
    assert not violations, f"axe-core on {url}:\n{describe_violations(violations)}"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_page_has_no_accessibility_violations(browser, site, page, language):
    assert_no_violations(browser, site.url + page_path(page, language))


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", NARROW_PAGES)
def test_page_on_a_narrow_screen_has_no_accessibility_violations(
    browser, site, page, language
):
    set_viewport(browser, NARROW)
    assert_no_violations(browser, site.url + page_path(page, language))


@pytest.mark.parametrize("page", ["visit_list", "visit_detail"])
def test_staff_page_has_no_accessibility_violations(
    browser, browser_login, transactional_site, django_user_model, page
):
    """Staff see internal visits, markers and notes; those must be accessible too."""
    staff = django_user_model.objects.create_user(
        username="officer", password="pw-for-tests-only", is_staff=True
    )
    browser_login(staff)
    assert_no_violations(browser, transactional_site.url + page_path(page, "en"))
