"""Small builders for the page trees tests need; never the whole demo."""

import base64
import datetime
import io
import json

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Locale, Page, Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.models import HomePage
from ldld_wagtail.models import Unit
from ldld_wagtail.text import fold


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def add(parent, page):
    parent.add_child(instance=page)
    return publish(page)


def make_home() -> HomePage:
    Locale.objects.get_or_create(language_code="vi")
    root = Page.get_first_root_node()
    home = HomePage(title="Liên đoàn Lao động tỉnh", slug="trang-chu")
    root.add_child(instance=home)
    publish(home)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "LĐLĐ"},
    )
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    return home


def make_unit(code="tuyen-giao", name="Ban Tuyên giáo - Nữ công", kind="department", **extra):
    unit, _ = Unit.objects.get_or_create(code=code, defaults={"name": name, "kind": kind, **extra})
    return unit


def make_image(title="Ảnh hoạt động", size=(64, 48)) -> Image:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (180, 30, 40)).save(buffer, "JPEG")
    return Image.objects.create(title=title, file=ImageFile(buffer, name="photo.jpg"))


def make_document(title="Văn bản", content=b"%PDF-1.4\n%%EOF\n") -> Document:
    return Document.objects.create(title=title, file=ContentFile(content, name="van-ban.pdf"))


def make_news(
    parent,
    title,
    *,
    unit=None,
    image=None,
    lead="Sapo",
    body_text="Nội dung",
    live=True,
    published_at=None,
    **fields,
):
    from news.models import NewsPage, NewsPhoto

    page = NewsPage(
        title=title,
        slug=slugify(fold(title)),
        live=live,
        lead=lead,
        body=[("paragraph", f"<p>{body_text}</p>")],
        authors="Nguyễn Văn A",
        unit=unit or make_unit(),
        **fields,
    )
    page.photos = [NewsPhoto(image=image or make_image(), caption="Chú thích", credit="LĐLĐ")]
    parent.add_child(instance=page)
    if live:
        publish(page)
        if published_at:
            page.first_published_at = published_at
            page.save(update_fields=["first_published_at"])
    else:
        page.save_revision()
    return page


def make_column(home, title="Tuyên giáo - Nữ công", slug="tuyen-giao-nu-cong", unit=None):
    from news.models import TopicColumnPage

    return add(home, TopicColumnPage(title=title, slug=slug, unit=unit or make_unit()))


def monday(day=None) -> datetime.date:
    day = day or timezone.localdate()
    return day - datetime.timedelta(days=day.weekday())


def person(username, role_code):
    """An account holding a profile role (password "pw")."""
    from django.contrib.auth.models import User

    from ldld_wagtail.models import PortalRole

    user = User.objects.create_user(
        username, f"{username}@example.vn", "pw", first_name=username.title()
    )
    user.groups.add(PortalRole.objects.get(code=role_code).group)
    return user


def section(code):
    """The page of a profile's section."""
    from ldld_wagtail.models import Section

    return Section.objects.get(code=code).page.specific


def news_form(unit, image, action, title="Ngày hội công nhân 2026", photos=None):
    """The admin's add form of a news item with one captioned photo of `image` (or the given
    `photos` rows), and the button pressed."""
    if photos is None:
        photos = [{"image": image.pk, "caption": "Công nhân dự ngày hội", "credit": "Ban TG-NC"}]
    data = nested_form_data(
        {
            "title": title,
            "slug": "ngay-hoi-cong-nhan-2026",
            "kind": "tin",
            "unit": unit.pk,
            "lead": "Sáng 21/11, hơn 500 công nhân dự ngày hội.",
            "authors": "Ngô Hoàng Lan",
            "tags": "",
            "body": streamfield([("paragraph", rich_text("<p>Nội dung</p>"))]),
            "photos": inline_formset(photos, min=1),
        }
    )
    data[action] = "1"
    return data


def shared_cache_keys() -> dict:
    """Every key of the shared cache with its time to live in seconds (None: never expires).

    Reads Redis through its client, or Django's local-memory cache through its two private
    dicts (`_cache`, `_expire_info`: the test suite's cache when REDIS_URL is unset)."""
    import time

    from django.core.cache import cache

    client_getter = getattr(getattr(cache, "_cache", None), "get_client", None)
    if client_getter is not None:
        client = client_getter(write=False)
        ttls = {}
        for key in client.scan_iter(match="*"):
            ttl = client.ttl(key)
            ttls[key] = None if ttl == -1 else ttl
        return ttls
    now = time.time()
    return {
        key: (None if expiry is None else expiry - now)
        for key, expiry in cache._expire_info.items()
        if key in cache._cache
    }


# --- the /++api++/ API ---------------------------------------------------------------------

API_JSON = {"HTTP_ACCEPT": "application/json"}


def login(client, username):
    response = client.post(
        "/++api++/@login",
        json.dumps({"login": username, "password": "pw"}),
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    return {"HTTP_AUTHORIZATION": f"Bearer {response.json()['token']}"}


def call(client, method, url, auth=None, body=None):
    response = getattr(client, method)(
        url,
        json.dumps(body) if body is not None else "",
        content_type="application/json",
        HTTP_ACCEPT="application/json",
        **(auth or {}),
    )
    if response.status_code != 204:
        assert response["Content-Type"].startswith("application/json"), response.content[:300]
    return response


def get(client, url, **extra):
    response = client.get(url, **{**API_JSON, **extra})
    assert response["Content-Type"].startswith("application/json"), response.content[:300]
    return response


def basic(username, password):
    import base64

    pair = base64.b64encode(f"{username}:{password}".encode()).decode()
    return {"HTTP_AUTHORIZATION": f"Basic {pair}"}


def draft(laocai):
    column = section("tuyen-giao-nu-cong")
    page = make_news(column, "Ngày hội công nhân", live=False, image=make_image())
    page.owner = laocai["ctv"]
    page.save(update_fields=["owner"])
    return page


def transitions(client, url, auth):
    data = call(client, "get", f"{url}@workflow", auth).json()
    assert "transitions" in data, data
    return [t["@id"].rsplit("/", 1)[1] for t in data["transitions"]]


def photo_b64():
    buffer = io.BytesIO()
    PILImage.new("RGB", (120, 80), (200, 20, 20)).save(buffer, "JPEG")
    return base64.b64encode(buffer.getvalue()).decode()


def news_body(**extra):
    return {
        "@type": "NewsPage",
        "title": "Công đoàn thăm công nhân khó khăn",
        "description": "Sáng 24/11, Ban Tuyên giáo - Nữ công thăm 20 công nhân.",
        "kind": "tin",
        "unit": "tuyen-giao-nu-cong",
        "authors": "Ngô Hoàng Lan",
        "body": {"data": "<p>Nội dung <script>alert(1)</script><strong>chính</strong></p>"},
        "tags": ["thăm hỏi", "công nhân"],
        "photos": [
            {
                "image": {"data": photo_b64(), "encoding": "base64", "filename": "anh.jpg"},
                "caption": "Trao quà cho công nhân",
                "credit": "Ban TG-NC",
            }
        ],
        **extra,
    }


def column_url():
    return "/++api++" + section("tuyen-giao-nu-cong").get_url()
