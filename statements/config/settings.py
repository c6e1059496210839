"""Settings for Statement Timeline: every deployment choice comes from the environment."""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from statements.config.shared_cache import caches_at

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool) -> bool:
    """Read a yes/no environment variable ("1", "true", "yes", "on" mean yes)."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    """Read a comma-separated environment variable."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# DJANGO_ENV=production turns on everything a public server needs (see the README).
PRODUCTION = os.environ.get("DJANGO_ENV", "development") == "production"
DEBUG = env_bool("DEBUG", not PRODUCTION)

# The development key is only ever used in development; a server must be given its own.
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if PRODUCTION or not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set in the environment (DJANGO_ENV=production or DEBUG off)."
        )
    SECRET_KEY = "development-only-key-never-used-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")


def site_url(default_host: str) -> str:
    """The site's public address, for every absolute URL we write: never a request's Host."""
    default = f"https://{default_host}" if PRODUCTION else "http://127.0.0.1:8000"
    value = os.environ.get("SITE_URL", default).strip().rstrip("/")
    scheme, _, host = value.partition("://")
    if scheme not in ("http", "https") or not host or "/" in host:
        raise ImproperlyConfigured(
            f"SITE_URL must be a scheme and a host, like https://timeline.example.org: {value!r}"
        )
    return value


# Canonical links, JSON-LD, feeds and exports name pages at this address.
SITE_URL = site_url(next((h.lstrip(".") for h in ALLOWED_HOSTS if h != "*"), "localhost"))

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_filters",
    "django_htmx",
    "template_partials",
    "csp",
    "axes",
    "simple_history",
    "statements",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # With read replicas: the primary for editors' requests, a replica for everyone else's.
    "statements.config.routers.ReplicaReadsMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Records who made each change, for the audit history.
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "statements.config.content_policy.PolicyOnEveryPageMiddleware",
    # Last, as django-axes asks: it answers locked-out login attempts.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "statements.config.urls"
WSGI_APPLICATION = "statements.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "builtins": ["template_partials.templatetags.partials"],
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Each worker keeps its connection for CONN_MAX_AGE seconds, checked before it is reused.
CONN_MAX_AGE = int(os.environ.get("CONN_MAX_AGE", "60"))


def database(url: str) -> dict:
    """One database's settings from its URL; SQLite tuned so that readers never wait on a writer,
    PostgreSQL planned for data in memory, without JIT compiling."""
    config = dj_database_url.parse(url, conn_max_age=CONN_MAX_AGE, conn_health_checks=True)
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["OPTIONS"] = {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    elif config["ENGINE"] == "django.db.backends.postgresql":
        # Compiling a query (JIT) costs more than it saves on this site's: for the counts of a
        # common word at a million claims, 0.7 s of compiling for 0.7 s of work. And its data is
        # read from memory or SSD, where reading a page out of order costs little more than in
        # order: at the default cost of 4 the planner read a million claims to find an
        # official's few thousand.
        options = config.setdefault("OPTIONS", {})
        site_settings = "-c jit=off -c random_page_cost=1.1"
        options["options"] = f"{options.get('options', '')} {site_settings}".strip()
    return config


# SQLite file is the embedded default; DATABASE_URL (postgres://…) moves the app to PostgreSQL.
DATABASES = {
    "default": database(os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
}
# Read replicas of the primary, which public pages read from (statements/config/routers.py).
# Tests use the primary's test database in their place.
for number, url in enumerate(env_list("DATABASE_REPLICA_URLS", ""), start=1):
    DATABASES[f"replica_{number}"] = {**database(url), "TEST": {"MIRROR": "default"}}
DATABASE_ROUTERS = ["statements.config.routers.PrimaryReplicaRouter"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True
# Django 6 assumes https for a URL typed without a scheme; every form adopts that now.
FORMS_URLFIELD_ASSUME_HTTPS = True

STATIC_URL = "static/"
# Elsewhere for a process that must not rewrite the checkout's files while others serve them
# (the load test's server, started while the suite runs).
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Errors and their tracebacks go to the console (the server's log) in every environment.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"django": {"handlers": ["console"], "level": "WARNING"}},
}

# Where editors log in; move it to make the admin harder to find.
ADMIN_URL = os.environ.get("ADMIN_URL", "admin/").strip("/") + "/"

# Security headers, on in every environment.
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# HTTPS-only cookies and HSTS on a production server. Behind a proxy that terminates TLS, set
# TRUST_X_FORWARDED_PROTO=true so that Django believes its X-Forwarded-Proto header.
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
if env_bool("TRUST_X_FORWARDED_PROTO", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# django-csp: our own scripts and styles only, nothing inline, no eval (htmx is told the same).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "connect-src": [SELF],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
        "frame-ancestors": [NONE],
    }
}

# How many proxies in front of the app add the client's address to X-Forwarded-For (1 behind
# one nginx or Caddy); 0 ignores the header, which a client could otherwise forge.
TRUSTED_PROXIES = int(os.environ.get("TRUSTED_PROXIES", "0"))

# django-axes (statements/config/login_throttle.py): five failed logins lock that username at
# that address out for an hour; twenty from one address, whatever the usernames, lock the address.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_ADDRESS_FAILURE_LIMIT = int(os.environ.get("AXES_ADDRESS_FAILURE_LIMIT", "20"))
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_HANDLER = "statements.config.login_throttle.UsernameAndAddressHandler"
AXES_CLIENT_IP_CALLABLE = "statements.config.login_throttle.client_address"
AXES_RESET_ON_SUCCESS = True

# Exports hold every matching row unless an operator sets a limit, which the export then announces.
EXPORT_MAX_ROWS = int(os.environ["EXPORT_MAX_ROWS"]) if os.environ.get("EXPORT_MAX_ROWS") else None

# Counts (statements/public/counting.py) and rendered public pages
# (statements/public/views/kept.py) are kept per version of the data and of the code (RELEASE
# names it; unset, it is a digest of the code, templates and static files) in one cache that
# every worker shares (statements/config/shared_cache.py): by default files in CACHE_URL's
# folder; redis://… or memcached://… to share it between servers. At most PAGES_KEPT pages of
# up to 512 KB are kept (a page of 50 claims is about 60 KB); 0 renders every page afresh.
PAGES_KEPT = int(os.environ.get("PAGES_KEPT", "200"))
RELEASE = os.environ.get("RELEASE", "")
CACHES = caches_at(os.environ.get("CACHE_URL") or f"file://{BASE_DIR / 'cache'}", PAGES_KEPT)

# Curated seed data: hand-written annotations and the fixture built from them.
SEED_SOURCES_DIR = BASE_DIR / "fixtures" / "sources"
SEED_ANNOTATIONS_DIR = BASE_DIR / "fixtures" / "annotations"
SEED_FIXTURE = BASE_DIR / "fixtures" / "seed.json"

# Room for an article pasted into the admin's import page (2 MB at most), so that a longer one
# gets the page's own message rather than the 400 page.
DATA_UPLOAD_MAX_MEMORY_SIZE = 3 * 1024 * 1024

# Importing an article from a URL never fetches from loopback or private networks (a server-side
# request forgery guard); the tests turn this on to serve their pages from 127.0.0.1.
IMPORT_URL_ALLOW_PRIVATE = False

# The published data as one SQLite file (statements/public/open_data.py), built here once per
# version of the data, and the licence or terms of use shown beside its link and kept inside it.
OPEN_DATA_DIR = Path(os.environ.get("OPEN_DATA_DIR", BASE_DIR / "opendata"))
OPEN_DATA_LICENCE = os.environ.get("OPEN_DATA_LICENCE", "")
