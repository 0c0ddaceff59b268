"""What settings/production.py sets for cookies, HTTPS and the client's address, read from the
module itself (in a fresh process, as a deployment loads it), then seen on real responses: the
cookies of an admin login over HTTPS and the headers every page carries."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

ROOT = Path(__file__).resolve().parent.parent
NAMES = [
    "DEBUG",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE",
    "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_HTTPONLY",
    "CSRF_COOKIE_SAMESITE",
    "LANGUAGE_COOKIE_SECURE",
    "LANGUAGE_COOKIE_HTTPONLY",
    "LANGUAGE_COOKIE_SAMESITE",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY",
    "SECURE_PROXY_SSL_HEADER",
    "X_FRAME_OPTIONS",
    "CSRF_TRUSTED_ORIGINS",
    "LDLD_TRUSTED_PROXIES",
    "REST_FRAMEWORK",
]


def production_settings(names: list[str], env: dict | None = None, drop=("SECURE_", "LDLD_")):
    """`names` of the settings production runs with, read in a fresh process with `env` added
    to this one's environment (less the variables starting with `drop`)."""
    base = {k: v for k, v in os.environ.items() if not k.startswith(drop)}
    script = (
        "import json; from django.conf import settings as s; "
        f"print(json.dumps({{n: getattr(s, n) for n in {names!r}}}, default=str))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={
            **base,
            "DJANGO_SETTINGS_MODULE": "settings.production",
            "SECRET_KEY": "a-long-random-secret-" * 4,
            "ALLOWED_HOSTS": "congdoan.example.vn",
            **(env or {}),
        },
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def production():
    """The settings production runs with, from a fresh process."""
    return production_settings(NAMES)


def test_production_cookies_are_secure(production):
    assert production["DEBUG"] is False
    for cookie in ("SESSION", "CSRF", "LANGUAGE"):
        assert production[f"{cookie}_COOKIE_SECURE"] is True, cookie
        assert production[f"{cookie}_COOKIE_SAMESITE"] in ("Lax", "Strict"), cookie
    assert production["SESSION_COOKIE_HTTPONLY"] is True
    assert production["LANGUAGE_COOKIE_HTTPONLY"] is True


def test_production_speaks_https_only(production):
    assert production["SECURE_SSL_REDIRECT"] is True
    assert production["SECURE_HSTS_SECONDS"] >= 31536000
    assert production["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert production["SECURE_CONTENT_TYPE_NOSNIFF"] is True
    assert production["X_FRAME_OPTIONS"] == "DENY"
    assert production["SECURE_CROSS_ORIGIN_OPENER_POLICY"] == "same-origin"
    assert production["CSRF_TRUSTED_ORIGINS"] == ["https://congdoan.example.vn"]


def test_production_limits_read_the_address_the_proxy_saw(production):
    """The API's login throttles (DRF) count the address the trusted proxy saw, as the
    portal's own limits do, not a header the client writes."""
    assert production["LDLD_TRUSTED_PROXIES"] == 1
    assert production["REST_FRAMEWORK"]["NUM_PROXIES"] == production["LDLD_TRUSTED_PROXIES"]


@pytest.fixture
def as_production(settings, production):
    for name in NAMES:
        if name not in ("DEBUG", "SECURE_SSL_REDIRECT", "SECURE_PROXY_SSL_HEADER"):
            value = production[name]
            setattr(settings, name, tuple(value) if isinstance(value, list) else value)
    settings.CSRF_TRUSTED_ORIGINS = production["CSRF_TRUSTED_ORIGINS"]
    settings.REST_FRAMEWORK = production["REST_FRAMEWORK"]


@pytest.mark.django_db
def test_an_admin_login_over_https_gets_secure_cookies(client, laocai, as_production):
    page = client.get(reverse("wagtailadmin_login"), secure=True)
    assert page.status_code == 200
    csrf = page.cookies["csrftoken"]
    assert csrf["secure"] and csrf["samesite"] == "Lax"
    response = client.post(
        reverse("wagtailadmin_login"), {"username": "quantri", "password": "pw"}, secure=True
    )
    assert response.status_code == 302
    session = response.cookies["sessionid"]
    assert session["secure"] and session["httponly"] and session["samesite"] == "Lax"
    language = client.post("/i18n/setlang/", {"language": "en", "next": "/"}, secure=True)
    cookie = language.cookies["django_language"]
    assert cookie["secure"] and cookie["httponly"] and cookie["samesite"] == "Lax"


@pytest.mark.django_db
def test_every_page_carries_the_security_headers(client, laocai, as_production):
    response = client.get("/", secure=True)
    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


@pytest.mark.parametrize(
    "switches, expected",
    [
        ({}, [True, False]),  # STARTTLS on 587
        ({"EMAIL_USE_SSL": "1", "EMAIL_PORT": "465"}, [False, True]),
        ({"EMAIL_USE_TLS": "0", "EMAIL_PORT": "25"}, [False, False]),
    ],
)
def test_outgoing_mail_speaks_tls_unless_told_otherwise(switches, expected):
    found = production_settings(
        ["EMAIL_USE_TLS", "EMAIL_USE_SSL", "EMAIL_BACKEND"],
        {**switches, "EMAIL_HOST": "mail.example.vn"},
        drop=("EMAIL_",),
    )
    assert [found["EMAIL_USE_TLS"], found["EMAIL_USE_SSL"]] == expected
    assert found["EMAIL_BACKEND"].endswith("smtp.EmailBackend")
