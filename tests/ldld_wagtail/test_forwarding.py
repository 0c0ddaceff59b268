"""Forwarding good items to the outside outlets (Quy chế 7.5: the secretary sends good items to
the national union portal and Báo Lao động; 7.6: the web admin sends them to the provincial
portal): each outlet's feed carries only what was chosen for it."""

import pytest
from django.urls import reverse

from ldld_wagtail.models import Forwarding, Outlet
from ldld_wagtail.takedown import take_down

from ..utils import call, login, make_news, outlet_key, pull, section

pytestmark = pytest.mark.django_db

NATIONAL, PAPER, PROVINCE = "cong-ttdt-cdvn", "bao-lao-dong", "cong-ttdt-tinh"


def outlet(code):
    return Outlet.objects.get(code=code)


@pytest.fixture
def item(laocai):
    return make_news(section("tuyen-giao-nu-cong"), "Hội thao công nhân 2026")


def act(client, item, code, action):
    return client.post(
        reverse("ldld_forwarding_action"),
        {"page": item.pk, "outlet": outlet(code).pk, "action": action},
    )


def titles(data):
    return [i.get("title") for i in data["items"] if not i.get("withdrawn")]


def test_the_profile_names_the_outlets_and_who_chooses_for_each(laocai):
    assert [(o.code, o.national) for o in Outlet.objects.all()] == [
        (NATIONAL, True),
        (PAPER, False),
        (PROVINCE, False),
    ]
    markers = {o.code: sorted(r.code for r in o.markers.all()) for o in Outlet.objects.all()}
    assert markers == {NATIONAL: ["thu-ky"], PAPER: ["thu-ky"], PROVINCE: ["quan-tri"]}


def test_the_secretary_chooses_an_item_for_bao_lao_dong_only_its_key_pulls_it(laocai, item, client):
    paper, national = outlet_key(PAPER), outlet_key(NATIONAL)
    client.force_login(laocai["thuky"])
    response = act(client, item, PAPER, "mark")
    assert response.status_code == 302

    assert titles(pull(client, paper)) == ["Hội thao công nhân 2026"]
    assert pull(client, national)["items"] == []
    row = Forwarding.objects.get(page=item, outlet=outlet(PAPER))
    assert row.marked_by == laocai["thuky"] and row.first_pulled_at is not None

    # The screen shows where it went, by whom, and that the paper pulled it.
    html = client.get(reverse("ldld_forwarding")).content.decode()
    assert "Hội thao công nhân 2026" in html and "Đã chọn" in html and "Đã lấy" in html


def test_each_pull_is_noted_to_the_minute_even_when_answered_from_memory(
    laocai, item, client, monkeypatch
):
    """The outlet's pulls show in the forwarding screen: the first pull at once, the latest
    within a minute; a batch asked again (answered from memory) still counts as a pull, and
    polling every few seconds costs no query and writes nothing more within the minute."""
    import datetime

    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from ldld_wagtail import forwarding

    paper = outlet_key(PAPER)
    client.force_login(laocai["thuky"])
    act(client, item, PAPER, "mark")
    client.logout()
    assert titles(pull(client, paper)) == ["Hội thao công nhân 2026"]
    row = Forwarding.objects.get(page=item, outlet=outlet(PAPER))
    first = row.first_pulled_at
    assert first is not None and row.last_pulled_at == first

    with CaptureQueriesContext(connection) as polled:
        pull(client, paper)
    assert not [q for q in polled if "ldld_forwarding" in q["sql"]]

    later = first + datetime.timedelta(minutes=2)
    monkeypatch.setattr(forwarding.timezone, "now", lambda: later)
    with CaptureQueriesContext(connection) as kept:
        pull(client, paper)
    monkeypatch.setattr(forwarding.timezone, "now", timezone.now)
    assert not [q for q in kept if "news_newspage" in q["sql"]]  # the answer kept
    row.refresh_from_db()
    assert row.first_pulled_at == first and row.last_pulled_at == later


