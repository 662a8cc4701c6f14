"""The editorial desk end to end, in a real browser: an editor writes an article
with a photo in Czech and English and submits it for review; a chief editor
publishes it; the public reads it in English, Czech and (falling back) German.

Every step under test goes through the admin's own pages, as a person clicks
and types: the login form, the language tabs, the prose editor's toolbar, the
file input, the status field. Only the users are made in the database.

Screenshots of the main steps are written to /tmp/e2e-editorial-*.png.
"""

import base64
import math
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import Group, User
from django.urls import reverse
from django.utils import translation
from PIL import Image, ImageDraw
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.select import Select
from selenium.webdriver.support.wait import WebDriverWait

from articles.models import Article
from regionnews.core.roles import CHIEF_EDITOR, EDITOR

SCREENSHOTS = Path("/tmp")
PASSWORD = "correct horse battery staple"

CS = {
    "title": "Hejtman přijal delegaci z Kazachstánu",
    "lead": "Delegace jednala o spolupráci v dopravě a ve vzdělávání.",
    "heading": "Doprava a vzdělávání",
    "before": "Jednání se zaměřilo na ",
    "bold": "železniční spojení",
    "after": " mezi oběma regiony.",
    "alt": "Hejtman si podává ruku s velvyslancem",
}
EN = {
    "title": "The governor received a delegation from Kazakhstan",
    "lead": "The delegation discussed cooperation in transport and education.",
    "heading": "Transport and education",
    "before": "The talks focused on ",
    "bold": "rail connections",
    "after": " between the two regions.",
    "alt": "The governor shakes hands with the ambassador",
}

# The status of the page the browser shows (Chromium's Navigation Timing).
RESPONSE_STATUS = "return performance.getEntriesByType('navigation')[0].responseStatus;"
IMAGE_LOADED = "return arguments[0].complete && arguments[0].naturalWidth > 0;"


# --- helpers -------------------------------------------------------------------


def wait(browser, timeout=10):
    return WebDriverWait(browser, timeout)


def screenshot(browser, name: str) -> None:
    """The whole page, not only the window, as /tmp/e2e-editorial-<name>.png."""
    metrics = browser.execute_cdp_cmd("Page.getLayoutMetrics", {})
    size = metrics["cssContentSize"]
    image = browser.execute_cdp_cmd(
        "Page.captureScreenshot",
        {
            "captureBeyondViewport": True,
            "clip": {
                "x": 0,
                "y": 0,
                "width": size["width"],
                "height": size["height"],
                "scale": 1,
            },
        },
    )
    path = SCREENSHOTS / f"e2e-editorial-{name}.png"
    path.write_bytes(base64.b64decode(image["data"]))


def console_errors(browser) -> list[str]:
    """SEVERE console messages since the last call, bar the missing favicon
    (the admin links none, so Chromium asks for /favicon.ico)."""
    return [
        entry["message"]
        for entry in browser.get_log("browser")
        if entry["level"] == "SEVERE" and "/favicon.ico" not in entry["message"]
    ]


def open_page(browser, url: str) -> int:
    """Load `url`; the HTTP status it answered with."""
    browser.get(url)
    return browser.execute_script(RESPONSE_STATUS)


def click_and_load(browser, element) -> None:
    """Click a link or submit button and wait for the next page to replace this."""
    element.click()
    wait(browser).until(EC.staleness_of(element))
    wait(browser).until(
        lambda driver: driver.execute_script("return document.readyState") == "complete"
    )


def success_message(browser) -> str:
    return (
        wait(browser)
        .until(
            EC.visibility_of_element_located((By.CSS_SELECTOR, ".messagelist .success"))
        )
        .text
    )


def admin_in_english(browser, server) -> None:
    """The admin in English whatever the machine's locale (Chromium sends it as
    Accept-Language): the assertions read English interface text and titles."""
    if not browser.current_url.startswith(server.url):
        browser.get(server.url + "/robots.txt")
    browser.add_cookie(
        {"name": settings.LANGUAGE_COOKIE_NAME, "value": "en", "path": "/"}
    )


