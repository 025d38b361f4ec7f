"""Settings for every environment.

Everything is read from the environment (django-environ); test and production
differ only by environment variables, except for the few overrides in test.py.
"""

import os
from datetime import timedelta
from pathlib import Path

import environ
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from config.csp import policy as csp_policy
from config.csp import static_prefix

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("Set SECRET_KEY (or DEBUG=1 for local development).")
    SECRET_KEY = "insecure-development-key-do-not-use-in-production"  # noqa: S105
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.gis",
    "django.contrib.postgres",
    "rest_framework",
    "knox",
    "rest_framework_gis",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "leaflet",
    "rules.apps.AutodiscoverRulesConfig",
    "axes",
    "csp",
    # The project's apps in their layering order: each may use only the apps above it
    # (tests/test_layering.py reads the order from here; hooks do not depend on it).
    "accounts",
    "proposals",
    "layers",
    "basemap",  # the base map and the gazetteer (address search)
    "spatial",
    "negotiations",
    "community",
    "publishing",
    "frontend",
    "data",  # the demo city (manage.py demo_city); on top, it may use every app
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # After static files: bounds the requests a process works on, 503 beyond (ADR 0014).
    "config.overload.OverloadMiddleware",
    # Public tiles the app need not build (304, cached bytes): answered here, without
    # sessions, locale, CSRF and DRF, which a tile does not use (publishing/middleware.py).
    "publishing.middleware.TileFastLane",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "config.middleware.HostileInputMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last: answers a locked-out login (page or admin) with registration/locked_out.html.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # First: a locked-out username+address is refused before any password is checked.
    "accounts.backends.LoginLockoutBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_USER_MODEL = "accounts.User"
# Login lockout (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one username from
# one address, that pair is refused for LOGIN_COOLOFF_MINUTES (every way in: the login page,
# the admin login, POST /api/auth/token/). A success resets the count.
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=10)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("LOGIN_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.views.locked_out"
AXES_CLIENT_IP_CALLABLE = "accounts.throttling.client_address"
AXES_VERBOSE = False
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "frontend:map"
LOGOUT_REDIRECT_URL = "frontend:map"

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

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
                "frontend.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default="postgis://postgres@127.0.0.1:5432/stadtmacher"),
}
DATABASES["default"]["ENGINE"] = "django.contrib.gis.db.backends.postgis"
# Connections are bounded per process: a psycopg pool (Django's OPTIONS "pool") of at most
# DATABASE_POOL_MAX_SIZE, shared by the threads of the process (runserver, gunicorn gthread);
# a request that waits DATABASE_POOL_TIMEOUT for one is answered 503 (config.overload).
# PostgreSQL needs processes x DATABASE_POOL_MAX_SIZE (+1 per running layer import) below
# max_connections (docs/operations.md). DATABASE_POOL_MAX_SIZE=0: no pool, CONN_MAX_AGE applies
# (behind PgBouncer).
DATABASE_POOL_MAX_SIZE = env.int("DATABASE_POOL_MAX_SIZE", default=4)
if DATABASE_POOL_MAX_SIZE > 0:
    DATABASES["default"]["CONN_MAX_AGE"] = 0  # the pool keeps them; Django must not
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": min(env.int("DATABASE_POOL_MIN_SIZE", default=1), DATABASE_POOL_MAX_SIZE),
        "max_size": DATABASE_POOL_MAX_SIZE,
        "timeout": env.float("DATABASE_POOL_TIMEOUT", default=10.0),
        "max_idle": 300,
    }
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)

# Reads of safe requests from a streaming replica, with read-your-writes (config/replica.py).
REPLICA_READ_YOUR_WRITES_SECONDS = env.int("REPLICA_READ_YOUR_WRITES_SECONDS", default=300)
if env("DATABASE_REPLICA_URL", default=""):
    DATABASES["replica"] = {
        **env.db("DATABASE_REPLICA_URL"),
        "ENGINE": "django.contrib.gis.db.backends.postgis",
        "CONN_MAX_AGE": DATABASES["default"]["CONN_MAX_AGE"],
        "OPTIONS": dict(DATABASES["default"].get("OPTIONS", {})),
        "TEST": {"MIRROR": "default"},
    }
    DATABASE_ROUTERS = ["config.replica.ReplicaRouter"]
    MIDDLEWARE.insert(
        MIDDLEWARE.index("config.overload.OverloadMiddleware") + 1,
        "config.replica.ReplicaReadsMiddleware",
    )

