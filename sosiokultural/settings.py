"""Settings for Sosiokultural, read from the environment (see README, "Configuration").

With no environment at all the project runs on its embedded default: DEBUG, a SQLite
file inside the project and Celery tasks executed in-process.
"""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from sosiokultural.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", default=True)
# The demo (logins with a published password) only where DEBUG is on; kept apart
# from DEBUG because the test runner switches DEBUG off.
DEMO_SEED_ALLOWED = DEBUG

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    # Development only: never used once DEBUG is off (checked above).
    SECRET_KEY = "dev-only-insecure-key-sosiokultural"  # noqa: S105

ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"] if DEBUG else []
)
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set when DEBUG is off.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# The project's own apps, in dependency order: the demo seeds, the menu and the
# dashboard tiles follow this order (``sosiokultural.registry``).
PROJECT_APPS = [
    "people",
    "notices",
    "competencies",
    "programs",
    "ledger",
    "activities",
    "assessments",
    "multirater",
    "surveys",
    "evaluations",
    "plans",
    "reports",
    "audit",
    "privacy",
    "api",
    "siasn",
    "certificates",
    "calendars",
    "exports",
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_htmx",
    "template_partials",
    "axes",
    "rules",
    # Django REST Framework itself is not an installed app: the API renders JSON
    # only, and DRF's catalogue would override Django's Indonesian form messages
    # on every page ("This field is required.").
    "drf_spectacular",
    "drf_spectacular_sidecar",
    *PROJECT_APPS,
    # The benchmark of the synthetic province (management commands only): installed,
    # but not a project app, so it seeds nothing and adds nothing to the menu.
    "bench",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "sosiokultural.middleware.IndonesianByDefaultMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "sosiokultural.middleware.RequestLimitsMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "sosiokultural.middleware.DeactivatedEmployeeMiddleware",
    "sosiokultural.middleware.PrivateCacheMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Last, as django-axes requires: it turns a lockout into the lockout page.
    "axes.middleware.AxesMiddleware",
]

if not DEBUG:
    # Production serves collected static files from the app server; in development
    # runserver (and the test live server) serve them from the finders.
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")

ROOT_URLCONF = "sosiokultural.urls"
WSGI_APPLICATION = "sosiokultural.wsgi.application"
ASGI_APPLICATION = "sosiokultural.asgi.application"

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
                "sosiokultural.context_processors.navigation",
            ],
            # The one formatting rule for numbers (sosiokultural/formatting.py).
            "builtins": ["sosiokultural.templatetags.formatting"],
        },
    },
]

