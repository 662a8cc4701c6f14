"""On a 320 x 640 phone the header takes at most a fifth of the screen (128 px)
and the main navigation stays on one row, in every language."""

import pytest

from .browser import set_viewport
from .pages import LANGUAGES, page_path

PHONE = (320, 640)

MEASURE = """
const header = document.querySelector(".site-header").getBoundingClientRect();
const links = [...document.querySelectorAll(".primary-nav__list > li")];
const tops = links.map((li) => Math.round(li.getBoundingClientRect().top));
const nav = document.querySelector(".primary-nav__list").getBoundingClientRect();
return {
  height: header.height,
  tops: tops,
  navRight: nav.right,
  lastRight: links.length ? links[links.length - 1].getBoundingClientRect().right : 0,
  width: document.documentElement.clientWidth,
  searchLink: getComputedStyle(document.querySelector(".site-search-link")).display,
};
"""


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", ["home", "article_detail", "visit_list"])
def test_phone_header_is_at_most_a_fifth_of_the_screen(browser, site, page, language):
    set_viewport(browser, *PHONE)
    browser.get(site.url + page_path(page, language))

    layout = browser.execute_script(MEASURE)

    assert layout["height"] <= PHONE[1] / 5, layout


@pytest.mark.parametrize("language", LANGUAGES)
def test_phone_navigation_is_one_row_inside_the_screen(browser, site, language):
    set_viewport(browser, *PHONE)
    browser.get(site.url + page_path("home", language))

    layout = browser.execute_script(MEASURE)

    assert len(layout["tops"]) >= 3
    assert len(set(layout["tops"])) == 1, layout["tops"]
    assert layout["lastRight"] <= layout["width"], layout
    # The search form gives way to a link to the search page.
    assert layout["searchLink"] == "block"


def test_wide_screen_keeps_the_search_form_in_the_header(browser, site):
    set_viewport(browser, 1280, 900)
    browser.get(site.url + page_path("home", "en"))

    shown = browser.execute_script(
        "return [getComputedStyle(document.querySelector('.site-search')).display,"
        " getComputedStyle(document.querySelector('.site-search-link')).display]"
    )

    assert shown == ["flex", "none"]
