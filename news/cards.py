"""News items as listing cards: read in one query without page models, shown through the card
template (`news/includes/card.html`), each card's HTML kept under the generation token.

A card shows an item's title, link, kind, date, unit, lead and main photo. Loading
`NewsPage`s for it (a two-table model, its unit, its photos through modelcluster, their
images) cost about 5 ms a listing of 12 in Python, for four queries that took under half a
millisecond each. Here one query reads the listing window's ids (as a subquery) with every
card's columns, the unit's names and the main photo (the first by order); the photos'
renditions with their images (shared by the cards that show the same image) are read in a
second one, only when a card is rendered rather than found in the fragment cache.

With the fast paths off (`compat.fast_paths()`), the same lists are `NewsPage`s read through
the ORM, their unit, photos, images and renditions prefetched, and every card is rendered
from the template each time: the same HTML.
"""

import datetime
import hashlib
import re
import uuid

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Prefetch
from django.template import Context
from django.template.loader import get_template
from django.utils.safestring import mark_safe
from wagtail.images import get_image_model
from wagtail.models import Page

from ldld_wagtail import compat
from ldld_wagtail.cache import generation_fragments
from ldld_wagtail.fragments import fragment_scope
from ldld_wagtail.listing import DeferredJoinList, children_of
from ldld_wagtail.models import Unit
from ldld_wagtail.raw_rows import PageLinks, moment
from ldld_wagtail.visibility import live_public

from .models import KIND_LABELS, NewsPage, NewsPhoto

CARD_TEMPLATE = "news/includes/card.html"


class CardUnit:
    __slots__ = ("name", "short_name")

    def __init__(self, name, short_name):
        self.name, self.short_name = name, short_name

    def __str__(self):
        return self.name


class CardPhoto:
    __slots__ = ("image", "caption", "credit")

    def __init__(self, image, caption, credit):
        self.image, self.caption, self.credit = image, caption, credit


_UNREAD = object()


class NewsCard(PageLinks):
    """What a card reads of a news item; `page_url` builds its link from `url_path`. Its
    `main_photo` (with the image and its renditions) is read on first use, for every card of
    the list it came with at once."""

    __slots__ = (
        "id",
        "path",
        "title",
        "url_path",
        "first_published_at",
        "kind",
        "lead",
        "unit",
        "_photo",
        "_photo_row",
        "_batch",
        "translation_key",
    )
    specific_class = NewsPage

    @property
    def main_photo(self):
        if self._photo is _UNREAD:
            attach_photos(self._batch)
        return self._photo

    @property
    def kind_label(self):
        return KIND_LABELS.get(self.kind, self.kind)

    def __str__(self):
        return self.title


def _sql():
    qn = connection.ops.quote_name
    news, photo, unit = NewsPage._meta, NewsPhoto._meta, Unit._meta
    page_key = qn(news.pk.column)
    unit_key = qn(news.get_field("unit").column)
    photo_page = qn(photo.get_field("page").column)
    return f"""
        SELECT p.id, p.title, p.url_path, p.first_published_at, n.kind, n.lead,
               u.name, u.short_name, ph.{qn(photo.get_field("image").column)},
               ph.caption, ph.credit, p.path, p.translation_key
        FROM wagtailcore_page p
        JOIN {qn(news.db_table)} n ON n.{page_key} = p.id
        LEFT JOIN {qn(unit.db_table)} u ON u.{qn(unit.pk.column)} = n.{unit_key}
        LEFT JOIN {qn(photo.db_table)} ph ON ph.id = (
            SELECT first.id FROM {qn(photo.db_table)} first
            WHERE first.{photo_page} = p.id ORDER BY first.sort_order, first.id LIMIT 1)"""


_SQL = _sql()


def newest_cards(window) -> list:
    """Cards of the news items a `values("pk")` query selects, newest first: the ids and the
    cards in one query (the window runs inside it)."""
    if not compat.fast_paths():
        return _pages(window)
    try:
        sql, params = window.query.sql_with_params()
    except EmptyResultSet:  # a query Django knows matches nothing
        return []
    return _newest_first(_cards(f"IN ({sql})", params))


def news_under(parent) -> DeferredJoinList:
    """The live, public news items directly under `parent`, newest first, as cards for a
    paginator: the same for every reader, so deep pages may start from an anchor."""
    news_type = ContentType.objects.get_for_model(NewsPage)
    ids = live_public(children_of(Page.objects, parent).filter(content_type=news_type))
    return DeferredJoinList(ids, newest_cards, key=f"news-under:{parent.pk}")


def cards_of(ids) -> list:
    """Cards of the news items `ids`, newest first."""
    ids = list(ids)
    if not ids:
        return []
    if not compat.fast_paths():
        return _pages(ids)
    return _newest_first(_cards(f"IN ({', '.join(['%s'] * len(ids))})", ids))


