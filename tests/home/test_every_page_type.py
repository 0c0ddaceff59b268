"""Every page type of the demo portal renders as designed, in both languages.

A page type left out of a rendering check once printed its StreamField as Wagtail's default
dump (`<dt>year</dt>`, `photo None`): this test walks one live page of every page type the
site apps define, so that no type can be left out again. A page type added without demo
content fails here too.
"""

import io
import re

import pytest
from django.apps import apps
from django.core.management import call_command
from wagtail.models import Page

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]

SITE_APPS = ("home", "news", "documents", "qa", "schedule")

# Wagtail's default rendering of a StructBlock is `<dl><dt>field name</dt><dd>value</dd>…`, and
# an empty value prints as `None`.
RAW_DUMPS = [
    re.compile(r"<dt>\s*[a-z_]+\s*</dt>"),
    re.compile(r">\s*None\s*<"),
    re.compile(r"\bNone\b(?![^<]*>)"),
]


def visible_text_problems(html: str) -> list[str]:
    body = html.split("<body", 1)[-1]
    body = re.sub(r"<script\b.*?</script>", "", body, flags=re.S)
    return [pattern.pattern for pattern in RAW_DUMPS if pattern.search(body)]


def page_models():
    return [
        model
        for model in apps.get_models()
        if issubclass(model, Page) and model._meta.app_label in SITE_APPS
    ]


def test_every_page_type_renders_without_raw_block_dumps(client):
    call_command("load_demo", stdout=io.StringIO())
    checked = {}
    for model in page_models():
        pages = list(model.objects.live().public().order_by("path"))
        assert pages, f"the demo has no live page of type {model.__name__}"
        by_language = {}
        for page in pages:
            by_language.setdefault(page.locale.language_code, page)
        for language, page in by_language.items():
            url = page.get_url()
            response = client.get(url)
            assert response.status_code == 200, (model.__name__, language, url)
            html = response.content.decode()
            assert not visible_text_problems(html), (model.__name__, language, url)
            checked[(model.__name__, language)] = url
    assert {name for name, _ in checked} == {m.__name__ for m in page_models()}
    # The introduction page, which once printed raw data, in both languages, by its template.
    assert ("IntroductionPage", "vi") in checked and ("IntroductionPage", "en") in checked
    html = client.get(checked[("IntroductionPage", "vi")]).content.decode()
    for css_class in ('class="timeline"', 'class="congress-table', 'class="leaders"'):
        assert css_class in html


def per_request(response) -> str:
    """The page without what differs on every request: the CSRF and form tokens of a form."""
    return re.sub(
        r'(name="(?:csrfmiddlewaretoken|form_token)" value=")[^"]+',
        r"\1…",
        response.content.decode(),
    )


def test_every_page_type_is_the_same_with_the_fast_paths_off(client, settings):
    """`LDLD_FAST_PATHS` off, Wagtail's own routing, page URLs, `{% image %}`, page models and
    block templates produce each page of the demo: byte for byte what the fast paths give."""
    call_command("load_demo", stdout=io.StringIO())
    urls = []
    for model in page_models():
        for page in model.objects.live().public().order_by("path"):
            if (model, page.locale_id) not in {(m, loc) for m, loc, _ in urls}:
                urls.append((model, page.locale_id, page.get_url()))
    paths = [url for _, _, url in urls]
    column = next(url for model, _, url in urls if model.__name__ == "TopicColumnPage")
    paths += [f"{column}?page=2", f"{column}rss/", "/tim-kiem/?q=cong+doan", "/en/"]
    for path in paths:
        settings.LDLD_FAST_PATHS = True
        fast = client.get(path)
        settings.LDLD_FAST_PATHS = False
        wagtail = client.get(path)
        assert fast.status_code == wagtail.status_code == 200, path
        assert per_request(fast) == per_request(wagtail), path
