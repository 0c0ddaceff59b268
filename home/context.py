"""What the home page shows, gathered in a fixed number of queries whatever the site's size.

A translation of the home page (the English one) has few pages of its own under it. Its
week's schedule, latest documents and latest answers are therefore read from its own tree and
from the source-language home's tree together, a source item only where it has no live
translation under this home: the newest items whatever their language, each in the page's
language where it has been translated. The template marks the others with their language.
Banners are chosen by language: a banner's picture, its description and usually its link are
in one language, and a page shows only those of its own.
"""

import datetime
from typing import NamedTuple

from django.conf import settings
from django.db import connection
from django.db.models import Case, IntegerField, Prefetch, Q, Value, When, prefetch_related_objects
from django.utils import timezone
from django.utils.translation import get_language_info, gettext
from wagtail.models import Locale, Page

from documents.models import DirectiveDocumentPage
from ldld_wagtail.cache import generation_cached
from ldld_wagtail.visibility import live_public
from news.cards import cards_of, newest_cards
from news.models import NewsPage, TopicColumnPage, VideoPage
from qa.models import QuestionPage
from schedule.models import ScheduleEntry, WeeklySchedulePage

from .models import Banner

LATEST_PER_COLUMN = 4
FEATURED = 5


def home_context(home) -> dict:
    below = {"path__startswith": home.path}
    language, source = _languages(home)
    columns = list(live_public(TopicColumnPage.objects.child_of(home)).order_by("path"))
    latest = _latest_per_column(home, columns)
    # Both lists as cards (`news.cards`): a query each, with their photos' renditions.
    featured = newest_cards(
        live_public(NewsPage.objects.filter(featured=True, **below))
        .order_by("-first_published_at", "-pk")
        .values("pk")[:FEATURED]
    )
    by_column = {c.path: [] for c in columns}
    for item in latest:
        by_column.setdefault(item.path[: (home.depth + 1) * 4], []).append(item)
    monday = timezone.localdate() - datetime.timedelta(days=timezone.localdate().weekday())
    weeks = _in_page_language(WeeklySchedulePage, home, source).filter(week_start__lte=monday)
    week = (
        weeks.order_by("-week_start", *_own_first(home, source))
        .prefetch_related(
            Prefetch("entries", queryset=ScheduleEntry.objects.order_by("day", "time"))
        )
        .first()
    )
    video = (
        live_public(VideoPage.objects.filter(**below))
        .select_related("poster")
        .order_by("-month")
        .first()
    )
    banners = list(Banner.objects.showing().filter(language=language).select_related("image")[:3])
    images = [b.image for b in banners] + ([video.poster] if video and video.poster else [])
    prefetch_related_objects(images, "renditions")
    latest_documents = list(
        _in_page_language(DirectiveDocumentPage, home, source).order_by("-issued_on", "-pk")[:5]
    )
    latest_answers = list(
        _in_page_language(QuestionPage, home, source).order_by("-answered_on", "-pk")[:5]
    )
    context = {
        "featured": featured,
        "columns": [(c, by_column.get(c.path, [])) for c in columns],
        "week": week,
        "latest_documents": latest_documents,
        "latest_answers": latest_answers,
        "video": video,
        "banners": banners,
    }
    if source is not None:
        context.update(
            source_language=source.language,
            source_locale_id=source.locale_id,
            week_language_note=_language_note([week] if week else [], source),
            documents_language_note=_language_note(latest_documents, source),
            answers_language_note=_language_note(latest_answers, source),
        )
    return context


class Source(NamedTuple):
    """The source-language home of a translated home page: where its untranslated items are."""

    path: str
    locale_id: int
    language: str


def _languages(home) -> tuple[str, Source | None]:
    """The home page's language code and, for a translation, its source-language home: two
    small queries once per page-cache generation."""

    def compute():
        language = (
            Locale.objects.filter(pk=home.locale_id).values_list("language_code", flat=True).first()
        ) or settings.LANGUAGE_CODE
        if language == settings.LANGUAGE_CODE:
            return language, None
        row = (
            Page.objects.filter(
                translation_key=home.translation_key,
                locale__language_code=settings.LANGUAGE_CODE,
            )
            .values_list("path", "locale_id")
            .first()
        )
        return language, (Source(*row, settings.LANGUAGE_CODE) if row else None)

    return generation_cached(f"home-languages:{home.pk}", compute)


def _in_page_language(model, home, source):
    """Live public `model` pages under `home`; for a translated home, with those under the
    source-language home that have no live public translation under `home`."""
    own = Q(path__startswith=home.path)
    if source is None:
        return live_public(model.objects.filter(own))
    translated = live_public(model.objects.filter(own)).values("translation_key")
    untranslated = Q(path__startswith=source.path) & ~Q(translation_key__in=translated)
    return live_public(model.objects.filter(own | untranslated))


def _own_first(home, source) -> list:
    """An ordering that puts the home's own pages before the source-language ones."""
    if source is None:
        return []
    return [
        Case(
            When(path__startswith=home.path, then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        )
    ]


def _language_note(items, source) -> str:
    """'In Vietnamese' when every item shown is in the source language, 'Some items in
    Vietnamese' when some are, else ''."""
    foreign = sum(item.locale_id == source.locale_id for item in items)
    if not foreign:
        return ""
    name = get_language_info(source.language)["name_translated"]
    if foreign == len(items):
        return gettext("In %(language)s") % {"language": name}
    return gettext("Some items in %(language)s") % {"language": name}


def _latest_per_column(home, columns) -> list:
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
