"""The OpenAPI document describes every endpoint, and a schema-driven fuzz run finds no 5xx."""

import pytest
import schemathesis
from django.contrib.auth.models import User
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import RequestFactory
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from ldld_wagtail.api.auth import issue_token
from ldld_wagtail.api.openapi import document
from ldld_wagtail.api.services import SERVICES

from ...utils import make_news

pytestmark = pytest.mark.django_db

# Described as part of another path (`{path}` covers the content; `@workflow/{transition}`).
UNDESCRIBED = {"", "navroot", "openapi", "docs"}


def test_every_endpoint_is_described(client):
    data = client.get("/++api++/@openapi").json()
    assert data["openapi"].startswith("3.")
    described = {p.split("@", 1)[1].split("/")[0] for p in data["paths"] if "@" in p}
    assert set(SERVICES) - UNDESCRIBED <= described
    assert "NewsPage" in data["components"]["schemas"]


def test_readable_docs(client):
    response = client.get("/++api++/@docs")
    assert response.status_code == 200
    assert b"/++api++/@search" in response.content and b"@openapi" in response.content


def test_no_server_error_for_any_generated_request(column):
    """Schemathesis generates requests from the schema for every operation; none may get a
    5xx. Run in-process through Django's WSGI handler, on the small tree this test builds."""
    make_news(column, "Tin một")
    schema = schemathesis.openapi.from_dict(document(RequestFactory().get("/")))
    app = WSGIHandler()
    admin = User.objects.create_superuser("admin", "admin@example.vn", "pw")
    # Half the calls come from a logged-in superuser, so writes get past the login check.
    callers = [{}, {"Authorization": f"Bearer {issue_token(admin)}"}]
    failures, calls = [], []
    # As Django's test client does: a request must not close the test's database connection
    # (on PostgreSQL the test's transaction lives on it).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        _fuzz(schema, app, callers, column, failures, calls)
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    assert not failures, "\n\n".join(failures)
    assert len(calls) > 100 and 200 in calls  # the run really exercised the API


def _fuzz(schema, app, callers, column, failures, calls):
    for result in schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(
            max_examples=8,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def run(case):
            if "path" in (case.path_parameters or {}):
                case.path_parameters["path"] = column.slug  # a real page; the rest is fuzzed
            for headers in callers:
                response = case.call_and_validate(
                    app=app, headers=headers, checks=[not_a_server_error]
                )
                calls.append(response.status_code)

        try:
            run()
        except Exception as exc:  # collect every operation's failure, then report them all
            failures.append(f"{operation.method.upper()} {operation.path}: {exc}")