# Database: DATABASE_URL, or the embedded SQLite file in the project.
_database_url = env_str("DATABASE_URL")
if _database_url:
    DATABASES = {
        "default": dj_database_url.parse(
            _database_url,
            conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
            # A reused connection is pinged before a request uses it, so a database
            # restart or a pooler dropping idle connections costs no failed request.
            conn_health_checks=env_bool("DB_CONN_HEALTH_CHECKS", default=True),
        )
    }
    # PostgreSQL cancels any statement of the web and worker processes running longer
    # than this (0 = no limit); see docs/performance.md, "PostgreSQL settings".
    _statement_timeout_ms = env_int("DB_STATEMENT_TIMEOUT_MS", 0)
    if _statement_timeout_ms < 0:
        raise ImproperlyConfigured("DB_STATEMENT_TIMEOUT_MS must be 0 or more.")
    # PostgreSQL's JIT compiler is off unless DB_JIT=true: the planner's estimates
    # of the scoped counts reach its cost threshold, and compiling took 370 ms of
    # a 387 ms statement that runs in 0.1 ms without it (docs/performance.md).
    _session = [] if env_bool("DB_JIT", default=False) else ["-c jit=off"]
    if _statement_timeout_ms:
        _session.append(f"-c statement_timeout={_statement_timeout_ms}")
    if _session and DATABASES["default"]["ENGINE"].endswith("postgresql"):
        DATABASES["default"].setdefault("OPTIONS", {})["options"] = " ".join(_session)
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": BASE_DIR / "db.sqlite3",
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "people.User"
AUTHENTICATION_BACKENDS = [
    # Login throttling: after AXES_FAILURE_LIMIT failures for one username from one
    # address, that pair is locked out for AXES_COOLOFF_MINUTES.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/lockout.html"
# Reverse proxies in front of the app; the address throttled is the client's
# (sosiokultural.clientip), never one a client wrote into X-Forwarded-For itself.
TRUSTED_PROXY_COUNT = env_int("AXES_PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "sosiokultural.clientip.client_ip"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Indonesian first; English through the language switch.
LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env_str("TIME_ZONE", "Asia/Jakarta")
USE_I18N = True
USE_TZ = True
# One way of writing dates per language (sosiokultural/formats/<lang>/formats.py).
FORMAT_MODULE_PATH = ["sosiokultural.formats"]

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# Uploads (evidence, certificates, imports). Each file stops at UPLOAD_MAX_BYTES
# while the body streams in; a body larger than REQUEST_BODY_MAX_BYTES is refused
# from its Content-Length before it is read (413 with a message; see
# sosiokultural.middleware.RequestLimitsMiddleware). The front proxy refuses the
# same size first (README, "Production layout"). Form fields other than files
# may hold DATA_UPLOAD_MAX_MEMORY_SIZE together; a file above
# FILE_UPLOAD_MAX_MEMORY_SIZE goes to a temporary file instead of memory.
UPLOAD_MAX_BYTES = 5 * 1024 * 1024  # as the forms say (MAX_*_BYTES)
REQUEST_BODY_MAX_BYTES = 2 * UPLOAD_MAX_BYTES + 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_HANDLERS = [
    "sosiokultural.uploads.SizeLimitUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Celery: without a broker URL the tasks run eagerly, in-process.
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL") or env_str("REDIS_URL") or ""
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Publishing must not hang a web request when the broker is down: the outbox sweep
# re-queues whatever could not be published.
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0.2}
CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_connect_timeout": 2, "socket_timeout": 5}
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE = {
    "notices-sweep": {"task": "notices.sweep", "schedule": 60.0},
    # IKM follow-up actions due soon (owner) or overdue (heads over the unit).
    "surveys-remind-follow-ups": {
        "task": "surveys.remind_follow_ups",
        "schedule": crontab(hour=7, minute=15),
    },
    # Raters with 360 answers still due in open rounds: one notice a day each.
    "multirater-remind-raters": {
        "task": "multirater.remind_raters",
        "schedule": crontab(hour=7, minute=15),
    },
    # One email of the day's notices for those who chose a daily digest.
    "notices-daily-digest": {
        "task": "notices.daily_digest",
        "schedule": crontab(hour=6, minute=30),
    },
    # Heads with activities waiting for verification: one notice a day each.
    "activities-pending-digest": {
        "task": "activities.pending_digest",
        "schedule": crontab(hour=7, minute=15),
    },
    # Reaction surveys just opened (participants) and follow-ups just due (heads).
    "evaluations-remind": {
        "task": "evaluations.remind",
        "schedule": crontab(hour=7, minute=20),
    },
    "programs-remind-upcoming": {
        "task": "programs.remind_upcoming",
        "schedule": crontab(hour=7, minute=0),
    },
    # Evidence files past EVIDENCE_RETENTION_DAYS (personal data kept no longer).
    "privacy-delete-expired-evidence": {
        "task": "privacy.delete_expired_evidence",
        "schedule": crontab(hour=2, minute=30),
    },
    # The levels as of the quarter ends the past-quarter reports offer, counted
    # once per quarter end (``assessments.LevelCountAt``).
    "assessments-snapshot-quarters": {
        "task": "assessments.snapshot_quarters",
        "schedule": crontab(hour=0, minute=20),
    },
    # Item analyses whose queued refresh was lost (broker down at a release).
    "assessments-item-analysis-sweep": {
        "task": "assessments.item_analysis_sweep",
        "schedule": crontab(hour=3, minute=0),
    },
    # Background exports: publish what the broker missed, take over dead workers'
    # jobs; delete the files of expired exports.
    "exports-sweep": {"task": "exports.sweep", "schedule": 60.0},
    # The bulk-write jobs (employee import, release of a round), the same way.
    "people-import-sweep": {"task": "people.import_sweep", "schedule": 60.0},
    "assessments-release-sweep": {
        "task": "assessments.release_sweep",
        "schedule": 60.0,
    },
    "exports-purge-expired": {"task": "exports.purge_expired", "schedule": 900.0},
    # Submit competency tests whose time ran out while nobody had them open.
    "assessments-finalise-expired": {
        "task": "assessments.finalise_expired",
        "schedule": 60.0,
    },
}

# Exports (docs/exports.md): above this many rows an export is built in the
# background instead of streamed in the request; files of background exports are
# deleted this many hours after they were built; unfinished jobs per user.
EXPORT_BACKGROUND_ROWS = env_int("EXPORT_BACKGROUND_ROWS", 20_000)
EXPORT_RETENTION_HOURS = env_int("EXPORT_RETENTION_HOURS", 24)
EXPORT_MAX_ACTIVE_PER_USER = env_int("EXPORT_MAX_ACTIVE_PER_USER", 2)

# Email: console in development, SMTP when EMAIL_HOST is set.
EMAIL_HOST = env_str("EMAIL_HOST", "")
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=bool(EMAIL_HOST))
# Seconds any one SMTP operation may take; a send therefore ends well before the
# notice claim lease (notices.services.CLAIM_LEASE) runs out.
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Sosiokultural <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# WhatsApp Business Cloud API (notices/whatsapp.py): off until the phone number id
# and the access token are set. Templates per notice kind as "kind=template" pairs.
WHATSAPP_API_URL = env_str("WHATSAPP_API_URL", "https://graph.facebook.com/v21.0")
WHATSAPP_PHONE_NUMBER_ID = env_str("WHATSAPP_PHONE_NUMBER_ID", "")
WHATSAPP_ACCESS_TOKEN = env_str("WHATSAPP_ACCESS_TOKEN", "")
WHATSAPP_TEMPLATE_LANGUAGE = env_str("WHATSAPP_TEMPLATE_LANGUAGE", "id")
WHATSAPP_DEFAULT_TEMPLATE = env_str(
    "WHATSAPP_DEFAULT_TEMPLATE", "pemberitahuan_sosiokultural"
)
WHATSAPP_TEMPLATES = env_list("WHATSAPP_TEMPLATES", [])
WHATSAPP_TIMEOUT = env_int("WHATSAPP_TIMEOUT", 15)

# Production hardening: on whenever DEBUG is off.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
# Cookies only over HTTPS in production; SECURE_COOKIES=false only for plain-HTTP
# loopback runs (the load test).
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy (django-csp): scripts, styles, fonts and connections
# from this site only, no inline script, handler or style attribute anywhere
# (page behaviour lives in static files, static/js/app.js); images also as data:
# URIs (Bootstrap's icons).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# /health/ and /health/siap/ are probed over plain HTTP by load balancers.
SECURE_REDIRECT_EXEMPT = [r"^health/$", r"^health/siap/$"]

LOG_LEVEL = env_str("LOG_LEVEL", "INFO")
LOG_FORMAT = env_str("LOG_FORMAT", "text" if DEBUG else "json")
if LOG_FORMAT not in {"text", "json"}:
    raise ImproperlyConfigured("LOG_FORMAT must be 'text' or 'json'.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "sosiokultural.logging.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
    },
    "filters": {
        "one_line_refusals": {"()": "sosiokultural.logging.OneLineRefusals"},
        "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT},
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "filters": ["require_debug_false"],
        },
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        # Django's own records reach the console once, through the root logger
        # (not also through Django's default console handler).
        "django": {"handlers": ["mail_admins"], "level": "INFO"},
        # 403 and 404: one line each, without a traceback.
        "django.request": {"filters": ["one_line_refusals"]},
        "django.db.backends": {"level": "INFO"},
        "axes": {"level": "WARNING"},
    },
}

