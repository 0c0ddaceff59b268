"""Images and documents sent through /++api++/ go through Wagtail's own upload rules: allowed
extensions and formats, the size limits of settings, the caller's collection permissions; and a
request that fails leaves no file behind."""

import base64

import pytest
from django.core.files.storage import default_storage
from wagtail.images.models import Image
from wagtail.models import Collection, GroupCollectionPermission

from ...utils import call, column_url, login, news_body, photo_b64

pytestmark = pytest.mark.django_db


def with_photo(filename="anh.jpg", data=None, **extra):
    body = news_body(**extra)
    body["photos"][0]["image"] = {
        "data": data or photo_b64(),
        "encoding": "base64",
        "filename": filename,
    }
    return body


def stored_originals():
    if not default_storage.exists("original_images"):
        return set()
    return set(default_storage.listdir("original_images")[1])


def refused(client, laocai, body, words):
    before_files, before_rows = stored_originals(), Image.objects.count()
    response = call(client, "post", column_url(), login(client, "ctv-tuyengiao"), body)
    assert response.status_code == 400, response.json()
    error = response.json()
    assert error["type"] == "BadRequest"
    assert any(e["field"] == "photos[0].image" for e in error.get("errors", [])), error
    assert any(w in error["message"] for w in words), error["message"]
    assert Image.objects.count() == before_rows
    assert stored_originals() == before_files


def test_an_extension_wagtail_refuses_is_refused(client, laocai):
    refused(client, laocai, with_photo("anh.exe"), ["exe", "định dạng", "format"])


def test_a_file_that_is_not_an_image_is_refused(client, laocai):
    data = base64.b64encode(b"MZ\x90\x00 not an image").decode()
    refused(client, laocai, with_photo("anh.jpg", data), ["image", "ảnh", "hình"])


def test_the_size_limit_comes_from_settings(client, laocai, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 200
    refused(client, laocai, with_photo(), ["200", "large", "lớn"])


def test_an_editor_without_add_permission_on_any_collection_is_refused(client, laocai):
    GroupCollectionPermission.objects.filter(
        group__in=laocai["ctv"].groups.all(), permission__codename="add_image"
    ).delete()
    refused(client, laocai, with_photo(), ["upload", "tải"])


def test_a_failed_request_leaves_no_file_behind(client, laocai):
    before_files, before_rows = stored_originals(), Image.objects.count()
    body = with_photo(kind="phong-su")  # the photo is fine, the kind is not
    response = call(client, "post", column_url(), login(client, "ctv-tuyengiao"), body)
    assert response.status_code == 400
    assert Image.objects.count() == before_rows
    assert stored_originals() == before_files


def test_the_image_lands_in_a_collection_the_editor_may_add_to(client, laocai):
    root = Collection.get_first_root_node()
    own = root.add_child(name="Ban Tuyên giáo - Nữ công")
    group = laocai["ctv"].groups.first()
    for perm in GroupCollectionPermission.objects.filter(group=group, collection=root):
        GroupCollectionPermission.objects.create(
            group=group, collection=own, permission=perm.permission
        )
    response = call(client, "post", column_url(), login(client, "ctv-tuyengiao"), with_photo())
    assert response.status_code == 201, response.json()
    image = Image.objects.latest("pk")
    assert image.collection == own
    assert image.uploaded_by_user == laocai["ctv"]
