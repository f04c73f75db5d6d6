"""newsapi settings: one module, every value read from the environment.

Every variable is listed in `.env.example` and the README. The defaults are
for a developer's machine; production sets DEBUG off, which makes SECRET_KEY
and ALLOWED_HOSTS mandatory.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} must be an integer, not {value!r}") from error


def env_float(name: str, default: float) -> float:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return float(value)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} must be a number, not {value!r}") from error


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set it in the environment (see .env.example); "
            "only DEBUG=1 may run with the built-in development key."
        )
    SECRET_KEY = "django-insecure-development-key-do-not-use-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "rest_framework",
    "knox",
    "simple_history",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "drf_standardized_errors",
    "corsheaders",
    "axes",
    "newsapi",
    "articles",
    "claims",
    "ingestion",
]

MIDDLEWARE = [
    # Outermost, so that every answer under /api/ carries the CORS headers, the JSON errors of the layer below too.
    "corsheaders.middleware.CorsMiddleware",
    # X-RateLimit-* on every response the API's throttle counted (newsapi/api/throttling.py).
    "newsapi.api.throttling.RateLimitHeaders",
    # Turns the HTML error pages of any layer below into JSON under /api/.
    "newsapi.api.middleware.ApiErrorsAsJson",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Sessions, user and messages serve the admin: skipped under /api/ (newsapi/api/middleware.py).
    "newsapi.api.middleware.SessionOutsideApi",
    "django.middleware.common.CommonMiddleware",
    # ETag on every GET and 304 when If-None-Match matches it.
    "newsapi.api.middleware.ConditionalGetSha1",
    "django.middleware.csrf.CsrfViewMiddleware",
    "newsapi.api.middleware.AuthenticationOutsideApi",
    "newsapi.api.middleware.MessagesOutsideApi",
    # Edits record who made them (django-simple-history): every request but the API's reads.
    "newsapi.api.middleware.HistoryRequestOutsideApiReads",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: refuses logins from a locked-out username and address.
    "axes.middleware.AxesMiddleware",
]

# The admin lives at ADMIN_URL ("admin/" by default): a path of one's own keeps it out of scanners' way.
ADMIN_URL = os.environ.get("ADMIN_URL", "admin/")
if not ADMIN_URL.endswith("/") or ADMIN_URL.startswith("/") or ADMIN_URL.startswith("api/") or ADMIN_URL == "/":
    raise ImproperlyConfigured(f"ADMIN_URL must be a relative path ending in / outside api/, such as staff/, "
                               f"not {ADMIN_URL!r}")

# django-axes throttles the admin login: after AXES_FAILURE_LIMIT failures for one username from one address,
# that pair is refused (429) for AXES_COOLOFF_MINUTES. API tokens never pass through a login.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True

# Browser apps on these origins may call the API (django-cors-headers); none by default. Full origins with scheme:
# https://app.example.org,http://localhost:3000.
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS", [])
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_HEADERS = ["accept", "authorization", "content-type", "if-none-match"]
CORS_EXPOSE_HEADERS = ["ETag", "Retry-After", "Content-Disposition", "Location",
                       "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"]
CORS_PREFLIGHT_MAX_AGE = 86400

ROOT_URLCONF = "newsapi.urls"
WSGI_APPLICATION = "newsapi.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "newsapi" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# An SQLite file in the project by default, so that nothing is needed to start;
# production points DATABASE_URL at PostgreSQL.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and env_bool("DATABASE_SERVER_SIDE_BINDING", True):
    # Parameters bound by the server, so that psycopg prepares a statement the connection runs again (from its
    # fifth run): PostgreSQL then plans a list's four-way join once per connection, not on every request
    # (planning took 1.2 ms of the claims list's 1.5 ms in the database).
    # Django leaves preparing off for connection poolers in transaction mode; set
    # DATABASE_SERVER_SIDE_BINDING=0 behind one.
    DATABASES["default"].setdefault("OPTIONS", {}).update(server_side_binding=True, prepare_threshold=5)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not memory, so that tests with several connections (concurrent loads) share one database.
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "test_db.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Throttle counters must be shared by all worker processes to mean anything;
# CACHE_URL (for example redis://127.0.0.1:6379/0) does that in production.
CACHE_URL = os.environ.get("CACHE_URL", "")
if CACHE_URL.startswith(("redis://", "rediss://")):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}}
elif CACHE_URL:
    raise ImproperlyConfigured(f"CACHE_URL must be a redis:// URL, not {CACHE_URL!r}")
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"

# Figures of one measure are compared when their articles are at most this many days apart.
CLAIM_COMPARISON_WINDOW_DAYS = env_int("CLAIM_COMPARISON_WINDOW_DAYS", 3)

# API tokens (django-rest-knox) are stored as SHA-512 digests only; a token lives API_TOKEN_TTL_DAYS days
# (0: until it is deleted).
API_TOKEN_TTL_DAYS = env_int("API_TOKEN_TTL_DAYS", 0)
REST_KNOX = {
    "TOKEN_TTL": timedelta(days=API_TOKEN_TTL_DAYS) if API_TOKEN_TTL_DAYS > 0 else None,
    "AUTH_HEADER_PREFIX": "Token",
}
# An article whose body shares at least this estimated share of word 3-shingles (MinHash Jaccard) with a stored
# one is a copy of that story: linked by duplicate_of, its repeated figures counted once.
NEAR_DUPLICATE_SIMILARITY = env_float("NEAR_DUPLICATE_SIMILARITY", 0.7)
if not 0 < NEAR_DUPLICATE_SIMILARITY <= 1:
    raise ImproperlyConfigured("NEAR_DUPLICATE_SIMILARITY must be in (0, 1]")

# The largest request body the API accepts (bytes); larger article posts get 413.
MAX_ARTICLE_BODY_BYTES = env_int("MAX_ARTICLE_BODY_BYTES", 1_000_000)
DATA_UPLOAD_MAX_MEMORY_SIZE = MAX_ARTICLE_BODY_BYTES

# Celery: documents queued by `load_seeds --queue` and `POST /api/v1/articles/?async=true` are ingested by
# `celery -A newsapi worker`. RabbitMQ is the broker: a message a worker has not acknowledged goes back to the
# queue the moment its connection drops, which is what acks_late needs for a killed worker's document to be
# stored by another. Job state lives in the database (IngestJob), so no result backend is used.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "amqp://guest:guest@127.0.0.1:5672//")
CELERY_TASK_DEFAULT_QUEUE = os.environ.get("CELERY_INGEST_QUEUE", "ingest")
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_IGNORE_RESULT = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
# Publishing gives up after a few seconds when the broker is down, so that a request answers instead of hanging.
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.5, "interval_max": 1}
CELERY_BROKER_CONNECTION_TIMEOUT = env_int("CELERY_BROKER_CONNECTION_TIMEOUT", 4)

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "newsapi.api.schema.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "knox.auth.TokenAuthentication",
    ],
    # Reads are public; each write needs the permission its view names, which a role's group grants.
    "DEFAULT_PERMISSION_CLASSES": ["newsapi.api.permissions.RolePermissions"],
    "DEFAULT_PAGINATION_CLASS": "newsapi.api.pagination.CursorPagination",
    "DEFAULT_FILTER_BACKENDS": [
        "newsapi.api.filters.StrictQueryParametersBackend",
        "newsapi.api.filters.FilterBackend",
        "newsapi.api.filters.StrictOrderingFilter",
        "newsapi.api.filters.QueryErrorsBackend",
    ],
    "DEFAULT_PARSER_CLASSES": ["newsapi.api.parsers.JSONParser"],
    "DEFAULT_RENDERER_CLASSES": [
        "newsapi.api.renderers.ORJSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    # One counter per client (anon by address, tokens by user), one cache round trip per request.
    "DEFAULT_THROTTLE_CLASSES": ["newsapi.api.throttling.RateLimitThrottle"],
    "DEFAULT_THROTTLE_RATES": {
        "anon": os.environ.get("THROTTLE_ANON_RATE", "120/minute"),
        "user": os.environ.get("THROTTLE_USER_RATE", "1200/minute"),
    },
    "EXCEPTION_HANDLER": "drf_standardized_errors.handler.exception_handler",
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "newsapi.api.exports.ContentNegotiation",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}

DRF_STANDARDIZED_ERRORS = {
    "ENABLE_IN_DEBUG_FOR_UNHANDLED_EXCEPTIONS": True,
    "ALLOWED_ERROR_STATUS_CODES": ["400", "401", "403", "404", "405", "406", "413", "415", "429", "500"],
    "ERROR_SCHEMAS": {
        "400": "newsapi.api.errors.ValidationErrorResponseSerializer",
        "413": "newsapi.api.errors.ErrorResponse413Serializer",
    },
}

SPECTACULAR_SETTINGS = {
    "TITLE": "newsapi",
    "DESCRIPTION": (
        "Structured news data: articles, the entities they name, the quotes they report "
        "(who said what) and the claims they carry (who asserted which figure), each "
        "traceable to the characters of the article it came from.\n\n"
        "Offsets (`start`, `end`) index the article's `text`: the title, a blank line, "
        "the subtitle and a blank line when there is one, then the body.\n\n"
        "Reads are public and need no token; a token raises the rate limit. "
        "Writes need `Authorization: Token <key>` (`python manage.py create_api_token USERNAME --role ROLE`): "
        "the `ingest` role may post articles, the `editor` role may also correct quotes, claims and entities; "
        "a token whose role lacks the permission gets 403, an invalid or expired token 401.\n\n"
        "Errors share one shape: `{\"type\": ..., \"errors\": [{\"code\", \"detail\", \"attr\"}]}`, where `attr` "
        "names the parameter or field at fault; every error of a request is listed.\n\n"
        "Lists are cursor-paginated (`next`/`previous` links); `count=true` adds the number of matching rows. "
        "Filters that take several values accept them comma-separated (`type=PERSON,ORGANIZATION`) or repeated "
        "(`type=PERSON&type=ORGANIZATION`): any of them matches; `exclude_<filter>` leaves them out. "
        "Enumerations are matched case-insensitively. `fields=` keeps only the named top-level fields of a list's "
        "rows or a detail, `omit=` leaves them out (a generated client's typed models expect every field: read "
        "such answers raw). Articles, entities, quotes and claims also export as CSV (`Accept: text/csv` or "
        "`?format=csv`) and their details as schema.org JSON-LD (`Accept: application/ld+json` or "
        "`?format=jsonld`)."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # Operation ids and tags per resource (`articles_list`, tag `articles`), not under one `v1`.
    "SCHEMA_PATH_PREFIX": r"/api/v[0-9]+",
    # An empty value is served as null, so enumerations have no blank variant: `QualifierEnum | null`.
    "ENUM_ADD_EXPLICIT_BLANK_NULL_CHOICE": False,
    "GET_LIB_DOC_EXCLUDES": "newsapi.api.schema.lib_doc_excludes",
    # ReDoc with the fonts of the browser: its default asks a web-font host (the docs must work offline).
    "REDOC_UI_SETTINGS": {"hideDownloadButton": False, "theme": {"typography": {
        "fontFamily": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
        "headings": {"fontFamily": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"},
        "code": {"fontFamily": "ui-monospace, 'DejaVu Sans Mono', monospace"}}}},
    "SWAGGER_UI_SETTINGS": {"deepLinking": True, "persistAuthorization": True, "displayOperationId": True,
                            "validatorUrl": None},
    "ENUM_NAME_OVERRIDES": {
        "ValidationErrorEnum": "drf_standardized_errors.openapi_serializers.ValidationErrorEnum.choices",
        "ClientErrorEnum": "drf_standardized_errors.openapi_serializers.ClientErrorEnum.choices",
        "ServerErrorEnum": "drf_standardized_errors.openapi_serializers.ServerErrorEnum.choices",
        "ErrorCode401Enum": "drf_standardized_errors.openapi_serializers.ErrorCode401Enum.choices",
        "ErrorCode403Enum": "drf_standardized_errors.openapi_serializers.ErrorCode403Enum.choices",
        "ErrorCode404Enum": "drf_standardized_errors.openapi_serializers.ErrorCode404Enum.choices",
        "ErrorCode405Enum": "drf_standardized_errors.openapi_serializers.ErrorCode405Enum.choices",
        "ErrorCode406Enum": "drf_standardized_errors.openapi_serializers.ErrorCode406Enum.choices",
        "ErrorCode413Enum": "newsapi.api.errors.ErrorCode413Enum.choices",
        "ErrorCode415Enum": "drf_standardized_errors.openapi_serializers.ErrorCode415Enum.choices",
        "ErrorCode429Enum": "drf_standardized_errors.openapi_serializers.ErrorCode429Enum.choices",
        "ErrorCode500Enum": "drf_standardized_errors.openapi_serializers.ErrorCode500Enum.choices",
        "EntityTypeEnum": "articles.models.EntityType.choices",
        "QuoteKindEnum": "articles.models.QuoteKind.choices",
        "QualifierEnum": "claims.models.Qualifier.choices",
        "ItemStatusEnum": "articles.models.ItemStatus.choices",
        "EditableStatusEnum": "articles.models.EditableStatus.choices",
        "IngestJobStatusEnum": "ingestion.models.JobStatus.choices",
        "IngestItemStatusEnum": "ingestion.models.ItemStatus.choices",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_standardized_errors.openapi_hooks.postprocess_schema_enums",
        "newsapi.api.throttling.rate_limit_headers_schema",
        "newsapi.api.openapi_hooks.strict_inputs",
        "newsapi.api.openapi_hooks.request_line_limit",
    ],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}

# Behind a proxy that terminates TLS: trust its X-Forwarded-Proto, so that HTTPS requests are known as such.
if env_bool("TRUST_X_FORWARDED_PROTO", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

if not DEBUG:
    SECURE_CONTENT_TYPE_NOSNIFF = True
    SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
    # HTTPS only: plain HTTP is redirected, and browsers are told to use HTTPS for a year (HSTS). Set
    # SECURE_SSL_REDIRECT=0 and SECURE_HSTS_SECONDS=0 only for a trial over plain HTTP (docker compose does).
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_REDIRECT_EXEMPT = [r"^health/$"]  # load balancers and the compose health check ask over plain HTTP
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
