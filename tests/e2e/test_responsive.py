"""From a 320 px phone to a wide screen, and on paper."""

import pytest

from .browser import NARROW, set_viewport
from .pages import LANGUAGES, PAGES, page_path

OVERFLOW = """
const root = document.documentElement;
const tooWide = (el) => el.getBoundingClientRect().right > root.clientWidth + 0.5;
// The outermost elements that stick out: where the fix belongs.
const wide = [...document.querySelectorAll("body *")]
  .filter((el) => tooWide(el) && !tooWide(el.parentElement))
  .map((el) => el.tagName.toLowerCase() + "." + (el.getAttribute("class") || "")
    + " " + Math.round(el.getBoundingClientRect().width) + "px");
return {scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide: wide};
"""

HIDDEN_IN_PRINT = "nav, form, .skip-link, .language-switcher, .filter"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_page_does_not_scroll_sideways_at_320_px(browser, site, page, language):
    set_viewport(browser, NARROW)
    browser.get(site.url + page_path(page, language))

    layout = browser.execute_script(OVERFLOW)

    assert browser.execute_script("return window.innerWidth") == NARROW
    assert layout["scrollWidth"] <= layout["clientWidth"], layout["wide"][:10]


@pytest.mark.parametrize("page", ["visit_list", "news_list", "article_detail"])
def test_print_shows_the_content_without_navigation_or_forms(browser, site, page):
    browser.get(site.url + page_path(page, "en"))
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})

    shown = browser.execute_script(
        "return [...document.querySelectorAll(arguments[0])]"
        ".filter((el) => el.checkVisibility())"
        ".map((el) => el.outerHTML.slice(0, 120))",
        HIDDEN_IN_PRINT,
    )
    nav_display = browser.execute_script(
        "return getComputedStyle(document.querySelector('.primary-nav')).display"
    )
    heading_shown = browser.execute_script(
        "return document.querySelector('main h1').checkVisibility()"
    )

    assert nav_display == "none"
    assert shown == []
    assert heading_shown
