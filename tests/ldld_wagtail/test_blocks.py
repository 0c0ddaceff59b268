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


def test_a_subclass_is_rendered_by_its_own_template(rf):
    """`Meta.template` of a subclass wins (the introduction page's body), kept or not."""
    from django.contrib.auth.models import AnonymousUser

    class OwnTemplate(BodyBlock):
        class Meta:
            template = "ldld_wagtail/blocks/quote.html"

    value = OwnTemplate().to_python([{"type": "heading", "value": "Mục"}])
    assert str(value).startswith('<figure class="quote">') and "stream" not in str(value)

    class Served:  # a live page served to a reader without a login, whose body it is
        pk, live, body = 1, True, value

    request = rf.get("/")
    request.user = AnonymousUser()
    for _ in range(2):  # made, then found in the fragment cache
        html = value.render_as_block({"page": Served, "request": request})
        assert html.startswith('<figure class="quote">') and "stream" not in html