def make_user(username: str, role) -> User:
    user = User.objects.create_user(
        username, password=PASSWORD, is_staff=True, first_name=username.title()
    )
    user.groups.add(Group.objects.get(name=role.name))
    return user


def make_photo(directory: Path) -> Path:
    """A real JPEG, large enough for several rendition widths."""
    path = directory / "governor-and-ambassador.jpg"
    image = Image.new("RGB", (1600, 1000), "#2b5d8a")
    draw = ImageDraw.Draw(image)
    draw.rectangle((200, 150, 700, 850), fill="#e8c07d")
    draw.ellipse((900, 200, 1400, 700), fill="#c0392b")
    image.save(path, "JPEG", quality=85)
    return path


def show_tab(browser, field: str, lang: str):
    """Click the language tab of a translated field; its input (hidden for the
    body, which the prose editor shows), once the tab's panel is visible."""
    tab = browser.find_element(
        By.CSS_SELECTOR, f"li[role='tab'][aria-controls='tab_id_{field}_{lang}']"
    )
    tab.click()
    wait(browser).until(lambda driver: tab.get_attribute("aria-selected") == "true")
    wait(browser).until(
        EC.visibility_of_element_located((By.ID, f"tab_id_{field}_{lang}"))
    )
    return browser.find_element(By.ID, f"id_{field}_{lang}")


def type_into(field, text: str) -> None:
    field.clear()
    field.send_keys(text)


def write_body(browser, lang: str, text: dict) -> None:
    """Type the body into the prose editor: a heading from the block-type menu,
    then a paragraph with a few words in bold from the toolbar's Bold button."""
    row = browser.find_element(By.CSS_SELECTOR, f".field-body_{lang}")
    editor = row.find_element(By.CSS_SELECTOR, ".ProseMirror[contenteditable='true']")
    editor.click()
    row.find_element(By.CSS_SELECTOR, ".prose-menubar__selected").click()
    wait(browser).until(
        EC.element_to_be_clickable(
            row.find_element(By.CSS_SELECTOR, "button[data-name='heading2']")
        )
    ).click()
    editor.send_keys(text["heading"], Keys.ENTER, text["before"])
    bold = row.find_element(By.CSS_SELECTOR, "button[data-name='bold']")
    bold.click()
    editor.send_keys(text["bold"])
    bold.click()
    editor.send_keys(text["after"])
    wait(browser).until(
        lambda driver: (
            editor.find_elements(By.CSS_SELECTOR, "h2")
            and editor.find_elements(By.CSS_SELECTOR, "p strong")
        )
    )
    assert editor.find_element(By.CSS_SELECTOR, "h2").text == text["heading"]
    assert editor.find_element(By.CSS_SELECTOR, "p strong").text == text["bold"]
    assert editor.find_element(By.CSS_SELECTOR, "p").text == (
        text["before"] + text["bold"] + text["after"]
    )


def status_choices(browser) -> list[str]:
    return [
        option.get_attribute("value")
        for option in Select(browser.find_element(By.ID, "id_status")).options
    ]


def url_in(article: Article, lang: str) -> str:
    with translation.override(lang):
        return article.get_absolute_url()


def path_in(lang: str, name: str) -> str:
    with translation.override(lang):
        return reverse(name)


# --- the steps -------------------------------------------------------------------


