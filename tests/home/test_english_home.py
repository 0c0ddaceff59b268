"""The English home page: the week's schedule, the latest documents and the latest answers fall
back to the Vietnamese pages (marked lang="vi") where there are no English ones; banners follow
the page's language."""

import datetime

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale

from documents.models import DirectiveDocumentPage, DocumentIndexPage
from home.models import Banner
from qa.models import QAIndexPage, QuestionPage
from schedule.models import ScheduleEntry, ScheduleIndexPage, WeeklySchedulePage

from ..utils import add, make_image, monday, publish

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]

EMPTY_BOXES = (
    "The schedule for this week has not been posted yet.",
    "No documents yet.",
    "No answers yet.",
)


def make_doc(index, number, issued_on):
    return add(
        index,
        DirectiveDocumentPage(
            title=f"Văn bản số {number}",
            slug=number.replace("/", "-").lower(),
            number=number,
            doc_type="cong-van",
            issuer="LĐLĐ tỉnh Lào Cai",
            issuer_level="ldld",
            issued_on=issued_on,
            signer="Nguyễn Văn B",
            summary=f"Trích yếu {number}",
        ),
    )


def make_week(index, start, content):
    page = WeeklySchedulePage(
        title=f"Tuần {start:%d/%m/%Y}", slug=f"tuan-{start:%Y-%m-%d}", week_start=start
    )
    page.entries = [ScheduleEntry(day=start, time=datetime.time(7, 30), content=content)]
    return add(index, page)


def translate(page, english, **fields):
    translated = page.copy_for_translation(english, copy_parents=True)
    for name, value in fields.items():
        setattr(translated, name, value)
    return publish(translated)


@pytest.fixture
def english(home):
    locale = Locale.objects.create(language_code="en")
    translate(home, locale, title="Provincial Labour Federation")
    return locale


@pytest.fixture
def vietnamese_items(home, unit):
    """This week's schedule, two documents and an answer, in Vietnamese only."""
    schedule = add(home, ScheduleIndexPage(title="Lịch công tác tuần", slug="lich-cong-tac"))
    week = make_week(schedule, monday(), "Họp giao ban Thường trực")
    documents = add(home, DocumentIndexPage(title="Văn bản chỉ đạo", slug="van-ban-chi-dao"))
    older = make_doc(documents, "128/QĐ-LĐLĐ", datetime.date(2026, 9, 20))
    newer = make_doc(documents, "435/LĐLĐ", datetime.date(2026, 10, 24))
    answers = add(home, QAIndexPage(title="Hỏi đáp", slug="hoi-dap"))
    question = add(
        answers,
        QuestionPage(
            title="Làm thêm giờ được trả lương thế nào?",
            slug="lam-them-gio",
            question="Tôi làm thêm giờ vào ngày nghỉ thì được trả bao nhiêu?",
            asker_name="Chị Lan",
            asked_on=datetime.date(2026, 10, 1),
            answer="<p>Ít nhất bằng 200% tiền lương.</p>",
            answered_on=datetime.date(2026, 10, 5),
            answering_unit=unit,
            topic="Tiền lương",
        ),
    )
    return {"week": week, "older": older, "newer": newer, "question": question}


def box(html, title_id):
    return BeautifulSoup(html, "html.parser").find(id=title_id).find_parent("section")


def texts_in_vietnamese(section) -> list[str]:
    return [" ".join(tag.get_text(" ").split()) for tag in section.select('[lang="vi"]')]


