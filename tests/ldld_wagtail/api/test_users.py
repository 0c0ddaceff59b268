"""`@users`: a caller's own record in plone.restapi's shape, anyone's only for those who
manage the accounts (Quy chế 7.6), and the history's actor links resolve."""

import pytest
from django.utils import timezone

from ...utils import call, login

pytestmark = pytest.mark.django_db


def test_a_contributor_reads_his_own_record_and_no_one_elses(client, laocai):
    ctv = laocai["ctv"]
    ctv.first_name, ctv.last_name = "Lan", "Ngô Hoàng"
    ctv.save()
    auth = login(client, "ctv-tuyengiao")
    response = call(client, "get", "/++api++/@users/ctv-tuyengiao", auth)
    assert response.status_code == 200
    record = response.json()
    assert record["@id"] == "http://testserver/@users/ctv-tuyengiao"
    assert (record["id"], record["fullname"], record["email"]) == (
        "ctv-tuyengiao", "Ngô Hoàng Lan", "ctv-tuyengiao@example.vn",
    )  # fmt: skip
    assert record["roles"] == ["Member", "Contributor"]
    assert record["groups"]["items"] == [
        {"id": "ctv-tuyen-giao", "title": "Cộng tác viên - Ban Tuyên giáo - Nữ công"}
    ]
    assert call(client, "get", "/++api++/@users/thuky", auth).status_code == 403
    assert call(client, "get", "/++api++/@users", auth).status_code == 403
    denied = call(client, "get", "/++api++/@users/ctv-tuyengiao").json()
    assert denied["type"] == "Unauthorized"


def test_the_web_admin_reads_every_account(client, laocai):
    auth = login(client, "quantri")
    me = call(client, "get", "/++api++/@users/quantri", auth).json()
    assert "Site Administrator" in me["roles"] and "Reviewer" in me["roles"]
    thuky = call(client, "get", "/++api++/@users/thuky", auth).json()
    assert thuky["roles"] == ["Member", "Contributor", "Reviewer"]  # writes and routes items
    listing = call(client, "get", "/++api++/@users", auth).json()
    assert listing["items_total"] == 5
    assert [u["id"] for u in listing["items"]] == sorted(u["id"] for u in listing["items"])
    assert call(client, "get", "/++api++/@users/khong-co", auth).status_code == 404


def test_accounts_written_through_the_api_follow_the_boards_rules(client, laocai, mailoutbox):
    """Quy chế 7.6: the web admin gives accounts with the head's say. An account the web admin
    creates, or whose roles he changes, waits inactive for the head; the head's own take effect."""
    from django.contrib.auth.models import User

    from ldld_wagtail.models import AccountApproval

    from ...utils import person

    person("truongban", "truong-ban")
    quantri, head = login(client, "quantri"), login(client, "truongban")
    body = {
        "username": "ctv-moi",
        "email": "ctv-moi@example.vn",
        "fullname": "Lò Thị Mai",
        "groups": ["ctv-tuyen-giao"],
    }
    # Bad input: every problem at once, nothing saved.
    bad = call(
        client,
        "post",
        "/++api++/@users",
        quantri,
        {**body, "email": "khong-phai-email", "groups": ["khong-co"]},
    )
    assert bad.status_code == 400
    assert {e["field"] for e in bad.json()["errors"]} == {"email", "groups"}
    assert not User.objects.filter(username="ctv-moi").exists()
    # A contributor may not create accounts.
    ctv = login(client, "ctv-tuyengiao")
    assert call(client, "post", "/++api++/@users", ctv, body).status_code == 403

    created = call(client, "post", "/++api++/@users", quantri, body)
    assert created.status_code == 201, created.json()
    record = created.json()
    assert record["fullname"] == "Lò Thị Mai" and record["roles"] == ["Member", "Contributor"]
    account = User.objects.get(username="ctv-moi")
    assert (account.last_name, account.first_name) == ("Lò Thị", "Mai")
    assert not account.is_active and not account.has_usable_password()
    waiting = AccountApproval.objects.get(user=account, decided_at__isnull=True)
    assert waiting.kind == "create"
    # He reads it (waiting), the head approves it in the admin as before.
    assert call(client, "get", "/++api++/@users/ctv-moi", quantri).status_code == 200

    # A role change by the web admin waits too; the head's own does not.
    mai = User.objects.get(username="ctv-moi")
    mai.is_active = True
    mai.save()
    AccountApproval.objects.update(decided_at=timezone.now(), approved=True)
    change = {"groups": ["ctv-cspl"]}
    assert call(client, "patch", "/++api++/@users/ctv-moi", quantri, change).status_code == 204
    mai.refresh_from_db()
    assert not mai.is_active
    assert AccountApproval.objects.filter(user=mai, kind="roles", decided_at__isnull=True).exists()
    AccountApproval.objects.update(decided_at=timezone.now(), approved=True)
    mai.is_active = True
    mai.save()
    assert call(client, "patch", "/++api++/@users/ctv-moi", head, {"groups": []}).status_code == 204
    mai.refresh_from_db()
    assert mai.is_active and not mai.groups.exists()

    # Anyone changes his own name and email, not his roles.
    own = {"fullname": "Ngô Hoàng Lan", "email": "lan@example.vn"}
    assert call(client, "patch", "/++api++/@users/ctv-tuyengiao", ctv, own).status_code == 204
    assert call(client, "get", "/++api++/@users/ctv-tuyengiao", ctv).json()["fullname"] == (
        "Ngô Hoàng Lan"
    )
    refused = call(client, "patch", "/++api++/@users/ctv-tuyengiao", ctv, {"groups": ["thu-ky"]})
    assert refused.status_code == 403
    assert call(client, "patch", "/++api++/@users/thuky", ctv, own).status_code == 403
