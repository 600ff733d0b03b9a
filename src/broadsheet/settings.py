"""Broadsheet's settings: everything comes from environment variables, with safe defaults for the demo."""

import os
import re
import secrets
import sys
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlparse

from django.core.exceptions import ImproperlyConfigured

PACKAGE_DIR = Path(__file__).resolve().parent
# ./var holds the SQLite database, the demo's secret key and uploaded media unless told otherwise.
VAR_DIR = Path(os.environ.get("BROADSHEET_VAR_DIR", Path.cwd() / "var")).resolve()


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from None


def env_probability(name: str) -> float | None:
    """A score threshold strictly between 0 and 1, or None when the variable is unset or empty."""
    value = os.environ.get(name, "").strip()
    if not value:
        return None
    problem = f"{name} must be a number between 0 and 1 (a spam score), not {value!r}"
    try:
        number = float(value)
    except ValueError:
        raise ImproperlyConfigured(problem) from None
    if not 0 < number < 1:
        raise ImproperlyConfigured(problem)
    return number


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def database_from_url(url: str) -> dict:
    """Turn DATABASE_URL (sqlite:///path or postgres://user:pass@host:port/name) into Django's dict."""
    parsed = urlparse(url)
    options = {key: values[-1] for key, values in parse_qs(parsed.query).items()}
    if parsed.scheme == "sqlite":
        name = unquote(parsed.path[1:] if parsed.path.startswith("//") else parsed.path.lstrip("/") or "")
        if parsed.path.startswith("//"):
            name = "/" + name.lstrip("/")
        return sqlite_database(Path(name) if name else VAR_DIR / "broadsheet.sqlite3")
    if parsed.scheme in {"postgres", "postgresql", "pgsql"}:
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parsed.path.lstrip("/")),
            "USER": unquote(parsed.username or ""),
            "PASSWORD": unquote(parsed.password or ""),
            "HOST": parsed.hostname or "",
            "PORT": str(parsed.port or ""),
            "CONN_MAX_AGE": env_int("DATABASE_CONN_MAX_AGE", 60),
            "CONN_HEALTH_CHECKS": True,
            "OPTIONS": options,
            "TEST": {"NAME": os.environ.get("DATABASE_TEST_NAME") or None},
        }
    raise ImproperlyConfigured(
        f"DATABASE_URL has an unsupported scheme {parsed.scheme!r}: use sqlite:// or postgres://"
    )


def sqlite_database(path: Path) -> dict:
    # SQLite creates the file but not its folder: a fresh ./var (or the folder DATABASE_URL names) is made here.
    path.parent.mkdir(parents=True, exist_ok=True)
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": path,
        # Keep each process's connection open: opening one and running the PRAGMAs below on every request
        # costs more than most of the page's queries.
        "CONN_MAX_AGE": None,
        # WAL lets readers go on while one writer writes; the busy timeout makes writers queue, not fail.
        "OPTIONS": {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
        },
    }


DEBUG = env_bool("DEBUG", False)
# The test suite runs with generated keys and plain static storage; nothing else changes under test.
TESTING = "pytest" in sys.modules or env_bool("BROADSHEET_TESTING")
# Production mode is anything not explicitly the demo or development: it refuses to run without a secret.
DEMO_MODE = env_bool("BROADSHEET_DEMO", False)


def load_secret_key() -> str:
    """The key from SECRET_KEY; one generated under ./var outside production; "" in production without one.

    Like Django itself, production checks the key when something needs it, not when settings load: serving,
    migrating and every command that signs or stores stop with a clear error (operations.checks), while
    `broadsheet spam evaluate` and `spam train`, which read only files and the shipped model, run anywhere.
    """
    key = os.environ.get("SECRET_KEY")
    if key:
        return key
    if not (DEBUG or DEMO_MODE or TESTING):
        return ""
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = load_secret_key()
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
SITE_NAME = os.environ.get("SITE_NAME", "Broadsheet")
SITE_DESCRIPTION = os.environ.get("SITE_DESCRIPTION", "Independent news, reported and discussed.")
SITE_LANGUAGE = os.environ.get("SITE_LANGUAGE", "en")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", f"{urlparse(SITE_URL).hostname},localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", SITE_URL)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "reversion",
    "django_tasks",
    "django_tasks_db",
    "broadsheet.publishing",
    "broadsheet.discussion",
    "broadsheet.antispam",
    "broadsheet.operations",
    "broadsheet.pagecache",
    "broadsheet.importers",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "broadsheet.pagecache.middleware.PageCacheMiddleware",  # before sessions: a hit costs no session work
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "broadsheet.urls"
WSGI_APPLICATION = "broadsheet.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "builtins": ["django.templatetags.static"],
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "broadsheet.publishing.context_processors.site",
            ],
        },
    }
]

