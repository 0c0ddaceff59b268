"""The office leader urges the web admin and the clerk to publish approved content on time
(Quy chế 7.1): he gets the deadline reminders and the overdue list too, and browses the sections
he approves. The web admin manages the banners (7.3, 7.6)."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse

from ldld_wagtail.models import PublishTaskState
from ldld_wagtail.notify import remind_deadlines

from ..utils import person, publish_through_the_workflow, section

pytestmark = pytest.mark.django_db


def test_the_office_leader_is_reminded_and_sees_the_overdue_list(
    laocai, client, django_capture_on_commit_callbacks
):
    chanhvp = person("chanhvp", "lanh-dao-vp")
    page = publish_through_the_workflow(laocai, client)
    state = PublishTaskState.objects.get(workflow_state__object_id=str(page.pk))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert remind_deadlines(now=state.due_at + datetime.timedelta(minutes=1)) == 1
    assert sorted(m.to[0] for m in mail.outbox) == ["chanhvp@example.vn", "quantri@example.vn"]

    state.due_at = state.started_at - datetime.timedelta(minutes=1)
    state.save()
    client.force_login(chanhvp)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "ldld-late" in dashboard and page.title in dashboard


def test_the_office_leader_browses_the_sections_he_approves(laocai, client):
    chanhvp = person("chanhvp", "lanh-dao-vp")
    client.force_login(chanhvp)
    documents = section("van-ban-chi-dao")
    assert client.get(reverse("wagtailadmin_explore", args=[documents.pk])).status_code == 200
    assert client.get(reverse("wagtailadmin_pages:edit", args=[documents.pk])).status_code != 200


def test_the_web_admin_manages_the_banners(laocai, client):
    banners = reverse("wagtailsnippets_home_banner:list")
    client.force_login(laocai["quantri"])
    assert client.get(banners).status_code == 200
    assert client.get(reverse("wagtailsnippets_home_banner:add")).status_code == 200
    client.force_login(laocai["ctv"])
    assert client.get(banners).status_code != 200
