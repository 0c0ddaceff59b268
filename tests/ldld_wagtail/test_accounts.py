"""The web admin gives no account without the head's say (Quy chế 7.6): a new account, a
reactivation or a change of roles made by the web admin is inactive until the head approves;
the head's own changes take effect at once; every change is in the audit log."""

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.urls import reverse
from wagtail.models import ModelLogEntry

from ldld_wagtail.models import AccountApproval, PortalRole

from ..utils import person

pytestmark = pytest.mark.django_db


def group(code):
    return PortalRole.objects.get(code=code).group


def new_account(client, username="ctv-moi", role="ctv-tuyen-giao"):
    response = client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": username,
            "email": f"{username}@example.vn",
            "first_name": "Mới",
            "last_name": "Cộng tác viên",
            "password1": "mat-khau-dai-2026",
            "password2": "mat-khau-dai-2026",
            "groups": [group(role).pk],
        },
    )
    assert response.status_code == 302, response.content.decode()[:500]
    return User.objects.get(username=username)


@pytest.fixture
def head(laocai):
    return person("truongban", "truong-ban")


def test_an_account_the_web_admin_creates_waits_for_the_head(
    laocai, head, client, django_capture_on_commit_callbacks
):
    client.force_login(laocai["quantri"])
    with django_capture_on_commit_callbacks(execute=True):
        created = new_account(client)
    assert created.is_active is False
    approval = AccountApproval.objects.get(user=created)
    assert approval.kind == "create" and approval.requested_by == laocai["quantri"]
    assert [m.to for m in mail.outbox] == [["truongban@example.vn"]]
    assert "ctv-moi" in mail.outbox[0].body and "/admin/ldld/tai-khoan/" in mail.outbox[0].body

    # It cannot log in meanwhile.
    assert not client.login(username="ctv-moi", password="mat-khau-dai-2026")

    # The head sees it on the dashboard and approves it.
    client.force_login(head)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "1 tài khoản đang chờ đồng chí duyệt." in dashboard
    screen = client.get(reverse("ldld_accounts")).content.decode()
    assert "ctv-moi" in screen and "Tài khoản mới" in screen
    client.post(reverse("ldld_account_decision", args=[approval.pk]), {"action": "approve"})
    created.refresh_from_db()
    assert created.is_active is True
    assert client.login(username="ctv-moi", password="mat-khau-dai-2026")
    actions = list(
        ModelLogEntry.objects.filter(object_id=str(created.pk))
        .order_by("timestamp", "pk")
        .values_list("action", flat=True)
    )
    assert actions[0] == "wagtail.create"  # Wagtail's own entry for the new account
    assert "ldld.account_requested" in actions and actions[-1] == "ldld.account_approved"


def test_the_heads_own_account_changes_take_effect_at_once(laocai, head, client):
    client.force_login(head)
    created = new_account(client, "ctv-truongban")
    assert created.is_active is True
    assert not AccountApproval.objects.exists()
    assert ModelLogEntry.objects.filter(
        object_id=str(created.pk), action="ldld.account_changed"
    ).exists()


def test_a_refused_role_change_puts_the_former_roles_back(laocai, head, client):
    ctv = laocai["ctv"]
    client.force_login(laocai["quantri"])
    response = client.post(
        reverse("wagtailusers_users:edit", args=[ctv.pk]),
        {
            "username": ctv.username,
            "email": ctv.email,
            "first_name": ctv.first_name,
            "last_name": "Ngô Hoàng",
            "is_active": "on",
            "groups": [group("quan-tri").pk],
        },
    )
    assert response.status_code == 302, response.content.decode()[:500]
    ctv.refresh_from_db()
    assert ctv.is_active is False
    approval = AccountApproval.objects.get(user=ctv)
    assert approval.kind == "roles"

    client.force_login(head)
    client.post(reverse("ldld_account_decision", args=[approval.pk]), {"action": "refuse"})
    ctv.refresh_from_db()
    assert ctv.is_active is True
    assert list(ctv.groups.all()) == [group("ctv-tuyen-giao")]


def test_only_the_head_decides(laocai, head, client):
    client.force_login(laocai["quantri"])
    created = new_account(client)
    approval = AccountApproval.objects.get(user=created)
    # Wagtail answers a refusal in the admin by sending back to the dashboard with a message.
    assert client.get(reverse("ldld_accounts")).status_code == 302
    response = client.post(
        reverse("ldld_account_decision", args=[approval.pk]), {"action": "approve"}
    )
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    created.refresh_from_db()
    assert created.is_active is False
