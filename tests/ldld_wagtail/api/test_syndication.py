"""`@syndication`: the national union portal's feed of marked items, tombstones and keys."""

import io

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import APIToken, PageViewRestriction

from ldld_wagtail.api.services.syndication import decode_cursor, encode_cursor
from ldld_wagtail.management.commands.syndication_key import consumer_user
from ldld_wagtail.syndication import CONSUMERS_GROUP
from ldld_wagtail.takedown import restore, take_down

from ...utils import make_column, make_news, publish

pytestmark = pytest.mark.django_db

URL = "/++api++/@syndication"


@pytest.fixture
def key(db):
    _token, plaintext = APIToken.create_token(user=consumer_user("VGCL portal"), name="VGCL")
    return plaintext


@pytest.fixture
def board(db):
    return User.objects.create_superuser("board", "board@example.org", "x")


def feed(client, key, since="", b_size=None):
    params = {"since": since} if since else {}
    if b_size:
        params["b_size"] = b_size
    response = client.get(URL, params, HTTP_AUTHORIZATION=f"Bearer {key}")
    assert response.status_code == 200, response.content[:500]
    return response.json()


def everything(client, key, since="", b_size=None):
    """Pull until up to date: (items, last cursor)."""
    items = []
    for _ in range(100):
        data = feed(client, key, since, b_size)
        items += data["items"]
        since = data["next"]
        if data["up_to_date"]:
            return items, since
    raise AssertionError("never up to date")


def test_a_marked_item_in_full(client, column, key):
    item = make_news(column, "Tết Sum vầy", lead="Sáng nay…", send_to_national=True)
    item.authors = "Nguyễn Văn A, Trần Thị B"
    item.tags.add("Tết", "Công nhân")
    publish(item)
    data = feed(client, key)
    assert data["@id"].startswith("http://testserver/++api++/@syndication")
    assert data["up_to_date"] is True
    [entry] = data["items"]
    assert len(entry["UID"]) == 32
    assert entry["@id"] == "http://testserver/tuyen-giao-nu-cong/tet-sum-vay"
    assert entry["@type"] == "NewsPage"
    assert entry["title"] == "Tết Sum vầy"
    assert entry["description"] == "Sáng nay…"
    assert entry["text"]["content-type"] == "text/html"
    assert entry["text"]["encoding"] == "utf-8" and "Nội dung" in entry["text"]["data"]
    [photo] = entry["images"]
    assert photo["caption"] == "Chú thích" and photo["credit"] == "LĐLĐ"
    assert photo["download"].startswith("http://testserver/images/")
    assert entry["authors"] == ["Nguyễn Văn A", "Trần Thị B"]
    assert entry["unit"]["token"] == "tuyen-giao" and entry["unit"]["title"]
    assert sorted(entry["subjects"]) == ["Công nhân", "Tết"]
    assert entry["effective"].endswith("+07:00") and entry["modified"].endswith("+07:00")
    assert entry["language"] == "vi"
    assert "withdrawn" not in entry


def test_unmarked_and_draft_items_never_appear(client, column, key):
    make_news(column, "Không gửi")
    make_news(column, "Bản nháp", live=False, send_to_national=True)
    items, _ = everything(client, key)
    assert items == []


def test_an_empty_batch_keeps_the_cursor(client, column, key):
    make_news(column, "Tin một", send_to_national=True)
    data = feed(client, key)
    again = feed(client, key, data["next"])
    assert again["items"] == [] and again["up_to_date"] is True
    assert again["next"] == data["next"]


def test_an_edit_appears_again_after_the_cursor(client, column, key):
    item = make_news(column, "Tin một", send_to_national=True)
    make_news(column, "Tin hai", send_to_national=True)
    first, cursor = everything(client, key)
    assert [i["title"] for i in first] == ["Tin một", "Tin hai"]
    item.title = "Tin một (sửa)"
    publish(item)
    items, _ = everything(client, key, cursor)
    assert [(i["title"], i["UID"]) for i in items] == [("Tin một (sửa)", first[0]["UID"])]


def test_several_changes_of_one_item_come_once_in_its_latest_state(client, column, key):
    item = make_news(column, "Tin một", send_to_national=True)
    for n in range(3):
        item.title = f"Tin một, lần {n}"
        publish(item)
    items, _ = everything(client, key)
    assert [i["title"] for i in items] == ["Tin một, lần 2"]


