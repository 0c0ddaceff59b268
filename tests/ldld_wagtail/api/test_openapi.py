"""The OpenAPI document describes every endpoint, and a schema-driven fuzz run, as every kind
of caller, gets no 5xx and only answers the document describes."""

import pytest
import schemathesis
from django.contrib.auth.models import User
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import RequestFactory
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.core.failures import FailureGroup
from wagtail.models import APIToken, Page

from ldld_wagtail.api import vocabularies
from ldld_wagtail.api.auth import issue_token
from ldld_wagtail.api.openapi import document
from ldld_wagtail.api.services import SERVICES
from ldld_wagtail.management.commands.syndication_key import consumer_user
from ldld_wagtail.models import Unit

from ...utils import draft, make_news, person, section
from .test_roles import draft_in

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


# Who calls: anonymous, each role of the Lào Cai profile that acts on content or accounts
# (username -> role code; `laocai` creates the first five, the test the others), a superuser,
# and the national portal's API key (the only caller `@syndication` serves).
ROLE_ACCOUNTS = {
    "ctv-tuyengiao": "ctv-tuyen-giao",  # contributor
    "thuky": "thu-ky",  # secretary
    "phoban1": "pho-ban-tt",  # standing deputy head
    "phoban2": "pho-ban",  # deputy head
    "quantri": "quan-tri",  # web admin
    "truongban": "truong-ban",  # head
    "vanthu": "van-thu",  # clerk
}
# Run last, in this order: they take the pages the other operations read out of the tree.
DESTRUCTIVE = [("POST", "/++api++/{path}/@move"), ("DELETE", "/++api++/{path}")]
# Every third valid example of these is replaced with a request that succeeds for those allowed
# to make it, so that the document's description of a success is checked too: (operation, the
# page it is sent to, the request's parts).
SUCCEEDING = {
    ("POST", "/++api++/{path}"): (
        0,  # the column
        {
            "body": {
                "@type": "NewsPage", "title": "Tin thử", "description": "Sapo", "kind": "tin",
                "unit": "tuyen-giao-nu-cong", "authors": "Tác giả", "body": "<p>Nội dung</p>",
            },
        },
    ),
    ("PATCH", "/++api++/{path}"): (
        2,  # the contributor's draft
        {
            "body": {"title": "Ngày hội công nhân (sửa)"},
            "headers": {"Prefer": "return=representation"},
        },
    ),
    ("POST", "/++api++/{path}/@workflow/{transition}"): (
        2,  # the contributor submits his draft
        {"body": {"comment": "Gửi duyệt"}, "path_parameters": {"transition": "submit"}},
    ),
}  # fmt: skip
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
# Examples per operation and mode, each sent by every caller: valid requests, then a few the
# schema rejects (which must get a documented 4xx, not a 5xx).
EXAMPLES = [(GenerationMode.POSITIVE, 8), (GenerationMode.NEGATIVE, 3)]


def test_every_generated_request_gets_an_answer_the_document_describes(laocai):
    """Schemathesis generates requests from the schema for every operation and sends each as
    anonymous, every role of the Lào Cai profile, a superuser and an API key: no answer may be
    a 5xx, and each must have a documented status code, content type and body. In-process
    through Django's WSGI handler, derandomized, a handful of examples per operation."""
    column = section("tuyen-giao-nu-cong")
    unit = Unit.objects.get(code="tuyen-giao-nu-cong")
    pages = [
        column,
        make_news(column, "Tin một", unit=unit),
        draft(laocai),  # the contributor's draft: the board may act on it
        section("van-ban-chi-dao"),
        draft_in("van-ban-chi-dao"),  # a directive: the clerk's
        draft_in("hoi-dap"),  # a question and its answer
    ]
    for username, role in ROLE_ACCOUNTS.items():
        if username not in {user.username for user in laocai.values()}:
            person(username, role)
    User.objects.create_superuser("admin", "admin@example.vn", "pw")
    _token, api_key = APIToken.create_token(user=consumer_user("VGCL portal"), name="VGCL")
    accounts = [*ROLE_ACCOUNTS, "admin"]
    assert User.objects.filter(username__in=accounts).count() == len(accounts)
    env = {"app": WSGIHandler(), "pages": pages, "accounts": accounts, "api_key": api_key}
    schema = schemathesis.openapi.from_dict(document(RequestFactory().get("/")))
    failures, calls = {}, []
    # As Django's test client does: a request must not close the test's database connection
    # (on PostgreSQL the test's transaction lives on it).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        operations = sorted(
            (result.ok() for result in schema.get_all_operations()),
            key=lambda op: DESTRUCTIVE.index(_key(op)) if _key(op) in DESTRUCTIVE else -1,
        )
        for operation in operations:
            for mode, examples in EXAMPLES:
                _fuzz(operation, mode, examples, env, failures, calls)
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    assert not failures, "\n\n".join(
        f"{name} as {', '.join(sorted(found['callers']))}: {found['detail']}"
        for (name, *_), found in failures.items()
    )
    assert len(calls) > 2000 and {200, 201, 204, 400, 401, 403, 404} <= set(calls)


