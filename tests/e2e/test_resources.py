"""Everything a page loads comes from the site itself, and the browser's console
reports no Content-Security-Policy violation or failed load."""

from urllib.parse import urlsplit

import pytest

from .pages import PAGES, page_path

REFERENCED = """
return [...document.querySelectorAll("script[src], link[href], img[src]")]
  .map((el) => el.tagName.toLowerCase() + " " + (el.src || el.href));
"""

# What the browser fetched, including fonts and images a stylesheet asks for.
FETCHED = "return performance.getEntriesByType('resource').map((entry) => entry.name);"


def origin(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@pytest.mark.parametrize("page", PAGES)
def test_page_uses_no_external_fonts_scripts_or_cdns(browser, site, page):
    browser.get(site.url + page_path(page, "en"))

    referenced = browser.execute_script(REFERENCED)
    fetched = browser.execute_script(FETCHED)

    assert referenced, "the page references no stylesheet or icon at all"
    assert [
        item for item in referenced if origin(item.split(" ", 1)[1]) != site.url
    ] == []
    assert [url for url in fetched if origin(url) != site.url] == []


@pytest.mark.parametrize("page", PAGES)
def test_page_logs_no_csp_violation_or_failed_load(browser, site, page):
    url = site.url + page_path(page, "cs")
    browser.get(url)

    errors = [
        entry["message"]
        for entry in browser.get_log("browser")
        if entry["level"] == "SEVERE"
        # The 404 page's own status is expected; nothing else may fail.
        and not (page == "not_found" and entry["message"].startswith(url + " "))
    ]

    assert errors == []
