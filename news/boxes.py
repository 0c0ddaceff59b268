"""What the news app lends to other pages through the plugin: to a home page
(`ldld_wagtail.home_boxes`) the featured items, the newest items of each topic column and the
latest video; to a page that lists what is under it (`ldld_wagtail.registry.item_listing`)
its news items as cards."""

from django.db import connection

from ldld_wagtail.home_boxes import home_box
from ldld_wagtail.registry import item_listing
from ldld_wagtail.visibility import live_public

from .cards import cards_of, newest_cards, news_under
from .models import NewsPage, TopicColumnPage, VideoPage

# A sub-site's home (or any page listing what is under it) lists news items as the columns do.
item_listing(news_under)

LATEST_PER_COLUMN = 4
FEATURED = 5


@home_box
def news(scope) -> dict:
    home = scope.home
    columns = list(live_public(TopicColumnPage.objects.child_of(home)).order_by("path"))
    latest = _latest_per_column(columns)
    # Both lists as cards (`news.cards`): a query each, with their photos' renditions.
    featured = newest_cards(
        live_public(NewsPage.objects.filter(scope.below(), featured=True))
        .order_by("-first_published_at", "-pk")
        .values("pk")[:FEATURED]
    )
    by_column = {c.path: [] for c in columns}
    for item in latest:
        by_column.setdefault(item.path[: (home.depth + 1) * 4], []).append(item)
    video = (
        live_public(VideoPage.objects.filter(scope.below()))
        .select_related("poster")
        .order_by("-month")
        .first()
    )
    if video is not None:
        scope.prefetch_images([video.poster])
    return {
        "featured": featured,
        "columns": [(c, by_column.get(c.path, [])) for c in columns],
        "video": video,
    }


def _latest_per_column(columns) -> list:
    """The newest items of each column in one query: a UNION ALL of one short, indexed
    `ORDER BY first_published_at DESC LIMIT n` per column (a window function over all items
    sorted every item of the site on each view)."""
    parts = [
        live_public(NewsPage.objects.filter(path__startswith=c.path, depth=c.depth + 1))
        .order_by("-first_published_at", "-pk")
        .values_list("pk", flat=True)[:LATEST_PER_COLUMN]
        for c in columns
    ]
    if not parts:
        return []
    # Each part is wrapped as a subquery: SQLite refuses LIMIT directly inside UNION members.
    sql, params = [], []
    for n, part in enumerate(parts):
        part_sql, part_params = part.query.sql_with_params()
        sql.append(f"SELECT * FROM ({part_sql}) AS part{n}")
        params.extend(part_params)
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(sql), params)
        ids = [row[0] for row in cursor.fetchall()]
    return cards_of(ids)