def _key(operation):
    return operation.method.upper(), operation.path


def _real_values(env):
    """Real values for the path parameters that name something, cycled through so that
    requests reach real pages, accounts and vocabularies (None: keep the generated one)."""
    pages = Page.objects.filter(pk__in=[p.pk for p in env["pages"]]).order_by("pk")
    return {
        # Writes may move, rename or delete the pages: their paths are read afresh.
        "path": [_path(page) for page in pages] + [None],
        "id": [*env["accounts"], None],
        "name": [*vocabularies.names(), None],
    }


def _path(page):
    return Page.objects.get(pk=page.pk).url_path.split("/", 2)[2].strip("/")


def _callers(env):
    # Tokens are issued afresh for each request: a generated @logout revokes the one it is
    # sent with.
    users = User.objects.filter(username__in=env["accounts"])
    by_name = {user.username: user for user in users}
    return [
        ("anonymous", {}),
        *[
            (name, {"Authorization": f"Bearer {issue_token(by_name[name])}"})
            for name in env["accounts"]
            if name in by_name  # a generated PATCH @users/{id} may rename an account
        ],
        ("api-key", {"Authorization": f"Bearer {env['api_key']}"}),
    ]


def _fuzz(operation, mode, examples, env, failures, calls):
    counter = iter(range(1_000_000))
    name = f"{operation.method.upper()} {operation.path}"

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=examples,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def run(case):
        n = next(counter)
        for parameter, values in _real_values(env).items():
            if parameter in (case.path_parameters or {}) and values[n % len(values)]:
                case.path_parameters[parameter] = values[n % len(values)]
        if _key(operation) in SUCCEEDING and mode is GenerationMode.POSITIVE and n % 3 == 0:
            page, parts = SUCCEEDING[_key(operation)]
            case.path_parameters["path"] = _path(env["pages"][page])
            case.body = parts["body"]
            case.path_parameters.update(parts.get("path_parameters", {}))
            case.headers = {**(case.headers or {}), **parts.get("headers", {})}
        for who, headers in _callers(env):
            response = case.call(app=env["app"], headers=headers)
            calls.append(response.status_code)
            try:
                case.validate_response(response, checks=CHECKS, headers=headers)
            except FailureGroup as group:
                for failure in group.exceptions:
                    key = (name, failure.title, response.status_code)
                    found = failures.setdefault(key, {"callers": set()})
                    found["callers"].add(who)
                    found.setdefault("detail", _explain(response, failure))

    try:
        run()
    except Unsatisfiable:
        # Nothing to break: every input of the operation (a page path, say) is any string.
        assert mode is GenerationMode.NEGATIVE, name


def _explain(response, failure):
    request = response.request
    body = request.body
    if isinstance(body, bytes):
        body = body.decode(errors="replace")
    return (
        f"{failure.title}\n  {failure.message[:600]}\n"
        f"  request: {request.method} {request.url} body={(body or '')[:300]!r}\n"
        f"  response: {response.status_code} {response.headers.get('content-type')} "
        f"{response.content[:400]!r}"
    )
