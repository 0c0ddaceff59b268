import pytest
from django.core.cache import cache
from django.core.management import call_command

from ldld_wagtail import cache as page_cache

from .utils import make_column, make_home, make_unit, person


def pytest_collection_modifyitems(config, items):
    """Tests marked `fast_paths` measure the portal's own fast paths (query counts, pages
    shared between readers): with `LDLD_FAST_PATHS` off, Wagtail's own code runs instead and
    they are skipped. Every other test passes both ways."""
    from django.conf import settings

    if getattr(settings, "LDLD_FAST_PATHS", True):
        return
    skip = pytest.mark.skip(reason="measures a fast path; LDLD_FAST_PATHS is off")
    for item in items:
        if "fast_paths" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    page_cache._local.update(token=None, checked=0.0)
    yield
    cache.clear()


@pytest.fixture
def home(db):
    return make_home()


@pytest.fixture
def unit(db):
    return make_unit()


@pytest.fixture
def column(home, unit):
    return make_column(home, unit=unit)


@pytest.fixture
def no_page_cache(settings):
    settings.LDLD_PAGE_CACHE_SECONDS = 0


@pytest.fixture
def laocai(db):
    """The Lào Cai profile applied, and one person for each step of the news path."""
    call_command("setup_portal", "--profile", "lao-cai", stdout=open("/dev/null", "w"))
    return {
        "ctv": person("ctv-tuyengiao", "ctv-tuyen-giao"),
        "thuky": person("thuky", "thu-ky"),
        "phoban1": person("phoban1", "pho-ban-tt"),  # owns Tuyên giáo - Nữ công
        "phoban2": person("phoban2", "pho-ban"),  # owns Chính sách - Pháp luật
        "quantri": person("quantri", "quan-tri"),
    }
