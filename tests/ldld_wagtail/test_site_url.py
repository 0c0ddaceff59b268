"""Links in emails and canonical URLs come from one place: the site's root URL, which a new
site takes from the configured base URL; step names carry no internal code."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Site, Task

from ldld_wagtail.models import EditorialField, Unit
from news.models import NewsPage

from ..utils import make_image, news_form, person, section

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]

ROOT = "https://congdoan.example"


@pytest.fixture
def portal(settings):
    settings.WAGTAILADMIN_BASE_URL = ROOT
    settings.ALLOWED_HOSTS = ["congdoan.example", "testserver"]
    call_command("setup_portal", "--profile", "lao-cai", stdout=open("/dev/null", "w"))
    return {
        "ctv": person("ctv-tuyengiao", "ctv-tuyen-giao"),
        "thuky": person("thuky", "thu-ky"),
        "phoban1": person("phoban1", "pho-ban-tt"),
        "quantri": person("quantri", "quan-tri"),
    }


def act(client, page, action, **data):
    page.refresh_from_db()
    state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, state.pk))
    return client.post(url, data)


def test_a_new_site_takes_the_configured_root_url(portal):
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("congdoan.example", 443)
    assert site.root_url == ROOT


def test_every_email_link_and_the_canonical_url_use_the_sites_root(
    portal, client, django_capture_on_commit_callbacks
):
    column = section("tuyen-giao-nu-cong")
    unit = Unit.objects.get(code="tuyen-giao-nu-cong")
    client.force_login(portal["ctv"])
    add = reverse("wagtailadmin_pages:add", args=("news", "newspage", column.pk))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(add, news_form(unit, make_image(), "action-submit"))
    page = NewsPage.objects.get(slug="ngay-hoi-cong-nhan-2026")
    field = EditorialField.objects.get(code="tuyen-giao-nu-cong")
    for who, action, data in [
        ("thuky", "route", {"field": field.pk}),
        ("phoban1", "approve", {}),
        ("quantri", "approve", {}),
    ]:
        client.force_login(portal[who])
        with django_capture_on_commit_callbacks(execute=True):
            act(client, page, action, **data)
    page.refresh_from_db()
    assert page.live
    bodies = [m.body for m in mail.outbox]
    assert any(f"{ROOT}/admin/pages/{page.pk}/edit/" in body for body in bodies)
    published = [m.body for m in mail.outbox if m.subject.startswith("Đã đăng")]
    assert published and f"{ROOT}{page.url_path.removeprefix('/trang-chu')}" in published[0]
    for body in bodies:
        assert "localhost" not in body and "127.0.0.1" not in body and "testserver" not in body
        assert "(tin-bai)" not in body

    client.logout()
    html = client.get(page.url, HTTP_HOST="congdoan.example", secure=True).content.decode()
    assert f'<link rel="canonical" href="{ROOT}/' in html


def test_step_names_show_the_step_only(portal):
    names = list(Task.objects.values_list("name", flat=True))
    assert "Thư ký nhận và phân loại" in names
    assert not [name for name in names if name.endswith(")") and "(" in name]
    # A second run changes nothing.
    out = __import__("io").StringIO()
    call_command("setup_portal", "--profile", "lao-cai", stdout=out)
    assert sorted(Task.objects.values_list("name", flat=True)) == sorted(names)
