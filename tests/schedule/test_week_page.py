"""The public week page: parts of the day, the original file, the other weeks, the print view."""

import datetime

import pytest

from schedule.models import ScheduleEntry, WeeklySchedulePage

from ..utils import add, make_document, monday

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]


def make_week(index, start, **fields):
    page = WeeklySchedulePage(
        title=f"Lịch công tác tuần từ {start:%d/%m/%Y}",
        slug=f"tuan-{start:%Y-%m-%d}",
        week_start=start,
        **fields,
    )
    page.entries = [
        ScheduleEntry(day=start, part="afternoon", content="Làm việc tại cơ quan"),
        ScheduleEntry(day=start, time=datetime.time(7, 30), content="Giao ban"),
        ScheduleEntry(day=start + datetime.timedelta(1), part="all_day", content="Đi cơ sở"),
    ]
    return add(index, page)


def test_entries_without_a_time_show_their_part_of_the_day_in_order(client, index):
    week = make_week(index, monday())
    html = client.get(week.url).content.decode()
    assert html.index("Giao ban") < html.index("Làm việc tại cơ quan")
    assert '<td class="time part">Chiều</td>' in html
    assert '<td class="time part">Cả ngày</td>' in html


def test_previous_and_next_weeks(client, index):
    this = monday()
    before = make_week(index, this - datetime.timedelta(weeks=1))
    current = make_week(index, this)
    after = make_week(index, this + datetime.timedelta(weeks=1))
    html = client.get(current.url).content.decode()
    assert f'rel="prev" href="{before.url}"' in html
    assert f'rel="next" href="{after.url}"' in html
    first = client.get(before.url).content.decode()
    assert 'rel="prev"' not in first and f'rel="next" href="{current.url}"' in first
    # The index links the week posted ahead.
    assert after.url in client.get(index.url).content.decode()


def test_the_original_file_is_offered(client, index):
    document = make_document("Lịch tuần (tệp gốc)", b"PK\x03\x04 a docx")
    week = make_week(index, monday(), original_file=document)
    html = client.get(week.url).content.decode()
    assert document.url in html and "Tệp gốc" in html


def test_the_print_view(client, index):
    week = make_week(index, monday())
    assert f'href="{week.url}in/"' in client.get(week.url).content.decode()
    response = client.get(f"{week.url}in/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'rowspan="2"' in html  # Monday's cell over its two entries
    assert "Thứ Hai<br>" in html and "Giao ban" in html
    assert '<meta name="robots" content="noindex">' in html
