"""The page editor tells one story about what was saved (issue 10, point 7).

A new form shows no error before the editor saves; a failed save, of a new page or of one that
autosave already created, says in Vietnamese what is missing.
"""

import re

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from ldld_wagtail.models import Unit
from news.models import NewsPage

from ..utils import make_image, section

pytestmark = pytest.mark.django_db

# What Wagtail says on its own, in English since its Vietnamese catalogue lacks these.
WAGTAIL_BANNERS = (
    "There are validation errors",
    "could not be created",
    "could not be saved",
)


@pytest.fixture
def editor(laocai, client):
    """The Lào Cai contributor who writes for "Tuyên giáo - Nữ công"."""
    client.force_login(laocai["ctv"])
    return client


@pytest.fixture
def column(laocai):
    return section("tuyen-giao-nu-cong")


def add_url(column):
    return reverse("wagtailadmin_pages:add", args=("news", "newspage", column.pk))


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def empty_photo_form():
    """The photo form the editor finds already open (the inline panel's min_num=1)."""
    return {
        "photos-TOTAL_FORMS": "1",
        "photos-INITIAL_FORMS": "0",
        "photos-MIN_NUM_FORMS": "1",
        "photos-MAX_NUM_FORMS": "1000",
        "photos-0-image": "",
        "photos-0-caption": "",
        "photos-0-credit": "",
        "photos-0-id": "",
        "photos-0-ORDER": "1",
        "photos-0-DELETE": "",
    }


def news_form(action="action-save", *, photos=None, **fields):
    data = nested_form_data(
        {
            "title": "Hội nghị người lao động",
            "slug": "hoi-nghi-nguoi-lao-dong",
            "kind": "tin",
            "unit": "",
            "lead": "",
            "authors": "",
            "tags": "",
            "body": streamfield([]),
            "photos": inline_formset(photos or [], min=1),
            **fields,
        }
    )
    if photos is None:
        data.update(empty_photo_form())
    if action != "action-save":
        data[action] = "1"
    return data


def error_messages(response) -> str:
    """The text of the error banners above the form."""
    soup = BeautifulSoup(response.content, "html.parser")
    banners = soup.select(".messages > ul > li.error")
    for button in soup.select(".messages > ul > li.error > button"):
        button.decompose()
    return " ".join(" ".join(li.get_text(" ").split()) for li in banners)


def autosaved_page(editor, column):
    """What Wagtail's autosave leaves behind: a draft created by a background JSON save with
    only the fields it cannot defer (title, unit, the photo)."""
    unit = Unit.objects.get(code="tuyen-giao-nu-cong")
    photo = {"image": make_image().pk, "caption": "", "credit": ""}
    response = editor.post(
        add_url(column),
        news_form(unit=unit.pk, photos=[photo]),
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 200, response.content
    assert response.json()["success"]
    return NewsPage.objects.get(pk=response.json()["pk"])


def test_a_new_form_shows_no_error_before_a_save(editor, column):
    response = editor.get(add_url(column))
    assert response.status_code == 200
    html = response.content.decode()
    form_tag = re.search(r'<form\s+id="page-edit-form".*?>', html, re.S).group(0)
    # Nothing on the new form autosaves behind the editor's back and reports its failures...
    assert "w-autosave" not in form_tag
    # ...nor carries the "autosave is paused" banner that showed Wagtail's validation error.
    for text in ("Autosave is", "Tự động lưu", *WAGTAIL_BANNERS):
        assert text not in html


def test_a_failed_first_save_says_in_vietnamese_what_is_missing(editor, column):
    response = editor.post(add_url(column), news_form(title=""))
    assert response.status_code == 200
    assert not NewsPage.objects.exists()
    banner = error_messages(response)
    assert banner.startswith("Chưa lưu được: thiếu ")
    for label in ("Tiêu đề", "Đơn vị viết bài", "Ảnh hoạt động 1 (Ảnh)"):
        assert label in banner
    for text in WAGTAIL_BANNERS:
        assert text not in response.content.decode()


def test_a_failed_first_submission_says_the_page_is_not_saved_either(editor, column):
    unit = Unit.objects.get(code="tuyen-giao-nu-cong")
    response = editor.post(add_url(column), news_form("action-submit", unit=unit.pk))
    assert response.status_code == 200
    assert not NewsPage.objects.exists()
    banner = error_messages(response)
    assert banner.startswith("Chưa gửi duyệt được: thiếu ")
    for label in ("Sapo", "Tác giả", "Nội dung"):
        assert label in banner
    assert "Trang cũng chưa được lưu." in banner


def test_a_failed_save_of_an_autosaved_page_says_what_is_missing(editor, column):
    page = autosaved_page(editor, column)
    unit = Unit.objects.get(code="tuyen-giao-nu-cong")
    image = page.photos.get()
    photos = {
        "photos-TOTAL_FORMS": "1",
        "photos-INITIAL_FORMS": "1",
        "photos-MIN_NUM_FORMS": "1",
        "photos-MAX_NUM_FORMS": "1000",
        "photos-0-id": str(image.pk),
        "photos-0-image": str(image.image_id),
        "photos-0-caption": "",
        "photos-0-credit": "",
        "photos-0-ORDER": "1",
        "photos-0-DELETE": "",
    }
    data = {**news_form(title="", unit=unit.pk), **photos}
    response = editor.post(edit_url(page), data)
    assert response.status_code == 200
    banner = error_messages(response)
    assert banner.startswith("Chưa lưu được: thiếu Tiêu đề")
    for text in WAGTAIL_BANNERS:
        assert text not in response.content.decode()

    # Submitting it for review names every field the review needs.
    data = {**news_form("action-submit", unit=unit.pk), **photos}
    response = editor.post(edit_url(page), data)
    assert response.status_code == 200
    banner = error_messages(response)
    assert banner.startswith("Chưa gửi duyệt được: thiếu ")
    for label in ("Sapo", "Tác giả", "Nội dung", "Ảnh hoạt động 1 (Chú thích, Nguồn ảnh)"):
        assert label in banner
    assert "could not be" not in response.content.decode()

    # Autosave's own failure, shown in the footer, says the same.
    data = {**news_form(title="", unit=unit.pk), **photos}
    response = editor.post(edit_url(page), data, HTTP_ACCEPT="application/json")
    assert response.status_code == 400
    assert response.json()["error_code"] == "validation_error"
    assert response.json()["error_message"].startswith("Chưa lưu được: thiếu Tiêu đề")
