"""Settings for the test suite. DATABASE_URL picks the database (SQLite in memory when unset)."""

import os

import dj_database_url

BASE_DIR = os.path.dirname(os.path.abspath(__file__))

SECRET_KEY = "not-secret-tests-only"
DEBUG = False
ALLOWED_HOSTS = ["*"]
USE_TZ = True
TIME_ZONE = "Europe/London"
LANGUAGE_CODE = "en-gb"

DATABASES = {
    "default": dj_database_url.parse(os.environ.get("DATABASE_URL") or "sqlite://:memory:"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A test database is thrown away: its commits (migrating it, transactional tests) need not
    # wait for the disk. Other sessions still see each commit at once.
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    _options.setdefault("options", "-c synchronous_commit=off")

INSTALLED_APPS = [
    "wagtail_casestudies",
    "wagtail_casestudies.contrib.modeladmin",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    # "Translate" in the page menu, as the example site has it (tests/test_choices_per_language.py)
    "wagtail.contrib.simple_translation",
    "wagtail_modeladmin",
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
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "tests.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
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

STATIC_URL = "/static/"
STATIC_ROOT = os.path.join(BASE_DIR, "artifacts", "static")
MEDIA_URL = "/media/"
MEDIA_ROOT = os.path.join(BASE_DIR, "artifacts", "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    # Raw submission uploads, kept apart from the public media (submissions/storage.py).
    "wagtail_casestudies_submissions": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
}

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

WAGTAIL_SITE_NAME = "wagtail-casestudies tests"
WAGTAILADMIN_BASE_URL = "http://testserver"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILEMBEDS_FINDERS = [{"class": "tests.embeds.LocalEmbedFinder"}]

EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

# Wagtail's background tasks (search index and reference index updates) run at once, inside each
# test's transaction: with the default on-commit behaviour they would never run in a test that
# is rolled back.
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "ENQUEUE_ON_COMMIT": False,
    }
}

# The headless API purges its URLs through Wagtail's front-end cache when the app is installed;
# the tests record the purges instead of calling a CDN.
INSTALLED_APPS.insert(INSTALLED_APPS.index("wagtail.api.v2"), "wagtail.contrib.frontend_cache")
WAGTAILFRONTENDCACHE = {
    "recording": {"BACKEND": "tests.recording_purge_backend.RecordingPurgeBackend"},
}
WAGTAILAPI_LIMIT_MAX = 100
