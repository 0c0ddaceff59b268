"""News items as listing cards, read in one query without page models, written in Python.

A card shows an item's title, link, kind, date, unit, lead and main photo. Loading
`NewsPage`s for it (a two-table model, its unit, its photos through modelcluster, their
images) cost about 5 ms a listing of 12 in Python, for four queries that took under half a
millisecond each. Here one query reads the listing window's ids (as a subquery) with every
card's columns, the unit's names and the main photo (the first by order); a second reads the
photos' renditions with their images, shared by the cards that show the same image.
"""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.template.defaultfilters import truncatewords
from django.utils import dateformat, timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.images import get_image_model
from wagtail.models import Page

from ldld_wagtail import compat
from ldld_wagtail.images import img_tag, rendition
from ldld_wagtail.listing import DeferredJoinList, children_of
from ldld_wagtail.models import Unit
from ldld_wagtail.page_urls import page_url
from ldld_wagtail.raw_rows import PageLinks, moment
from ldld_wagtail.visibility import live_public

from .models import KIND_LABELS, NewsPage, NewsPhoto


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


class NewsCard(PageLinks):
    """What a card reads of a news item; `page_url` builds its link from `url_path`."""

    __slots__ = (
        "id",
        "path",
        "title",
        "url_path",
        "first_published_at",
        "kind",
        "lead",
        "unit",
        "main_photo",
        "_image_id",
    )
    specific_class = NewsPage

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
               ph.caption, ph.credit, p.path
        FROM wagtailcore_page p
        JOIN {qn(news.db_table)} n ON n.{page_key} = p.id
        LEFT JOIN {qn(unit.db_table)} u ON u.{qn(unit.pk.column)} = n.{unit_key}
        LEFT JOIN {qn(photo.db_table)} ph ON ph.id = (
            SELECT first.id FROM {qn(photo.db_table)} first
            WHERE first.{photo_page} = p.id ORDER BY first.sort_order, first.id LIMIT 1)"""


_SQL = _sql()


def newest_cards(window) -> list[NewsCard]:
    """Cards of the news items a `values("pk")` query selects, newest first: the ids and the
    cards in one query (the window runs inside it)."""
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


def cards_of(ids) -> list[NewsCard]:
    """Cards of the news items `ids`, newest first."""
    ids = list(ids)
    if not ids:
        return []
    return _newest_first(_cards(f"IN ({', '.join(['%s'] * len(ids))})", ids))


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
        card._image_id = row[8]
        card.main_photo = None
        card.path = row[11]
        cards.append(card)
    _attach_photos(cards, rows)
    return cards


def _attach_photos(cards, rows):
    """The cards' images, each with its renditions, from one query on the renditions (their
    images joined); images without any yet are read on their own."""
    image_ids = {card._image_id for card in cards if card._image_id is not None}
    if not image_ids:
        return
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
    captions = {row[0]: (row[9], row[10]) for row in rows}
    for card in cards:
        image = images.get(card._image_id)
        if image is not None:
            card.main_photo = CardPhoto(image, *captions[card.id])


# `image_spec` → (rendition, lazy loading): a small or a large card, or the usual one.
CARD_IMAGES = {"small": ("fill-320x200", True), "large": ("fill-960x540", False)}
CARD_IMAGE = ("fill-640x400", True)


def render_card(item, request, show_lead=False, level=3, image_spec="", card_class=""):
    """A news item (a `NewsCard`, or a `NewsPage` from `.listing()` or the home context, so
    that `main_photo` and `unit` cost no query) as a card: heading `level`, the lead with
    `show_lead`, the `image_spec` size ("small", "large", or the usual), an extra
    `card_class`.

    Written in Python rather than as a template: a listing shows dozens, and through the
    template language each cost about 0.17 ms, most of a listing page's rendering."""
    level = int(level or 3)
    html = [f'<article class="card{f" {escape(card_class)}" if card_class else ""}">\n  ']
    photo = item.main_photo
    if photo:
        spec, lazy = CARD_IMAGES.get(image_spec, CARD_IMAGE)
        attributes = {"alt": photo.caption, "loading": "lazy"} if lazy else {"alt": photo.caption}
        found = rendition(photo.image, spec)
        html.append(f'<div class="card-media">{img_tag(found, attributes)}</div>')
    moment = item.first_published_at
    if moment is not None and timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    stamp = f"{dateformat.format(moment, 'c')}" if moment else ""
    day = f"{dateformat.format(moment, 'd/m/Y')}" if moment else ""
    html.append(
        f'\n  <div class="card-body">\n    <h{level} class="card-title">'
        f'<a href="{escape(page_url(item, request))}">{escape(item.title)}</a></h{level}>\n'
        f'    <p class="meta"><span class="kind kind-{escape(item.kind)}">'
        f'{escape(item.kind_label)}</span> <time datetime="{stamp}">{day}</time>'
    )
    if item.unit:
        html.append(
            f' · <span class="nowrap">{escape(item.unit.short_name or item.unit.name)}</span>'
        )
    html.append("</p>\n    ")
    if show_lead and item.lead:
        html.append(f'<p class="card-lead">{escape(truncatewords(item.lead, 36))}</p>')
    html.append("\n  </div>\n</article>\n")
    return mark_safe("".join(html))  # noqa: S308 - every value is escaped above