def test_take_down_is_a_tombstone_and_restore_brings_it_back(client, column, key, board):
    item = make_news(column, "Tin một", send_to_national=True)
    [published], cursor = everything(client, key)
    take_down(item, board, "quality", "Ảnh không đạt")
    [tombstone], cursor = everything(client, key, cursor)
    assert set(tombstone) == {"UID", "@id", "withdrawn", "time", "reason"}
    assert tombstone["UID"] == published["UID"] and tombstone["@id"] == published["@id"]
    assert tombstone["withdrawn"] is True and tombstone["reason"] == "quality"
    assert tombstone["time"].endswith("+07:00")
    restore(item, board)
    [back], _ = everything(client, key, cursor)
    assert back["UID"] == published["UID"] and "withdrawn" not in back


def test_a_withdrawn_item_is_a_tombstone_for_new_consumers_too(client, column, key, board):
    item = make_news(column, "Tin một", send_to_national=True)
    take_down(item, board, "rights", "Quyền riêng tư")
    [tombstone], _ = everything(client, key)
    assert tombstone["withdrawn"] is True and tombstone["reason"] == "rights"


def test_deletion_unpublishing_and_unmarking_are_tombstones(client, column, key):
    gone = make_news(column, "Bị xoá", send_to_national=True)
    hidden = make_news(column, "Bị gỡ xuất bản", send_to_national=True)
    unmarked = make_news(column, "Bỏ đánh dấu", send_to_national=True)
    before, cursor = everything(client, key)
    uids = {i["title"]: i["UID"] for i in before}
    gone.delete()
    hidden.unpublish()
    unmarked.send_to_national = False
    publish(unmarked)
    items, _ = everything(client, key, cursor)
    assert [(i["UID"], i["reason"], i["withdrawn"]) for i in items] == [
        (uids["Bị xoá"], "deleted", True),
        (uids["Bị gỡ xuất bản"], "unpublished", True),
        (uids["Bỏ đánh dấu"], "unmarked", True),
    ]
    assert items[0]["@id"] == "http://testserver/tuyen-giao-nu-cong/bi-xoa"


def test_cursor_paging_is_complete_and_ordered(client, column, key):
    titles = [f"Tin số {n:02}" for n in range(30)]
    for title in titles:
        make_news(column, title, send_to_national=True)
    seen, cursor, batches = [], "", 0
    while True:
        data = feed(client, key, cursor, b_size=10)
        if not data["items"]:
            assert data["up_to_date"] and data["next"] == cursor
            break
        batches += 1
        assert len(data["items"]) == 10
        seen += [i["title"] for i in data["items"]]
        cursor = data["next"]
    assert batches == 3 and seen == titles


def test_bad_cursor_is_a_plone_bad_request(client, key):
    response = client.get(URL, {"since": "rác"}, HTTP_AUTHORIZATION=f"Bearer {key}")
    assert response.status_code == 400 and response.json()["type"] == "BadRequest"
    assert decode_cursor(encode_cursor(12345)) == 12345


@pytest.mark.fast_paths
@pytest.mark.parametrize("size", [25, 100])
def test_a_batch_costs_a_bounded_number_of_queries(
    client, column, key, django_assert_max_num_queries, size
):
    for n in range(size):
        item = make_news(column, f"Tin {n}", send_to_national=True)
        item.tags.add("Công nhân")
        publish(item)
    with django_assert_max_num_queries(8):
        data = feed(client, key, b_size=size)
    assert len(data["items"]) == size and data["items"][0]["subjects"] == ["Công nhân"]


def test_view_restrictions_come_from_the_cached_paths_not_a_query_per_item(client, column, key):
    """An `EXISTS` over path prefixes scanned the whole page table for each item of a batch
    (0.6 s a batch at 10 000 pages, `make bench`); the restricted paths are cached instead."""
    for n in range(3):
        make_news(column, f"Tin {n}", send_to_national=True)
    feed(client, key)  # warms the cache of restricted paths
    with CaptureQueriesContext(connection) as queries:
        data = feed(client, key)
    assert len(data["items"]) == 3 and not any(i.get("withdrawn") for i in data["items"])
    assert not [q for q in queries if "pageviewrestriction" in q["sql"]]


def test_no_key_is_a_plone_401(client, home):
    response = client.get(URL)
    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["type"] == "Unauthorized" and response.json()["message"]


def test_a_revoked_key_is_refused(client, home, key):
    APIToken.objects.get().revoke()
    response = client.get(URL, HTTP_AUTHORIZATION=f"Bearer {key}")
    assert response.status_code == 401 and response.json()["type"] == "Unauthorized"


def test_a_key_of_someone_not_a_consumer_is_forbidden(client, home):
    editor = User.objects.create_user("editor", password="x")
    _token, plaintext = APIToken.create_token(user=editor, name="editor's")
    response = client.get(URL, HTTP_AUTHORIZATION=f"Bearer {plaintext}")
    assert response.status_code == 403 and response.json()["type"] == "Forbidden"


