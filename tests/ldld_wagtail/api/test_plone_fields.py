"""A generic Plone client writes with Plone's standard names (`description`, `text`,
`subjects`, `creators`) and may leave the unit out: a contributor's item is his unit's."""

import datetime

import pytest

from ldld_wagtail.text import person_name
from news.models import NewsPage

from ...utils import call, column_url, login, news_body, photo_b64

pytestmark = pytest.mark.django_db


def test_plones_standard_fields_are_the_items_own(client, laocai):
    body = news_body()
    for ours in ("body", "tags", "authors", "unit"):
        body.pop(ours)
    body.update(
        text={"data": "<p>Nội dung <em>chính</em></p>", "content-type": "text/html"},
        subjects=["thăm hỏi", "công nhân"],
        creators=["Ngô Hoàng Lan", "Lò Văn Tiến"],
    )
    ctv = login(client, "ctv-tuyengiao")
    response = call(client, "post", column_url(), ctv, body)
    assert response.status_code == 201, response.json()
    page = NewsPage.objects.get(slug="cong-doan-tham-cong-nhan-kho-khan")
    draft = page.get_latest_revision_as_object()
    assert draft.authors == "Ngô Hoàng Lan, Lò Văn Tiến"
    assert "<em>chính</em>" in str(draft.body)
    assert sorted(t.name for t in draft.tags.all()) == ["công nhân", "thăm hỏi"]
    assert draft.unit.code == "tuyen-giao-nu-cong"  # the contributor's own unit
    assert draft.lead.startswith("Sáng 24/11")

    # On edit too; the type's own name wins when both are sent.
    url = response.json()["@id"].replace("http://testserver", "/++api++")
    patch = call(client, "patch", url, ctv, {"creators": ["Lò Văn Tiến"], "authors": "Ban TG-NC"})
    assert patch.status_code == 204
    assert latest(page).authors == "Ban TG-NC"
    patch = call(client, "patch", url, ctv, {"creators": "Lò Văn Tiến"})
    assert patch.status_code == 204
    assert latest(page).authors == "Lò Văn Tiến"
    bad = call(client, "patch", url, ctv, {"subjects": "một chuỗi"})
    assert bad.status_code == 400


def latest(page):
    return NewsPage.objects.get(pk=page.pk).get_latest_revision_as_object()


def test_an_item_from_plones_standard_fields_only_goes_through_the_workflow(client, laocai):
    """What Plone's own clients send: no authors, no unit, no photos list; the lead image with
    its caption is the first photo, the writer its author and the photo's credit."""
    ctv = login(client, "ctv-tuyengiao")
    body = {
        "@type": "NewsPage",
        "title": "Hội thao công nhân khu công nghiệp",
        "description": "Hơn 300 công nhân dự hội thao.",
        "text": {"data": "<p>Sáng nay…</p>", "content-type": "text/html", "encoding": "utf-8"},
        "subjects": ["thể thao"],
        "image": {"data": photo_b64(), "encoding": "base64", "filename": "hoi-thao.jpg"},
        "image_caption": "Kéo co tại hội thao",
    }
    created = call(client, "post", column_url(), ctv, body)
    assert created.status_code == 201, created.json()
    data = created.json()
    writer = person_name(laocai["ctv"])
    assert data["authors"] == writer and data["creators"] == [writer]
    assert data["subjects"] == ["thể thao"] and data["layout"] == "view"
    assert data["text"] == data["body"] and "Sáng nay" in data["text"]["data"]
    assert data["image"] == data["photos"][0]["image"]
    assert data["image_caption"] == "Kéo co tại hội thao"
    assert [(p["caption"], p["credit"], p["title"]) for p in data["photos"]] == [
        ("Kéo co tại hội thao", writer, "Kéo co tại hội thao")
    ]
    url = "/++api++" + data["@id"].removeprefix("http://testserver")
    # A second photo added with the type's own field (the first sent back as it was read, with
    # its title and a list widget's row key), then Plone's caption edits the first.
    photos = [{**p, "credit": "X", "@id": "row-1"} for p in data["photos"]]
    photos.append({"image": photos[0]["image"], "caption": "Ảnh hai", "credit": "Y"})
    assert call(client, "patch", url, ctv, {"photos": photos}).status_code == 204
    assert call(client, "patch", url, ctv, {"preview_caption": "Kéo co"}).status_code == 204
    page = latest(NewsPage.objects.get(slug="hoi-thao-cong-nhan-khu-cong-nghiep"))
    assert [(p.caption, p.credit) for p in page.photos.all()] == [("Kéo co", "X"), ("Ảnh hai", "Y")]
    # A caption without a photo to caption: refused, nothing saved.
    for alias in ("image", "image_caption"):
        body.pop(alias)
    bare = call(client, "post", column_url(), ctv, {**body, "title": "Tin chưa có ảnh"})
    bare_url = "/++api++" + bare.json()["@id"].removeprefix("http://testserver")
    refused = call(client, "patch", bare_url, ctv, {"image_caption": "Chú thích"})
    assert refused.status_code == 400 and refused.json()["errors"][0]["field"] == "image"
    assert call(client, "get", bare_url, ctv).json()["photos"] == []
    # Every transition with Plone's `comment` only.
    response = call(client, "post", f"{url}/@workflow/submit", ctv, {"comment": "Nhờ duyệt"})
    assert response.status_code == 200, response.json()


