"""Two reviewers acting on the same step at the same moment (two browsers, or the admin and the
API): one wins, the other is told in Vietnamese who acted and when, and the audit log and the
notifications show one action."""

import threading

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.urls import reverse
from wagtail.models import PageLogEntry, TaskState

from ldld_wagtail.models import EditorialField

from ..utils import act, call, login, news_form, person, section

pytestmark = pytest.mark.django_db


@pytest.fixture
def at_approval(laocai, client):
    """A contributor's item routed by the secretary: it waits for the deputy head of its field
    (phoban1) or the head (truongban), either of whom may approve."""
    from ldld_wagtail.models import Unit
    from news.models import NewsPage

    from ..utils import make_image

    laocai["truongban"] = person("truongban", "truong-ban")
    unit = Unit.objects.get(code="tuyen-giao-nu-cong")
    client.force_login(laocai["ctv"])
    add = reverse(
        "wagtailadmin_pages:add", args=("news", "newspage", section("tuyen-giao-nu-cong").pk)
    )
    client.post(add, news_form(unit, make_image(), "action-submit"))
    page = NewsPage.objects.get(slug="ngay-hoi-cong-nhan-2026")
    client.force_login(laocai["thuky"])
    act(client, page, "route", field=EditorialField.objects.get(code="tuyen-giao-nu-cong").pk)
    page.refresh_from_db()
    mail.outbox.clear()
    return page


def approvals(page):
    """Approvals logged since the item reached the approval step (the routing logs one too)."""
    entries = PageLogEntry.objects.filter(page=page, action="wagtail.workflow.approve")
    return entries.count() - 1


def test_the_later_of_two_admin_approvals_is_told_and_changes_nothing(laocai, at_approval):
    page = at_approval
    state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", state.pk))
    edit = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    head, deputy = Client(), Client()
    head.force_login(laocai["truongban"])
    deputy.force_login(laocai["phoban1"])
    steps = TaskState.objects.filter(workflow_state=state.workflow_state)
    before = steps.count()
    # Both opened the item while it waited; the head approves first.
    assert head.post(url).status_code == 302
    logged, sent = approvals(page), len(mail.outbox)

    response = deputy.post(url, HTTP_REFERER=f"http://testserver{edit}", follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Truongban đã xử lý bước này lúc" in html and "không thay đổi gì" in html
    assert approvals(page) == logged == 1
    assert len(mail.outbox) == sent
    page.refresh_from_db()
    publish_step = page.current_workflow_task_state
    assert publish_step.task.name != state.task.name  # at the web admin's step, once
    assert steps.count() == before + 1


def test_the_api_after_the_admin_changes_nothing(laocai, at_approval, client):
    page = at_approval
    stale = page.current_workflow_task_state
    head = Client()
    head.force_login(laocai["truongban"])
    head.post(reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", stale.pk)))
    # The deputy's client still shows the approval step; it now waits for the web admin.
    response = call(
        client, "post", f"/++api++{page.url}@workflow/approve", login(client, "phoban1")
    )
    assert response.status_code in (403, 409), response.content
    assert approvals(page) == 1


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite's shared in-memory test database locks"
)
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("wagtail_rows")
def test_two_approvals_at_the_same_moment_one_wins(laocai, at_approval):
    page = at_approval
    state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", state.pk))
    steps = TaskState.objects.filter(workflow_state=state.workflow_state)
    before = steps.count()
    together = threading.Barrier(2)
    results = {}

    def approve(name):
        try:
            browser = Client()
            if name == "truongban":  # in the admin
                browser.force_login(laocai[name])
                together.wait()
                results[name] = browser.post(url, follow=True).content.decode()
            else:  # through the API, as Volto or a script would
                auth = login(browser, name)
                together.wait()
                answer = call(browser, "post", f"/++api++{page.url}@workflow/approve", auth)
                results[name] = f"{answer.status_code} {answer.content.decode()}"
        finally:
            connection.close()

    threads = [threading.Thread(target=approve, args=(n,)) for n in ("truongban", "phoban1")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    told = [name for name, text in results.items() if "đã xử lý bước này lúc" in text]
    assert len(told) == 1, results
    if told == ["phoban1"]:
        assert results["phoban1"].startswith('409 {"type":"Conflict"'), results
    assert approvals(page) == 1
    assert steps.count() == before + 1