# Overload answered early (config/overload.py, ADR 0014): per process at most
# OVERLOAD_MAX_IN_FLIGHT requests at work (default: the pool's size, so none waits for a
# connection), of them at most OVERLOAD_MAX_MAP_READS map reads; a request that gets no slot
# within OVERLOAD_QUEUE_WAIT s, or waited OVERLOAD_MAX_QUEUE_AGE s in front of gunicorn
# (X-Request-Start from the proxy), is answered 503 with Retry-After: OVERLOAD_RETRY_AFTER.
OVERLOAD_MAX_IN_FLIGHT = env.int("OVERLOAD_MAX_IN_FLIGHT", default=DATABASE_POOL_MAX_SIZE or 4)
OVERLOAD_MAX_MAP_READS = env.int(
    "OVERLOAD_MAX_MAP_READS", default=max(1, (OVERLOAD_MAX_IN_FLIGHT + 1) // 2)
)
OVERLOAD_QUEUE_WAIT = env.float("OVERLOAD_QUEUE_WAIT", default=2.0)
OVERLOAD_MAX_QUEUE_AGE = env.float("OVERLOAD_MAX_QUEUE_AGE", default=5.0)
OVERLOAD_RETRY_AFTER = env.int("OVERLOAD_RETRY_AFTER", default=2)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("German")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "var" / "static")
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "var" / "media")
MEDIA_URL = "media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "config.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG

# Request bodies: GeoJSON with 10,000 vertices fits easily; uploads have their own cap.
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("DATA_UPLOAD_MAX_MEMORY_SIZE", default=2 * 1024 * 1024)
LAYER_UPLOAD_MAX_BYTES = env.int("LAYER_UPLOAD_MAX_BYTES", default=200 * 1024 * 1024)
# Without CELERY_BROKER_URL an upload is imported inside its request: accept only what a
# request finishes well within gunicorn's --timeout 120 (docs/operations.md).
LAYER_UPLOAD_MAX_BYTES_WITHOUT_BROKER = env.int(
    "LAYER_UPLOAD_MAX_BYTES_WITHOUT_BROKER", default=20 * 1024 * 1024
)
# An OpenStreetMap extract uploaded on the planner page is imported inside its request (no
# Celery task): accept only what a request finishes well within gunicorn's --timeout 120.
BASEMAP_UPLOAD_MAX_BYTES = env.int("BASEMAP_UPLOAD_MAX_BYTES", default=20 * 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# A Celery worker stops an import after LAYER_IMPORT_TIME_LIMIT seconds (the layer is marked
# failed with a sentence) and kills it a minute later. A running import holds a lease in the
# database (layers.liveness) and beats every LAYER_IMPORT_HEARTBEAT seconds; one whose lease
# is free (its process died) or whose heartbeat was silent for LAYER_IMPORT_STALE_AFTER (its
# machine is gone) is queued again, up to LAYER_IMPORT_MAX_ATTEMPTS starts, else failed
# (layers.services.layer_imports_recover, every LAYER_IMPORT_CHECK_EVERY seconds and on each
# look at the layers). A layer still waiting for a worker after LAYER_IMPORT_WAITING_HINT_AFTER
# seconds says so to the planner.
LAYER_IMPORT_TIME_LIMIT = env.int("LAYER_IMPORT_TIME_LIMIT", default=20 * 60)
LAYER_IMPORT_HEARTBEAT = env.float("LAYER_IMPORT_HEARTBEAT", default=15.0)
LAYER_IMPORT_STALE_AFTER = env.int("LAYER_IMPORT_STALE_AFTER", default=120)
LAYER_IMPORT_MAX_ATTEMPTS = env.int("LAYER_IMPORT_MAX_ATTEMPTS", default=3)
LAYER_IMPORT_CHECK_EVERY = env.float("LAYER_IMPORT_CHECK_EVERY", default=60.0)
LAYER_IMPORT_WAITING_HINT_AFTER = env.int("LAYER_IMPORT_WAITING_HINT_AFTER", default=30)
if LAYER_IMPORT_STALE_AFTER < 3 * LAYER_IMPORT_HEARTBEAT:
    raise ImproperlyConfigured(
        "LAYER_IMPORT_STALE_AFTER must be at least three LAYER_IMPORT_HEARTBEAT intervals, "
        "or imports still running would be taken as gone."
    )

# Photos on pins and comments (community.images): uploads larger than PHOTO_MAX_BYTES or
# with more than PHOTO_MAX_PIXELS pixels are refused (the pixel count is also Pillow's
# Image.MAX_IMAGE_PIXELS, its decompression-bomb limit); what is kept is re-encoded to a
# display size and a thumbnail (longest side in pixels), without any metadata.
PHOTO_MAX_BYTES = env.int("PHOTO_MAX_BYTES", default=20 * 1024 * 1024)
PHOTO_MAX_PIXELS = env.int("PHOTO_MAX_PIXELS", default=60_000_000)
PHOTO_DISPLAY_SIZE = env.int("PHOTO_DISPLAY_SIZE", default=1600)
PHOTO_THUMBNAIL_SIZE = env.int("PHOTO_THUMBNAIL_SIZE", default=400)

# Without a mail server: in development the console shows each message; in production
# nothing is sent and the log gets only a count and kind, never addresses or bodies.
EMAIL_BACKEND = env(
    "EMAIL_BACKEND",
    default="django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "config.mail.CountOnlyEmailBackend",
)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="stadtmacher@localhost")
# Absolute address of the site, for links in e-mails (no trailing slash).
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
if env("EMAIL_URL", default=""):
    # smtp+tls://user:password@host:587 sets EMAIL_BACKEND, EMAIL_HOST, ... (django-environ).
    vars().update(env.email("EMAIL_URL"))

SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env.bool("BEHIND_TLS_PROXY", default=False) else None
)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=False)
# HTTPS only (docs/operations.md): redirect plain HTTP, and tell browsers to use HTTPS for
# SECURE_HSTS_SECONDS (start small: a browser keeps it that long, even if HTTPS breaks).
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=False)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=False)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)

# --- The city -------------------------------------------------------------------------

CITY_NAME = env("CITY_NAME", default="Auenstadt")
# Bounds as minlon, minlat, maxlon, maxlat (EPSG:4326 axis order lon/lat).
CITY_BBOX = tuple(env.list("CITY_BBOX", cast=float, default=[12.25, 51.27, 12.50, 51.42]))
# Projected metric CRS for areas, overlaps and tolerances (the demo city lies in UTM 33N).
ANALYSIS_SRID = env.int("ANALYSIS_SRID", default=25833)
GEOMETRY_MAX_VERTICES = env.int("GEOMETRY_MAX_VERTICES", default=10_000)
# The largest place a drawn claim may cover, measured in ANALYSIS_SRID: its area in hectares
# and its extent (the longer side of its bounding box) in metres. Sized for a neighbourhood;
# a claim about more names the district or city scope instead (docs/adr/0008-claim-scope.md).
CLAIM_MAX_AREA_HA = env.float("CLAIM_MAX_AREA_HA", default=25.0)
CLAIM_MAX_EXTENT_M = env.float("CLAIM_MAX_EXTENT_M", default=2000.0)
# Base-map tiles; empty means no tile server: the map draws the city's own districts.
BASEMAP_TILE_URL = env("BASEMAP_TILE_URL", default="")
BASEMAP_ATTRIBUTION = env("BASEMAP_ATTRIBUTION", default="")
# The map shows pins as markers (GeoJSON) while the view holds at most this many, and as
# vector tiles beyond (publishing/tiles.py). Tiles ask browsers and CDNs to revalidate;
# TILES_MAX_AGE > 0 lets shared caches (nginx, a CDN) serve a public tile that many seconds
# unasked; signed-in readers go past them (docs/operations.md).
MAP_MARKER_LIMIT = env.int("MAP_MARKER_LIMIT", default=500)
# The same for cluster outlines (about 1 KB of GeoJSON each): beyond this many in view, the
# cluster maps draw the cluster tiles.
MAP_CLUSTER_LIMIT = env.int("MAP_CLUSTER_LIMIT", default=250)
TILES_MAX_AGE = env.int("TILES_MAX_AGE", default=0)
# PAGES_MAX_AGE > 0 lets shared caches serve the public pages (map, list, a pin, clusters,
# legal texts) to anonymous readers that many seconds unasked; never a signed-in reader's
# page (frontend/pages/shared.py, docs/adr/0017).
PAGES_MAX_AGE = env.int("PAGES_MAX_AGE", default=0)
# Place search: empty means the city's own gazetteer (manage.py import_basemap); else the
# search URL of a Nominatim- or Photon-compatible geocoder, which browsers then ask directly
# (e.g. https://nominatim.example.org/search, https://photon.example.org/api).
GEOCODER_URL = env("GEOCODER_URL", default="")
GEOCODER_KIND = env("GEOCODER_KIND", default="nominatim")
if GEOCODER_KIND not in ("nominatim", "photon"):
    raise ImproperlyConfigured("GEOCODER_KIND must be nominatim or photon.")
