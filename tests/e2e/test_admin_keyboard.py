"""The editorial desk with the keyboard alone: an editor signs in, writes an
article and submits it for review; a chief editor signs in, finds it among
those in review and publishes it. Only Tab, Enter and typing: no clicks.

The pages are opened by their address (as a person types it or follows a
bookmark); every control on them is reached with Tab.
"""

from django.contrib.auth.models import Group, User
from django.urls import reverse
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.select import Select
from selenium.webdriver.support.wait import WebDriverWait

from articles.models import Article
from regionnews.core.roles import CHIEF_EDITOR, EDITOR

from .test_editorial_flow import admin_in_english

PASSWORD = "correct horse battery staple"
TITLE = "The governor met the ambassador"
LEAD = "They talked about rail connections."
BODY = "The talks focused on the line from Pilsen to Munich."
MAX_TABS = 400

ACTIVE = """
const el = document.activeElement;
return {id: el.id, name: el.getAttribute("name"), tag: el.tagName.toLowerCase(),
        editable: el.isContentEditable,
        field: (el.closest("[class*='field-']") || {}).className || "",
        text: el.textContent.trim().slice(0, 80)};
"""


def press(browser, *keys) -> None:
    ActionChains(browser).send_keys(*keys).perform()


def tab_to(browser, matches, description: str) -> dict:
    """Press Tab until the focused element matches; fail after MAX_TABS."""
    for _ in range(MAX_TABS):
        press(browser, Keys.TAB)
        active = browser.execute_script(ACTIVE)
        if matches(active):
            return active
    raise AssertionError(f"Tab never reached {description}")


def tab_to_id(browser, element_id: str) -> dict:
    return tab_to(browser, lambda active: active["id"] == element_id, element_id)


def tab_to_name(browser, name: str) -> dict:
    return tab_to(browser, lambda active: active["name"] == name, name)


def enter_and_wait(browser) -> None:
    old = browser.find_element("tag name", "html")
    press(browser, Keys.ENTER)
    WebDriverWait(browser, 10).until(lambda driver: _stale(old))
    WebDriverWait(browser, 10).until(
        lambda driver: driver.execute_script("return document.readyState") == "complete"
    )


def _stale(element) -> bool:
    try:
        element.is_enabled()
    except Exception:  # noqa: BLE001 (selenium's StaleElementReferenceException)
        return True
    return False


def sign_in(browser, server, username: str, next_url: str) -> None:
    browser.delete_all_cookies()
    admin_in_english(browser, server)
    browser.get(f"{server.url}{reverse('admin:login')}?next={next_url}")
    # The username field has the focus when the page opens (autofocus).
    assert browser.execute_script(ACTIVE)["id"] == "id_username"
    press(browser, username, Keys.TAB, PASSWORD)
    enter_and_wait(browser)
    assert browser.current_url == server.url + next_url


def make_user(username: str, role) -> User:
    user = User.objects.create_user(username, password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=role.name))
    return user


def choose(browser, select_id: str, label: str) -> None:
    """Type an option's label into the focused <select> (type-ahead)."""
    tab_to_id(browser, select_id)
    press(browser, label)
    selected = Select(browser.find_element("id", select_id)).first_selected_option
    assert selected.text == label


def test_write_submit_and_publish_with_the_keyboard_alone(browser, transactional_site):
    server = transactional_site
    make_user("editor", EDITOR)
    make_user("chief", CHIEF_EDITOR)

    # The editor writes in English (the tabs open in the admin's language).
    add_url = reverse("admin:articles_article_add")
    sign_in(browser, server, "editor", add_url)
    WebDriverWait(browser, 10).until(
        lambda driver: driver.find_elements(
            "css selector", ".field-body_en .ProseMirror"
        )
    )
    tab_to_id(browser, "id_title_en")
    press(browser, TITLE)
    tab_to_id(browser, "id_lead_en")
    press(browser, LEAD)
    tab_to(
        browser,
        lambda active: active["editable"] and "field-body_en" in active["field"],
        "the English body's editor",
    )
    press(browser, BODY)
    choose(browser, "id_status", "In review")
    tab_to_name(browser, "_save")
    enter_and_wait(browser)

    article = Article.objects.get(title_en=TITLE)
    assert article.status == Article.Status.REVIEW
    assert article.lead_en == LEAD
    assert BODY in article.body_en

    # The chief editor finds it among those in review and publishes it.
    scheduled_url = reverse("admin:articles_article_scheduled")
    sign_in(browser, server, "chief", scheduled_url)
    tab_to(browser, lambda active: active["text"] == TITLE, "the article's link")
    enter_and_wait(browser)
    assert browser.current_url.endswith(
        reverse("admin:articles_article_change", args=[article.pk])
    )
    choose(browser, "id_status", "Published")
    tab_to_name(browser, "_save")
    enter_and_wait(browser)

    article.refresh_from_db()
    assert article.is_published