def _pages(ids) -> list[NewsPage]:
    """The news items `ids` (a list or a `values("pk")` query) as Wagtail's page models, with
    what a card shows prefetched: the unit, the photos in the rows' order (the first is the
    card's), their images and renditions."""
    # The ids first: a window may hold raw SQL naming the page table (`listing._after`), which
    # would name the outer query's table once nested in it.
    ids = [row["pk"] if isinstance(row, dict) else row for row in ids]
    if not ids:
        return []
    photos = (
        NewsPhoto.objects.order_by("sort_order", "pk")
        .select_related("image")
        .prefetch_related("image__renditions")
    )
    pages = (
        NewsPage.objects.filter(pk__in=ids)
        .order_by()
        .select_related("unit")
        .prefetch_related(Prefetch("photos", queryset=photos))
    )
    return _newest_first(list(pages))


def _newest_first(cards):
    oldest = datetime.datetime.min.replace(tzinfo=datetime.UTC)
    cards.sort(key=lambda card: (card.first_published_at or oldest, card.id), reverse=True)
    return cards


def _cards(condition, params) -> list[NewsCard]:
    with connection.cursor() as cursor:
        cursor.execute(f"{_SQL} WHERE p.id {condition}", params)
        rows = cursor.fetchall()
    cards = []
    for row in rows:
        card = NewsCard()
        card.id, card.title, card.url_path = row[0], row[1], row[2]
        card.first_published_at, card.kind, card.lead = moment(row[3]), row[4], row[5]
        card.unit = CardUnit(row[6], row[7]) if row[6] is not None else None
        # As the ORM gives it (SQLite keeps it as 32 hex digits, PostgreSQL as a uuid).
        card.path, card.translation_key = row[11], uuid.UUID(str(row[12]))
        if row[8] is None:
            card._photo, card._photo_row = None, None
        else:
            card._photo, card._photo_row = _UNREAD, (row[8], row[9], row[10])
        card._batch = cards
        cards.append(card)
    return cards


def attach_photos(cards):
    """The main photos of those `cards` that have one not read yet, each image with its
    renditions, from one query on the renditions (their images joined); images without any
    yet are read on their own."""
    cards = [card for card in cards if card._photo is _UNREAD]
    if not cards:
        return
    image_ids = {card._photo_row[0] for card in cards}
    model = get_image_model()
    images, renditions = {}, {}
    found = model.get_rendition_model().objects.filter(image_id__in=image_ids)
    for rendition_ in found.select_related("image"):
        images.setdefault(rendition_.image_id, rendition_.image)
        renditions.setdefault(rendition_.image_id, []).append(rendition_)
    for image_id, image in images.items():
        # As `prefetch_related("renditions")` leaves them, for Wagtail's code as for ours.
        compat.set_prefetched(image, "renditions", image.renditions, renditions[image_id])
    images.update(model.objects.in_bulk(image_ids - images.keys()))
    for card in cards:
        image_id, caption, credit = card._photo_row
        image = images.get(image_id)
        card._photo = CardPhoto(image, caption, credit) if image is not None else None


# What a cache key may hold as it is; any other variant is hashed.
_PLAIN_KEY = re.compile(r"[A-Za-z0-9_.:-]*")


def render_cards(items, request, show_lead=False, level=3, image_spec="", card_class=""):
    """News items (cards from this module, or `NewsPage`s from `_pages`, `.listing()` or the
    home context, so that `main_photo` and `unit` cost no query) as cards, one after the
    other, through the card template: heading `level`, the lead with `show_lead`, the
    `image_spec` size ("small", "large", or the usual), an extra `card_class`.

    A listing shows dozens and each cost about 0.17 ms through the template language: for
    readers without a login each card's HTML is kept under the generation token (a publish,
    or a change to a unit or an image, renews it), all of a list's found with one look-up."""
    items = list(items)
    if not items:
        return mark_safe("")  # noqa: S308 - empty
    variant = {
        "show_lead": show_lead,
        "level": level,
        "image_spec": image_spec,
        "card_class": card_class,
    }
    scope = fragment_scope(request)
    if scope is None or not all(_keepable(item) for item in items):
        return mark_safe("".join(_render(items, request, variant)))  # noqa: S308 - templates

    name = f"{int(bool(show_lead))}:{level}:{image_spec}:{card_class}"
    if not _PLAIN_KEY.fullmatch(name):
        name = hashlib.sha1(name.encode()).hexdigest()
    keys = [f"card:{item.pk}:{scope}:{name}" for item in items]

    def render(positions):
        return _render([items[n] for n in positions], request, variant)

    return mark_safe("".join(generation_fragments(keys, render)))  # noqa: S308 - templates


def _keepable(item) -> bool:
    """Whether a card of `item` shows the item as published: a row read from the database, or
    a live page whose photos are not being edited in memory."""
    if isinstance(item, NewsCard):
        return True
    return bool(
        isinstance(item, NewsPage)
        and item.pk
        and item.live
        and not compat.in_memory_children(item, "photos")
    )


def _render(items, request, variant) -> list[str]:
    """The cards of `items` through the card template, one context for them all."""
    attach_photos([item for item in items if isinstance(item, NewsCard)])
    template = get_template(CARD_TEMPLATE).template
    context = Context({"request": request, **variant}, autoescape=template.engine.autoescape)
    html = []
    for item in items:
        with context.push(item=item):
            html.append(template.render(context))
    return html