# Claims within this many metres of each other count as the same space (spatial analysis).
CLUSTER_TOLERANCE_M = env.float("CLUSTER_TOLERANCE_M", default=10.0)

# Content-Security-Policy on every response (config/csp.py: the tile server and the
# external geocoder are allowed, the import map by its hash). Served under a sub-path, set
# FORCE_SCRIPT_NAME: the import map's text, and so its hash, holds the static prefix.
FORCE_SCRIPT_NAME = env("FORCE_SCRIPT_NAME", default=None)
CONTENT_SECURITY_POLICY = csp_policy(
    tile_url=BASEMAP_TILE_URL,
    geocoder_url=GEOCODER_URL,
    static_url=static_prefix(STATIC_URL, FORCE_SCRIPT_NAME),
)

LEAFLET_CONFIG = {
    "DEFAULT_CENTER": ((CITY_BBOX[1] + CITY_BBOX[3]) / 2, (CITY_BBOX[0] + CITY_BBOX[2]) / 2),
    "DEFAULT_ZOOM": 12,
    "MIN_ZOOM": 10,
    "MAX_ZOOM": 19,
    "TILES": [],
    "RESET_VIEW": False,
}

# --- API ------------------------------------------------------------------------------

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "knox.auth.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "config.api.exception_handler",
    "DEFAULT_METADATA_CLASS": "config.api_metadata.Metadata",
    "DEFAULT_PAGINATION_CLASS": None,
    # Writes of views with a throttle_scope, counted per user and per address in the
    # shared cache (accounts/throttling.py); limits in RATE_LIMITS.
    "DEFAULT_THROTTLE_CLASSES": [
        "accounts.throttling.UserWriteThrottle",
        "accounts.throttling.AddressWriteThrottle",
    ],
    # Proxies in front that append to X-Forwarded-For (0: the client is REMOTE_ADDR).
    "NUM_PROXIES": env.int("TRUSTED_PROXY_COUNT", default=0),
}
# Writes per signed-in user, and per client address (".address": many people may share one
# address, e.g. a workshop in the town hall). Far above a human pace: a resident pinning
# claims during a campaign's peak writes a few per hour (docs/operations.md).
RATE_LIMITS = {
    "proposals": env("RATE_LIMIT_PROPOSALS", default="30/hour"),
    "proposals.address": env("RATE_LIMIT_PROPOSALS_ADDRESS", default="300/hour"),
    "comments": env("RATE_LIMIT_COMMENTS", default="60/hour"),
    "comments.address": env("RATE_LIMIT_COMMENTS_ADDRESS", default="600/hour"),
    "supports": env("RATE_LIMIT_SUPPORTS", default="300/hour"),
    "supports.address": env("RATE_LIMIT_SUPPORTS_ADDRESS", default="3000/hour"),
    "signups": env("RATE_LIMIT_SIGNUPS", default="10/hour"),
    # E-mails a page sends to an address typed in (password reset): no inbox flooding.
    "account_mails": env("RATE_LIMIT_ACCOUNT_MAILS", default="10/hour"),
    "photos": env("RATE_LIMIT_PHOTOS", default="30/hour"),
    "photos.address": env("RATE_LIMIT_PHOTOS_ADDRESS", default="300/hour"),
    "reports": env("RATE_LIMIT_REPORTS", default="10/hour"),
    "reports.address": env("RATE_LIMIT_REPORTS_ADDRESS", default="100/hour"),
}
# API tokens (django-rest-knox): stored as a hash, valid API_TOKEN_DAYS, revocable.
REST_KNOX = {
    "TOKEN_TTL": timedelta(days=env.int("API_TOKEN_DAYS", default=30)),
    "AUTH_HEADER_PREFIX": "Token",
    "TOKEN_LIMIT_PER_USER": None,
    "AUTO_REFRESH": False,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Stadtmacher API",
    "DESCRIPTION": "Proposals, layers, clusters and negotiation rounds on the city map.",
    "VERSION": "0.1.0",
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # Choice sets that share a field name get a name of their own.
    "ENUM_NAME_OVERRIDES": {
        "ProposalKindEnum": "proposals.models.Kind",
        "LayerKindEnum": "layers.models.LayerKind",
        "RoundStateEnum": "negotiations.models.State",
        "LayerStateEnum": "layers.models.LayerState",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "config.openapi.document_errors",
        "config.openapi.link_operations",
    ],
}