def editor_logs_in(browser, server) -> None:
    add_url = reverse("admin:articles_article_add")
    admin_in_english(browser, server)
    browser.get(f"{server.url}{reverse('admin:login')}?next={add_url}")
    browser.find_element(By.ID, "id_username").send_keys("editor")
    browser.find_element(By.ID, "id_password").send_keys(PASSWORD)
    click_and_load(browser, browser.find_element(By.CSS_SELECTOR, "[type=submit]"))
    assert browser.current_url == server.url + add_url
    wait(browser).until(
        EC.presence_of_element_located(
            (By.CSS_SELECTOR, ".field-body_cs .ProseMirror[contenteditable='true']")
        )
    )
    # The tabs open in the interface language; the language switch says so.
    tab = browser.find_element(By.CSS_SELECTOR, ".ui-tabs-active .ui-tabs-anchor")
    switch = Select(browser.find_element(By.ID, "modeltranslation-main-switch"))
    shown = switch.first_selected_option.get_attribute("textContent")
    assert shown == tab.get_attribute("textContent") == "en"


def editor_writes_and_submits(browser, photo: Path) -> None:
    type_into(show_tab(browser, "title", "cs"), CS["title"])
    type_into(show_tab(browser, "lead", "cs"), CS["lead"])
    show_tab(browser, "body", "cs")
    write_body(browser, "cs", CS)

    type_into(show_tab(browser, "title", "en"), EN["title"])
    type_into(show_tab(browser, "lead", "en"), EN["lead"])
    show_tab(browser, "body", "en")
    write_body(browser, "en", EN)

    browser.find_element(By.ID, "id_main_image").send_keys(str(photo))
    # focal-point.js shows the chosen file; a click on it sets the focal point.
    preview = wait(browser).until(
        EC.visibility_of_element_located((By.CSS_SELECTOR, ".focal-point img"))
    )
    wait(browser).until(lambda driver: driver.execute_script(IMAGE_LOADED, preview))
    ActionChains(browser).move_to_element_with_offset(
        preview, -preview.size["width"] // 4, -preview.size["height"] // 4
    ).click().perform()
    type_into(show_tab(browser, "main_image_alt", "cs"), CS["alt"])
    type_into(show_tab(browser, "main_image_alt", "en"), EN["alt"])
    browser.find_element(By.ID, "id_main_image_credit").send_keys("Krajský úřad")

    # An editor may hand the article over, not publish it.
    assert status_choices(browser) == [
        Article.Status.DRAFT,
        Article.Status.REVIEW,
    ]
    Select(browser.find_element(By.ID, "id_status")).select_by_value(
        Article.Status.REVIEW
    )
    assert console_errors(browser) == []
    screenshot(browser, "1-editor-form")

    click_and_load(browser, browser.find_element(By.NAME, "_save"))
    assert EN["title"] in success_message(browser)
    assert browser.current_url.endswith(reverse("admin:articles_article_changelist"))


def chief_publishes(browser, server, article: Article) -> None:
    browser.get(server.url + reverse("admin:articles_article_changelist"))
    overview = browser.find_element(
        By.CSS_SELECTOR,
        f"a[href='{reverse('admin:articles_article_scheduled')}']",
    )
    click_and_load(browser, overview)
    waiting = browser.find_element(By.ID, "articles-in-review")
    click_and_load(browser, waiting.find_element(By.LINK_TEXT, EN["title"]))
    assert browser.current_url.endswith(
        reverse("admin:articles_article_change", args=[article.pk])
    )

    assert Article.Status.PUBLISHED in status_choices(browser)
    Select(browser.find_element(By.ID, "id_status")).select_by_value(
        Article.Status.PUBLISHED
    )
    screenshot(browser, "2-chief-form")
    click_and_load(browser, browser.find_element(By.NAME, "_save"))
    assert EN["title"] in success_message(browser)
    assert console_errors(browser) == []


