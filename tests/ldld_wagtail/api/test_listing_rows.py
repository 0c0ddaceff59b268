"""Listings read their entries in one query (`api.serializers.rows`): the same entries, dates
and summaries as the full objects give, in the order asked, with counts that follow publishing."""

import datetime

import pytest
from django.utils import timezone

from ...utils import make_news, publish

pytestmark = pytest.mark.django_db

JSON = {"HTTP_ACCEPT": "application/json"}
META = "&metadata_fields=effective&metadata_fields=created&metadata_fields=language"


def entries(client, url):
    response = client.get(url, **JSON)
    assert response.status_code == 200, response.content[:300]
    return response.json()


def test_listing_entries_agree_with_the_full_objects(client, column):
    when = timezone.make_aware(datetime.datetime(2026, 3, 8, 9, 30))
    make_news(column, "Ngày Quốc tế Phụ nữ", lead="Chúc mừng chị em", published_at=when)
    make_news(column, "Tin mới nhất", lead="Sapo tin mới")
    found = entries(client, f"/++api++/@search?portal_type=NewsPage&sort_on=effective{META}")
    first, second = found["items"]
    assert first["title"] == "Ngày Quốc tế Phụ nữ"  # oldest first: ascending is the default
    assert first["effective"] == first["created"] == "2026-03-08T09:30:00+07:00"
    assert first["description"] == "Chúc mừng chị em"
    assert second["description"] == "Sapo tin mới"
    assert first["language"] == "vi"
    full = entries(client, "/++api++/tuyen-giao-nu-cong/ngay-quoc-te-phu-nu/")
    for key in ("@id", "@type", "UID", "title", "description", "effective", "review_state"):
        assert first[key] == full[key], key
    # Plone's `_all`: every metadata name, with a value (Volto's search asks for it).
    everything = entries(client, "/++api++/@search?portal_type=NewsPage&metadata_fields=_all")
    entry = everything["items"][0]
    assert "_all" not in entry and entry["Title"] == entry["title"] and entry["id"]
    assert entry["ExpirationDate"] == "None" and entry["EffectiveDate"] == entry["effective"]
    assert {"created", "modified", "effective", "expires", "language", "is_folderish"} <= set(entry)
    newest = entries(client, "/++api++/@search?portal_type=NewsPage&sort_on=effective"
                     "&sort_order=descending")  # fmt: skip
    assert [i["title"] for i in newest["items"]] == ["Tin mới nhất", "Ngày Quốc tế Phụ nữ"]


def test_a_folder_entry_without_its_own_summary_uses_the_seo_description(client, home, column):
    column.search_description = "Tin hoạt động của Ban Tuyên giáo"
    publish(column)
    data = entries(client, "/++api++/")
    entry = next(i for i in data["items"] if i["title"] == column.title)
    assert entry["@type"] == "TopicColumnPage"
    assert entry["description"] == "Tin hoạt động của Ban Tuyên giáo"
    assert entry["@id"] == "http://testserver/tuyen-giao-nu-cong"


def test_kept_counts_follow_publishing(client, column):
    make_news(column, "Tin một")
    url = "/++api++/@search?portal_type=NewsPage"
    assert entries(client, url)["items_total"] == 1
    assert entries(client, "/++api++/tuyen-giao-nu-cong/")["items_total"] == 1
    item = make_news(column, "Tin hai")
    assert entries(client, url)["items_total"] == 2
    assert entries(client, "/++api++/tuyen-giao-nu-cong/")["items_total"] == 2
    item.unpublish()
    assert entries(client, url)["items_total"] == 1
    assert [i["title"] for i in entries(client, "/++api++/tuyen-giao-nu-cong/")["items"]] == [
        "Tin một"
    ]
