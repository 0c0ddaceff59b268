"""Settings shared by every environment; production reads secrets from the environment."""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from ldld_wagtail.translations import locale_paths

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("LDLD_VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)

SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-not-secret-set-SECRET_KEY-in-production")
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]

INSTALLED_APPS = [
    "ldld_wagtail",
    "home",
    "news",
    "documents",
    "qa",
    "schedule",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "django_q",
    "django_tasks",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

# Wagtail's own APIs (v2 at /api/v2/, v3 at /api/v3/) exist here only so that `make bench` can
# compare ours with them: home/bench/ sets LDLD_BENCH_COMPARE=1 for its gunicorn. Never mount
# them otherwise: they would be a second, unreviewed door to the content, outside our API's
# access rules (view restrictions, drafts, rate limits, API keys) and its tests.
LDLD_BENCH_COMPARE = os.environ.get("LDLD_BENCH_COMPARE") == "1"
if LDLD_BENCH_COMPARE:
    INSTALLED_APPS += ["wagtail.api.v2", "wagtail.api.v3"]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Cross-origin API calls from the origins in LDLD_API_CORS_ORIGINS only (none by default).
    "ldld_wagtail.api.cors.ApiCorsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions: an anonymous hit is answered from the cache without touching the database.
    "ldld_wagtail.cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Two reviewers on one step at once: the later one is told who acted, in Vietnamese.
    "ldld_wagtail.workflows.StepTakenMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "settings.urls"
WSGI_APPLICATION = "settings.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}", conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web server and the django-q2 worker share the file: WAL lets readers and the writer
    # work side by side, IMMEDIATE transactions and a timeout make writers queue, not fail.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    # Redis stopped: every cache call is a miss and the site serves from the database.
    CACHES = {
        "default": {
            "BACKEND": "ldld_wagtail.backends.cache.TolerantRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "ldld",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 2},
        }
    }
    # Sessions in the database, their copies in Redis: a Redis restart logs nobody out.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    # Files that every process of the site shares (pages built once for all, kept across
    # restarts), bounded in number; a full disk makes them misses.
    CACHES = {
        "default": {
            "BACKEND": "ldld_wagtail.backends.filecache.SharedFileCache",
            "LOCATION": VAR_DIR / "cache",
            "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("LDLD_CACHE_ENTRIES", "20000"))},
        }
    }
    # The page cache's tokens are files too, read at every request (no cache lookup, no
    # expiry): a change made in one process (a take-down) is seen at once by every other.
    LDLD_GENERATION_FILE = VAR_DIR / "page-cache-generation"
    SESSION_ENGINE = "django.contrib.sessions.backends.db"

# django-q2 is the only worker: it runs our jobs and, through the backend below, Wagtail's tasks.
Q_CLUSTER = {
    "name": "ldld",
    "workers": 2,
    "timeout": 300,
    "retry": 360,
    # A job that fails is recorded as failed and leaves the queue after three attempts, rather
    # than coming back every `retry` seconds for ever.
    "ack_failures": True,
    "max_attempts": 3,
    "catch_up": False,
    "label": _("Background jobs"),
}
if REDIS_URL:
    Q_CLUSTER["redis"] = REDIS_URL
else:
    # The embedded setup: one worker, so SQLite never sees two writers racing.
    Q_CLUSTER.update(orm="default", workers=1)

TASKS = {"default": {"BACKEND": "ldld_wagtail.backends.tasks.DjangoQBackend"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
# Complete Vietnamese catalogues for Wagtail, wagtail-localize and django-q2, ahead of their own
# (server-side strings and the admin's JavaScript catalogue alike): ldld_wagtail/translations.py.
LOCALE_PATHS = locale_paths()
USE_TZ = True

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# Local files: a disk that fills during an upload leaves no half-written file behind.
STORAGES = {
    "default": {"BACKEND": "ldld_wagtail.backends.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    # Photos and files of withdrawn items (ldld_wagtail.withhold): never served as media.
    "ldld_withheld": {
        "BACKEND": "ldld_wagtail.backends.storage.FileSystemStorage",
        "OPTIONS": {
            "location": os.environ.get("WITHHELD_MEDIA_ROOT", str(VAR_DIR / "withheld-media"))
        },
    },
    # Report files built in the background (names and amounts): served only through the admin.
    "ldld_reports": {
        "BACKEND": "ldld_wagtail.backends.storage.FileSystemStorage",
        "OPTIONS": {"location": os.environ.get("REPORT_FILES_ROOT", str(VAR_DIR / "reports"))},
    },
}

WAGTAIL_SITE_NAME = "Cổng thông tin điện tử Liên đoàn Lao động tỉnh"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Wagtail's login form with a password label that translates (ldld_wagtail/forms.py).
WAGTAILADMIN_USER_LOGIN_FORM = "ldld_wagtail.forms.LoginForm"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Documents are checked by content, not by name (ldld_wagtail.uploads): these kinds only, no
# macros, no programs; the size limit below applies in the admin and the API alike.
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "xls", "xlsx", "odt", "ods", "jpg", "jpeg", "png"]
WAGTAILDOCS_DOCUMENT_FORM_BASE = "ldld_wagtail.uploads.DocumentForm"
# Images: a plain file name, no SVG (it can carry scripts), and a file that is not a picture
# refused with a message, not a server error.
WAGTAILIMAGES_IMAGE_FORM_BASE = "ldld_wagtail.uploads.ImageForm"
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Documents are served through Django so that a document of an unpublished page stays private.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Readers share links by chat and SMS: ASCII slugs survive every client.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_FINISH_WORKFLOW_ACTION = "ldld_wagtail.finish.publish_workflow_state"
# Approval at an earlier step stays valid when a later step edits (the web admin fixes a typo).
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = False
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Seconds an anonymous page stays cached; publishing anything invalidates it at once.
# The site's page types that `setup_portal` creates for a profile's unit sub-sites.
LDLD_PAGE_TYPES = {"subsite": "home.SubSiteHomePage", "unit_intro": "home.UnitIntroPage"}
# The fast paths of `ldld_wagtail.compat` (on); "0" falls back to Wagtail's own code throughout.
LDLD_FAST_PATHS = os.environ.get("LDLD_FAST_PATHS", "1") != "0"
LDLD_PAGE_CACHE_SECONDS = int(os.environ.get("LDLD_PAGE_CACHE_SECONDS", "600"))
# Seconds a value kept under a generation (layout, routes, counts) stays in the shared cache at
# most; a new generation makes it stale at once, this only lets old keys leave.
LDLD_GENERATION_CACHE_SECONDS = int(os.environ.get("LDLD_GENERATION_CACHE_SECONDS", "21600"))

# The question desk (qa; README "Questions from members"): questions one client address may send
# per hour, the seconds a person needs at least to fill the form, how long a repeat of the same
# question is folded into the first, and the days the askers' contact details are kept.
LDLD_QUESTION_RATE = (int(os.environ.get("LDLD_QUESTION_RATE", "10")), 3600)
LDLD_QUESTION_LOOKUP_RATE = (20, 3600)
LDLD_QUESTION_MIN_SECONDS = 4
LDLD_QUESTION_DUPLICATE_MINUTES = 30
LDLD_QUESTION_CONTACT_RETENTION_DAYS = int(
    os.environ.get("LDLD_QUESTION_CONTACT_RETENTION_DAYS", "365")
)
# Reverse proxies in front of the app servers, each adding to X-Forwarded-For: the client's
# address (for per-address limits) is the one the outermost of them saw.
LDLD_TRUSTED_PROXIES = int(os.environ.get("LDLD_TRUSTED_PROXIES", "0"))

# Backups (ldld_wagtail.backup, README "Backups"): where the nightly job writes its archives,
# how many it keeps, and the seconds it may take before the worker stops it.
LDLD_BACKUP_DIR = Path(os.environ.get("LDLD_BACKUP_DIR", VAR_DIR / "backups"))
LDLD_BACKUPS_KEPT = int(os.environ.get("LDLD_BACKUPS_KEPT", "7"))
LDLD_BACKUP_TIMEOUT = int(os.environ.get("LDLD_BACKUP_TIMEOUT", "3600"))

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# A mail server that hangs must not hold a worker (and a claimed notification) for ever.
EMAIL_TIMEOUT = 30
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "cong-ttdt@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # While the database is down: a line every 5 s with the count, not a traceback a request.
    "filters": {"outage": {"()": "ldld_wagtail.outage.OutageLogFilter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["outage"]}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

FORMAT_MODULE_PATH = ["ldld_wagtail.formats"]

# Origins (scheme://host[:port]) whose pages may call the API from the browser: a Plone
# frontend on its own host. Comma-separated in the environment; none by default.
LDLD_API_CORS_ORIGINS = [
    o.strip() for o in os.environ.get("LDLD_API_CORS_ORIGINS", "").split(",") if o.strip()
]
# The /++api++/ API (ldld_wagtail.api): JWT lifetime and login attempts allowed.
LDLD_API_TOKEN_HOURS = int(os.environ.get("LDLD_API_TOKEN_HOURS", "12"))
LDLD_API_LOGIN_RATE = "10/min"
LDLD_API_LOGIN_ADDRESS_RATE = "30/min"
# `@vocabularies/<name>` from the site's fields: choices, or the tags used on public pages.
LDLD_API_VOCABULARIES = {
    "document_types": "documents.DirectiveDocumentPage.doc_type",
    "issuer_levels": "documents.DirectiveDocumentPage.issuer_level",
    "news_kinds": "news.NewsPage.kind",
    "topics": "news.NewsPage.tags",
}
REST_FRAMEWORK = {
    "EXCEPTION_HANDLER": "ldld_wagtail.api.errors.handle",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