def assert_article_page(browser, text: dict, *, alt: str) -> None:
    """The page shows `text` (a language's content) and the photo described
    by `alt`, as a <picture> with WebP and JPEG sources in several widths."""
    article = browser.find_element(By.CSS_SELECTOR, "main article.article")
    assert article.find_element(By.TAG_NAME, "h1").text == text["title"]
    assert article.find_element(By.CSS_SELECTOR, ".lead").text == text["lead"]
    prose = article.find_element(By.CSS_SELECTOR, ".prose")
    assert prose.find_element(By.TAG_NAME, "h2").text == text["heading"]
    assert prose.find_element(By.CSS_SELECTOR, "p strong").text == text["bold"]

    picture = article.find_element(By.CSS_SELECTOR, "figure picture")
    webp = picture.find_element(By.CSS_SELECTOR, "source[type='image/webp']")
    img = picture.find_element(By.TAG_NAME, "img")
    assert img.get_attribute("alt") == alt
    assert len(webp.get_attribute("srcset").split(",")) >= 3
    assert len(img.get_attribute("srcset").split(",")) >= 3
    # width and height reserve the photo's space: its proportions, 16:10.
    width, height = int(img.get_attribute("width")), int(img.get_attribute("height"))
    assert width * 10 == height * 16
    wait(browser).until(lambda driver: driver.execute_script(IMAGE_LOADED, img))
    assert browser.execute_script("return arguments[0].currentSrc", img).endswith(
        ".webp"
    )


# --- the test --------------------------------------------------------------------


def test_editor_writes_chief_editor_publishes_and_the_public_reads_it(
    browser, transactional_site, browser_login, tmp_path
):
    server = transactional_site
    make_user("editor", EDITOR)
    chief = make_user("chief", CHIEF_EDITOR)

    # The editor signs in, writes in two languages with a photo, and submits.
    editor_logs_in(browser, server)
    editor_writes_and_submits(browser, make_photo(tmp_path))

    article = Article.objects.get(title_en=EN["title"])
    assert article.status == Article.Status.REVIEW
    assert article.title_cs == CS["title"]
    assert (article.main_image_width, article.main_image_height) == (1600, 1000)
    assert math.isclose(article.main_image_focal_x, 0.25, abs_tol=0.02)
    assert math.isclose(article.main_image_focal_y, 0.25, abs_tol=0.02)

    # Not public yet: no page, not in the list.
    browser.delete_all_cookies()
    assert open_page(browser, server.url + url_in(article, "en")) == 404
    browser.get(server.url + path_in("en", "articles:list"))
    assert browser.find_elements(By.LINK_TEXT, EN["title"]) == []
    browser.get_log("browser")  # the 404 above, logged as a failed load

    # The chief editor finds it among those in review and publishes it.
    browser_login(chief)
    admin_in_english(browser, server)
    chief_publishes(browser, server, article)
    article.refresh_from_db()
    assert article.is_published

    # The public: the news list links to it, in English.
    browser.delete_all_cookies()
    browser.get(server.url + path_in("en", "articles:list"))
    click_and_load(browser, browser.find_element(By.LINK_TEXT, EN["title"]))
    assert browser.current_url == server.url + url_in(article, "en")
    assert_article_page(browser, EN, alt=EN["alt"])
    screenshot(browser, "3-public-en")

    # In Czech, by the language switcher.
    switcher = browser.find_element(By.CSS_SELECTOR, ".language-switcher a[lang='cs']")
    click_and_load(browser, switcher)
    assert browser.current_url == server.url + url_in(article, "cs")
    assert_article_page(browser, CS, alt=CS["alt"])

    # In German, which nobody wrote: the Czech text, marked and announced.
    switcher = browser.find_element(By.CSS_SELECTOR, ".language-switcher a[lang='de']")
    click_and_load(browser, switcher)
    assert browser.current_url == server.url + url_in(article, "de")
    assert_article_page(browser, CS, alt=CS["alt"])
    heading = browser.find_element(By.CSS_SELECTOR, "main h1")
    assert heading.get_attribute("lang") == "cs"
    notice = browser.find_element(By.CSS_SELECTOR, ".language-notice")
    assert "Tschechisch" in notice.text
    img = browser.find_element(By.CSS_SELECTOR, "main figure picture img")
    assert img.get_attribute("lang") == "cs"
    screenshot(browser, "4-public-de")
    assert console_errors(browser) == []
