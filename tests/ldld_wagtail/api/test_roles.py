"""Every role, through the API, may do exactly what the permission matrix (itself checked
against the Quy chế's rules in tests/ldld_wagtail/test_permission_matrix.py) says: create in a
section, update and delete a draft there, and take items down."""

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from ldld_wagtail.api.auth import issue_token
from ldld_wagtail.models import PortalRole, Section

from ...utils import call, make_image, make_news
from ..test_permission_matrix import lao_cai_expected

pytestmark = pytest.mark.django_db

BODIES = {
    "tuyen-giao-nu-cong": {
        "@type": "NewsPage", "title": "Tin thử", "description": "Sapo", "kind": "tin",
        "unit": "tuyen-giao-nu-cong", "authors": "Tác giả", "body": "<p>Nội dung</p>",
    },
    "sa-pa": {
        "@type": "NewsPage", "title": "Tin thử", "description": "Sapo", "kind": "tin",
        "unit": "sa-pa", "authors": "Tác giả", "body": "<p>Nội dung</p>",
    },
    "van-ban-chi-dao": {
        "@type": "DirectiveDocumentPage", "title": "Văn bản thử", "number": "1/LĐLĐ",
        "doc_type": "cong-van", "issuer": "LĐLĐ tỉnh", "issuer_level": "ldld",
        "issued_on": "2026-11-20", "signer": "Chủ tịch", "description": "Trích yếu",
    },
    "hoi-dap": {
        "@type": "QuestionPage", "title": "Câu hỏi thử", "question": "Hỏi gì?",
        "asker_name": "Công nhân", "asked_on": "2026-11-20", "answer": "<p>Trả lời</p>",
        "answered_on": "2026-11-21", "answering_unit": "cspl-qhld",
    },
}  # fmt: skip


def draft_in(code):
    parent = Section.objects.get(code=code).page.specific
    body = {k: v for k, v in BODIES[code].items() if k != "@type"}
    if code in ("tuyen-giao-nu-cong", "sa-pa"):
        return make_news(parent, f"Nháp {code}", live=False, image=make_image())
    from documents.models import DirectiveDocumentPage
    from qa.models import QuestionPage

    model = {"van-ban-chi-dao": DirectiveDocumentPage, "hoi-dap": QuestionPage}[code]
    page = model(slug=f"nhap-{code}", live=False)
    from ldld_wagtail.api.serializers.deserialize import apply

    apply(page, {**body, "title": f"Nháp {code}"}, creating=True)
    parent.add_child(instance=page)
    page.save_revision()
    return page


@pytest.mark.parametrize("code", sorted(BODIES))
def test_each_role_creates_updates_deletes_and_takes_down_as_the_matrix_says(client, code):
    call_command("setup_portal", "--profile", "lao-cai", stdout=open("/dev/null", "w"))
    expected = lao_cai_expected()[code]
    section = Section.objects.get(code=code).page.specific
    url = "/++api++" + section.get_url()
    # Take-down is checked on a live news item (documents and answers share the same rule).
    news = code in ("tuyen-giao-nu-cong", "sa-pa")
    published = make_news(section, f"Đã đăng {code}", image=make_image()) if news else None
    for role in PortalRole.objects.select_related("group"):
        user = User.objects.create_user(f"u-{role.code}")
        user.groups.add(role.group)
        auth = {"HTTP_AUTHORIZATION": f"Bearer {issue_token(user)}"}

        created = call(client, "post", url, auth, {**BODIES[code], "id": f"moi-{role.code}"})
        assert (created.status_code == 201) == (role.code in expected["add"]), (
            role.code, created.status_code, created.json(),
        )  # fmt: skip

        draft = draft_in(code)
        draft_url = "/++api++" + draft.get_url()
        patched = call(client, "patch", draft_url, auth, {"title": "Đã sửa"})
        assert (patched.status_code == 204) == (role.code in expected["edit"]), (
            role.code, patched.status_code,
        )  # fmt: skip
        deleted = call(client, "delete", draft_url, auth)
        assert (deleted.status_code == 204) == (role.code in expected["edit"]), (
            role.code, deleted.status_code,
        )  # fmt: skip
        if deleted.status_code != 204:
            draft.delete()

        if published is not None:
            info = call(client, "get", "/++api++" + published.get_url() + "@workflow", auth)
            names = [t["@id"].rsplit("/", 1)[1] for t in info.json()["transitions"]]
            assert ("take_down" in names) == (role.code in expected["take_down"]), role.code
