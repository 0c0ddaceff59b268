"""`@querystring`: the registry a Plone query builder reads before it offers criteria; every
index and operation it lists is one `@querystring-search` accepts."""

import pytest

from ...utils import get

pytestmark = pytest.mark.django_db


def test_the_registry_lists_what_the_search_accepts_in_plones_shape(client, laocai):
    response = get(client, "/++api++/@querystring")
    assert response.status_code == 200
    data = response.json()
    assert data["@id"] == "http://testserver/@querystring"
    assert set(data["indexes"]) == {
        "portal_type", "review_state", "Subject", "unit", "path", "SearchableText", "effective",
    }  # fmt: skip
    types = data["indexes"]["portal_type"]
    assert types["operations"] == [
        "plone.app.querystring.operation.selection.any",
        "plone.app.querystring.operation.selection.is",
    ]
    assert types["values"]["NewsPage"] == {"title": "Tin, bài"}
    assert types["operators"]["plone.app.querystring.operation.selection.any"]["widget"] == (
        "MultipleSelectionWidget"
    )
    states = data["indexes"]["review_state"]["values"]
    assert set(states) == {"published", "private", "pending", "withdrawn"}
    effective = data["indexes"]["effective"]
    assert effective["sortable"] is True and effective["group"] == "Ngày tháng"
    assert set(data["sortable_indexes"]) == {"effective", "sortable_title", "modified"}

    # Every operation offered is accepted by @querystring-search.
    for index, spec in data["indexes"].items():
        for operation in spec["operations"]:
            value = {
                "portal_type": ["NewsPage"], "review_state": ["published"], "path": "/",
                "Subject": ["Thể thao"], "unit": ["tuyen-giao-nu-cong"],
                "SearchableText": "công đoàn",
                "effective": ["2026-01-01", "2026-12-31"] if operation.endswith("between")
                else "2026-01-01",
            }[index]  # fmt: skip
            answer = client.post(
                "/++api++/@querystring-search",
                {"query": [{"i": index, "o": operation, "v": value}]},
                content_type="application/json",
            )
            assert answer.status_code == 200, (index, operation, answer.content)
    for name in data["sortable_indexes"]:
        answer = client.post(
            "/++api++/@querystring-search",
            {
                "query": [{"i": "path", "o": data["indexes"]["path"]["operations"][0], "v": "/"}],
                "sort_on": name,
            },  # fmt: skip
            content_type="application/json",
        )
        assert answer.status_code == 200, name
