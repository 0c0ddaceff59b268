"""Smaller defects of the first walk through the admin: a contributor's column opens its list
of items, the explorer's type column says "page type", and every role's dashboard carries the
federation's name."""

import re

import pytest
from django.urls import reverse

from ..utils import person, section

pytestmark = pytest.mark.django_db


def title_link(html, page):
    match = re.search(
        rf'<a href="([^"]+)"[^>]*>\s*<span id="page_{page.pk}_title"', html, flags=re.S
    )
    return match.group(1) if match else None


def test_a_contributor_clicking_the_column_title_opens_its_items(laocai, client, admin_client):
    column = section("tuyen-giao-nu-cong")
    home = column.get_parent()
    client.force_login(laocai["ctv"])
    html = client.get(reverse("wagtailadmin_explore", args=[home.pk])).content.decode()
    assert title_link(html, column) == reverse("wagtailadmin_explore", args=[column.pk])

    # Whoever may publish the column itself still opens its edit form.
    html = admin_client.get(reverse("wagtailadmin_explore", args=[home.pk])).content.decode()
    assert title_link(html, column) == reverse("wagtailadmin_pages:edit", args=[column.pk])


def test_explorer_type_column_is_headed_page_type(admin_client, laocai):
    column = section("tuyen-giao-nu-cong")
    html = admin_client.get(reverse("wagtailadmin_explore", args=[column.get_parent().pk]))
    table = html.content.decode().split('<table class="listing', 1)[1].split("</thead>", 1)[0]
    headers = [
        " ".join(re.sub(r"<[^>]+>", " ", h).split())
        for h in re.findall(r"<th\b[^>]*>(.*?)</th>", table, flags=re.S)
    ]
    assert "Loại trang" in headers
    assert "Loại văn bản" not in " ".join(headers)


@pytest.mark.parametrize("role", ["lanh-dao-vp", "van-thu", "ctv-tuyen-giao", "thu-ky"])
def test_every_roles_dashboard_names_the_federation(laocai, client, role):
    client.force_login(person(f"user-{role}", role))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    title = re.search(r'<h1 class="w-h1[^"]*">(.*?)</h1>', html, flags=re.S).group(1)
    assert "Lào Cai" in title


def test_the_submit_button_says_gui_duyet_without_the_workflows_name(laocai, client):
    column = section("tuyen-giao-nu-cong")
    client.force_login(laocai["ctv"])
    add = reverse("wagtailadmin_pages:add", args=("news", "newspage", column.pk))
    html = client.get(add).content.decode()
    button = re.search(r'<button[^>]*name="action-submit"[^>]*>(.*?)</button>', html, flags=re.S)
    assert button, "no submit button"
    assert " ".join(re.sub(r"<[^>]+>", " ", button.group(1)).split()) == "Gửi duyệt"


def test_a_board_member_gets_no_history_button_that_would_refuse_him(laocai, client):
    """Wagtail showed its "History" button to the deputy heads, who browse the tree to take
    items down, then refused them; they get the portal's "Editorial history" instead."""
    from ..utils import make_news

    column = section("tuyen-giao-nu-cong")
    item = make_news(column, "Hội nghị")
    client.force_login(laocai["phoban2"])
    html = client.get(reverse("wagtailadmin_explore", args=[column.pk])).content.decode()
    assert reverse("wagtailadmin_pages:history", args=[item.pk]) not in html
    assert reverse("ldld_page_log", args=[item.pk]) in html
    assert client.get(reverse("ldld_page_log", args=[item.pk])).status_code == 200

    client.force_login(laocai["ctv"])  # who edits it still has Wagtail's
    html = client.get(reverse("wagtailadmin_explore", args=[column.pk])).content.decode()
    assert reverse("wagtailadmin_pages:history", args=[item.pk]) in html


def test_the_publishing_steps_buttons_say_publish_once(laocai, client):
    """Wagtail appended "and Publish" to the publishing step's "Publish with comment": the web
    admin read "Đăng kèm ý kiến và đăng"."""
    from ..utils import publish_through_the_workflow

    page = publish_through_the_workflow(laocai, client)
    client.force_login(laocai["quantri"])
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "Đăng kèm ý kiến" in html
    assert "và đăng" not in html
