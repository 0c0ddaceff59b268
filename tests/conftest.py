import pytest
from django.core.cache import cache
from django.core.management import call_command

from ldld_wagtail import cache as page_cache
from ldld_wagtail import forwarding, identity

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
    token_file = page_cache._token_file()
    if token_file is not None:  # the page cache's tokens, when each process has its own cache
        for path in token_file.parent.glob(f"{token_file.name}*"):
            path.unlink(missing_ok=True)
    page_cache._local.update(token=None, checked=0.0)
    identity._locales.clear()  # a database flushed by an earlier test reuses locale ids
    forwarding._noted.clear()  # so does a pull noted by an earlier test
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


@pytest.fixture
def wagtail_rows(transactional_db):
    """For tests that commit (`transaction=True`): an earlier such test leaves the database
    flushed, without the rows Wagtail's data migrations made. Made again here: the default
    locale, the root collection and the root page."""
    from django.conf import settings
    from wagtail.models import Collection, Locale, Page

    locale, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if not Collection.objects.filter(depth=1).exists():
        Collection.add_root(name="Root")
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(title="Root", slug="root", locale=locale)
