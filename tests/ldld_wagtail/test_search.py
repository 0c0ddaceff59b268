import pytest

from ldld_wagtail import search as search_module
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


def test_titles_holding_every_word_come_first_then_the_newest(column):
    # Created oldest first: the index dates entries by their publication.
    make_news(column, "Công đoàn huyện họp")  # every word as typed
    make_news(column, "Tin chỉ nói trong bài", body_text="Hội nghị công đoàn cơ sở")
    make_news(column, "Công đoàn tỉnh họp")  # every word as typed, newer
    make_news(column, "Cống đoạn đường mới", body_text="cong doan")  # every word, not as typed
    make_news(column, "Công nhân lao động giỏi", body_text="Công đoàn khen thưởng")  # one word
    expected = [
        "Công đoàn tỉnh họp",
        "Công đoàn huyện họp",
        "Cống đoạn đường mới",
        "Công nhân lao động giỏi",
        "Tin chỉ nói trong bài",
    ]
    assert titles("công đoàn") == expected
    batches = [titles("công đoàn", offset=i, limit=2) for i in (0, 2, 4)]
    assert batches == [expected[0:2], expected[2:4], expected[4:]]
    # Typed without accents, the words are as typed in none of the titles: the newest first.
    assert titles("cong doan") == [expected[2], expected[0], expected[1]] + expected[3:]


def test_a_batch_missing_from_the_newest_entries_is_found_all_the_same(column, monkeypatch):
    """PostgreSQL looks for the untitled matches of a common query among the newest entries
    first; when they do not hold the batch, it searches every match."""
    monkeypatch.setattr(search_module, "WINDOW_FACTOR", 1)
    monkeypatch.setattr(search_module, "WINDOW_SLACK", 0)
    for i in range(3):  # the oldest hold the words
        make_news(column, f"Tin cũ {i}", body_text="thỏa ước lao động")
    for i in range(9):
        make_news(column, f"Tin mới {i}", body_text="hội thao")
    assert titles("thoa uoc", limit=1) == ["Tin cũ 2"]
    assert titles("thoa uoc", offset=1, limit=2) == ["Tin cũ 1", "Tin cũ 0"]
