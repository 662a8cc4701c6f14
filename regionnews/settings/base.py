"""Settings shared by every environment; all configuration comes from the environment.

Each variable is documented in README.md and .env.example.
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return default if value in (None, "") else value


def env_bool(name: str, default: bool = False) -> bool:
    value = env(name)
    if value is None:
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(
        f"{name} must be a boolean (1/0, true/false), not {value!r}"
    )


def env_int(name: str, default: int) -> int:
    value = env(name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(
            f"{name} must be a whole number, not {value!r}"
        ) from None


def env_list(name: str, default: str = "") -> list[str]:
    return [
        item.strip() for item in (env(name, default) or "").split(",") if item.strip()
    ]


SECRET_KEY = env("SECRET_KEY")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # modeltranslation must come before the admin to patch its forms.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Lookups for PostgreSQL full-text and trigram search; inert on SQLite.
    "django.contrib.postgres",
    "django_filters",
    "django_prose_editor",
    "reversion",
    "reversion_compare",
    # Login throttling: failed attempts per account and per address.
    "axes",
    # The kernel and the photo pipeline, which every content app may use.
    "regionnews.core",
    "regionnews.images",
    # The content apps: articles may use delegations, never the reverse.
    "delegations",
    "articles",
    "regionnews.demo",
    # Features that span the content apps; the apps plug in by registering
    # adapters in their AppConfig.ready().
    "regionnews.search",
    "regionnews.seo",
]

# WhiteNoise answers static files itself and calls no middleware after it:
# the header middleware comes before it, so static files get the headers too.
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "regionnews.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "regionnews.middleware.DatabaseUnavailableMiddleware",
    "regionnews.middleware.RejectNulBytesMiddleware",
    # Before the session middleware: a hit is answered without the middleware
    # below, which has nothing to do for an anonymous GET (regionnews.page_cache).
    "regionnews.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # It answers a locked-out login with the lockout page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out account or address before checking a password.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Login throttling (django-axes): after AXES_FAILURE_LIMIT failed logins for
# one account, or from one address, further attempts are refused for
# AXES_COOLOFF_HOURS; Admin › Axes lists the lockouts, deleting one unlocks,
# and `manage.py axes_reset` (or axes_reset_username) unlocks from the shell.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_LOCKOUT_TEMPLATE = "axes/lockout.html"
# Behind the proxy, the client's address is the first of X-Forwarded-For.
AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]

ROOT_URLCONF = "regionnews.urls"
WSGI_APPLICATION = "regionnews.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "regionnews.core.site.site",
            ],
        },
    },
]

# Database: SQLite file by default so that `make run` needs nothing installed;
# DATABASE_URL=postgres://... for production, through psycopg's connection pool.
DATABASE_URL = env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # The pool replaces persistent connections; CONN_MAX_AGE must stay 0 with it.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # Each connection taken from the pool is checked first (psycopg_pool's
    # check_connection), so a PostgreSQL restart costs no request.
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    options = DATABASES["default"].setdefault("OPTIONS", {})
    options["connect_timeout"] = env_int("DATABASE_CONNECT_TIMEOUT", 3)
    options["pool"] = {
        "min_size": env_int("DATABASE_POOL_MIN_SIZE", 2),
        "max_size": env_int("DATABASE_POOL_MAX_SIZE", 10),
        # How long a request waits for a connection before the 503 page.
        "timeout": env_int("DATABASE_POOL_TIMEOUT", 5),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# How long the outage page (503) asks clients to wait, and how long /healthz
# gives the database to answer.
OUTAGE_RETRY_AFTER = env_int("OUTAGE_RETRY_AFTER", 30)
HEALTHZ_TIMEOUT = 0.8

REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's RedisCache, but an unreachable Redis is a cache miss.
            "BACKEND": "regionnews.cache.TolerantRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "regionnews",
            # A Redis that is down costs a request half a second, not a hang;
            # the page cache then serves from the database (regionnews.page_cache).
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    # One process's memory. Every page and every fragment kept per content
    # generation is an entry, and Django's default of 300 churns on a few list
    # pages. Most fragments are 1-5 KB and pages 10-100 KB: lower
    # LOCAL_CACHE_ENTRIES on a machine short of memory.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": env_int("LOCAL_CACHE_ENTRIES", 5000)},
        }
    }

_VALIDATORS = "django.contrib.auth.password_validation"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"{_VALIDATORS}.UserAttributeSimilarityValidator"},
    {"NAME": f"{_VALIDATORS}.MinimumLengthValidator"},
    {"NAME": f"{_VALIDATORS}.CommonPasswordValidator"},
    {"NAME": f"{_VALIDATORS}.NumericPasswordValidator"},
]

# Languages: Czech first (the default), then English and German.
LANGUAGE_CODE = "cs"
LANGUAGES = [
    ("cs", _("Czech")),
    ("en", _("English")),
    ("de", _("German")),
]
# Each language's locale for Open Graph (og:locale): British English.
LANGUAGE_LOCALES = {"cs": "cs_CZ", "en": "en_GB", "de": "de_DE"}
LOCALE_PATHS = [BASE_DIR / "locale"]
# British English date formats; Czech and German use Django's own.
FORMAT_MODULE_PATH = ["regionnews.core.formats"]
TIME_ZONE = "Europe/Prague"
USE_I18N = True
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = LANGUAGE_CODE
MODELTRANSLATION_LANGUAGES = tuple(code for code, _name in LANGUAGES)
# A reader whose language is missing sees the text in another language rather
# than an empty page: Czech first (the original), then English, then German.
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": MODELTRANSLATION_LANGUAGES}

STATIC_URL = "static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Uploads: refuse oversized requests before they reach a form.
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o644
# Photos (regionnews/images/validation.py): a press photo from a 45-megapixel camera is
# 10-14 MB as JPEG; anything bigger in bytes or pixels is refused with a form
# error. The pixel limit is also Pillow's decompression-bomb limit.
IMAGE_MAX_UPLOAD_BYTES = 15 * 1024 * 1024
IMAGE_MAX_PIXELS = 50_000_000
# The stored original is at most this many pixels on its longer side (the
# largest rendition is 1920 wide): encoding a 50-megapixel original would cost
# close to a gigabyte of memory for nothing a page shows.
IMAGE_ORIGINAL_MAX_SIDE = env_int("IMAGE_ORIGINAL_MAX_SIDE", 4096)
# Memory that decoding one upload may take (regionnews/images/validation.py
# turns it into a pixel limit per format): with the process itself, a worker
# stays under 300 MB for any accepted photo.
IMAGE_DECODE_MEMORY = 200 * 1024 * 1024
# Widths of the renditions (regionnews/images/renditions.py); never wider than the
# original.
IMAGE_RENDITION_WIDTHS = (320, 640, 960, 1280, 1920)

# Security headers that hold in every environment.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'"
)
# Nothing on the site uses these browser features; deny them to any frame too.
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), microphone=(), "
    "payment=(), usb=(), interest-cohort=(), browsing-topics=()"
)

LOGIN_URL = "admin:login"

# The page cache for anonymous readers (regionnews/page_cache.py): on unless
# PAGE_CACHE=0; an entry lives PAGE_CACHE_TIMEOUT seconds at most (any content
# change makes it stale at once), proxies may keep a page PAGE_CACHE_MAX_AGE.
PAGE_CACHE = env_bool("PAGE_CACHE", True)
PAGE_CACHE_ALIAS = "default"
PAGE_CACHE_TIMEOUT = env_int("PAGE_CACHE_TIMEOUT", 600)
PAGE_CACHE_MAX_AGE = env_int("PAGE_CACHE_MAX_AGE", 60)
# Objects per sitemap page (each listed in every language, with alternates).
SITEMAP_PAGE_SIZE = env_int("SITEMAP_PAGE_SIZE", 1000)
PAGE_CACHE_SKIP_PATHS = ("/admin/", "/healthz", "/bench/", "/static/", "/media/")

# `make bench` only: serve a bare HttpResponse("ok") at /bench/bare as the
# baseline every page is measured against. Off unless asked.
BENCH_BARE_VIEW = env_bool("BENCH_BARE_VIEW", False)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
}