# Days an activity's evidence file is kept after upload (0: kept for ever); a beat
# task deletes older ones (privacy.delete_expired_evidence). Exports expire after
# EXPORT_RETENTION_HOURS (reports).
EVIDENCE_RETENTION_DAYS = env_int("EVIDENCE_RETENTION_DAYS", 5 * 365)

# Training evaluation (docs/evaluation.md): days a reaction survey stays open after
# the program or activity ends, days after a completion the head's on-the-job
# follow-up falls due, and the smallest group whose mean the report shows.
EVALUATION_SURVEY_DAYS = env_int("EVALUATION_SURVEY_DAYS", 14)
EVALUATION_FOLLOW_UP_DAYS = env_int("EVALUATION_FOLLOW_UP_DAYS", 90)
EVALUATION_MIN_GROUP = env_int("EVALUATION_MIN_GROUP", 5)
if EVALUATION_SURVEY_DAYS < 1 or EVALUATION_FOLLOW_UP_DAYS < 1:
    raise ImproperlyConfigured(
        "EVALUATION_SURVEY_DAYS and EVALUATION_FOLLOW_UP_DAYS must be at least 1"
    )
if EVALUATION_MIN_GROUP < 2:
    raise ImproperlyConfigured("EVALUATION_MIN_GROUP must be at least 2")