# --- Background jobs ------------------------------------------------------------------

CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="")
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", default=CELERY_BROKER_URL or None)
# Without a broker, jobs run eagerly in-process (make demo); with one, on `make worker`.
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
# A job is acknowledged when it finished, and given back to the queue when its pool process
# died (kill -9, the OOM killer): jobs must be idempotent (a layer import is one transaction
# under a lease, layers/tasks.py). A job whose whole worker died is redelivered by Redis after
# the visibility timeout, which must be just above the longest job (the import's hard limit).
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env.int(
        "CELERY_VISIBILITY_TIMEOUT", default=LAYER_IMPORT_TIME_LIMIT + 60 + 60
    ),
}
CELERY_RESULT_EXPIRES = timedelta(days=1)
# Periodic jobs, run by celery beat (`make worker` runs one embedded: -B; one per
# deployment): the check for imports nobody runs, and the daily digest of notices
# at NOTICES_DIGEST_HOUR (TIME_ZONE). Without beat, cron runs manage.py notices_digest.
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE = {
    "layer-imports-recover": {
        "task": "layers.tasks.layer_imports_recover",
        "schedule": LAYER_IMPORT_CHECK_EVERY,
    },
    "notices-digest": {
        "task": "community.tasks.notices_digest",
        "schedule": crontab(hour=env.int("NOTICES_DIGEST_HOUR", default=7), minute=0),
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}

# Debian 12 ships GDAL 3.6, which cannot block network access for spatial references.
# User files are read through pyogrio's own (newer) GDAL with network access switched off,
# never through django.contrib.gis.gdal, so the warning does not apply here.
SILENCED_SYSTEM_CHECKS = ["gis.W001"]

# GDAL drivers that run what a file says instead of reading data from it: GDALG (a GDAL
# command line, e.g. one reading /etc/passwd) and VRT (a dataset pointing at other files).
# pyogrio's GDAL registers its drivers when pyogrio is imported, which happens here, first,
# with them in GDAL_SKIP; the variable is then restored so that other GDALs (the system's,
# used by GeoDjango and ogrinfo, which lacks GDALG and would warn about it) never see it.
GDAL_SKIPPED_DRIVERS = ("GDALG", "VRT", "OGR_VRT")
_gdal_skip = os.environ.get("GDAL_SKIP")
os.environ["GDAL_SKIP"] = " ".join([*(_gdal_skip or "").split(), *GDAL_SKIPPED_DRIVERS])
try:
    import pyogrio  # noqa: E402,F401
finally:
    if _gdal_skip is None:
        del os.environ["GDAL_SKIP"]
    else:
        os.environ["GDAL_SKIP"] = _gdal_skip
