import pytest
from django.core.cache import cache

from ldld_wagtail import cache as page_cache

from .utils import make_column, make_home, make_unit


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
