"""`@lock` on Wagtail's page lock: seen from both sides (a Plone client and the admin), writes
by others refused with Plone's 403, another's lock stolen only with `force` by those who may."""

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from ...utils import call, draft, get, login

pytestmark = pytest.mark.django_db


def test_a_lock_taken_in_the_api_is_the_admins_and_blocks_others(client, laocai):
    page = draft(laocai)
    url = "/++api++" + page.get_url()
    ctv = login(client, "ctv-tuyengiao")
    assert call(client, "get", f"{url}@lock", ctv).json() == {"locked": False, "stealable": False}
    lock = call(client, "post", f"{url}@lock", ctv, {"stealable": True, "timeout": 600}).json()
    assert lock["locked"] and lock["creator"] == "ctv-tuyengiao"
    page.refresh_from_db()
    assert page.locked and page.locked_by == laocai["ctv"]  # what the admin shows
    assert get(client, url, **ctv).json()["lock"]["locked"] is True
    # The web admin sees it and cannot write or unlock (Wagtail gives it no unlock permission);
    # a superuser steals it with force.
    quantri = login(client, "quantri")
    response = call(client, "patch", url, quantri, {"title": "Sửa khi đang khóa"})
    assert response.status_code == 403
    assert call(client, "delete", f"{url}@lock", quantri, {"force": True}).status_code == 403
    User.objects.create_superuser("admin", "admin@example.vn", "pw")
    admin = login(client, "admin")
    assert call(client, "delete", f"{url}@lock", admin).status_code == 403  # without force
    freed = call(client, "delete", f"{url}@lock", admin, {"force": True}).json()
    assert freed["locked"] is False
    page.refresh_from_db()
    assert not page.locked


def test_a_lock_taken_in_the_admin_refuses_an_api_write(client, laocai):
    page = draft(laocai)
    page.locked, page.locked_by, page.locked_at = True, laocai["thuky"], timezone.now()
    page.save(update_fields=["locked", "locked_by", "locked_at"])
    url = "/++api++" + page.get_url()
    ctv = login(client, "ctv-tuyengiao")
    response = call(client, "patch", url, ctv, {"title": "Sửa"})
    assert response.status_code == 403
    assert response.json()["type"] == "Forbidden" and "khóa" in response.json()["message"].lower()
    info = call(client, "get", f"{url}@lock", ctv).json()
    assert info["locked"] and info["creator"] == "thuky" and info["stealable"] is False
    assert call(client, "delete", f"{url}@lock", ctv, {"force": True}).status_code == 403


def test_an_api_lock_lapses_after_its_timeout(client, laocai):
    """An editor who closes a Plone frontend's edit tab does not keep the page locked: the
    lock lapses after its timeout (Plone's 600 s by default), for the API and the admin."""
    import datetime

    from ldld_wagtail import locks
    from ldld_wagtail.models import LockLease

    page = draft(laocai)
    url = "/++api++" + page.get_url()
    ctv, quantri = login(client, "ctv-tuyengiao"), login(client, "quantri")
    lock = call(client, "post", f"{url}@lock", ctv).json()
    assert lock["timeout"] == 600 and lock["created"].endswith("+07:00")
    assert call(client, "post", f"{url}@lock", ctv, {"timeout": 0}).status_code == 400
    # Refreshed by its holder only.
    assert call(client, "patch", f"{url}@lock", quantri).status_code == 400
    assert call(client, "patch", f"{url}@lock", ctv).json()["locked"] is True

    def lapse():
        LockLease.objects.filter(page_id=page.pk).update(
            expires_at=timezone.now() - datetime.timedelta(seconds=1)
        )

    lapse()
    assert get(client, url, **quantri).json()["lock"]["locked"] is False
    assert call(client, "get", f"{url}@lock", quantri).json()["locked"] is False
    page.refresh_from_db()
    assert not page.locked and not LockLease.objects.exists()

    # In the admin: the editor lets a lapsed lock go and opens unlocked.
    call(client, "post", f"{url}@lock", ctv)
    lapse()
    client.force_login(User.objects.create_superuser("admin", "admin@example.vn", "pw"))
    edit = f"/admin/pages/{page.pk}/edit/"
    response = client.get(edit)
    assert response.status_code == 302 and response["Location"] == edit
    page.refresh_from_db()
    assert not page.locked
    # And the job lets the others go.
    call(client, "post", f"{url}@lock", ctv)
    lapse()
    assert locks.let_go_lapsed() == 1
    page.refresh_from_db()
    assert not page.locked
    # A lock taken in the admin after a lease is the admin's: it does not lapse.
    page.locked, page.locked_by, page.locked_at = True, laocai["thuky"], timezone.now()
    page.save(update_fields=["locked", "locked_by", "locked_at"])
    assert call(client, "get", f"{url}@lock", ctv).json()["timeout"] == 0
