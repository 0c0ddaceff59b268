"""The issue's closing script, over HTTP only: a contributor writes an item with a photo, the
secretary routes it, the deputy head approves, the web admin publishes, the secretary chooses it
for the national portal (Quy chế 7.5); the national portal's key pulls it from @syndication and,
after a take-down, gets a tombstone."""

import pytest
from django.urls import reverse
from wagtail.models import APIToken, Page

from ldld_wagtail.management.commands.syndication_key import consumer_user
from ldld_wagtail.models import Outlet

from ...utils import call, column_url, login, news_body

pytestmark = pytest.mark.django_db


def test_from_contributor_to_the_national_portal_and_back(client, laocai):  # noqa: F811
    _key, plaintext = APIToken.create_token(user=consumer_user("VGCL"), name="VGCL")
    national = {"HTTP_AUTHORIZATION": f"Bearer {plaintext}"}
    ctv, thuky = login(client, "ctv-tuyengiao"), login(client, "thuky")
    phoban1, quantri = login(client, "phoban1"), login(client, "quantri")

    # Only the secretary chooses what goes to the national portal.
    refused = call(client, "post", column_url(), ctv, news_body(send_to_national=True))
    assert refused.status_code == 400
    assert refused.json()["errors"][0]["field"] == "send_to_national"
    created = call(client, "post", column_url(), ctv, news_body())
    assert created.status_code == 201
    url = "/++api++" + created.json()["@id"].removeprefix("http://testserver")
    steps = [
        (ctv, "submit", {}),
        (thuky, "route", {"field": "tuyen-giao-nu-cong", "comment": "Tin phong trào"}),
        (phoban1, "approve", {"comment": "Đồng ý"}),
        (quantri, "publish", {}),
    ]
    for auth, transition, body in steps:
        response = call(client, "post", f"{url}/@workflow/{transition}", auth, body)
        assert response.status_code == 200, (transition, response.json())
    assert response.json()["review_state"] == "published"
    assert call(client, "get", "/++api++/@syndication", national).json()["items"] == []

    client.force_login(laocai["thuky"])
    page = Page.objects.get(title="Công đoàn thăm công nhân khó khăn")
    outlet = Outlet.objects.get(national=True)
    chosen = client.post(
        reverse("ldld_forwarding_action"), {"page": page.pk, "outlet": outlet.pk, "action": "mark"}
    )
    assert chosen.status_code == 302
    client.logout()

    feed = call(client, "get", "/++api++/@syndication", national).json()
    [item] = feed["items"]
    assert item["title"] == "Công đoàn thăm công nhân khó khăn"
    assert item["images"][0]["caption"] == "Trao quà cho công nhân"
    assert not item.get("withdrawn")

    took = call(client, "post", f"{url}/@workflow/take_down", quantri, {"reason": "Sai số liệu"})
    assert took.json()["review_state"] == "withdrawn"
    later = call(client, "get", f"/++api++/@syndication?since={feed['next']}", national).json()
    [tombstone] = later["items"]
    assert tombstone["withdrawn"] is True and tombstone["UID"] == item["UID"]
    assert call(client, "get", url).status_code == 404
