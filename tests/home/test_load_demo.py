"""`load_demo` builds the whole demo portal once; a second run changes nothing.

One test on purpose: loading the demo takes several seconds, so it is loaded once (twice, to
check idempotence) and everything is checked on that database.
"""

import datetime
import io
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Locale, Page, Revision, Site
from wagtail.users.models import UserProfile

from documents.models import DirectiveDocumentPage
from home.demo import DEMO_ACCOUNTS, PASSWORD
from home.models import (
    Banner,
    ContactDirectoryPage,
    HomePage,
    IntroductionPage,
    OrganisationPage,
    SubSiteHomePage,
    UnitIntroPage,
)
from ldld_wagtail.models import SearchEntry, Unit, UnitFormerName
from news.models import NewsPage, NewsPhoto
from qa.models import QuestionPage
from schedule.models import WeeklySchedulePage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (
            Page,
            Revision,
            Unit,
            UnitFormerName,
            User,
            Group,
            Image,
            Document,
            Banner,
            NewsPhoto,
            Site,
            Locale,
            SearchEntry,
        )
    }


def today_in_vietnam() -> datetime.date:
    return timezone.now().astimezone(ZoneInfo("Asia/Ho_Chi_Minh")).date()


def load() -> str:
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def test_load_demo_builds_the_portal_and_is_idempotent(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path  # the demo's pictures and PDFs stay out of var/media
    first_output = load()
    assert "Created" in first_output
    first = counts()
    second_output = load()
    assert counts() == first
    assert "nothing changed" in second_output and "Created" not in second_output

    # Site and locales: the Vietnamese home page is the default site's root.
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    assert isinstance(home, HomePage) and home.slug == "trang-chu"
    assert home.locale.language_code == "vi"
    assert Page.get_first_root_node().locale.language_code == "vi"
    assert not Page.objects.filter(depth=2, title__startswith="Welcome").exists()

    # Units, with history.
    assert Unit.objects.filter(kind="district").active_on().count() >= 3
    assert Unit.objects.filter(kind="sector").count() >= 2
    retired = Unit.objects.get(kind="district", valid_until=datetime.date(2025, 6, 30))
    assert retired.successor is not None and not retired.is_active_on(today_in_vietnam())
    assert UnitFormerName.objects.exclude(unit=retired).exists()

    # News: enough, every item with a captioned photo, spread over the year.
    news = NewsPage.objects.live()
    assert news.count() >= 48
    assert not news.filter(photos__isnull=True).exists()
    assert not NewsPhoto.objects.filter(caption="").exists()
    assert news.filter(kind="bai").exists() and news.filter(featured=True).exists()
    now = timezone.now()
    dates = list(news.values_list("first_published_at", flat=True))
    assert max(dates) <= now and min(dates) >= now - datetime.timedelta(days=366)
    assert max(dates) - min(dates) > datetime.timedelta(days=200)

    # Sub-sites: districts and sector unions, each with its introduction and its own news.
    subsites = SubSiteHomePage.objects.live()
    assert subsites.filter(unit__kind="district").count() >= 3
    assert subsites.filter(unit__kind="sector").count() >= 2
    for subsite in subsites:
        assert UnitIntroPage.objects.child_of(subsite).live().exists()
        assert NewsPage.objects.child_of(subsite).live().exists()

    # This week's schedule, Monday in Vietnam.
    today = today_in_vietnam()
    monday = today - datetime.timedelta(days=today.weekday())
    week = WeeklySchedulePage.objects.live().get(week_start=monday)
    assert week.entries.count() >= 5

    # Documents with their PDF; answered questions; everything searchable.
    documents = DirectiveDocumentPage.objects.live()
    assert documents.count() >= 12
    assert not documents.filter(attachments__isnull=True).exists()
    assert QuestionPage.objects.live().count() >= 8
    assert set(SearchEntry.objects.values_list("section", flat=True)) >= {"news", "documents", "qa"}

    # English translations.
    for model in (HomePage, IntroductionPage, OrganisationPage, ContactDirectoryPage):
        english = model.objects.live().filter(locale__language_code="en")
        assert english.count() == 1, model.__name__
    assert HomePage.objects.get(locale__language_code="en").title != home.title

    # Accounts: every one logs in; only `admin` is a superuser; profiles prefer Vietnamese.
    for account in DEMO_ACCOUNTS:
        user = User.objects.get(username=account.username)
        assert user.is_superuser == (account.username == "admin")
        if account.role:
            assert user.groups.filter(portal_role__code=account.role).exists()
            assert user.has_perm("wagtailadmin.access_admin")
        assert UserProfile.get_for_user(user).preferred_language == "vi"
        assert client.login(username=account.username, password=PASSWORD), account.username
        client.logout()
    assert not User.objects.get(username="truongban").is_staff

    for url in (
        "/",
        "/en/",
        "/en/gioi-thieu-chung/",
        "/en/bo-may-to-chuc/",
        "/en/so-dien-thoai/",
        "/gioi-thieu-chung/",
        "/lich-cong-tac/",
        "/van-ban-chi-dao/",
        "/hoi-dap/",
        "/don-vi/sa-pa/",
        news.first().url,
    ):
        assert client.get(url).status_code == 200, url
    assert "Công đoàn" in client.get("/tim-kiem/?q=cong+doan").content.decode()