DATABASES = {
    "default": database_from_url(os.environ["DATABASE_URL"])
    if os.environ.get("DATABASE_URL")
    else sqlite_database(VAR_DIR / "broadsheet.sqlite3")
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if TESTING and REDIS_URL and os.environ.get("PYTEST_XDIST_WORKER"):
    # Parallel test workers each get their own Redis database: clearing a cache flushes a whole database.
    REDIS_URL = re.sub(r"/\d*$", "", REDIS_URL) + f"/{15 - int(os.environ['PYTEST_XDIST_WORKER'][2:])}"
CACHES: dict[str, dict[str, Any]] = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    if REDIS_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "broadsheet"}
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast logins in tests

LANGUAGE_CODE = os.environ.get("LANGUAGE_CODE", "en-gb")
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
# Broadsheet's pages are written in one language; turning translation machinery off makes every page
# render about 15% faster. Set USE_I18N=1 for a translated admin.
USE_I18N = env_bool("USE_I18N", False)
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not (DEBUG or TESTING)
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# The demo serves static files straight from the package without a collectstatic step.
WHITENOISE_USE_FINDERS = DEBUG or DEMO_MODE
WHITENOISE_AUTOREFRESH = DEBUG

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if os.environ.get("EMAIL_HOST")
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", f"{SITE_NAME} <noreply@{urlparse(SITE_URL).hostname}>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
ADMINS = [("Admin", address) for address in env_list("ADMIN_EMAILS")]

# Background jobs (notifications, related articles, retraining): a queue in the database, worked by
# `broadsheet worker`. Tests run each job at once. Jobs are enqueued inside the caller's transaction, so
# the worker sees a job only with the data it needs.
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend"
        if TESTING
        else os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "ENQUEUE_ON_COMMIT": False,
    }
}

# Publishing policy.
READING_WORDS_PER_MINUTE = env_int("READING_WORDS_PER_MINUTE", 230)
READING_SECONDS_PER_IMAGE = env_int("READING_SECONDS_PER_IMAGE", 12)
RELATED_ARTICLES_COUNT = env_int("RELATED_ARTICLES_COUNT", 5)
ARTICLES_PER_PAGE = env_int("ARTICLES_PER_PAGE", 20)

# Production hardening: `manage.py check --deploy` is clean when DEBUG is off and the site is served over HTTPS.
SECURE_HTTPS = SITE_URL.startswith("https://")
if not DEBUG:
    SECURE_CONTENT_TYPE_NOSNIFF = True
    SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
    X_FRAME_OPTIONS = "DENY"
    SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", SECURE_HTTPS)
    CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", SECURE_HTTPS)
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", SECURE_HTTPS)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000 if SECURE_HTTPS else 0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", SECURE_HTTPS)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", SECURE_HTTPS)
    if env_bool("BEHIND_TLS_PROXY"):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
# PostgreSQL text-search configuration for the site's language ("english", "german", "simple", ...).
SEARCH_LANGUAGE = os.environ.get("SEARCH_LANGUAGE", "english")

# Page cache
# Anonymous readers get article, listing and feed pages from CACHES[PAGE_CACHE_ALIAS]; publishing's and the
# discussion's signals purge exactly the pages that show what changed (docs/caching.md). PAGE_CACHE=0 turns
# Broadsheet's own store off; the HTTP caching headers stay.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE", True)
PAGE_CACHE_ALIAS = "default"
# Tag versions must be shared by every process serving pages: Redis when there is one, else a file cache on
# this machine (local memory would leave other gunicorn workers unaware of a purge).
PAGE_CACHE_VERSIONS_ALIAS = "page_versions"
CACHES["page_versions"] = (
    CACHES["default"]
    if REDIS_URL or TESTING
    else {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": VAR_DIR / "cache" / "page-versions",
        "OPTIONS": {"MAX_ENTRIES": 1_000_000},  # one small file per tag; never cull a live version
    }
)
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 24 * 3600)  # purges usually retire a page long before
PAGE_CACHE_SHARED_SECONDS = env_int("PAGE_CACHE_SHARED_SECONDS", 10)  # s-maxage: how late nginx/CDN may be
PAGE_CACHE_STALE_SECONDS = env_int("PAGE_CACHE_STALE_SECONDS", 30)  # stale-while-revalidate
PAGE_CACHE_BROWSER_SECONDS = env_int("PAGE_CACHE_BROWSER_SECONDS", 0)  # max-age: browsers revalidate (304)
# Set for a minute after a form post redirects, so nginx and CDNs show a commenter their own comment at once.
PAGE_CACHE_RECENT_POST_COOKIE = "broadsheet_posted"
# Hidden form fields whose value each cache hit makes afresh: the comment form's signed render time.
PAGE_CACHE_FRESH_FORM_FIELDS = {"rendered": "broadsheet.discussion.tokens.render_time_token"}

