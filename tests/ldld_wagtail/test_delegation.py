"""The head delegates his powers to the standing deputy head for a period (Quy chế article 6):
while it is in force the deputy acts as the head at every step; it ends by itself."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from ldld_wagtail import delegation
from ldld_wagtail.models import Delegation, PortalRole

from ..utils import call, draft, login, person, transitions

pytestmark = pytest.mark.django_db


@pytest.fixture
def head(laocai):
    return person("truongban", "truong-ban")


def days(n):
    return (timezone.localdate() + datetime.timedelta(days=n)).strftime("%d/%m/%Y")


def routed_to_deputy_twos_field(client, laocai):
    """An item in the field of phoban2, so that phoban1 may approve it only as the head."""
    page = draft(laocai)
    url = "/++api++" + page.get_url()
    call(client, "post", f"{url}@workflow/submit", login(client, "ctv-tuyengiao"))
    call(
        client,
        "post",
        f"{url}@workflow/route",
        login(client, "thuky"),
        {"field": "to-chuc-kiem-tra"},
    )
    return url


def test_the_deputy_acts_as_the_head_while_the_delegation_is_in_force(laocai, head, client):
    url = routed_to_deputy_twos_field(client, laocai)
    phoban1 = laocai["phoban1"]
    assert transitions(client, url, login(client, "phoban1")) == []

    client.force_login(head)
    screen = client.get(reverse("ldld_delegation")).content.decode()
    assert "Trần" in screen or "Phoban1" in screen  # the stand-in is offered
    response = client.post(
        reverse("ldld_delegation"),
        {"to": phoban1.pk, "starts_on": days(0), "ends_on": days(6), "note": "Đi công tác"},
    )
    assert response.status_code == 302
    head_group = PortalRole.objects.get(code="truong-ban").group
    assert phoban1.groups.filter(pk=head_group.pk).exists()
    assert transitions(client, url, login(client, "phoban1")) == ["approve", "return"]

    client.force_login(phoban1)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Đồng chí thay quyền Trưởng Ban Biên tập đến hết ngày" in dashboard

    # A week later it has ended by itself.
    assert delegation.sync(timezone.localdate() + datetime.timedelta(days=7)) == 1
    assert not phoban1.groups.filter(pk=head_group.pk).exists()
    assert transitions(client, url, login(client, "phoban1")) == []


def test_a_delegation_to_come_gives_nothing_yet_and_a_cancelled_one_ends_at_once(
    laocai, head, client
):
    phoban1 = laocai["phoban1"]
    head_group = PortalRole.objects.get(code="truong-ban").group
    client.force_login(head)
    client.post(
        reverse("ldld_delegation"),
        {"to": phoban1.pk, "starts_on": days(3), "ends_on": days(5), "note": ""},
    )
    assert not phoban1.groups.filter(pk=head_group.pk).exists()
    assert delegation.sync(timezone.localdate() + datetime.timedelta(days=3)) == 1
    assert phoban1.groups.filter(pk=head_group.pk).exists()

    item = Delegation.objects.get()
    client.post(reverse("ldld_delegation_cancel", args=[item.pk]))
    assert not phoban1.groups.filter(pk=head_group.pk).exists()


def test_bad_delegations_are_refused_in_vietnamese(laocai, head, client):
    client.force_login(head)
    response = client.post(
        reverse("ldld_delegation"),
        {"to": laocai["ctv"].pk, "starts_on": days(2), "ends_on": days(1)},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "không thay quyền" in html and "ở trước ngày bắt đầu" in html
    response = client.post(
        reverse("ldld_delegation"),
        {"to": laocai["phoban1"].pk, "starts_on": "31/02/2026", "ends_on": days(1)},
    )
    assert "dd/mm/yyyy" in response.content.decode()
    assert not Delegation.objects.exists()


def test_only_the_head_delegates(laocai, client):
    client.force_login(laocai["phoban1"])
    response = client.get(reverse("ldld_delegation"))
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def test_the_schedule_is_set_up_by_the_profile(laocai):
    from django_q.models import Schedule

    assert Schedule.objects.filter(func="ldld_wagtail.delegation.sync").count() == 1
    call_command("setup_portal", "--profile", "lao-cai", stdout=open("/dev/null", "w"))
    assert Schedule.objects.filter(func="ldld_wagtail.delegation.sync").count() == 1
