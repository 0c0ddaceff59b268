"""Small builders for the page trees tests need; never the whole demo."""

import base64
import datetime
import io
import json
import re
from pathlib import Path

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

    Reads Redis through its client, the site's file cache through its `entries()` (the test
    suite's cache when REDIS_URL is unset), or Django's local-memory cache through its two
    private dicts (`_cache`, `_expire_info`)."""
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
    if hasattr(cache, "entries"):
        return {
            key: (None if expiry is None else expiry - now)
            for key, expiry in cache.entries().items()
            if expiry is None or expiry > now
        }
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


# --- files for documents: a PDF with a text layer, a scanned one, a DOCX ---------------------


def make_pdf(pages: list[str], line_width: int = 90) -> bytes:
    """A PDF whose pages carry `pages` as a text layer: each on its own A4 page, in Helvetica
    with a ToUnicode map, so that any characters (Vietnamese ones) read back as written. Built
    by hand (no PDF-writing library in the project); at most 255 distinct characters."""
    import textwrap
    import zlib

    def stream(data: bytes) -> bytes:
        packed = zlib.compress(data)
        head = f"<< /Length {len(packed)} /Filter /FlateDecode >>\nstream\n".encode()
        return head + packed + b"\nendstream"

    chars = sorted({c for page in pages for c in page if c != "\n"} | {" "})
    codes = {c: ord(c) for c in chars if 32 <= ord(c) < 127}
    spare = (b for b in range(1, 256) if not 32 <= b < 127)
    for c in chars:
        if c not in codes:
            codes[c] = next(spare)  # StopIteration: too many distinct characters
    entries = [f"<{code:02X}> <{ord(c):04X}>\n" for c, code in codes.items()]
    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CMapName /LDLD def /CMapType 2 def\n1 begincodespacerange <00> <FF> endcodespacerange\n"
        + "".join(
            f"{len(entries[i : i + 100])} beginbfchar\n{''.join(entries[i : i + 100])}endbfchar\n"
            for i in range(0, len(entries), 100)
        )
        + "endcmap CMapName currentdict /CMap defineresource pop end end\n"
    ).encode()
    objects: list = [None, None]  # the catalog and the page tree, written last
    objects.append(stream(cmap))
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 3 0 R >>")
    kids = []
    for text in pages:
        lines = []
        for paragraph in text.split("\n"):
            lines += textwrap.wrap(paragraph, line_width) or [""]
        ops = ["BT /F1 10 Tf 14 TL 50 800 Td"]
        ops += ["<" + "".join(f"{codes[c]:02X}" for c in line) + "> Tj T*" for line in lines]
        objects.append(stream("\n".join([*ops, "ET"]).encode()))
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font "
            f"<< /F1 4 0 R >> >> /Contents {len(objects)} 0 R >>".encode()
        )
        kids.append(len(objects))
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    refs = " ".join(f"{k} 0 R" for k in kids)
    objects[1] = f"<< /Type /Pages /Count {len(kids)} /Kids [{refs}] >>".encode()
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\n".encode()
    out += f"startxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def make_scanned_pdf(pages: int = 2) -> bytes:
    """A PDF of page images only, as a scanner makes it: no text layer."""
    images = [PILImage.new("RGB", (200, 280), (250, 250, 245)) for _ in range(pages)]
    buffer = io.BytesIO()
    images[0].save(buffer, "PDF", save_all=True, append_images=images[1:], resolution=50.0)
    return buffer.getvalue()


def make_docx(paragraphs: list[str], table: list[list[str]] | None = None) -> bytes:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_file_document(title: str, content: bytes, filename: str) -> Document:
    """A document with its file (and its hash, as Wagtail's upload sets it)."""
    import hashlib

    document = Document(title=title, file=ContentFile(content, name=filename))
    document.file_size = len(content)
    document.file_hash = hashlib.sha1(content).hexdigest()  # noqa: S324 - Wagtail's choice
    document.save()
    return document


# --- the question desk -----------------------------------------------------------------------


def form_token(html: str) -> str:
    """The signed token of the question form in a page's HTML."""
    import re

    found = re.search(r'name="form_token" value="([^"]+)"', html)
    assert found, "no question form on the page"
    return found.group(1)


def question_data(**extra) -> dict:
    """A member's question as the public form sends it (phone only, like most askers)."""
    return {
        "full_name": "Nguyễn Thị Lan",
        "unit": "Công ty TNHH May mặc Phố Mới",
        "phone": "0912 345 671",
        "email": "",
        "topic": "Tiền lương",
        "question": "Tôi làm thêm giờ vào ngày Chủ nhật thì được trả lương thế nào? Công ty "
        "trả như ngày thường có đúng không?",
        "consent": "on",
        "website": "",
        **extra,
    }


# --- legacy imports (JSON Lines) ---------------------------------------------------------------


def write_jsonl(path, items: list[dict]) -> str:
    """A JSON Lines file of `items`; a string item is written as it is (a bad line)."""
    import json

    lines = [
        item if isinstance(item, str) else json.dumps(item, ensure_ascii=False) for item in items
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def legacy_item(external_id, unit, published_at, kind="tin", **extra) -> dict:
    return {
        "external_id": external_id,
        "kind": kind,
        "title": f"Tin {external_id}",
        "lead": "Sapo của tin.",
        "body_html": "<p>Nội dung tin.</p>",
        "unit": unit,
        "authors": ["Nguyễn Văn A"],
        "published_at": published_at,
        **extra,
    }


def act(client, page, action, **data):
    """The admin's workflow action `action` on `page`'s current step, as the logged-in user."""
    from django.urls import reverse

    state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, state.pk))
    return client.post(url, data)