# Discussion policy
# Background jobs (notification emails, the privacy purge) go through django-tasks; the database queue needs
# no broker and is run by `broadsheet worker`. TASKS_BACKEND may name another django-tasks backend.
# (TASKS itself is configured once, above, under "Background jobs".)
COMMENT_MAX_DEPTH = env_int("COMMENT_MAX_DEPTH", 5)  # replies to the deepest level join that level
COMMENT_MAX_LENGTH = env_int("COMMENT_MAX_LENGTH", 5000)
COMMENT_AUTHOR_MAX_LENGTH = env_int("COMMENT_AUTHOR_MAX_LENGTH", 100)
COMMENT_FLOOD_SECONDS = env_int(
    "COMMENT_FLOOD_SECONDS", 15
)  # one comment per IP or email in this time; 0 = off
# A cached article page keeps serving the same form (and its signed render time) for a while.
COMMENT_FORM_MAX_AGE_SECONDS = env_int("COMMENT_FORM_MAX_AGE_SECONDS", 3 * 24 * 3600)
COMMENT_IP_RETENTION_DAYS = env_int("COMMENT_IP_RETENTION_DAYS", 30)  # then IP and browser are forgotten
COMMENT_SPAM_RETENTION_DAYS = env_int("COMMENT_SPAM_RETENTION_DAYS", 15)  # then spam is deleted
COMMENT_PURGE_INTERVAL_HOURS = env_int("COMMENT_PURGE_INTERVAL_HOURS", 6)  # how often the worker purges
COMMENT_ERASE_DELETES_TEXT = env_bool(
    "COMMENT_ERASE_DELETES_TEXT", False
)  # erasure keeps the text by default
COMMENT_COOKIE_NAME = "broadsheet_commenter"  # set only when the commenter ticks "Save my name..."
COMMENT_COOKIE_DAYS = env_int("COMMENT_COOKIE_DAYS", 365)
PRIVACY_CONTACT_EMAIL = os.environ.get("PRIVACY_CONTACT_EMAIL", ADMINS[0][1] if ADMINS else "")
# A page that shows a held comment to its author must never be stored in a shared cache.
MIDDLEWARE = [*MIDDLEWARE, "broadsheet.discussion.middleware.keep_personal_pages_private"]
# Old WordPress addresses (/?p=12, /2013/01/11/slug/, /category/news/) answer 301 where Broadsheet has no page.
MIDDLEWARE = [*MIDDLEWARE, "broadsheet.importers.redirects.LegacyRedirectMiddleware"]

# Spam filter learning: after this many new moderator decisions, the worker adapts the model to them.
SPAM_RETRAIN_AFTER_DECISIONS = env_int("SPAM_RETRAIN_AFTER_DECISIONS", 10)
# The spam score from which a comment is marked spam, and from which it is held. Unset, the model's own:
# chosen in training so that 1% of genuine comments are marked spam, the first raised by the site's learning
# where its own genuine comments need it. Set, they override the model's for every comment and API call.
SPAM_THRESHOLD = env_probability("SPAM_THRESHOLD")
SPAM_HOLD_THRESHOLD = env_probability("SPAM_HOLD_THRESHOLD")
# Akismet-compatible API: requests one key may make per minute before it is told to wait (429, Retry-After).
# A busy WordPress site checks a few comments a minute; 600 leaves room for a re-check of a spam backlog.
AKISMET_API_REQUESTS_PER_MINUTE = env_int("AKISMET_API_REQUESTS_PER_MINUTE", 600)
