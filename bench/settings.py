"""Settings for the benchmark (``bench/``): a plain Wagtail site with the package's API mounted.

Not part of the package. ``BENCH_DATABASE_URL`` picks the database (default: a SQLite file in
``bench/results/``), ``BENCH_CACHE_URL`` Django's default cache (default: per-process memory;
``redis://127.0.0.1:6379/1`` as production sites with several workers use).
"""

import os
from pathlib import Path

import dj_database_url

BENCH_DIR = Path(__file__).resolve().parent
RESULTS_DIR = Path(os.environ.get("BENCH_RESULTS_DIR", BENCH_DIR / "results"))

SECRET_KEY = "benchmark-only-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["*"]
USE_TZ = True
TIME_ZONE = "Europe/London"
LANGUAGE_CODE = "en-gb"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{RESULTS_DIR / 'bench.sqlite3'}",
        conn_max_age=600,
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # What a production SQLite site would set: WAL lets the two workers read concurrently.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }

_cache_url = os.environ.get("BENCH_CACHE_URL", "")
if _cache_url.startswith("redis://"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": _cache_url,
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

INSTALLED_APPS = [
    "bench",
    "wagtail_casestudies",
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
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

# A headless API server. Sessions and authentication as on any Wagtail site: the stock pages
# API checks view restrictions against the session (no cookie: no query).
MIDDLEWARE = [
    "bench.middleware.ColdCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]

ROOT_URLCONF = "bench.urls"
WSGI_APPLICATION = "bench.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "APP_DIRS": True,
        "OPTIONS": {"context_processors": ["django.template.context_processors.request"]},
    }
]

STATIC_URL = "/static/"
STATIC_ROOT = str(RESULTS_DIR / "static")
MEDIA_URL = "/media/"
MEDIA_ROOT = str(RESULTS_DIR / "media")

WAGTAIL_SITE_NAME = "wagtail-casestudies benchmark"
WAGTAILADMIN_BASE_URL = "http://localhost"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILAPI_LIMIT_MAX = 100

# Index updates run at once (the generator indexes in bulk itself).
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "ENQUEUE_ON_COMMIT": False,
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
