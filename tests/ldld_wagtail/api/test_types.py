"""`@types` and `@types/<id>`: the page types, which the caller may add, and their schemas."""

import pytest

from ...utils import call, get, login

pytestmark = pytest.mark.django_db


def by_id(types):
    return {t["id"]: t for t in types}


def test_anonymous_callers_see_the_types_but_may_add_none(client, column):
    response = get(client, "/++api++/tuyen-giao-nu-cong/@types")
    assert response.status_code == 200
    types = by_id(response.json())
    news = types["NewsPage"]
    assert news == {
        "@id": "http://testserver/tuyen-giao-nu-cong/@types/NewsPage",
        "addable": False,
        "id": "NewsPage",
        "title": "Tin, bài",
    }
    assert "Page" not in types
    assert not any(t["addable"] for t in types.values())


def test_an_editor_may_add_what_the_section_takes(client, laocai):  # noqa: F811
    ctv = login(client, "ctv-tuyengiao")
    types = by_id(call(client, "get", "/++api++/tuyen-giao-nu-cong/@types", ctv).json())
    assert [name for name, t in types.items() if t["addable"]] == ["NewsPage"]
    # Not in another department's column, nor where a news item does not belong.
    types = by_id(call(client, "get", "/++api++/@types", ctv).json())
    assert not any(t["addable"] for t in types.values())


def test_a_news_item_schema(client, column):
    response = get(client, "/++api++/@types/NewsPage")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json+schema")
    schema = response.json()
    assert schema["type"] == "object" and schema["title"] == "Tin, bài"
    props = schema["properties"]
    assert schema["fieldsets"][0]["id"] == "default"
    assert schema["fieldsets"][0]["fields"][:3] == ["title", "description", "kind"]
    plone_names = {k for k, v in props.items() if "aliasOf" in v}  # test_plone_fields.py
    assert set(schema["fieldsets"][0]["fields"]) == set(props) - plone_names
    assert props["title"]["maxLength"] == 255
    assert props["description"]["readonly"] is True  # the lead is the summary
    assert props["kind"]["enum"] == ["tin", "bai"]
    assert props["kind"]["enumNames"] == ["Tin", "Bài"]
    assert props["kind"]["default"] == "tin"
    assert props["kind"]["vocabulary"]["@id"] == "http://testserver/@vocabularies/news_kinds"
    assert props["lead"]["widget"] == "textarea"
    assert props["body"]["widget"] == "richtext"
    assert props["authors"] == {
        "title": "Tác giả",
        "description": props["authors"]["description"],
        "type": "string",
        "maxLength": 255,
        "factory": "Text line (String)",
    }
    assert props["unit"]["vocabulary"]["@id"] == "http://testserver/@vocabularies/units"
    assert props["featured"]["type"] == "boolean" and props["featured"]["default"] is False
    photos = props["photos"]
    assert photos["type"] == "array" and photos["items"]["type"] == "object"
    assert photos["items"]["properties"]["image"]["type"] == "object"
    assert photos["items"]["properties"]["caption"]["maxLength"] == 255
    assert photos["items"]["required"] == ["image", "caption", "credit"]
    assert props["tags"]["type"] == "array"
    assert props["tags"]["widgetOptions"]["vocabulary"]["@id"].endswith("/@vocabularies/topics")
    assert set(schema["required"]) == {"title", "lead", "body", "authors", "unit"}


def test_a_question_schema_keeps_the_askers_contact_out(client, column):
    schema = get(client, "/++api++/@types/QuestionPage").json()
    props = schema["properties"]
    assert "asker_contact" not in props
    assert props["asked_on"]["format"] == "date"
    assert props["answer"]["widget"] == "richtext"
    assert props["answering_unit"]["vocabulary"]["@id"].endswith("/@vocabularies/units")
    assert "asker_unit" not in schema["required"] and "question" in schema["required"]


def test_other_field_kinds(client, column):
    props = get(client, "/++api++/@types/VideoPage").json()["properties"]
    assert props["video_file"]["type"] == "object"
    assert props["poster"]["type"] == "object"
    assert props["video_url"]["format"] == "uri"
    props = get(client, "/++api++/@types/DirectiveDocumentPage").json()["properties"]
    assert props["doc_type"]["vocabulary"]["@id"].endswith("/@vocabularies/document_types")
    assert "Nghị quyết" in props["doc_type"]["enumNames"]


def test_an_unknown_type_is_not_found(client, column):
    response = get(client, "/++api++/@types/Nope")
    assert response.status_code == 404 and response.json()["type"] == "NotFound"
    assert get(client, "/++api++/@types/NewsPage/x").status_code == 404
