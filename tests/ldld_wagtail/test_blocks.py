"""The body of pages (`BodyBlock.render`): the HTML readers, the API and the feed get."""

import pytest

from ldld_wagtail.blocks import BodyBlock

pytestmark = pytest.mark.django_db


def test_a_body_renders_each_kind_of_block():
    body = BodyBlock().to_python(
        [
            {"type": "heading", "value": "Mục <1> & đầu"},
            {"type": "paragraph", "value": "<p>Đoạn <b>một</b></p>"},
            {"type": "quote", "value": {"text": "Trích dẫn", "source": "Nguồn"}},
            {"type": "embed", "value": "https://www.youtube.com/watch?v=abc"},
        ]
    )
    assert str(body) == (
        '<div class="stream">\n'
        "<h2>Mục &lt;1&gt; &amp; đầu</h2>\n"
        "<p>Đoạn <b>một</b></p>\n"
        '<figure class="quote">\n'
        "  <blockquote><p>Trích dẫn</p></blockquote>\n"
        "  <figcaption>— Nguồn</figcaption>\n"
        "</figure>\n\n"
        '<p class="embed-link"><a class="external-link" href="https://www.youtube.com/watch?v=abc"'
        ' rel="noopener">▶ Mở nội dung nhúng</a><br>'
        '<span class="meta">https://www.youtube.com/watch?v=abc</span></p>\n\n'
        "</div>\n"
    )


def test_rich_text_links_to_pages_are_expanded(home):
    body = BodyBlock().to_python(
        [{"type": "paragraph", "value": f'<p><a linktype="page" id="{home.pk}">Trang chủ</a></p>'}]
    )
    assert '<a href="/">Trang chủ</a>' in str(body)
