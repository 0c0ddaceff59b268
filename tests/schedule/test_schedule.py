import datetime

import pytest
from django.core.exceptions import ValidationError

from schedule.models import ScheduleEntry, ScheduleIndexPage, WeeklySchedulePage

from ..utils import add, monday

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]


@pytest.fixture
def index(home):
    return add(home, ScheduleIndexPage(title="Lịch công tác tuần", slug="lich-cong-tac"))


def make_week(index, start, content):
    page = WeeklySchedulePage(
        title=f"Tuần {start:%d/%m/%Y}", slug=f"tuan-{start:%Y-%m-%d}", week_start=start
    )
    page.entries = [
        ScheduleEntry(
            day=start,
            time=datetime.time(7, 30),
            content=content,
            leader="Chủ tịch LĐLĐ tỉnh",
            location="Hội trường tầng 3",
        ),
        ScheduleEntry(day=start + datetime.timedelta(days=2), content="Làm việc tại cơ quan"),
    ]
    return add(index, page)


def test_this_weeks_schedule_is_shown_on_the_index_and_home(client, index):
    this_week = monday()
    make_week(index, this_week - datetime.timedelta(days=7), "Họp tuần trước")
    make_week(index, this_week, "Họp giao ban tuần này")
    assert "Họp giao ban tuần này" in client.get(index.url).content.decode()
    assert "Họp giao ban tuần này" in client.get("/").content.decode()


def test_week_page_lists_days_with_vietnamese_weekdays_and_times(client, index):
    page = make_week(index, monday(), "Họp giao ban")
    html = client.get(page.url).content.decode()
    assert "Thứ Hai" in html and "Thứ Tư" in html and "07:30" in html
    assert "Hội trường tầng 3" in html


def test_week_must_start_on_monday(index):
    page = WeeklySchedulePage(title="Sai", slug="sai", week_start=monday() + datetime.timedelta(1))
    with pytest.raises(ValidationError):
        page.clean()
