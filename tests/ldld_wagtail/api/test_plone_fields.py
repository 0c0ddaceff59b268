"""A generic Plone client writes with Plone's standard names (`description`, `text`,
`subjects`, `creators`) and may leave the unit out: a contributor's item is his unit's."""

import pytest

from news.models import NewsPage

from ...utils import call, column_url, login, news_body

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
