"""`@vocabularies`: units, sections, fields, the documents' choices and the news topics."""

import datetime

import pytest
from wagtail.models import PageViewRestriction

from ldld_wagtail.models import Section

from ...utils import call, get, login, make_news, make_unit

pytestmark = pytest.mark.django_db


def items(data):
    return [(i["token"], i["title"]) for i in data["items"]]


def test_the_list_of_vocabularies(client, column):
    data = get(client, "/++api++/@vocabularies").json()
    assert {v["title"] for v in data} - {
        "document_types", "fields", "issuer_levels", "news_kinds", "sections", "topics", "units"
    } == {
        "plone.app.vocabularies." + name
        for name in (
            "Keywords", "PortalTypes", "ReadableTypes", "ReallyUserFriendlyTypes",
            "ReviewStates", "UserFriendlyTypes", "Users", "WorkflowStates",
        )
    }  # fmt: skip
    assert data[0]["@id"] == f"http://testserver/@vocabularies/{data[0]['title']}"


def test_units_are_the_active_ones(client, column):
    make_unit("cu", "Ban cũ", valid_until=datetime.date(2020, 12, 31))
    make_unit("cong-doan-nganh", "Công đoàn ngành Y tế", kind="sector")
    data = get(client, "/++api++/@vocabularies/units").json()
    assert data["@id"] == "http://testserver/@vocabularies/units"
    assert items(data) == [  # in the units' own order
        ("tuyen-giao", "Ban Tuyên giáo - Nữ công"),
        ("cong-doan-nganh", "Công đoàn ngành Y tế"),
    ]
    assert data["items_total"] == 2 and "batching" not in data


def test_filter_by_title_ignores_accents_and_by_token_exactly(client, column):
    make_unit("cong-doan-nganh", "Công đoàn ngành Y tế", kind="sector")
    data = get(client, "/++api++/@vocabularies/units?title=cong%20DOAN").json()
    assert items(data) == [("cong-doan-nganh", "Công đoàn ngành Y tế")]
    assert data["@id"] == "http://testserver/@vocabularies/units?title=cong%20DOAN"
    assert items(get(client, "/++api++/@vocabularies/units?token=tuyen-giao").json()) == [
        ("tuyen-giao", "Ban Tuyên giáo - Nữ công")
    ]
    assert get(client, "/++api++/@vocabularies/units?token=tuyen").json()["items"] == []
    response = get(client, "/++api++/@vocabularies/units?token=a&title=b")
    assert response.status_code == 400 and response.json()["type"] == "BadRequest"


def test_terms_are_batched(client, column):
    for n in range(5):
        make_unit(f"u{n}", f"Đơn vị {n}", sort_order=n)
    data = get(client, "/++api++/@vocabularies/units?b_size=2&b_start=2").json()
    assert data["items_total"] == 6 and len(data["items"]) == 2
    assert data["batching"]["next"].endswith("b_start=4&b_size=2")


def test_choices_of_the_site(client, column):
    data = get(client, "/++api++/@vocabularies/document_types").json()
    assert ("nghi-quyet", "Nghị quyết") in items(data)
    assert items(get(client, "/++api++/@vocabularies/news_kinds").json()) == [
        ("tin", "Tin"),
        ("bai", "Bài"),
    ]
    levels = get(client, "/++api++/@vocabularies/issuer_levels").json()
    assert levels["items"][0]["token"] == "ldld"
    english = get(client, "/++api++/en/@vocabularies/news_kinds").json()
    assert items(english)[0] == ("tin", "News item")


def test_topics_are_the_tags_of_public_items(client, column):
    item = make_news(column, "Tin công khai")
    item.tags.add("Tết Sum vầy", "An toàn lao động")
    item.save_revision().publish()
    draft = make_news(column, "Bản nháp", live=False)
    draft.tags.add("Bí mật")
    draft.save()
    data = get(client, "/++api++/@vocabularies/topics").json()
    assert items(data) == [
        ("An toàn lao động", "An toàn lao động"),
        ("Tết Sum vầy", "Tết Sum vầy"),
    ]


def test_sections_and_fields(client, laocai):  # noqa: F811
    fields = get(client, "/++api++/@vocabularies/fields").json()
    assert ("tuyen-giao-nu-cong", "Tuyên giáo - Nữ công") in items(fields)
    sections = items(get(client, "/++api++/@vocabularies/sections").json())
    assert ("tuyen-giao-nu-cong", "Tuyên giáo - Nữ công") in sections
    hidden = Section.objects.get(code="tuyen-giao-nu-cong").page
    PageViewRestriction.objects.create(page=hidden, restriction_type="login")
    sections = items(get(client, "/++api++/@vocabularies/sections").json())
    assert "tuyen-giao-nu-cong" not in dict(sections)
    editor = login(client, "ctv-tuyengiao")
    data = call(client, "get", "/++api++/@vocabularies/sections", editor).json()
    assert "tuyen-giao-nu-cong" in dict(items(data))


def test_an_unknown_vocabulary_is_not_found(client, column):
    response = get(client, "/++api++/@vocabularies/nope")
    assert response.status_code == 404 and response.json()["type"] == "NotFound"


def test_plones_own_vocabulary_names_answer(client, column, django_user_model):
    item = make_news(column, "Tin có chủ đề")
    item.tags.add("Tiền lương", "An toàn lao động")
    item.save_revision().publish()
    django_user_model.objects.create_user("hathu", password="pw", first_name="Thu", last_name="Hà")
    plone = "/++api++/@vocabularies/plone.app.vocabularies."
    # Volto's search and tag widget read Keywords, all at once (`b_size=-1`).
    keywords = get(client, plone + "Keywords?b_size=-1&b_start=0").json()
    assert items(keywords) == [
        ("An toàn lao động", "An toàn lao động"),
        ("Tiền lương", "Tiền lương"),
    ]
    types = dict(items(get(client, plone + "PortalTypes").json()))
    assert types["NewsPage"] == "Tin, bài"
    states = dict(items(get(client, plone + "WorkflowStates").json()))
    assert states["pending"] and set(states) == set(
        dict(items(get(client, plone + "ReviewStates").json()))
    )
    # Users only for a logged-in editor, as Plone asks for a login.
    assert get(client, plone + "Users").status_code == 401
    users = call(client, "get", plone + "Users?b_size=-1", login(client, "hathu"))
    assert items(users.json()) == [("hathu", "Hà Thu")]
    # Everything at once is only for vocabularies: a listing still refuses -1.
    assert get(client, "/++api++/tuyen-giao-nu-cong?b_size=-1").status_code == 400
