"""Keyboard-only use: the skip link comes first and works, the header's links
are reachable with Tab, and whatever has focus shows it."""

import pytest
from django.urls import reverse
from django.utils import translation
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.wait import WebDriverWait

from .browser import NARROW, set_viewport
from .pages import page_path

FOCUSED = """
const el = document.activeElement;
const box = el.getBoundingClientRect();
const style = getComputedStyle(el);
const hit = document.elementFromPoint(
  box.left + box.width / 2, box.top + box.height / 2
);
return {
  tag: el.tagName.toLowerCase(),
  id: el.id,
  className: el.className,
  href: el.getAttribute("href"),
  text: el.textContent.trim(),
  top: box.top, left: box.left, bottom: box.bottom, right: box.right,
  width: box.width, height: box.height,
  viewportWidth: window.innerWidth, viewportHeight: window.innerHeight,
  visible: el.checkVisibility({opacityProperty: true, visibilityProperty: true}),
  clip: style.clip, clipPath: style.clipPath,
  onTop: hit === el || el.contains(hit),
  outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
  outlineStyle: [style.outlineStyle, style.outlineWidth, style.outlineColor].join(" "),
  boxShadow: style.boxShadow,
};
"""

UNFOCUSED_STYLE = """
const el = arguments[0];
el.blur();
const style = getComputedStyle(el);
return style.outlineStyle + " " + style.outlineWidth + " " + style.outlineColor
  + " | " + style.boxShadow;
"""


def press(browser, key):
    ActionChains(browser).send_keys(key).perform()


def tab(browser):
    press(browser, Keys.TAB)
    return browser.execute_script(FOCUSED)


def in_viewport(focused):
    return (
        focused["width"] > 1
        and focused["height"] > 1
        and focused["top"] >= 0
        and focused["left"] >= 0
        and focused["bottom"] <= focused["viewportHeight"]
        and focused["right"] <= focused["viewportWidth"]
    )


def tab_through_header(browser, limit=20):
    """Focus records from the first Tab until focus reaches the main content."""
    seen = []
    for _ in range(limit):
        focused = tab(browser)
        seen.append(focused)
        if browser.execute_script(
            "return document.querySelector('main').contains(document.activeElement)"
        ):
            break
    return seen


@pytest.mark.parametrize("width", [1280, NARROW])
def test_first_tab_reaches_the_skip_link_visibly(browser, site, width):
    set_viewport(browser, width)
    browser.get(site.url + page_path("home", "en"))

    focused = tab(browser)

    assert "skip-link" in focused["className"], focused
    assert focused["href"] == "#main"
    assert focused["visible"] and focused["onTop"], focused
    assert in_viewport(focused), focused
    assert focused["clip"] == "auto" and focused["clipPath"] == "none", focused


def test_skip_link_moves_focus_to_main(browser, site):
    browser.get(site.url + page_path("visit_list", "de"))
    tab(browser)

    press(browser, Keys.ENTER)

    assert browser.execute_script("return document.activeElement.id") == "main"
    # The next Tab continues inside the content, not back in the header.
    tab(browser)
    assert browser.execute_script(
        "return document.querySelector('main').contains(document.activeElement)"
    )


def test_language_switcher_and_main_navigation_are_reachable_by_tab(browser, site):
    browser.get(site.url + page_path("home", "cs"))
    expected = browser.execute_script(
        "return [...document.querySelectorAll("
        "'.language-switcher a, .primary-nav a')].map((a) => a.getAttribute('href'))"
    )

    reached = [focused["href"] for focused in tab_through_header(browser)]

    assert len(expected) >= 6  # three languages and three sections at least
    assert set(expected) <= set(reached), reached


@pytest.mark.parametrize("page", ["home", "visit_list", "article_detail"])
def test_focused_links_and_controls_show_a_focus_indicator(browser, site, page):
    browser.get(site.url + page_path(page, "en"))
    checked = 0
    for _ in range(25):
        focused = tab(browser)
        if focused["tag"] == "body":
            break
        checked += 1
        assert focused["outline"] or focused["boxShadow"] != "none", focused
        element = browser.switch_to.active_element
        focus_style = f"{focused['outlineStyle']} | {focused['boxShadow']}"
        # Focus must look different from no focus, not just have some outline.
        assert browser.execute_script(UNFOCUSED_STYLE, element) != focus_style, focused
        browser.execute_script("arguments[0].focus()", element)
    assert checked >= 10


def test_visit_filter_can_be_used_with_the_keyboard_alone(browser, site):
    browser.get(site.url + page_path("visit_list", "en"))
    field = browser.execute_script("return document.querySelector('main [name=q]')")
    for _ in range(40):
        tab(browser)
        if browser.switch_to.active_element == field:
            break
    assert browser.switch_to.active_element == field, "Tab never reached the filter"

    press(browser, "kazakhstan" + Keys.ENTER)
    WebDriverWait(browser, 10).until(lambda driver: "q=" in driver.current_url)
    listed = browser.execute_script(
        "return [...document.querySelectorAll('main a')].map((a) => a.pathname)"
    )

    assert "q=kazakhstan" in browser.current_url
    assert page_path("visit_detail", "en") in listed
    with translation.override("en"):
        japan = reverse("delegations:visit_detail", args=["ambassador-of-japan-2025"])
    assert japan not in listed