def publish_through_the_workflow(laocai, client):
    """A contributor's news item submitted, routed by the secretary and approved by the deputy
    head: it waits at the web admin's publication step."""
    from django.urls import reverse

    from ldld_wagtail.models import EditorialField, Unit
    from news.models import NewsPage

    column = section("tuyen-giao-nu-cong")
    unit = Unit.objects.get(code="tuyen-giao-nu-cong")
    client.force_login(laocai["ctv"])
    add = reverse("wagtailadmin_pages:add", args=("news", "newspage", column.pk))
    client.post(add, news_form(unit, make_image(), "action-submit"))
    page = NewsPage.objects.get(slug="ngay-hoi-cong-nhan-2026")
    client.force_login(laocai["thuky"])
    act(client, page, "route", field=EditorialField.objects.get(code="tuyen-giao-nu-cong").pk)
    client.force_login(laocai["phoban1"])
    act(client, page, "approve")
    return page


ENGLISH_CATALOGUES = None
# Language names, written in their own language as a language switcher shows them.
AUTONYMS = {"English", "Tiếng Việt"}
ACCESSIBLE_ATTRIBUTES = ("aria-label", "title", "placeholder", "alt", "aria-description")
# The keys of the JSON the admin's scripts render (sidebar, side panels, panels) that hold text.
JSON_TEXT_KEYS = {
    "label",
    "title",
    "text",
    "heading",
    "description",
    "helpText",
    "help_text",
    "placeholder",
    "message",
    "footer_text",
    "ariaLabel",
    "verbose_name",
    "verboseName",
    "name_plural",
}


def english_catalogue():
    """The msgids of the English catalogues of Wagtail, wagtail-localize, django-q2 and Django
    that Vietnamese writes otherwise: (exact strings, patterns for those with placeholders). A
    msgid whose Vietnamese is the same word ("URL", "Email", "%(size)d byte") is not English
    left on the screen; those are listed by ``international_words()``."""
    global ENGLISH_CATALOGUES
    if ENGLISH_CATALOGUES is None:
        import polib
        from django.conf import locale as django_locale
        from django.utils.translation import trans_real

        from ldld_wagtail import translations

        vietnamese = trans_real.translation("vi")
        sources = [c.source for c in translations.CATALOGUES]
        sources.append(Path(django_locale.__file__).parent / "en" / "LC_MESSAGES" / "django.po")
        exact, patterns = set(), []
        placeholder = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}")
        for source in sources:
            for entry in polib.pofile(str(source)):
                for msgid in filter(None, [entry.msgid, entry.msgid_plural]):
                    text = " ".join(msgid.split())
                    if not re.search(r"[A-Za-z]{2}", text) or text in AUTONYMS:
                        continue
                    if same_in_vietnamese(vietnamese, entry, msgid):
                        continue
                    if placeholder.search(text):
                        parts = placeholder.split(text)
                        if sum(len(p.strip()) for p in parts) >= 4:
                            patterns.append(re.compile(".+?".join(map(re.escape, parts))))
                    else:
                        exact.add(text)
        ENGLISH_CATALOGUES = exact, patterns
    return ENGLISH_CATALOGUES


def same_in_vietnamese(catalogue, entry, msgid) -> bool:
    """Whether the Vietnamese catalogue in force writes this msgid as English does."""
    if entry.msgid_plural:
        msgid = (msgid, 0)
    key = f"{entry.msgctxt}\x04{msgid}" if entry.msgctxt else msgid
    if isinstance(key, tuple) and entry.msgctxt:
        key = (f"{entry.msgctxt}\x04{entry.msgid}", 0)
    found = catalogue._catalog.get(key)
    return found is not None and " ".join(found.split()) == " ".join(entry.msgid.split())


def international_words() -> list[str]:
    """The admin msgids that Vietnamese writes as English does (for the note on the screens)."""
    import polib
    from django.utils.translation import trans_real

    from ldld_wagtail import translations

    vietnamese = trans_real.translation("vi")
    return sorted(
        {
            entry.msgid
            for c in translations.CATALOGUES
            for entry in polib.pofile(str(c.source))
            if re.search(r"[A-Za-z]{2}", entry.msgid)
            and same_in_vietnamese(vietnamese, entry, entry.msgid)
        }
    )


