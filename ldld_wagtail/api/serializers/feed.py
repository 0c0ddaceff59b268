"""A batch of syndicated news items read as rows, without page models.

The feed writes each item whole: text, photos with their images, authors, unit, topics, dates,
and whether it was taken down. Loading `NewsPage`s for it (some sixty columns, a
`ClusterableModel`, its unit, its photos through modelcluster, their images) cost about 6 ms of
Python a batch of 20 for queries that took the database under 2 ms. Here three queries read
the items with their unit and open take-down, the photos with their images, and the topics;
the text is the same StreamField value the page renders.
"""

from types import SimpleNamespace

from django.db import connection

from ...models import Unit, Withdrawal
from ...raw_rows import PageLinks, moment, uuid_of
from ...registry import syndicated_type


class FeedUnit(SimpleNamespace):
    def __str__(self):
        return self.name


class FeedItem(PageLinks):
    """What the feed reads of a news item (see `SyndicationService.full`)."""

    def __init__(self, **values):
        self.__dict__.update(values)


COLUMNS = (
    "id",
    "path",
    "url_path",
    "title",
    "content_type_id",
    "translation_key",
    "locale_id",
    "live",
    "go_live_at",
    "first_published_at",
    "last_published_at",
    "latest_revision_created_at",
)
# What the feed reads of the syndicated type, by role (`registry.Syndication` names the fields).
NEWS_COLUMNS = ("lead", "body", "authors", "send_to_national")
ROLE_OF = {"send_to_national": "mark"}


def feed_items(ids) -> dict:
    """{page id: FeedItem} for the news items `ids` (others are left out)."""
    NewsPage, spec = syndicated_type()
    if not ids or NewsPage is None:
        return {}
    NewsPhoto = NewsPage._meta.get_field(spec.photos).related_model
    photo_page = NewsPage._meta.get_field(spec.photos).field.name
    field_of = {role: getattr(spec, ROLE_OF.get(role, role)) for role in NEWS_COLUMNS}
    qn = connection.ops.quote_name
    news, unit, withdrawal = NewsPage._meta, Unit._meta, Withdrawal._meta
    marks = ", ".join(["%s"] * len(ids))
    taken_down = (
        f"SELECT w.{qn(withdrawal.get_field('category').column)}"
        f" FROM {qn(withdrawal.db_table)} w"
        f" WHERE w.{qn(withdrawal.get_field('page').column)} = p.id"
        f" AND w.{qn(withdrawal.get_field('restored_at').column)} IS NULL"
        f" ORDER BY w.{qn(withdrawal.get_field('at').column)} DESC LIMIT 1"
    )
    sql = (
        f"SELECT {', '.join(f'p.{qn(c)}' for c in COLUMNS)},"
        f" {', '.join(f'n.{qn(news.get_field(field_of[c]).column)}' for c in NEWS_COLUMNS)},"
        f" u.{qn(unit.pk.column)}, u.{qn('code')}, u.{qn('name')}, ({taken_down})"
        f" FROM wagtailcore_page p JOIN {qn(news.db_table)} n"
        f" ON n.{qn(news.pk.column)} = p.id"
        f" LEFT JOIN {qn(unit.db_table)} u"
        f" ON u.{qn(unit.pk.column)} = n.{qn(news.get_field(spec.unit).column)}"
        f" WHERE p.id IN ({marks})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, list(ids))
        rows = cursor.fetchall()
    body = news.get_field(spec.body)
    items = {}
    for row in rows:
        values = dict(zip(COLUMNS + NEWS_COLUMNS, row, strict=False))
        for name in (
            "go_live_at",
            "first_published_at",
            "last_published_at",
            "latest_revision_created_at",
        ):
            values[name] = moment(values[name])
        values["translation_key"] = uuid_of(values["translation_key"])
        values["live"] = bool(values["live"])
        values["send_to_national"] = bool(values["send_to_national"])
        values["body"] = body.to_python(values["body"])
        unit_id, code, name, withdrawn_as = row[len(COLUMNS) + len(NEWS_COLUMNS) :]
        values["unit"] = FeedUnit(pk=unit_id, code=code, name=name) if unit_id else None
        values["withdrawn_as"] = withdrawn_as
        values["specific_class"] = NewsPage
        values["photos"] = []
        items[values["id"]] = FeedItem(**values)
    photos = (
        NewsPhoto.objects.filter(**{f"{photo_page}_id__in": ids})
        .order_by(f"{photo_page}_id", "sort_order", "pk")
        .values_list(
            f"{photo_page}_id",
            "caption",
            "credit",
            "image_id",
            "image__file",
            "image__width",
            "image__height",
            "image__file_size",
        )
    )
    for page_id, caption, credit, image_id, file, width, height, size in photos:
        picture = SimpleNamespace(
            id=image_id, file=SimpleNamespace(name=file), width=width, height=height,
            file_size=size,
        )  # fmt: skip
        if page_id in items:
            items[page_id].photos.append(SimpleNamespace(image=picture, caption=caption,
                                                         credit=credit))  # fmt: skip
    return items
