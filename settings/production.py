"""Production: every secret and host comes from the environment; refuses to start without them."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

DEBUG = False

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment")
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h.strip()]
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set in the environment (comma-separated)")
CSRF_TRUSTED_ORIGINS = [f"https://{h}" for h in ALLOWED_HOSTS if not h.startswith(".")]

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Behind one reverse proxy by default (it sets X-Forwarded-Proto): per-address limits read the
# client's address from X-Forwarded-For, not the proxy's.
LDLD_TRUSTED_PROXIES = int(os.environ.get("LDLD_TRUSTED_PROXIES", "1"))
# The API's login limits (Django REST framework's throttles) read the client's address the same
# way: without NUM_PROXIES they would take the whole X-Forwarded-For header, which the client
# writes, and a guesser changing it on every attempt would never be limited.
REST_FRAMEWORK = {**REST_FRAMEWORK, "NUM_PROXIES": LDLD_TRUSTED_PROXIES}  # noqa: F405
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "1") == "1"
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Cookies over HTTPS only, out of reach of scripts where no script needs them, and not sent with
# requests other sites start (Lax: following a link to the portal keeps the editor logged in).
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_SAMESITE = "Lax"
# Readable by scripts on purpose: a front end on the portal's own site that uses the admin's
# session sends it back as X-CSRFToken (the API's SessionAuthentication). It is no secret from
# the page; what protects a write is that another site can neither read nor set it.
CSRF_COOKIE_HTTPONLY = False
LANGUAGE_COOKIE_SECURE = True
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"

# Media on S3-compatible object storage when a bucket is named; a shared disk otherwise.
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}  # noqa: F405
    # Withdrawn items' photos and files move under a prefix that no URL hands out.
    STORAGES["ldld_withheld"] = {  # noqa: F405
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {"location": os.environ.get("WITHHELD_MEDIA_PREFIX", "withheld")},
    }
    STORAGES["ldld_reports"] = {  # noqa: F405
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {"location": os.environ.get("REPORT_FILES_PREFIX", "reports")},
    }
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL")
    AWS_QUERYSTRING_AUTH = True
    AWS_DEFAULT_ACL = None

if os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    # STARTTLS on 587 by default; EMAIL_USE_SSL=1 for a server that speaks TLS from the start
    # (465). A mail server on the same machine may be reached in plain text: EMAIL_USE_TLS=0.
    EMAIL_USE_SSL = os.environ.get("EMAIL_USE_SSL") == "1"
    EMAIL_USE_TLS = not EMAIL_USE_SSL and os.environ.get("EMAIL_USE_TLS", "1") != "0"

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
}
LOGGING["root"]["level"] = "INFO"  # noqa: F405