def test_types_say_which_plone_name_writes_which_field(client, laocai):
    schema = call(client, "get", "/++api++/@types/NewsPage", login(client, "ctv-tuyengiao")).json()
    aliases = {k: v["aliasOf"] for k, v in schema["properties"].items() if "aliasOf" in v}
    assert aliases == {
        "text": "body",
        "subjects": "tags",
        "creators": "authors",
        "image": "photos[0].image",
        "preview_image": "photos[0].image",
        "image_caption": "photos[0].caption",
        "preview_caption": "photos[0].caption",
        "effective": "go_live_at",
        "expires": "expire_at",
    }
    assert schema["properties"]["subjects"]["widgetOptions"]["vocabulary"]["@id"].endswith(
        "/@vocabularies/plone.app.vocabularies.Keywords"
    )
    assert not set(aliases) & set(schema["fieldsets"][0]["fields"])  # a form shows each once
    photos = schema["properties"]["photos"]
    assert photos["widget"] == "object_list"
    assert photos["schema"]["fieldsets"][0]["fields"] == ["image", "caption", "credit"]
    image = photos["items"]["properties"]["image"]
    assert image["factory"] == "Image" and "widget" not in image  # as plone.restapi's
    assert schema["properties"]["body"]["widget"] == "richtext"
    assert schema["layouts"] == ["view"]
    column = call(client, "get", "/++api++/@types/TopicColumnPage").json()
    assert column["layouts"] == ["listing_view"]


def test_plones_publication_dates_are_wagtails_go_live_and_expiry(client, laocai):
    """`effective` is when the item goes live (the workflow's publishing step honours it),
    `expires` when it comes down; a date sent back as it was read changes nothing."""
    ctv = login(client, "ctv-tuyengiao")
    body = news_body(effective="2027-01-20T08:00:00", expires="2027-02-20T08:00:00+07:00")
    created = call(client, "post", column_url(), ctv, body)
    assert created.status_code == 201, created.json()
    assert created.json()["effective"] == "2027-01-20T08:00:00+07:00"
    assert created.json()["expires"] == "2027-02-20T08:00:00+07:00"
    page = latest(NewsPage.objects.get(slug="cong-doan-tham-cong-nhan-kho-khan"))
    assert page.go_live_at == datetime.datetime(2027, 1, 20, 1, 0, tzinfo=datetime.UTC)
    url = "/++api++" + created.json()["@id"].removeprefix("http://testserver")
    bad = call(client, "patch", url, ctv, {"expires": "2027-01-01T00:00:00+07:00"})
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "expires"
    assert call(client, "patch", url, ctv, {"effective": "ngày mai"}).status_code == 400
    assert call(client, "patch", url, ctv, {"effective": None, "expires": None}).status_code == 204
    page = latest(NewsPage.objects.get(pk=page.pk))
    assert page.go_live_at is None and page.expire_at is None


def test_a_drafts_creation_date_stays_when_it_is_saved_again(client, laocai):
    """`created` of an item never published is its first revision's time, not the last."""
    from wagtail.models import Revision

    ctv = login(client, "ctv-tuyengiao")
    created = call(client, "post", column_url(), ctv, news_body())
    url = "/++api++" + created.json()["@id"].removeprefix("http://testserver")
    page = NewsPage.objects.get(slug="cong-doan-tham-cong-nhan-kho-khan")
    Revision.objects.filter(object_id=str(page.pk)).update(
        created_at=datetime.datetime(2026, 11, 2, 1, 0, tzinfo=datetime.UTC)
    )
    assert call(client, "patch", url, ctv, {"title": "Tiêu đề mới"}).status_code == 204
    data = call(client, "get", url, ctv).json()
    assert data["created"] == "2026-11-02T08:00:00+07:00"
    assert data["modified"] > data["created"]
