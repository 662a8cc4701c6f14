"""Fixtures for the browser tests: one headless Chromium per session, a live
server with the demo content, and a way to sign a user in.

Every test in this directory is marked `e2e` (`pytest -m "not e2e"` leaves them
out) and is skipped, with the reason, where Chromium is not installed.

Two ways to get a server:
- `site`: read-only tests. The demo content is loaded once for the whole
  directory, committed, and served by one live server; each test runs in a
  rolled-back transaction like any `db` test. About 1 s cheaper per test than
  the alternative, which keeps the ~130 page checks near a minute.
- `transactional_site`: tests that write (sign in, save in the admin). pytest-
  django's `live_server` with a transactional database, emptied after the
  test; the demo content is loaded for each test.
"""

import io
import tempfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import Client
from pytest_django.live_server_helper import LiveServer

from .browser import (
    WIDE,
    missing_browser,
    reset_emulation,
    set_viewport,
    start_chromium,
)

E2E_DIR = Path(__file__).parent


def pytest_collection_modifyitems(config, items):
    reason = missing_browser()
    for item in items:
        if E2E_DIR not in Path(item.path).parents:
            continue
        item.add_marker(pytest.mark.e2e)
        if reason:
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session")
def chromium():
    """The session's browser; started once (about a second), quit at the end."""
    reason = missing_browser()
    if reason:
        pytest.skip(reason)
    with tempfile.TemporaryDirectory(
        prefix="regionnews-chromium-", ignore_cleanup_errors=True
    ) as profile_dir:
        driver = start_chromium(profile_dir)
        yield driver
        driver.quit()


@pytest.fixture
def browser(chromium):
    """The browser as a fresh visitor sees it: no cookies, a wide screen, the
    screen medium, an empty console log."""
    chromium.get("about:blank")
    chromium.delete_all_cookies()
    reset_emulation(chromium)
    set_viewport(chromium, WIDE)
    chromium.get_log("browser")
    yield chromium
    chromium.get("about:blank")


def load_demo_content() -> None:
    call_command("load_demo_content", stdout=io.StringIO())


@pytest.fixture(scope="package")
def _demo_server(django_db_setup, django_db_blocker):
    """The demo content, committed, behind a live server, for this directory's
    read-only tests; afterwards the database is as the migrations left it."""
    with django_db_blocker.unblock():
        migrated = connection.creation.serialize_db_to_string()
        load_demo_content()
    server = LiveServer("localhost")
    yield server
    server.stop()
    with django_db_blocker.unblock():
        # What TransactionTestCase does with serialized_rollback=True.
        call_command(
            "flush",
            interactive=False,
            reset_sequences=False,
            inhibit_post_migrate=True,
            verbosity=0,
        )
        connection.creation.deserialize_db_from_string(migrated)
    cache.clear()


@pytest.fixture
def site(_demo_server, db):
    """The live server with the demo content, for tests that only read.

    Anything a test writes stays in its own transaction, which the server does
    not see on PostgreSQL: tests that write use `transactional_site`.
    """
    return _demo_server


@pytest.fixture
def transactional_site(live_server, django_db_serialized_rollback):
    """pytest-django's live server with the demo content, for tests that write.

    Its transactional database is emptied after each test; the serialized
    rollback brings back what the migrations loaded (the countries).
    """
    load_demo_content()
    return live_server


@pytest.fixture
def browser_login(browser, live_server):
    """Sign `user` in to the browser by handing it a session cookie (with
    `transactional_site` or `live_server`, so that the server sees the user)."""

    def login(user) -> None:
        client = Client()
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        # A cookie can only be set for the origin the browser is on.
        browser.get(live_server.url + "/robots.txt")
        browser.add_cookie({"name": cookie.key, "value": cookie.value, "path": "/"})

    return login
