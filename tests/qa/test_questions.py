import datetime

import pytest

from qa.models import QAIndexPage, QuestionPage

from ..utils import add

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]


@pytest.fixture
def question(home, unit):
    index = add(home, QAIndexPage(title="Hỏi đáp", slug="hoi-dap"))
    return add(
        index,
        QuestionPage(
            title="Làm thêm giờ được trả lương thế nào?",
            slug="lam-them-gio",
            question="Tôi làm thêm giờ vào ngày nghỉ hằng tuần thì được trả bao nhiêu?",
            asker_name="Chị Lan",
            asker_unit="Công ty May Lào Cai",
            asker_contact="0912 345 678 lan@example.vn",
            asked_on=datetime.date(2026, 10, 1),
            answer="<p>Ít nhất bằng 200% tiền lương theo Điều 98 Bộ luật Lao động.</p>",
            answered_on=datetime.date(2026, 10, 5),
            answering_unit=unit,
            topic="Tiền lương",
        ),
    )


def test_question_page_shows_the_answer_but_never_the_askers_contact(client, question):
    html = client.get(question.url).content.decode()
    assert "Điều 98 Bộ luật Lao động" in html and "Chị Lan" in html
    assert "0912 345 678" not in html and "lan@example.vn" not in html


def test_private_contact_is_not_searchable(client, question):
    html = client.get("/tim-kiem/?q=0912").content.decode()
    assert "Làm thêm giờ" not in html
    assert "Làm thêm giờ" in client.get("/tim-kiem/?q=lam+them+gio").content.decode()
