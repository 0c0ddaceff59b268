import datetime

import pytest

from qa.models import QAIndexPage, QuestionPage, Submission

from ..utils import add

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]


@pytest.fixture
def question(home, unit):
    index = add(home, QAIndexPage(title="Hỏi đáp", slug="hoi-dap"))
    page = add(
        index,
        QuestionPage(
            title="Làm thêm giờ được trả lương thế nào?",
            slug="lam-them-gio",
            question="Tôi làm thêm giờ vào ngày nghỉ hằng tuần thì được trả bao nhiêu?",
            asker_name="Chị Lan",
            asker_unit="Công ty May Lào Cai",
            asked_on=datetime.date(2026, 10, 1),
            answer="<p>Ít nhất bằng 200% tiền lương theo Điều 98 Bộ luật Lao động.</p>",
            answered_on=datetime.date(2026, 10, 5),
            answering_unit=unit,
            topic="Tiền lương",
        ),
    )
    Submission.objects.create(
        reference="HD-2610-ABCDEF",
        page=page,
        full_name="Nguyễn Thị Lan",
        phone="0912345678",
        email="lan@example.vn",
        question=page.question,
        consent=True,
    )
    return page


def test_question_page_shows_the_answer_but_never_the_askers_contact(client, question):
    html = client.get(question.url).content.decode()
    assert "Điều 98 Bộ luật Lao động" in html and "Chị Lan" in html
    assert "0912345678" not in html and "lan@example.vn" not in html


def test_private_contact_is_not_searchable(client, question):
    html = client.get("/tim-kiem/?q=0912").content.decode()
    assert "Làm thêm giờ" not in html
    assert "Làm thêm giờ" in client.get("/tim-kiem/?q=lam+them+gio").content.decode()


def test_answers_are_counted_by_topic(client, question, unit):
    index = question.get_parent().specific
    add(
        index,
        QuestionPage(
            title="Hợp đồng thời vụ",
            slug="hop-dong-thoi-vu",
            question="Hợp đồng thời vụ có phải đóng bảo hiểm không?",
            asker_name="Hải",
            asked_on=datetime.date(2026, 10, 2),
            answer="<p>Có.</p>",
            answered_on=datetime.date(2026, 10, 6),
            answering_unit=unit,
            topic="Hợp đồng lao động",
        ),
    )
    html = client.get(index.url).content.decode()
    assert 'Tiền lương <span class="count">1</span>' in html
    assert 'Hợp đồng lao động <span class="count">1</span>' in html
    assert "Hợp đồng thời vụ" not in client.get(index.url + "?chu-de=Tiền+lương").content.decode()
