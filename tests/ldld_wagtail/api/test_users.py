"""`@users`: a caller's own record in plone.restapi's shape, anyone's only for those who
manage the accounts (Quy chế 7.6), and the history's actor links resolve."""

import pytest

from ...utils import call, login

pytestmark = pytest.mark.django_db


def test_a_contributor_reads_his_own_record_and_no_one_elses(client, laocai):
    ctv = laocai["ctv"]
    ctv.first_name, ctv.last_name = "Lan", "Ngô Hoàng"
    ctv.save()
    auth = login(client, "ctv-tuyengiao")
    response = call(client, "get", "/++api++/@users/ctv-tuyengiao", auth)
    assert response.status_code == 200
    record = response.json()
    assert record["@id"] == "http://testserver/@users/ctv-tuyengiao"
    assert (record["id"], record["fullname"], record["email"]) == (
        "ctv-tuyengiao", "Ngô Hoàng Lan", "ctv-tuyengiao@example.vn",
    )  # fmt: skip
    assert record["roles"] == ["Member", "Contributor"]
    assert record["groups"]["items"] == [
        {"id": "ctv-tuyen-giao", "title": "Cộng tác viên - Ban Tuyên giáo - Nữ công"}
    ]
    assert call(client, "get", "/++api++/@users/thuky", auth).status_code == 403
    assert call(client, "get", "/++api++/@users", auth).status_code == 403
    denied = call(client, "get", "/++api++/@users/ctv-tuyengiao").json()
    assert denied["type"] == "Unauthorized"


def test_the_web_admin_reads_every_account(client, laocai):
    auth = login(client, "quantri")
    me = call(client, "get", "/++api++/@users/quantri", auth).json()
    assert "Site Administrator" in me["roles"] and "Reviewer" in me["roles"]
    thuky = call(client, "get", "/++api++/@users/thuky", auth).json()
    assert thuky["roles"] == ["Member", "Contributor", "Reviewer"]  # writes and routes items
    listing = call(client, "get", "/++api++/@users", auth).json()
    assert listing["items_total"] == 5
    assert [u["id"] for u in listing["items"]] == sorted(u["id"] for u in listing["items"])
    assert call(client, "get", "/++api++/@users/khong-co", auth).status_code == 404