@pytest.mark.fast_paths
def test_english_home_shows_the_vietnamese_items_marked_as_vietnamese(
    client, english, vietnamese_items, django_assert_max_num_queries
):
    client.get("/en/")  # renditions, routes and the home's languages are cached after this
    with django_assert_max_num_queries(15):
        response = client.get("/en/")
    html = response.content.decode()
    for text in EMPTY_BOXES:
        assert text not in html

    week = box(html, "week-title")
    assert any("Họp giao ban Thường trực" in t for t in texts_in_vietnamese(week))
    assert week.find("a", href=vietnamese_items["week"].url, hreflang="vi")
    assert "Monday" in week.get_text()  # the weekday names stay in the page's language
    assert week.select_one(".language-note").get_text() == "In Vietnamese"

    documents = box(html, "docs-title")
    assert [t.split(" ", 1)[0] for t in texts_in_vietnamese(documents)] == [
        "435/LĐLĐ",
        "128/QĐ-LĐLĐ",
    ]
    assert documents.select_one(".language-note").get_text() == "In Vietnamese"

    answers = box(html, "qa-title")
    assert texts_in_vietnamese(answers) == ["Làm thêm giờ được trả lương thế nào?"]
    link = answers.find("a", lang="vi")
    assert link["href"] == vietnamese_items["question"].url and link["hreflang"] == "vi"

    # The Vietnamese home page has nothing to mark.
    vietnamese = client.get("/").content.decode()
    assert "Họp giao ban Thường trực" in vietnamese and "435/LĐLĐ" in vietnamese
    assert 'lang="vi"' not in box(vietnamese, "docs-title").decode()
    assert "language-note" not in vietnamese


def test_english_translations_take_the_place_of_their_vietnamese_originals(
    client, english, vietnamese_items
):
    translate(vietnamese_items["newer"], english, title="Letter on the Workers' Month")
    translate(vietnamese_items["week"], english, title="Week")
    draft = vietnamese_items["question"].copy_for_translation(english, copy_parents=True)
    draft.save_revision()  # an English draft hides nothing

    html = client.get("/en/").content.decode()
    documents = box(html, "docs-title")
    (english_link,) = [a for a in documents.find_all("a") if "Workers' Month" in a.get_text()]
    assert not english_link.has_attr("lang") and english_link["href"].startswith("/en/")
    assert "Văn bản số 435/LĐLĐ" not in html  # only its English translation is listed
    assert [t.split(" ", 1)[0] for t in texts_in_vietnamese(documents)] == ["128/QĐ-LĐLĐ"]
    assert documents.select_one(".language-note").get_text() == "Some items in Vietnamese"

    week = box(html, "week-title")
    assert texts_in_vietnamese(week) == [] and week.select_one(".language-note") is None
    assert week.find("a")["href"].startswith("/en/")

    assert texts_in_vietnamese(box(html, "qa-title")) == ["Làm thêm giờ được trả lương thế nào?"]


def test_banners_follow_the_pages_language(client, english):
    def banner(title, alt, language):
        return Banner.objects.create(
            title=title, image=make_image(title), alt_text=alt, language=language
        )

    banner("Tháng Công nhân", "Băng rôn: Tháng Công nhân", "vi")
    assert 'class="banners"' in client.get("/").content.decode()
    assert 'class="banners"' not in client.get("/en/").content.decode()

    banner("Workers' Month", "Banner: Workers' Month", "en")

    def alts(path):
        section = BeautifulSoup(client.get(path).content.decode(), "html.parser").find(
            class_="banners"
        )
        return [img["alt"] for img in section.find_all("img")]

    assert alts("/") == ["Băng rôn: Tháng Công nhân"]
    assert alts("/en/") == ["Banner: Workers' Month"]


def test_new_banners_are_vietnamese_by_default(db):
    banner = Banner.objects.create(title="Băng rôn", image=make_image(), alt_text="Băng rôn")
    assert banner.language == "vi"


def test_an_english_home_without_columns_lets_the_notices_fill_the_width(
    client, english, vietnamese_items, column
):
    html = client.get("/en/").content.decode()
    assert 'class="home-grid home-grid--single"' in html
    assert 'class="home-main"' not in html
    # The Vietnamese home, with its columns, keeps its two-column layout.
    html = client.get("/").content.decode()
    assert '<div class="home-grid">' in html and 'class="home-main"' in html
