"""Settings come from the environment; production refuses unsafe ones.

Settings modules run their checks at import time, so each case imports them in
a fresh interpreter with exactly the environment it names.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from regionnews.settings.base import env_bool, env_int, env_list

BASE_DIR = Path(__file__).resolve().parent.parent.parent
GOOD_SECRET = "k3y-" + "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOP"
PROD_ENV = {"SECRET_KEY": GOOD_SECRET, "ALLOWED_HOSTS": "news.example.org"}
REPORT = """
import json, sys
import importlib
try:
    s = importlib.import_module(sys.argv[1])
except Exception as exc:
    print(json.dumps({"error": type(exc).__name__, "message": str(exc)}))
else:
    db = s.DATABASES["default"]
    print(json.dumps({
        "ENGINE": db["ENGINE"],
        "NAME": str(db["NAME"]),
        "CONN_MAX_AGE": db.get("CONN_MAX_AGE"),
        "OPTIONS": db.get("OPTIONS", {}),
        "CACHE": s.CACHES["default"]["BACKEND"],
        "CACHE_LOCATION": s.CACHES["default"].get("LOCATION"),
        "CACHE_OPTIONS": s.CACHES["default"].get("OPTIONS", {}),
        "DEBUG": s.DEBUG,
        "ALLOWED_HOSTS": s.ALLOWED_HOSTS,
    }, default=str))
"""


def load_settings(module, **environ):
    """Import *module* in a new interpreter with only *environ* configured."""
    env = {key: os.environ[key] for key in ("PATH", "HOME") if key in os.environ}
    env.update(environ)
    result = subprocess.run(
        [sys.executable, "-c", REPORT, module],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def prod(**environ):
    return load_settings("regionnews.settings.prod", **environ)


# Production refuses to start -----------------------------------------------------


def test_prod_starts_with_a_real_secret_key_and_hosts():
    settings = prod(**PROD_ENV)

    assert "error" not in settings
    assert settings["DEBUG"] is False
    assert settings["ALLOWED_HOSTS"] == ["news.example.org"]


def test_prod_refuses_to_start_without_secret_key():
    settings = prod(ALLOWED_HOSTS="news.example.org")

    assert settings["error"] == "ImproperlyConfigured"
    assert "SECRET_KEY" in settings["message"]


@pytest.mark.parametrize(
    "secret",
    [
        "too-short",
        "django-insecure-" + "x" * 50,
        "change-me-to-a-long-random-string-of-at-least-fifty-characters-xxxxxxxx",
        "a" * 60,
    ],
)
def test_prod_refuses_a_weak_or_placeholder_secret_key(secret):
    settings = prod(SECRET_KEY=secret, ALLOWED_HOSTS="news.example.org")

    assert settings["error"] == "ImproperlyConfigured"


def test_prod_refuses_to_start_without_allowed_hosts():
    settings = prod(SECRET_KEY=GOOD_SECRET)

    assert settings["error"] == "ImproperlyConfigured"
    assert "ALLOWED_HOSTS" in settings["message"]


def test_prod_refuses_debug():
    settings = prod(DEBUG="1", **PROD_ENV)

    assert settings["error"] == "ImproperlyConfigured"
    assert "DEBUG" in settings["message"]


def test_prod_refuses_a_garbage_debug_value():
    settings = prod(DEBUG="maybe", **PROD_ENV)

    assert settings["error"] == "ImproperlyConfigured"
    assert "DEBUG" in settings["message"]


# Database and cache ------------------------------------------------------------


def test_sqlite_is_the_default_database():
    settings = prod(**PROD_ENV)

    assert settings["ENGINE"] == "django.db.backends.sqlite3"
    assert settings["NAME"].endswith("db.sqlite3")


def test_postgres_url_uses_the_psycopg_pool_without_persistent_connections():
    settings = prod(
        DATABASE_URL="postgres://news:secret@db.example.org:5432/regionnews",
        DATABASE_POOL_MAX_SIZE="20",
        **PROD_ENV,
    )

    assert settings["ENGINE"] == "django.db.backends.postgresql"
    assert settings["NAME"] == "regionnews"
    assert settings["CONN_MAX_AGE"] == 0
    assert settings["OPTIONS"]["pool"]["max_size"] == 20
    assert settings["OPTIONS"]["pool"]["min_size"] == 2


def test_garbage_pool_size_is_refused():
    settings = prod(
        DATABASE_URL="postgres://news:secret@db.example.org:5432/regionnews",
        DATABASE_POOL_MAX_SIZE="lots",
        **PROD_ENV,
    )

    assert settings["error"] == "ImproperlyConfigured"


def test_redis_url_selects_djangos_redis_cache():
    """Through the subclass that turns a lost Redis into cache misses."""
    settings = prod(REDIS_URL="redis://cache.example.org:6379/1", **PROD_ENV)

    assert settings["CACHE"] == "regionnews.cache.TolerantRedisCache"
    assert settings["CACHE_LOCATION"] == "redis://cache.example.org:6379/1"


def test_local_memory_cache_without_redis_url():
    settings = prod(**PROD_ENV)

    assert settings["CACHE"] == "django.core.cache.backends.locmem.LocMemCache"
    # Pages and the fragments kept per generation: far more than Django's 300.
    assert settings["CACHE_OPTIONS"]["MAX_ENTRIES"] == 5000


def test_local_memory_cache_size_is_configurable():
    settings = prod(LOCAL_CACHE_ENTRIES="800", **PROD_ENV)

    assert settings["CACHE_OPTIONS"]["MAX_ENTRIES"] == 800


def test_dev_settings_need_no_environment():
    settings = load_settings("regionnews.settings.dev")

    assert settings["DEBUG"] is True
    assert "localhost" in settings["ALLOWED_HOSTS"]


# Parsing helpers -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1", True),
        ("true", True),
        ("True", True),
        ("yes", True),
        ("on", True),
        ("0", False),
        ("false", False),
        ("FALSE", False),
        ("no", False),
        ("off", False),
    ],
)
def test_env_bool_parses_booleans(monkeypatch, value, expected):
    monkeypatch.setenv("REGIONNEWS_TEST_FLAG", value)

    assert env_bool("REGIONNEWS_TEST_FLAG") is expected


@pytest.mark.parametrize("default", [True, False])
def test_env_bool_uses_the_default_when_unset_or_empty(monkeypatch, default):
    monkeypatch.setenv("REGIONNEWS_TEST_FLAG", "")

    assert env_bool("REGIONNEWS_TEST_FLAG", default) is default


@pytest.mark.parametrize("value", ["maybe", "2", "tru", "yes please"])
def test_env_bool_rejects_garbage(monkeypatch, value):
    monkeypatch.setenv("REGIONNEWS_TEST_FLAG", value)

    with pytest.raises(ImproperlyConfigured, match="REGIONNEWS_TEST_FLAG"):
        env_bool("REGIONNEWS_TEST_FLAG")


def test_env_int_rejects_garbage(monkeypatch):
    monkeypatch.setenv("REGIONNEWS_TEST_NUMBER", "ten")

    with pytest.raises(ImproperlyConfigured, match="REGIONNEWS_TEST_NUMBER"):
        env_int("REGIONNEWS_TEST_NUMBER", 1)


def test_env_list_splits_on_commas_and_drops_blanks(monkeypatch):
    monkeypatch.setenv("REGIONNEWS_TEST_HOSTS", " a.example.org, ,b.example.org ,")

    assert env_list("REGIONNEWS_TEST_HOSTS") == ["a.example.org", "b.example.org"]