def screen_texts(html: str) -> set[str]:
    """What a reader or a screen reader meets on a page: its text nodes, the accessible
    attributes, button values, and the strings of the JSON that the admin's scripts render (the
    sidebar, the side panels)."""
    from html.parser import HTMLParser

    texts = set()

    def walk_json(value):
        if isinstance(value, str):
            texts.add(value)
        elif isinstance(value, dict):
            for name, inner in value.items():
                if name in JSON_TEXT_KEYS or not isinstance(inner, str):
                    walk_json(inner)
        elif isinstance(value, list):
            for inner in value:
                walk_json(inner)

    class Parser(HTMLParser):
        script = None
        hidden = None  # [tag, depth] of an element with the hidden attribute being read

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if self.hidden:
                self.hidden[1] += tag == self.hidden[0]
                return
            if "hidden" in attrs:
                self.hidden = [tag, 1]
                return
            for name in ACCESSIBLE_ATTRIBUTES:
                if attrs.get(name):
                    texts.add(attrs[name])
            if tag == "input" and attrs.get("type") in ("submit", "button") and attrs.get("value"):
                texts.add(attrs["value"])
            if tag in ("script", "style"):
                self.script = (tag, attrs.get("type", ""))

        def handle_endtag(self, tag):
            if self.hidden:
                self.hidden[1] -= tag == self.hidden[0]
                if not self.hidden[1]:
                    self.hidden = None
                return
            if tag in ("script", "style"):
                self.script = None

        def handle_data(self, data):
            if self.hidden:
                return
            if self.script is None:
                texts.add(data)
            elif self.script[1] == "application/json":
                try:
                    walk_json(json.loads(data))
                except ValueError:
                    pass

    parser = Parser(convert_charrefs=True)
    parser.feed(html)
    return {" ".join(t.split()) for t in texts} - {""}


# Django's dates in words ("4 weeks", "38 seconds ago") inside a longer text.
ENGLISH_TIME = re.compile(r"\b\d+\s(second|minute|hour|day|week|month|year)s?\b|\bago\b")


def english_on_screen(html: str) -> set[str]:
    """The texts of a page that are a string of the packages' English catalogues, or that hold
    a date in English words."""
    exact, patterns = english_catalogue()
    found = set()
    for text in screen_texts(html):
        if ENGLISH_TIME.search(text):
            found.add(text)
        elif text in exact or any(p.fullmatch(text) for p in patterns):
            found.add(text)
    return found


def pull(client, key, since=""):
    """One batch of `@syndication` read with a consumer's key (asserting a 200)."""
    params = {"since": since} if since else {}
    response = client.get("/++api++/@syndication", params, HTTP_AUTHORIZATION=f"Bearer {key}")
    assert response.status_code == 200, response.content[:500]
    return response.json()


def outlet_key(code: str) -> str:
    """A new API key for the outlet's consumer (`manage.py syndication_key --outlet`)."""
    from django.core.management import call_command

    out = io.StringIO()
    call_command("syndication_key", outlet=code, stdout=out, stderr=io.StringIO())
    return out.getvalue().strip()


# Parts of a page that differ on every request, whatever the data: the CSRF token and the
# question form's signed time token.
PER_REQUEST = [
    (re.compile(rb'name="csrfmiddlewaretoken" value="[^"]*"'), b'name="csrfmiddlewaretoken"'),
    (re.compile(rb'(name="form_token"[^>]*value=")[^"]*"'), rb'\1"'),
    (re.compile(rb'(value="[^"]*"[^>]*name="form_token")'), b'name="form_token"'),
]


def answers(requests: list[list]) -> dict:
    """{label: [status, body]} for each [label, url, headers] fetched by a fresh anonymous or
    keyed client, with what differs on every request taken out: what a restored site must answer
    byte for byte like the original (`test_backup`). Runs in the test process and, for the
    restored site, in a subprocess (`python -m tests.utils ANSWERS_JSON`)."""
    from django.test import Client

    found = {}
    for label, url, headers in requests:
        response = Client().get(url, **headers)
        body = b"".join(response) if response.streaming else response.content
        for pattern, replacement in PER_REQUEST:
            body = pattern.sub(replacement, body)
        found[label] = [response.status_code, body.decode("utf-8", "replace")]
    return found


def answers_in_a_subprocess(requests: list[list], env: dict, workdir) -> dict:
    """`answers` from another process with the environment `env` (another database)."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    asked, answered = Path(workdir) / "asked.json", Path(workdir) / "answered.json"
    asked.write_text(json.dumps(requests))
    script = (
        "import django, json, sys; django.setup()\n"
        "from django.test.utils import setup_test_environment; setup_test_environment()\n"
        "from tests.utils import answers\n"
        "requests = json.load(open(sys.argv[1]))\n"
        "json.dump(answers(requests), open(sys.argv[2], 'w'), ensure_ascii=False)\n"
    )
    subprocess.run(
        [sys.executable, "-c", script, str(asked), str(answered)], cwd=root, env=env, check=True
    )
    return json.loads(answered.read_text())