def test_the_command_prints_a_key_that_works(client, column):
    make_news(column, "Tin một", send_to_national=True)
    out = io.StringIO()
    call_command(
        "syndication_key", consumer="Cổng TTĐT Công đoàn Việt Nam", stdout=out, stderr=io.StringIO()
    )
    key = out.getvalue().strip()
    assert key.startswith("wagtail_")
    [item] = feed(client, key)["items"]
    assert item["title"] == "Tin một"
    user = User.objects.get(username="syndication-cong-ttdt-cong-doan-viet-nam")
    assert not user.has_usable_password() and not user.is_staff
    assert APIToken.objects.get().last_used_at is not None
    # Again: the same consumer, a second key, both valid until revoked.
    call_command(
        "syndication_key",
        consumer="Cổng TTĐT Công đoàn Việt Nam",
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )
    assert User.objects.filter(username__startswith="syndication-").count() == 1
    assert APIToken.objects.filter(user=user).count() == 2


def test_a_view_restriction_withdraws_and_lifting_it_brings_back(client, column, key):
    item = make_news(column, "Tin nội bộ", send_to_national=True)
    make_news(column, "Tin khác", send_to_national=True)
    make_news(column, "Không gửi")
    _, cursor = everything(client, key)
    restriction = PageViewRestriction.objects.create(
        page=column, restriction_type=PageViewRestriction.LOGIN
    )
    items, cursor = everything(client, key, cursor)
    assert [(i["withdrawn"], i["reason"]) for i in items] == [(True, "restricted")] * 2
    restriction.delete()
    items, _ = everything(client, key, cursor)
    assert sorted(i["title"] for i in items) == ["Tin khác", "Tin nội bộ"]
    assert item.title in [i["title"] for i in items]


def test_the_admin_report_lists_consumers_and_their_last_pull(client, column, key, board):
    make_news(column, "Tin một", send_to_national=True)
    feed(client, key)
    client.force_login(board)
    response = client.get("/admin/ldld/syndication/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "VGCL portal" in html and APIToken.objects.get().prefix in html
    client.force_login(User.objects.create_user("reader", password="x"))
    assert client.get("/admin/ldld/syndication/").status_code in (302, 403)


def test_a_moved_item_comes_again_with_its_new_address_and_the_same_uid(client, home, column, key):
    item = make_news(column, "Tin một", send_to_national=True)
    [before], cursor = everything(client, key)
    other = make_column(home, title="Chuyên mục khác", slug="chuyen-muc-khac")
    item.move(other, pos="last-child")
    [after], _ = everything(client, key, cursor)
    assert after["UID"] == before["UID"]
    assert after["@id"] == "http://testserver/chuyen-muc-khac/tin-mot"


def test_a_key_found_valid_is_checked_again_after_a_change(client, home, key):
    """Keys found valid are kept a few seconds; any change to keys, users or their groups in
    this process drops what was kept, and the change shows on the next request."""
    from django.contrib.auth.models import Group

    def status():
        return client.get(URL, HTTP_AUTHORIZATION=f"Bearer {key}").status_code

    assert status() == status() == 200  # the second from what was kept
    user = APIToken.objects.get().user
    consumers = Group.objects.get(name=CONSUMERS_GROUP)
    user.groups.remove(consumers)
    assert status() == 403
    user.groups.add(consumers)
    assert status() == 200
    user.is_active = False
    user.save()
    assert status() == 401


def test_a_batch_asked_again_is_answered_from_memory(client, column, key, board):
    """Consumers polling the same cursor get the answer built once; a new change in the feed,
    or on the site, is in the next one. (The pull noted from such an answer: `test_forwarding`.)"""
    from ldld_wagtail.models import Unit

    item = make_news(column, "Tin gửi đi", send_to_national=True)
    with CaptureQueriesContext(connection) as built:
        first = feed(client, key)
    with CaptureQueriesContext(connection) as kept:
        again = feed(client, key)
    assert again == first and len(first["items"]) == 1
    # The change log is not scanned again, nor are the items read.
    assert [q for q in built if "EXISTS" in q["sql"] and "ldld_syndicationchange" in q["sql"]]
    assert [q for q in built if "news_newspage" in q["sql"]]
    assert not [q for q in kept if "EXISTS" in q["sql"] and "ldld_syndicationchange" in q["sql"]]
    assert not [q for q in kept if "news_newspage" in q["sql"]]

    unit = Unit.objects.get(code="tuyen-giao")
    unit.name = "Ban Tuyên giáo mới"
    unit.save()
    assert feed(client, key)["items"][0]["unit"]["title"] == "Ban Tuyên giáo mới"
    take_down(item, board, "quality", "Ảnh không đạt")
    [tombstone] = feed(client, key)["items"]
    assert tombstone["withdrawn"] is True
