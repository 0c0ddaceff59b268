import pytest

from ldld_wagtail.models import SearchEntry
from ldld_wagtail.search import search

from ..utils import make_news

pytestmark = pytest.mark.django_db


def titles(query, **kwargs):
    return [hit.title for hit in search(query, "vi", **kwargs)[1]]


def test_unaccented_query_finds_accented_text(column):
    make_news(column, "Công đoàn cơ sở tổ chức Tết Sum vầy")
    make_news(column, "Hội thao công nhân")
    assert titles("cong doan") == ["Công đoàn cơ sở tổ chức Tết Sum vầy"]
    assert titles("CÔNG ĐOÀN") == ["Công đoàn cơ sở tổ chức Tết Sum vầy"]
    assert titles("tet sum") == ["Công đoàn cơ sở tổ chức Tết Sum vầy"]


def test_accented_query_ranks_exact_words_first(column):
    make_news(column, "Bàn giao mái ấm công đoàn")
    make_news(column, "Bán hàng bình ổn giá")
    make_news(column, "Ban Tuyên giáo họp")
    assert titles("bàn")[0] == "Bàn giao mái ấm công đoàn"
    assert titles("bán")[0] == "Bán hàng bình ổn giá"
    assert titles("ban")[0] == "Ban Tuyên giáo họp"
    assert len(titles("ban")) == 3


def test_body_text_and_last_word_prefix_match(column):
    make_news(column, "Tin một", body_text="thỏa ước lao động tập thể")
    assert titles("thoa uoc") == ["Tin một"]
    assert titles("thoa u") == ["Tin một"]


def test_drafts_and_unpublished_pages_are_never_indexed(column):
    make_news(column, "Bản nháp công đoàn", live=False)
    live = make_news(column, "Đã xuất bản công đoàn")
    assert titles("cong doan") == ["Đã xuất bản công đoàn"]
    live.unpublish()
    assert titles("cong doan") == []
    assert not SearchEntry.objects.exists()


def test_private_pages_are_not_indexed(column):
    from wagtail.models import PageViewRestriction

    page = make_news(column, "Tin nội bộ công đoàn")
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    assert titles("cong doan") == []


def test_section_filter_and_paging(column):
    for i in range(15):
        make_news(column, f"Công đoàn tin số {i}")
    total, hits = search("cong doan", "vi", offset=10, limit=10)
    assert total == 15 and len(hits) == 5
    assert search("cong doan", "vi", section="documents") == (0, [])


def test_empty_or_symbol_only_query_returns_nothing(column):
    assert search("", "vi") == (0, [])
    assert search('"*:&|!', "vi") == (0, [])
