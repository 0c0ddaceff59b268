import pytest

from ..utils import make_news

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]


def test_search_page_finds_accented_titles_from_plain_letters(client, column):
    make_news(column, "Công đoàn cơ sở tổ chức Tết Sum vầy")
    html = client.get("/tim-kiem/?q=cong+doan").content.decode()
    assert "Công đoàn cơ sở tổ chức Tết Sum vầy" in html


def test_search_page_without_query_and_with_bad_page_number(client, column):
    assert client.get("/tim-kiem/").status_code == 200
    assert client.get("/tim-kiem/?q=cong&page=abc").status_code == 200
    assert client.get("/tim-kiem/?q=cong&page=999").status_code == 200


def test_site_is_vietnamese_by_default(client, home):
    html = client.get("/").content.decode()
    assert '<html lang="vi"' in html
    assert 'href="#main"' in html  # skip link


def test_friendly_404(client, home):
    response = client.get("/khong-ton-tai/")
    assert response.status_code == 404
    assert "<main" in response.content.decode()


def test_article_shows_photo_with_caption_as_alt_and_print_button(client, column):
    page = make_news(column, "Bài có ảnh")
    html = client.get(page.url).content.decode()
    assert 'alt="Chú thích"' in html
    assert "window.print()" in html


def test_home_shows_the_newest_items_of_every_column(client, home, unit):
    import datetime

    from django.utils import timezone

    from ..utils import make_column, make_image

    image = make_image()
    start = timezone.now() - datetime.timedelta(days=30)
    for slug in ("cot-a", "cot-b"):
        column = make_column(home, title=f"Cột {slug}", slug=slug, unit=unit)
        for i in range(5):
            make_news(
                column,
                f"Tin {slug} số {i}",
                image=image,
                published_at=start + datetime.timedelta(days=i),
            )
    html = client.get("/").content.decode()
    for slug in ("cot-a", "cot-b"):
        for i in range(1, 5):
            assert f"Tin {slug} số {i}" in html
        assert f"Tin {slug} số 0<" not in html
