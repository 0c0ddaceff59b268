"""Every page type's admin form renders under the parent the tree rules allow."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from wagtail.models import get_page_models

from home.models import HomePage, SubSiteHomePage, SubSiteIndexPage

from ..utils import add, make_unit

pytestmark = pytest.mark.django_db

SITE_APPS = {"home", "news", "documents", "qa", "schedule"}


@pytest.fixture
def tree(home):
    """One page of every type, so each type has a parent to be added under."""
    from documents.models import DocumentIndexPage
    from news.models import GalleryIndexPage, TopicColumnPage, VideoIndexPage
    from qa.models import QAIndexPage
    from schedule.models import ScheduleIndexPage

    unit = make_unit(code="sa-pa", name="LĐLĐ thị xã Sa Pa", kind="district")
    subsites = add(home, SubSiteIndexPage(title="Đơn vị", slug="don-vi"))
    return [
        home,
        subsites,
        add(subsites, SubSiteHomePage(title="Sa Pa", slug="sa-pa", unit=unit)),
        add(home, TopicColumnPage(title="Cột", slug="cot", unit=unit)),
        add(home, DocumentIndexPage(title="Văn bản", slug="van-ban")),
        add(home, ScheduleIndexPage(title="Lịch", slug="lich")),
        add(home, QAIndexPage(title="Hỏi đáp", slug="hoi-dap")),
        add(home, VideoIndexPage(title="Video", slug="video")),
        add(home, GalleryIndexPage(title="Ảnh", slug="anh")),
    ]


def test_every_page_type_can_be_added_somewhere_and_its_form_renders(client, tree):
    User.objects.create_superuser("admin", "a@example.vn", "pw")
    client.login(username="admin", password="pw")
    models = [m for m in get_page_models() if m._meta.app_label in SITE_APPS]
    assert len(models) >= 20
    for model in models:
        if model is HomePage:
            continue
        parent = next((p for p in tree if model in p.specific_class.allowed_subpage_models()), None)
        assert parent is not None, f"{model.__name__} has no parent in the tree rules"
        url = reverse(
            "wagtailadmin_pages:add",
            args=(model._meta.app_label, model._meta.model_name, parent.pk),
        )
        response = client.get(url)
        assert response.status_code == 200, model.__name__


def test_tree_rules_are_set_on_both_sides():
    for model in get_page_models():
        if model._meta.app_label not in SITE_APPS:
            continue
        for child in model.allowed_subpage_models():
            assert model in child.allowed_parent_page_models(), (model, child)