# -- interoperability (docs/integration.md) ---------------------------------------

# REST API: personal tokens (``Authorization: Bearer …``) or the browser session.
API_PAGE_SIZE = env_int("API_PAGE_SIZE", 50)
API_TOKEN_MAX_DAYS = env_int("API_TOKEN_MAX_DAYS", 365)
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "api.authentication.BearerTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["api.permissions.TokenScope"],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.Pagination",
    "PAGE_SIZE": API_PAGE_SIZE,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env_str("API_THROTTLE_ANON", "60/minute"),
        "user": env_str("API_THROTTLE_USER", "600/minute"),
    },
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Sosiokultural API",
    "DESCRIPTION": "Scoped read access to units, employees, the competency standard, "
    "activities, the JP ledger, levels, results, programs and the aggregate report; "
    "recording a briefing. See docs/integration.md.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": "/api/v1",
}

# SIASN (BKN) exchange of training history: credentials from the environment only.
SIASN_API_URL = (env_str("SIASN_API_URL", "") or "").rstrip("/")
SIASN_GATEWAY_TOKEN_URL = env_str("SIASN_GATEWAY_TOKEN_URL", "")
SIASN_SSO_TOKEN_URL = env_str("SIASN_SSO_TOKEN_URL", "")
SIASN_CONSUMER_KEY = env_str("SIASN_CONSUMER_KEY", "")
SIASN_CONSUMER_SECRET = env_str("SIASN_CONSUMER_SECRET", "")
SIASN_CLIENT_ID = env_str("SIASN_CLIENT_ID", "")
SIASN_USERNAME = env_str("SIASN_USERNAME", "")
SIASN_PASSWORD = env_str("SIASN_PASSWORD", "")
SIASN_INSTANSI_ID = env_str("SIASN_INSTANSI_ID", "")
SIASN_LOKASI_ID = env_str("SIASN_LOKASI_ID", "")
# Reference id of the training-certificate document type in SIASN (id_ref_dokumen).
SIASN_DOCUMENT_REF_ID = env_str("SIASN_DOCUMENT_REF_ID", "874")
SIASN_TIMEOUT_SECONDS = env_int("SIASN_TIMEOUT_SECONDS", 20)
# jenisDiklatId of a form without its own mapping (the sociocultural type is
# believed to be 6; the mapping per form is data, edited in the admin).
SIASN_DEFAULT_JENIS_DIKLAT_ID = env_str("SIASN_DEFAULT_JENIS_DIKLAT_ID", "6")

# Certificates: Ed25519 signing key (PEM, PKCS#8) for Open Badges credentials.
CERTIFICATE_SIGNING_KEY_FILE = env_str("CERTIFICATE_SIGNING_KEY_FILE", "")
# Without a key file, development (DEBUG) signs with a key derived from
# SECRET_KEY; production refuses to sign.
CERTIFICATE_DERIVED_KEY = DEBUG
CERTIFICATE_ISSUER_NAME = env_str(
    "CERTIFICATE_ISSUER_NAME", "BPSDM Provinsi DKI Jakarta"
)
