"""`load_demo` builds the whole demo portal once; a second run changes nothing."""

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from wagtail.models import Page

from home.demo import DEMO_ACCOUNTS, PASSWORD
from home.models import SubSiteHomePage
from ldld_wagtail.models import SearchEntry, Unit
from news.models import NewsPage
from schedule.models import WeeklySchedulePage

from ..utils import monday

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]


def counts():
    return (
        Page.objects.count(),
        Unit.objects.count(),
        User.objects.count(),
        SearchEntry.objects.count(),
    )


def test_load_demo_builds_the_portal_and_is_idempotent(client):
    call_command("load_demo")
    first = counts()
    call_command("load_demo")
    assert counts() == first

    news = NewsPage.objects.live()
    assert news.count() >= 48
    assert not news.filter(photos__isnull=True).exists()
    kinds = set(SubSiteHomePage.objects.values_list("unit__kind", flat=True))
    assert SubSiteHomePage.objects.filter(unit__kind="district").count() >= 3
    assert SubSiteHomePage.objects.filter(unit__kind="sector").count() >= 2 and kinds
    assert WeeklySchedulePage.objects.live().filter(week_start=monday()).exists()
    assert set(SearchEntry.objects.values_list("section", flat=True)) >= {"news", "documents", "qa"}
    for username in DEMO_ACCOUNTS:
        assert client.login(username=username, password=PASSWORD), username
    client.logout()

    for url in (
        "/",
        "/en/",
        "/en/bo-may-to-chuc/",
        "/en/so-dien-thoai/",
        "/lich-cong-tac/",
        "/van-ban-chi-dao/",
        "/hoi-dap/",
        "/don-vi/sa-pa/",
    ):
        assert client.get(url).status_code == 200, url
    assert "Công đoàn" in client.get("/tim-kiem/?q=cong+doan").content.decode()
