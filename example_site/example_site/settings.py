"""A real Wagtail site that installs wagtail-casestudies the way a user would.

SQLite by default; set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/casestudies) to use
PostgreSQL.
"""

import os
from pathlib import Path

import dj_database_url
from corsheaders.defaults import default_headers

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "example-site-not-secret")
DEBUG = os.environ.get("DJANGO_DEBUG", "1") == "1"
ALLOWED_HOSTS = ["*"]

INSTALLED_APPS = [
    "demo",
    "frontend",
    "wagtail_casestudies",
    "wagtail_casestudies.contrib.modeladmin",  # the Submissions inbox
    "wagtail_modeladmin",
    "wagtail.contrib.forms",
    "wagtail.contrib.simple_translation",  # "Translate" in the page and snippet menus
    "wagtail.locales",  # Settings > Locales
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "corsheaders",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    # First: it answers CORS preflight requests itself (the submission endpoint takes only POST).
    "corsheaders.middleware.CorsMiddleware",
    # Before the session and LocaleMiddleware: the API's answers keep the Vary and
    # Content-Language they were given (those two would add Cookie and Accept-Language, which
    # the answers never vary by, and say every answer is English).
    "wagtail_casestudies.middleware.ExactHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # After the session, before CommonMiddleware: /cy/... speaks Welsh, everything else English.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "csp.middleware.CSPMiddleware",
]

ROOT_URLCONF = "example_site.urls"
WSGI_APPLICATION = "example_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    }
]

DATABASES = {
    # An empty DATABASE_URL means the default too (dj_database_url.config would give no database).
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The editor autosaves while the preview panel posts the form: let SQLite writers queue
    # instead of failing with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }

AUTH_PASSWORD_VALIDATORS = []
LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True

# --- Languages (docs/headless.md, "Languages") ---------------------------------------------------
# English and Welsh, through Wagtail's own internationalisation: each Welsh page is a translation
# (same translation_key) below the Welsh copy of the home page. English pages stay at /, Welsh
# ones are served under /cy/ (i18n_patterns in urls.py). The Locale that migrate creates is
# "en-gb", which the demo library and every existing database use.
WAGTAIL_I18N_ENABLED = True
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("en-gb", "English"),
    ("cy", "Cymraeg"),
]
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_collected"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    # Raw submission uploads: outside MEDIA_ROOT, which is served publicly (docs/submissions.md).
    "wagtail_casestudies_submissions": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": MEDIA_ROOT.parent / "private_submissions", "base_url": "/-/"},
    },
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

WAGTAIL_SITE_NAME = "Council innovation case studies"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_CASESTUDIES = {
    "INDEX_PAGE_SIZE": 10,
}

# The headless front end (the `frontend` app, at /frontend/) talks only to these public URLs.
# Previews of unsaved drafts are kept for this long (seconds), in the frontend app's PreviewDraft
# table: every process sees them and no cache eviction loses them.
FRONTEND_PREVIEW_TIMEOUT = 60 * 60
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# Demo videos are answered locally (see demo/embeds.py); other URLs use oEmbed as usual.
WAGTAILEMBEDS_FINDERS = [
    {"class": "demo.embeds.DemoVideoFinder"},
    {"class": "wagtail.embeds.finders.oembed"},
]

# --- A front end on another origin (docs/headless.md) ---------------------------------------------
# The origins allowed to read the public JSON from a browser, comma-separated (e.g.
# "https://casestudies.example.org"). CORS applies to those URLs only: the API (v2 and v3), the
# submission endpoint and the template (JSON Schema and Word), and the headless preview's data.
CORS_ALLOWED_ORIGINS = [
    origin for origin in os.environ.get("CORS_ALLOWED_ORIGINS", "").split(",") if origin
]
CORS_URLS_REGEX = r"^/(api/|casestudies/(submit/|template\.)|frontend/preview/data/)"
# Conditional requests (a front end revalidating what it has) and idempotent submissions.
CORS_ALLOW_HEADERS = (*default_headers, "idempotency-key", "if-none-match", "if-modified-since")
CORS_EXPOSE_HEADERS = [
    "ETag",
    "Last-Modified",
    "Content-Language",
    "Idempotent-Replayed",
    "Retry-After",
]
# The front end app (/frontend/) served from another origin reads the API of this one.
FRONTEND_API_ORIGIN = os.environ.get("FRONTEND_API_ORIGIN", "")
# On the CMS: the front end's address when it is on another origin (e.g.
# "https://casestudies.example.org/frontend/"): Preview sends editors' drafts there.
FRONTEND_URL = os.environ.get("FRONTEND_URL", "")

# --- Content-Security-Policy (django-csp; docs/installation.md) ----------------------------------
# No inline script or style anywhere on the public pages: the headless front end puts sanitised
# API rich text into innerHTML, and the policy is the second line of defence. The Wagtail admin
# and the browsable API keep their own inline scripts, so they are left out.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/api/", "/django-admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *([FRONTEND_API_ORIGIN] if FRONTEND_API_ORIGIN else [])],
        "connect-src": ["'self'", *([FRONTEND_API_ORIGIN] if FRONTEND_API_ORIGIN else [])],
        # Video embeds (the demo's are local; real ones come from these providers).
        "frame-src": [
            "'self'",
            "https://www.youtube.com",
            "https://www.youtube-nocookie.com",
            "https://player.vimeo.com",
        ],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        # The admin's preview panel shows the front end: on this origin, or on the CMS's.
        "frame-ancestors": ["'self'", *([FRONTEND_API_ORIGIN] if FRONTEND_API_ORIGIN else [])],
    },
}