def test_withdrawing_is_a_tombstone_in_that_outlets_feed_only(laocai, item, client):
    paper, national = outlet_key(PAPER), outlet_key(NATIONAL)
    client.force_login(laocai["thuky"])
    act(client, item, PAPER, "mark")
    act(client, item, NATIONAL, "mark")
    cursor_paper = pull(client, paper)["next"]
    cursor_national = pull(client, national)["next"]

    act(client, item, PAPER, "unmark")
    [tombstone] = pull(client, paper, cursor_paper)["items"]
    assert tombstone["withdrawn"] is True and tombstone["reason"] == "unmarked"
    assert pull(client, national, cursor_national)["items"] == []


def test_a_take_down_reaches_every_outlet_that_had_the_item(laocai, item, client):
    paper, province = outlet_key(PAPER), outlet_key(PROVINCE)
    client.force_login(laocai["thuky"])
    act(client, item, PAPER, "mark")
    client.force_login(laocai["quantri"])
    act(client, item, PROVINCE, "mark")
    cursors = {k: pull(client, k)["next"] for k in (paper, province)}

    take_down(item, laocai["quantri"], "accuracy", "Số liệu sai")
    for key in (paper, province):
        [tombstone] = pull(client, key, cursors[key])["items"]
        assert tombstone["reason"] == "accuracy"


def test_who_may_choose_is_the_profiles(laocai, item, client):
    client.force_login(laocai["quantri"])  # the web admin: the provincial portal only
    response = act(client, item, PAPER, "mark")
    assert response.status_code == 302
    assert not Forwarding.objects.filter(outlet__code=PAPER, marked_at__isnull=False).exists()
    messages = client.get(reverse("ldld_forwarding")).content.decode()
    assert "Bạn không chọn tin, bài cho Báo Lao động." in messages
    act(client, item, PROVINCE, "mark")
    assert Forwarding.objects.get(outlet__code=PROVINCE).marked


def test_an_author_proposes_and_cannot_choose(laocai, item, client):
    client.force_login(laocai["ctv"])
    html = client.get(reverse("ldld_forwarding")).content.decode()
    assert "Hội thao công nhân 2026" in html and 'value="propose"' in html
    assert 'value="mark"' not in html
    act(client, item, PAPER, "propose")
    act(client, item, PAPER, "mark")
    row = Forwarding.objects.get(outlet__code=PAPER)
    assert row.proposed_by == laocai["ctv"] and not row.marked

    # The secretary sees the proposal and chooses it.
    client.force_login(laocai["thuky"])
    html = client.get(reverse("ldld_forwarding")).content.decode()
    assert "Đề xuất" in html
    act(client, item, PAPER, "mark")
    assert Forwarding.objects.get(outlet__code=PAPER).marked


def test_the_national_box_is_the_secretarys_in_the_editor_and_the_api(laocai, item, client):
    client.force_login(laocai["ctv"])
    html = client.get(reverse("wagtailadmin_pages:edit", args=[item.pk])).content.decode()
    box = html.split('name="send_to_national"', 1)[1].split(">", 1)[0]
    assert "disabled" in box

    auth = login(client, "ctv-tuyengiao")
    url = item.url.replace("http://localhost", "")
    response = call(client, "patch", f"/++api++{url}", auth, {"send_to_national": True})
    assert response.status_code == 400
    assert response.json()["message"].startswith("send_to_national:")

    # The secretary writes items too (Quy chế 7.5); his own item's box is his to tick.
    own = make_news(section("van-phong"), "Tin của Thư ký")
    own.owner = laocai["thuky"]
    own.save(update_fields=["owner"])
    client.force_login(laocai["thuky"])
    html = client.get(reverse("wagtailadmin_pages:edit", args=[own.pk])).content.decode()
    box = html.split('name="send_to_national"', 1)[1].split(">", 1)[0]
    assert "disabled" not in box
    assert client.get(reverse("wagtailadmin_pages:edit", args=[item.pk])).status_code != 200


def test_choosing_for_the_national_portal_ticks_the_items_box(laocai, item, client):
    national = outlet_key(NATIONAL)
    client.force_login(laocai["thuky"])
    act(client, item, NATIONAL, "mark")
    item.refresh_from_db()
    assert item.send_to_national is True
    assert item.get_latest_revision().content["send_to_national"] is True
    assert titles(pull(client, national)) == ["Hội thao công nhân 2026"]


def test_an_unknown_outlet_is_refused_by_the_key_command(laocai):
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError, match="Unknown outlet"):
        call_command("syndication_key", outlet="khong-co")
