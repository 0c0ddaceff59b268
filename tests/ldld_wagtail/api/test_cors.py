"""CORS for the API: off by default; on for the origins in settings, API URLs only."""

import pytest

pytestmark = pytest.mark.django_db
FRONTEND = "https://volto.congdoan.example"


def test_off_by_default(client, column):
    response = client.get("/++api++/", HTTP_ORIGIN=FRONTEND, HTTP_ACCEPT="application/json")
    assert response.status_code == 200 and "Access-Control-Allow-Origin" not in response


def test_allowed_origins_get_the_headers_and_a_preflight(client, column, settings):
    settings.LDLD_API_CORS_ORIGINS = [FRONTEND]
    response = client.get("/++api++/", HTTP_ORIGIN=FRONTEND, HTTP_ACCEPT="application/json")
    assert response["Access-Control-Allow-Origin"] == FRONTEND
    assert "Origin" in response["Vary"]
    preflight = client.options(
        "/++api++/tuyen-giao-nu-cong/@workflow",
        HTTP_ORIGIN=FRONTEND,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization, content-type",
    )
    assert preflight.status_code == 204
    assert "Authorization" in preflight["Access-Control-Allow-Headers"]
    assert "PATCH" in preflight["Access-Control-Allow-Methods"]
    other = client.get("/++api++/", HTTP_ORIGIN="https://evil.example")
    assert "Access-Control-Allow-Origin" not in other
    page = client.get("/tuyen-giao-nu-cong/", HTTP_ORIGIN=FRONTEND)  # a page, as HTML
    assert "Access-Control-Allow-Origin" not in page
