"""A member asks from the Q&A page: each protection refuses on its own and saves nothing; a good
question becomes one draft for the department the profile names (Quy chế 7.4: CS-PL)."""

import re

import pytest
from django.core import mail

from ldld_wagtail.models import Unit
from qa.models import QuestionPage, Submission

from ..utils import form_token, question_data

pytestmark = pytest.mark.django_db


def saved():
    return Submission.objects.count(), QuestionPage.objects.filter(live=False).count()


def test_the_form_is_on_the_qa_page_and_never_cached(client, desk):
    response = client.get(desk["index"].url)
    html = response.content.decode()
    assert response.status_code == 200
    for label in ("Họ và tên", "Số điện thoại", "Chủ đề", "Câu hỏi của bạn", "Gửi câu hỏi"):
        assert label in html, label
    assert 'name="website"' in html and 'aria-hidden="true"' in html  # the trap
    assert "Tiền lương" in html and "Kỷ luật, sa thải" in html  # the profile's topics
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_a_good_question_saves_one_draft_for_the_profiles_department(
    ask, desk, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = ask(email="Lan.NT@Example.vn")
    html = response.content.decode()
    assert response.status_code == 200
    record = Submission.objects.get()
    assert record.reference in html and "Câu hỏi của bạn đã được gửi" in html
    assert re.fullmatch(r"HD-\d{4}-[A-Z2-9]{6}", record.reference)
    assert record.phone == "0912345671" and record.email == "lan.nt@example.vn"
    assert record.ip_address == "203.0.113.7"
    page = record.page
    assert page.get_parent().pk == desk["index"].pk and not page.live
    assert page.answering_unit == Unit.objects.get(code="cspl-qhld")
    assert page.asker_name == "Lan"  # the profile: given name and unit
    assert page.asker_unit == "Công ty TNHH May mặc Phố Mới"
    assert page.topic == "Tiền lương" and page.get_latest_revision() is not None
    assert saved() == (1, 1)
    # The confirmation email carries the reference and the look-up link.
    assert len(mail.outbox) == 1
    assert record.reference in mail.outbox[0].subject
    assert f"tra-cuu/?ma={record.reference}" in mail.outbox[0].body


def test_the_asker_may_keep_the_unit_private(ask, desk):
    ask(unit_private="on")
    record = Submission.objects.get()
    assert record.unit == "Công ty TNHH May mặc Phố Mới" and not record.unit_public
    assert record.page.asker_unit == ""


def test_honeypot_refuses_and_saves_nothing(ask):
    response = ask(website="http://spam.example")
    html = response.content.decode()
    assert response.status_code == 400
    assert "Chưa gửi được câu hỏi" in html
    assert "Nguyễn Thị Lan" in html  # what was typed comes back
    assert saved() == (0, 0)


def test_too_fast_refuses_and_saves_nothing(ask, settings):
    settings.LDLD_QUESTION_MIN_SECONDS = 60
    response = ask()
    assert response.status_code == 400
    assert "Chưa gửi được câu hỏi" in response.content.decode()
    assert saved() == (0, 0)


def test_mistakes_are_not_counted_nor_timed(ask, settings):
    """A person correcting a form is neither told to wait nor counted against the limit."""
    settings.LDLD_QUESTION_RATE = (2, 3600)
    settings.LDLD_QUESTION_MIN_SECONDS = 60
    for _ in range(5):
        html = ask(phone="", email="").content.decode()
        assert "Vui lòng cho biết email hoặc số điện thoại" in html
        assert "Chưa gửi được câu hỏi" not in html and "Vui lòng chờ" not in html
    settings.LDLD_QUESTION_MIN_SECONDS = 0
    assert [
        ask(question=f"Câu hỏi số {n} về tiền lương tháng này").status_code for n in range(3)
    ] == [
        200,
        200,
        429,
    ]
    assert saved() == (2, 2)


def test_a_question_not_to_be_published_needs_an_email(ask):
    html = ask(consent="").content.decode()
    assert "vui lòng cho biết địa chỉ email" in html and saved() == (0, 0)
    html = ask(consent="", email="lan@example.vn").content.decode()
    assert "câu trả lời sẽ được gửi đến email của bạn" in html and saved() == (1, 1)


def test_a_missing_or_forged_token_refuses(client, desk):
    data = question_data(form_token="eyJ0IjoxfQ:forged")
    assert client.post(desk["index"].url, data).status_code == 400
    data.pop("form_token")
    assert client.post(desk["index"].url, data).status_code == 400
    assert saved() == (0, 0)


def test_rate_limit_per_address_refuses_after_the_limit(ask, settings):
    """A script posting 50 questions in a minute from one address: 5 saved, 45 refused."""
    settings.LDLD_QUESTION_RATE = (5, 3600)
    codes = [ask(question=f"Câu hỏi số {n} về tiền lương làm thêm giờ ngày lễ").status_code
             for n in range(50)]  # fmt: skip
    assert codes[:5] == [200] * 5 and set(codes[5:]) == {429}
    assert saved() == (5, 5)
    refused = ask(question="Một câu hỏi khác hẳn về hợp đồng lao động").content.decode()
    assert "Vui lòng chờ khoảng 60 phút" in refused
    # Another address is not affected.
    assert (
        ask(remote="198.51.100.9", question="Hỏi về bảo hiểm xã hội khi nghỉ việc").status_code
        == 200
    )


def test_the_limit_holds_across_an_ipv6_subscribers_block(ask, settings):
    settings.LDLD_QUESTION_RATE = (2, 3600)
    for n in range(2):
        ask(remote=f"2001:db8:1:2::{n + 1}", question=f"Câu hỏi IPv6 số {n} về tiền lương")
    third = ask(remote="2001:db8:1:2::99", question="Câu hỏi IPv6 thứ ba về tiền lương")
    assert third.status_code == 429 and saved() == (2, 2)


def test_oversize_refuses_and_saves_nothing(ask):
    response = ask(question="Tôi hỏi " * 6000)  # ~48 KB: over the body limit
    assert response.status_code == 400
    assert "quá dài" in response.content.decode()
    long = ask(question="Tôi hỏi về lương. " * 200)  # 3 600 characters: over the field's limit
    assert long.status_code == 200 and "dưới 3000 ký tự" in long.content.decode()
    assert saved() == (0, 0)


def test_html_and_control_characters_are_stripped(ask):
    ask(
        full_name="<b>Nguyễn Thị Lan</b>\x07",
        question="<script>alert(1)</script><p>Tôi làm thêm giờ\u200b ngày lễ thì được trả bao "
        "nhiêu phần trăm lương?</p>",
    )
    record = Submission.objects.get()
    assert record.full_name == "Nguyễn Thị Lan"
    assert record.question == "Tôi làm thêm giờ ngày lễ thì được trả bao nhiêu phần trăm lương?"
    assert "<" not in record.page.question and "alert" not in record.page.title


def test_a_question_that_is_only_markup_refuses_and_saves_nothing(ask):
    response = ask(question="<script>alert('xss')</script><img src=x onerror=alert(1)>")
    assert response.status_code == 200
    assert (
        "Vui lòng nhập câu hỏi" in response.content.decode()
        or "quá ngắn" in response.content.decode()
    )
    spam = ask(question="Mua ngay http://a.example http://b.example http://c.example giá rẻ")
    assert "đường liên kết" in spam.content.decode()
    assert saved() == (0, 0)


def test_a_duplicate_within_the_window_is_folded_into_one(ask):
    first = ask()
    second = ask(question=question_data()["question"].upper() + "  ")  # same words, other case
    record = Submission.objects.get()
    assert record.reference in first.content.decode()
    assert record.reference in second.content.decode()
    assert saved() == (1, 1)


def test_contact_is_required_and_validated_with_errors_next_to_the_fields(ask):
    response = ask(phone="", email="")
    html = response.content.decode()
    assert "Vui lòng cho biết email hoặc số điện thoại" in html
    assert 'value="Nguyễn Thị Lan"' in html and "Tôi làm thêm giờ" in html  # kept
    bad = ask(phone="12345", email="khong-phai-email").content.decode()
    assert "Số điện thoại không hợp lệ" in bad and "Địa chỉ email không hợp lệ" in bad
    assert saved() == (0, 0)


def test_a_sender_marked_as_spam_is_held(ask, desk, client):
    from qa import desk as qa_desk

    ask()
    qa_desk.mark_spam(Submission.objects.all(), None)
    assert QuestionPage.objects.count() == 0  # the draft is removed
    response = ask(remote="198.51.100.20", question="Một câu hỏi mới từ cùng số điện thoại")
    assert response.status_code == 200  # the sender is not told
    held = Submission.objects.get(status=Submission.Status.HELD)
    assert held.page is None and held.reference in response.content.decode()
    assert QuestionPage.objects.count() == 0


def test_the_token_on_a_returned_form_is_fresh(ask, settings):
    html = ask(phone="", email="").content.decode()
    assert form_token(html)


def test_the_asker_is_named_as_the_profile_says(ask, desk):
    from ldld_wagtail.models import Federation

    Federation.objects.update(asker_name="initials", asker_unit_shown=False)
    ask(full_name="chị Nguyễn Thị Lan")
    page = Submission.objects.get().page
    assert (page.asker_name, page.asker_unit) == ("Chị N.T.L.", "")
    Federation.objects.update(asker_name="full")
    ask(full_name="Nguyễn Văn Hải", question="Một câu hỏi khác về hợp đồng lao động thời vụ")
    assert Submission.objects.get(full_name="Nguyễn Văn Hải").page.asker_name == "Nguyễn Văn Hải"


def test_a_form_sent_without_its_cookie_gets_a_vietnamese_page(desk):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    response = browser.post(desk["index"].url, question_data())
    assert response.status_code == 403
    assert "Chưa gửi được biểu mẫu" in response.content.decode()
    assert saved() == (0, 0)


@pytest.mark.fast_paths
def test_the_uncached_qa_page_costs_a_few_queries(client, desk, django_assert_max_num_queries):
    """The page is never cached whole (its form is per reader): listing, count, topics."""
    client.get(desk["index"].url)
    with django_assert_max_num_queries(5):
        assert client.get(desk["index"].url).status_code == 200


def test_a_long_first_sentence_makes_a_title_cut_between_words(ask):
    words = "Công ty tôi bắt làm thêm giờ vào tất cả các ngày Chủ nhật trong tháng mà không trả "
    ask(question=words * 2 + "thì có đúng không? Tôi cần hỏi thêm.")
    title = Submission.objects.get().page.title
    assert len(title) <= 90 and title.endswith("…")
    assert (words * 2).startswith(title[:-1])
    assert title[:-1].split()[-1] in words.split()  # a whole word before the ellipsis
