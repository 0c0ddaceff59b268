"""Bulk seeding for the benchmark: thousands of live news items in seconds, not minutes.

Wagtail's `add_child` costs several queries per page; here the tree paths are computed once and
pages, photos and search entries are inserted in batches.
"""

import datetime
import io
import random
import time
import uuid

from django.contrib.contenttypes.models import ContentType
from django.core.files.images import ImageFile
from django.db import connection, transaction
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images.models import Image
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText
from wagtail.search.backends import get_search_backend

from ldld_wagtail import compat
from ldld_wagtail.identity import uid
from ldld_wagtail.models import SearchEntry, SyndicationChange, Unit
from ldld_wagtail.search import entry_for
from news.models import NewsPage, NewsPhoto, TopicColumnPage

from ..models import HomePage

BATCH = 500
WORDS = (
    "công đoàn cơ sở người lao động đoàn viên tháng công nhân mái ấm tết sum vầy thỏa ước "
    "lao động tập thể an toàn vệ sinh đối thoại nơi làm việc tiền lương bảo hiểm xã hội "
    "phúc lợi văn hóa thể thao hội nghị tập huấn nghiệp vụ phong trào thi đua sáng kiến"
).split()


def _sentence(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize()


def _tree():
    locale, _ = Locale.objects.get_or_create(language_code="vi")
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = HomePage(title="Liên đoàn Lao động tỉnh", slug="trang-chu", locale=locale)
        root.add_child(instance=home)
        home.save_revision().publish()
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={"hostname": "localhost", "port": 80, "root_page": home},
        )
        Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    unit, _ = Unit.objects.get_or_create(
        code="tuyen-giao-nu-cong",
        defaults={"name": "Ban Tuyên giáo - Nữ công", "kind": "department"},
    )
    column = TopicColumnPage.objects.filter(slug="tin-tuc").first()
    if column is None:
        column = TopicColumnPage(title="Tin tức", slug="tin-tuc", unit=unit, show_in_menus=True)
        home.add_child(instance=column)
        column.save_revision().publish()
    image = Image.objects.filter(title="bench").first()
    if image is None:
        buffer = io.BytesIO()
        PILImage.new("RGB", (1200, 800), (170, 30, 40)).save(buffer, "JPEG")
        image = Image.objects.create(title="bench", file=ImageFile(buffer, name="bench.jpg"))
    return locale, unit, column, image


def _changes(news, column):
    """One `update` per item, oldest publication first, as `syndication.record()` would have
    written them had each item been published through Wagtail with `send_to_national` on (same
    uid function; the URL is the item's path below the site root, the column's parent)."""
    root_path = column.url_path.rstrip("/").rsplit("/", 1)[0]  # "/trang-chu"
    return [
        SyndicationChange(
            page_id=n.pk,
            uid=uid(n),
            url=n.url_path[len(root_path) :],
            kind=SyndicationChange.UPDATE,
            at=n.first_published_at,
        )
        for n in sorted(news, key=lambda n: (n.first_published_at, n.pk))
    ]


def _backfill_changes(column):
    """Databases seeded before the feed was benchmarked: mark the items and log them once."""
    items = NewsPage.objects.child_of(column)
    if SyndicationChange.objects.filter(page__in=items.values("pk")).exists():
        return
    with transaction.atomic():
        items.update(send_to_national=True)
        fields = ("pk", "translation_key", "locale_id", "url_path", "first_published_at")
        news = list(items.only(*fields))
        SyndicationChange.objects.bulk_create(_changes(news, column), batch_size=BATCH)
    print(f"Logged {len(news)} syndication changes")


def seed(count: int) -> None:
    started = time.perf_counter()
    locale, unit, column, image = _tree()
    existing = NewsPage.objects.child_of(column).count()
    if existing >= count:
        print(f"{existing} news items already seeded")
        _backfill_changes(column)
        return
    rng = random.Random(42)
    content_type = ContentType.objects.get_for_model(NewsPage)
    now = timezone.now()
    column.refresh_from_db()
    for start in range(existing, count, BATCH):
        with transaction.atomic():
            pages = []
            for i in range(start, min(start + BATCH, count)):
                title = f"{_sentence(rng, 8)} ({i})"
                published = now - datetime.timedelta(minutes=(count - i) * 50)
                pages.append(
                    Page(
                        title=title,
                        draft_title=title,
                        slug=f"tin-{i}",
                        path=compat.tree_path(column.path, column.depth + 1, i + 1),
                        depth=column.depth + 1,
                        numchild=0,
                        url_path=f"{column.url_path}tin-{i}/",
                        live=True,
                        has_unpublished_changes=False,
                        first_published_at=published,
                        last_published_at=published,
                        content_type=content_type,
                        locale=locale,
                        translation_key=uuid.uuid4(),
                    )
                )
            Page.objects.bulk_create(pages)
            news = [
                NewsPage(
                    page_ptr_id=p.pk,
                    **{f.attname: getattr(p, f.attname) for f in Page._meta.concrete_fields},
                    kind=rng.choice(["tin", "tin", "tin", "bai"]),
                    lead=_sentence(rng, 30),
                    authors="Phóng viên",
                    body=[("paragraph", RichText(f"<p>{_sentence(rng, 120)}</p>"))],
                    unit_id=unit.pk,
                    featured=(p.pk % 50 == 0),
                    send_to_national=True,
                )
                for p in pages
            ]
            fields = [f for f in NewsPage._meta.local_concrete_fields]
            compat.insert_rows(NewsPage, news, fields)
            NewsPhoto.objects.bulk_create(
                [
                    NewsPhoto(
                        page_id=n.pk,
                        image=image,
                        caption=n.title[:200],
                        credit="LĐLĐ",
                        sort_order=0,
                    )
                    for n in news
                ]
            )
            for n in news:
                n.locale = locale
            SearchEntry.objects.bulk_create([entry_for(n) for n in news])
            # Wagtail's own index too, as publishing would fill it: `make bench` compares our
            # search with Wagtail's API `?search=`, which reads it.
            get_search_backend().add_bulk(NewsPage, news)
            SyndicationChange.objects.bulk_create(_changes(news, column))
    Page.objects.filter(pk=column.pk).update(numchild=count)
    with connection.cursor() as cursor:  # fresh statistics, as autovacuum would give later
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    print(f"Seeded {count - existing} news items in {time.perf_counter() - started:.1f} s")
