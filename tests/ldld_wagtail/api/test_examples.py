"""The API's documented examples are real requests made here, written as `.req` / `.resp` files
in `ldld_wagtail/api/examples/` (as plone.restapi documents itself).

The test fails when an answer no longer matches its file: run
`LDLD_WRITE_EXAMPLES=1 make test` to rewrite them, and commit the change with the code.
Values that differ from run to run (ids, times, tokens, signatures) are replaced by stand-ins.
"""

import json
import os
import re
from pathlib import Path

import pytest
from django.core.management import call_command

from ldld_wagtail import api

from ...utils import make_image, make_news, person, section

pytestmark = pytest.mark.django_db

EXAMPLES = Path(api.__file__).parent / "examples"
WRITE = os.environ.get("LDLD_WRITE_EXAMPLES") == "1"


class Recorder:
    def __init__(self, client):
        self.client = client
        self.uids = {}
        self.mismatches = []

    def stand_in(self, text: str) -> str:
        def uid(match):
            return self.uids.setdefault(match.group(0), f"SomeUUID{len(self.uids) + 1:024d}")

        text = re.sub(r"eyJ[\w-]+\.[\w-]+\.[\w-]+", "eyJhbGciOiJIUzI1NiJ9.TOKEN.SIGNATURE", text)
        text = re.sub(r"\b[0-9a-f]{32}\b", uid, text)
        text = re.sub(
            r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:[+-]\d\d:\d\d|Z)?",
            "2026-11-24T09:30:00+07:00",
            text,
        )
        text = re.sub(r"/images/[^/]+/\d+/", "/images/SIGNATURE/IMAGE/", text)
        text = re.sub(r"_[A-Za-z0-9]{7}\.(jpg|png|pdf)", r".\1", text)  # storage's de-duplication
        text = re.sub(r'W/\\?"[0-9a-f]+\\?"', 'W/"ETAG"', text)
        text = re.sub(r'"(next|since)": "[\w=-]+"', r'"\1": "CURSOR"', text)
        # A list row's key holds its row id, which the database's sequences decide.
        text = re.sub(r'"@id": "([a-z]+)-\d+"', r'"@id": "\1-ID"', text)
        return text

    def __call__(self, name, method, url, body=None, auth=None, **headers):
        extra = {"HTTP_ACCEPT": "application/json", **headers}
        if auth:
            extra["HTTP_AUTHORIZATION"] = auth
        payload = json.dumps(body, ensure_ascii=False, indent=4) if body is not None else ""
        response = getattr(self.client, method.lower())(
            url, payload, content_type="application/json", **extra
        )
        lines = [f"{method} {url} HTTP/1.1", "Accept: application/json"]
        if auth:
            lines.append(f"Authorization: {auth.split()[0]} …")
        if body is not None:
            lines += ["Content-Type: application/json", "", payload]
        request = self.stand_in("\n".join(lines) + "\n")
        answer = [f"HTTP/1.1 {response.status_code} {response.reason_phrase}"]
        if response.content:
            answer.append("Content-Type: application/json")
            data = json.loads(response.content)
            answer += ["", json.dumps(data, ensure_ascii=False, indent=4, sort_keys=True)]
        self.check(f"{name}.req", request)
        self.check(f"{name}.resp", self.stand_in("\n".join(answer) + "\n"))
        return response

    def check(self, filename, text):
        path = EXAMPLES / filename
        if WRITE:
            path.write_text(text, encoding="utf-8")
        elif not path.exists() or path.read_text(encoding="utf-8") != text:
            self.mismatches.append(filename)


def test_documented_examples_are_current(client):
    call_command("setup_portal", "--profile", "lao-cai", stdout=open("/dev/null", "w"))
    person("ctv-tuyengiao", "ctv-tuyen-giao")
    person("thuky", "thu-ky")
    column = section("tuyen-giao-nu-cong")
    for n in range(3):
        make_news(column, f"Tin hoạt động số {n + 1}", image=make_image())
    record = Recorder(client)
    base = "/++api++" + column.get_url()

    token = record(
        "login", "POST", "/++api++/@login", {"login": "ctv-tuyengiao", "password": "pw"}
    ).json()["token"]
    bearer = f"Bearer {token}"
    record("login_failed", "POST", "/++api++/@login", {"login": "thuky", "password": "sai"})
    record("content_get", "GET", f"{base}tin-hoat-dong-so-1/")
    record("content_get_folder", "GET", f"{base}?b_size=2")
    record("search", "GET", "/++api++/@search?SearchableText=hoat+dong&b_size=2")
    record("not_found", "GET", "/++api++/khong-co-trang-nay/")
    record("bad_request", "GET", f"{base}?b_size=abc")
    created = record(
        "content_post",
        "POST",
        base,
        {
            "@type": "NewsPage",
            "title": "Ngày hội công nhân",
            "description": "Hơn 500 công nhân dự ngày hội.",
            "kind": "tin",
            "unit": "tuyen-giao-nu-cong",
            "authors": "Ngô Hoàng Lan",
            "body": {"data": "<p>Nội dung bài.</p>"},
        },
        auth=bearer,
    ).json()
    item = "/++api++" + created["@id"].removeprefix("http://testserver")
    record("content_patch", "PATCH", item, {"title": "Ngày hội công nhân 2026"}, auth=bearer)
    record("workflow_submit_without_photo", "POST", f"{item}@workflow/submit", auth=bearer)
    record("workflow_get", "GET", f"{column.get_url()}tin-hoat-dong-so-1/@workflow".join(
        ["/++api++", ""]), auth=bearer)  # fmt: skip
    record("content_delete", "DELETE", item, auth=bearer)

    assert not record.mismatches, (
        f"API examples changed: {', '.join(record.mismatches)}. "
        "Rewrite them with LDLD_WRITE_EXAMPLES=1 and commit the files."
    )
