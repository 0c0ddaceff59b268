import importlib.util
from pathlib import Path

import pytest
from django.core.management import call_command

from schedule.models import ScheduleIndexPage

from ..utils import add, person, section

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture
def index(home):
    return add(home, ScheduleIndexPage(title="Lịch công tác tuần", slug="lich-cong-tac"))


@pytest.fixture
def office(db):
    """The Lào Cai profile: its schedule section, the clerk who posts the week (van-thu), the
    office leader who approves it, and a department contributor who may not touch it."""
    call_command("setup_portal", "--profile", "lao-cai", stdout=open("/dev/null", "w"))
    return {
        "index": section("lich-cong-tac"),
        "vanthu": person("vanthu", "van-thu"),
        "chanhvp": person("chanhvp", "lanh-dao-vp"),
        "ctv": person("ctv-tuyengiao", "ctv-tuyen-giao"),
    }


@pytest.fixture(scope="session")
def sample():
    """tests/data/lich_tuan_mau.py, the generator of the two sample files."""
    spec = importlib.util.spec_from_file_location("lich_tuan_mau", DATA / "lich_tuan_mau.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
