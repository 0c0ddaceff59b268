import datetime

import pytest

from ldld_wagtail.models import Unit, UnitFormerName

pytestmark = pytest.mark.django_db


def test_a_renamed_unit_keeps_its_former_name_for_past_dates():
    unit = Unit.objects.create(code="tg", name="Ban Tuyên giáo - Nữ công", kind="department")
    UnitFormerName.objects.create(
        unit=unit, name="Ban Tuyên giáo", used_until=datetime.date(2020, 12, 31)
    )
    assert unit.name_on(datetime.date(2017, 3, 31)) == "Ban Tuyên giáo"
    assert unit.name_on(datetime.date(2021, 1, 1)) == "Ban Tuyên giáo - Nữ công"


def test_merged_unit_is_inactive_after_its_end_but_keeps_its_history():
    successor = Unit.objects.create(code="lc", name="LĐLĐ thành phố Lào Cai", kind="district")
    merged = Unit.objects.create(
        code="cam-duong",
        name="LĐLĐ thành phố Cam Đường",
        kind="district",
        valid_until=datetime.date(2025, 6, 30),
        successor=successor,
    )
    assert merged.is_active_on(datetime.date(2025, 6, 30))
    assert not merged.is_active_on(datetime.date(2025, 7, 1))
    assert list(Unit.objects.active_on(datetime.date(2025, 7, 1))) == [successor]
    assert list(successor.predecessors.all()) == [merged]
