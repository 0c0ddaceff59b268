"""One test per assumption `ldld_wagtail.compat` makes about Wagtail's, Django's, treebeard's
and modelcluster's internals: after an upgrade, the one that no longer holds fails by name."""

import inspect

import pytest
from django.core.paginator import Paginator
from django.test import RequestFactory
from wagtail.images.templatetags.wagtailimages_tags import ImageNode
from wagtail.models import Page, Site

from ldld_wagtail import compat

from ..utils import make_image, make_news

pytestmark = pytest.mark.django_db


def request_for(host="localhost"):
    return RequestFactory().get("/", HTTP_HOST=host)


def test_find_site_is_wagtails_uncached_lookup(home):
    request = request_for()
    assert compat.find_site(request) == Site.objects.get(is_default_site=True)


def test_wagtail_keeps_the_requests_site_under_the_name_compat_uses(home):
    request = request_for()
    site = Site.find_for_request(request)
    assert compat.remembered_site(request) is site
    # And reads it from there: a site remembered by the portal is the one Wagtail returns.
    other = request_for()
    compat.remember_site(other, site)
    assert Site.find_for_request(other) is site


def test_wagtail_reads_the_site_root_paths_remembered_on_a_request(home):
    request = request_for()
    sentinel = Site.get_site_root_paths()
    compat.remember_site_root_paths(request, sentinel)
    assert Page._get_site_root_paths(request) is sentinel


def test_wagtail_reads_a_route_remembered_on_a_request(home):
    request = request_for()
    compat.remember_route(request, home, ["a"], {"b": 1})
    assert home.route_for_request(request, "/") == (home, ["a"], {"b": 1})


def test_treebeard_reads_a_remembered_parent(column, home, django_assert_num_queries):
    page = Page.objects.get(pk=column.pk)
    compat.remember_parent(page, home)
    with django_assert_num_queries(0):
        assert page.get_parent() is home


def test_slug_check_is_wagtails_own(column):
    make_news(column, "Tin đã có")
    assert not compat.slug_is_available("tin-da-co", column)
    assert compat.slug_is_available("tin-moi", column)


def test_prefetch_cache_is_where_django_leaves_prefetched_rows(column):
    from news.models import NewsPage

    make_news(column, "Tin có ảnh")

    item = NewsPage.objects.prefetch_related("photos").get(title="Tin có ảnh")
    assert list(compat.prefetched(item, "photos")) == list(item.photos.all())
    image = make_image()
    compat.set_prefetched(image, "renditions", image.renditions, [])
    assert compat.prefetched(image, "renditions") is not None
    assert list(image.renditions.all()) == []  # Django's manager reads what was left


def test_modelcluster_holds_edited_children_under_the_name_compat_reads(column):
    from news.models import NewsPage, NewsPhoto

    item = make_news(column, "Tin sửa ảnh")
    item = NewsPage.objects.get(pk=item.pk)
    assert not compat.in_memory_children(item, "photos")
    item.photos = [NewsPhoto(image=make_image(), caption="Mới", credit="LĐLĐ")]
    assert compat.in_memory_children(item, "photos")


def test_image_node_is_built_from_its_parsed_parts():
    params = list(inspect.signature(ImageNode.__init__).parameters)
    assert params[1:5] == ["image_expr", "filter_specs", "output_var_name", "attrs"]


def test_formsets_answer_whether_a_form_is_deleted():
    from django import forms

    formset = forms.formset_factory(forms.Form, can_delete=True)(
        {"form-TOTAL_FORMS": "1", "form-INITIAL_FORMS": "0", "form-0-DELETE": "on"}
    )
    formset.is_valid()
    assert compat.should_delete_form(formset, formset.forms[0])


def test_a_relabelled_column_renders_its_own_heading():
    from wagtail.admin.ui.tables import Column

    column = compat.relabel_column(Column("type", label="Type"), "Loại trang")
    assert column.header.column is column and column.label == "Loại trang"


def test_raw_host_is_the_host_header():
    assert compat.raw_host(request_for("congdoan.example:8000")) == "congdoan.example:8000"


def test_uncached_runs_a_cached_propertys_function():
    paginator = Paginator(list(range(7)), 3)
    assert compat.uncached(Paginator.count, paginator) == 7


def test_tree_path_is_treebeards_child_path(column):
    from news.models import NewsPage

    item = make_news(column, "Tin con thứ nhất")
    child = NewsPage.objects.get(pk=item.pk)
    assert compat.tree_path(column.path, column.depth + 1, 1) == child.path


def test_multi_table_rows_insert_through_the_base_managers_insert():
    from news.models import NewsPage

    insert = NewsPage._base_manager._insert
    assert "fields" in inspect.signature(insert).parameters


def test_wagtails_history_view_asks_for_edit_or_publish_and_its_button_is_the_one_patched():
    from wagtail.admin.views.pages.history import PageHistoryView
    from wagtail.admin.wagtail_hooks import PageListingHistoryButton

    assert "can_publish() or perms.can_edit()" in inspect.getsource(PageHistoryView.get_object)
    assert PageListingHistoryButton.url_name == "wagtailadmin_pages:history"
    assert "can_edit" in inspect.getsource(PageListingHistoryButton.is_shown)  # ours, applied


def test_the_quick_deletion_check_is_wagtails_own(laocai):
    """`compat.can_delete_quickly` answers as `PagePermissionTester.can_delete()` and
    `can_move()` do wherever it answers, for every kind of holder, on pages with and without
    children, live or not."""
    from django.contrib.auth.models import User

    from ..utils import draft, make_news, section

    column = section("tuyen-giao-nu-cong")
    other_column = section("chinh-sach-phap-luat")
    hidden = make_news(other_column, "Tin nháp cột khác", live=False)
    other_column.unpublish()
    pages = [
        draft(laocai),  # a draft the contributor owns
        make_news(column, "Tin đã đăng"),  # live, someone else's
        make_news(column, "Bản nháp khác", live=False),  # a draft someone else owns
        hidden,
        column,  # live, with children
        other_column,  # not live, with a draft child
    ]
    people = [*laocai.values(), User.objects.create_superuser("admin", "a@example.vn", "pw")]
    inactive = User.objects.create_user("cu", is_active=False)
    answered = 0
    for user in [*people, inactive]:
        for page in pages:
            page.refresh_from_db()
            perms = page.permissions_for_user(user)
            for quick, wagtails in (
                (compat.can_delete_quickly(perms), perms.can_delete()),
                (compat.can_delete_quickly(perms, ignore_bulk=True), perms.can_move()),
            ):
                if quick is not None:
                    assert quick == wagtails, (user.username, page.title)
                    answered += 1
    assert answered >= 75  # of 84: only a folder that is not live needs Wagtail's query


def test_django_marks_the_transaction_a_test_case_wraps_a_test_in():
    """`in_a_test_cases_transaction`: the outermost block of `atomic_blocks` is the test's,
    marked `_from_testcase`; a block opened by code inside it is not."""
    from django.db import connection, transaction

    assert compat.in_a_test_cases_transaction()
    with transaction.atomic():
        assert compat.in_a_test_cases_transaction()
        assert not getattr(connection.atomic_blocks[-1], "_from_testcase", False)


@pytest.mark.django_db(transaction=True)
def test_outside_a_test_case_no_transaction_is_the_tests(wagtail_rows):
    from django.db import transaction

    assert not compat.in_a_test_cases_transaction()
    with transaction.atomic():
        assert not compat.in_a_test_cases_transaction()
