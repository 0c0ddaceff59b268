"""Every admin screen an editor of the federation meets is in Vietnamese (Wagtail's own strings,
wagtail-localize's and django-q2's included): no English msgid of those packages' catalogues is
left on the screens of any role, nor in the admin's JavaScript catalogue."""

import json

import pytest
from django.urls import reverse
from django.utils import translation

from ldld_wagtail import translations
from ldld_wagtail.models import PortalRole

from ..utils import english_on_screen, make_document, make_image, person, section

pytestmark = pytest.mark.django_db


def screens(client, user):
    """The admin screens of the user's daily work that answer 200 for him."""
    from news.models import NewsPage

    urls = [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_explore_root"),
        reverse("wagtailimages:index"),
        reverse("wagtailimages:add_multiple"),
        reverse("wagtaildocs:index"),
        reverse("wagtaildocs:add_multiple"),
        reverse("wagtailadmin_collections:index"),
        reverse("wagtailsnippets:index"),
        reverse("wagtailadmin_reports:locked_pages"),
        reverse("wagtailadmin_reports:aging_pages"),
        reverse("wagtailadmin_reports:site_history"),
        reverse("wagtailadmin_reports:page_types_usage"),
        reverse("wagtailadmin_workflows:index"),
        reverse("wagtailadmin_workflows:task_index"),
        reverse("wagtailadmin_account"),
        reverse("wagtailusers_users:index"),
        reverse("wagtailusers_groups:index"),
        reverse("wagtailadmin_pages:search"),
    ]
    image = make_image()
    urls.append(reverse("wagtailimages:edit", args=[image.pk]))
    document = make_document()
    urls.append(reverse("wagtaildocs:edit", args=[document.pk]))
    for item in NewsPage.objects.all()[:1]:
        urls += [
            reverse("wagtailadmin_explore", args=[item.get_parent().pk]),
            reverse("wagtailadmin_pages:edit", args=[item.pk]),
            reverse("wagtailadmin_pages:history", args=[item.pk]),
            reverse("wagtailadmin_pages:workflow_history", args=[item.pk]),
            reverse("wagtailadmin_pages:add", args=("news", "newspage", item.get_parent().pk)),
        ]
    client.force_login(user)
    seen = {}
    for url in urls:
        response = client.get(url, follow=False)
        if response.status_code == 200:
            seen[url] = response.content.decode()
    return seen


@pytest.fixture
def item(laocai):
    from ..utils import make_news

    page = make_news(section("tuyen-giao-nu-cong"), "Ngày hội công nhân", image=make_image())
    return page


def english_by_role(client):
    """role code → {English text: [screens where it shows]}."""
    found = {}
    for role in PortalRole.objects.order_by("code"):
        user = person(f"vi-{role.code}", role.code)
        for url, html in screens(client, user).items():
            for text in english_on_screen(html):
                found.setdefault(role.code, {}).setdefault(text, []).append(url)
        client.logout()
    for url in [reverse("wagtailadmin_login"), reverse("wagtailadmin_password_reset")]:
        for text in english_on_screen(client.get(url).content.decode()):
            found.setdefault("(chưa đăng nhập)", {}).setdefault(text, []).append(url)
    return found


def test_no_english_on_any_roles_admin_screens(laocai, item, client, settings):
    settings.LANGUAGE_CODE = "vi"
    found = english_by_role(client)
    assert not found, "\n".join(
        f"{role}: {len(texts)}: " + "; ".join(f"{t!r} ({urls[0]})" for t, urls in texts.items())
        for role, texts in found.items()
    )


def test_the_admins_javascript_catalogue_is_vietnamese(client, laocai):
    client.force_login(laocai["ctv"])
    with translation.override("vi"):
        body = client.get(reverse("wagtailadmin_javascript_catalog")).content.decode()
    catalog = json.loads(body.split("const newcatalog = ", 1)[1].split(";\n", 1)[0])
    js = next(
        c
        for c in translations.CATALOGUES
        if c.package == "wagtail.admin" and c.domain == "djangojs"
    )
    for entry in translations.load(js):
        assert entry.msgid in catalog, entry.msgid
    assert catalog["Close"] != "Close"
