"""A batch of listing entries in one query, without model instances.

A listing entry reads a dozen columns of the page table and the type's summary field (a news
item's lead, a document's summary). Building Wagtail `Page` objects for it cost more than the
queries (about 80 µs a page), and the summaries took a query per type. Here one query reads the
batch's page columns with every summary field left-joined by primary key, ordered as the
listing asks, into `PageRow`s that carry what `serializers.content.summary` reads.
"""

import functools

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from wagtail.models import get_page_models

from ...raw_rows import PageLinks, moment, uuid_of

FIELDS = (
    "id",
    "path",
    "depth",
    "title",
    "slug",
    "url_path",
    "content_type_id",
    "translation_key",
    "locale_id",
    "live",
    "search_description",
    "first_published_at",
    "last_published_at",
    "latest_revision_created_at",
    "go_live_at",
    "expire_at",
)


_DATES = [name for name in FIELDS if name.endswith("_at")]


@functools.cache
def _model(content_type_id):
    return ContentType.objects.get_for_id(content_type_id).model_class()


class PageRow(PageLinks):
    """What a listing entry needs of a page: its columns, its type, its summary.

    Dates are read as text and made datetimes when asked for: a summary shows none unless
    `metadata_fields` names them, and the driver's parsing of five a row was a tenth of a
    listing's time."""

    __slots__ = (*(f"_{n}" if n in _DATES else n for n in FIELDS), "summary")

    def __init__(self, values):
        for name, value in zip(self.__slots__, values, strict=True):
            setattr(self, name, value)

    @property
    def specific_class(self):
        return _model(self.content_type_id)


for _name in _DATES:
    setattr(
        PageRow,
        _name,
        property(lambda row, slot=f"_{_name}": moment(getattr(row, slot)), doc=_name),
    )


@functools.cache
def _summary_sources():
    """(model, table, key column, summary column) of every page type with its own summary
    field. The page models are fixed when the code is loaded, and so is this list."""
    sources = []
    for model in get_page_models():
        name = model.__dict__.get("api_description_field")
        if name:
            field = model._meta.get_field(name)
            if field.model is model:
                sources.append((model, model._meta.db_table, model._meta.pk.column, field.column))
    return sorted(set(sources), key=lambda source: source[1])


def _sources_for(types):
    """The summary sources a listing of `types` (every type when empty) can need: each join
    costs the planner time, about a tenth of a millisecond for a batch of 20."""
    sources = _summary_sources()
    if not types:
        return sources
    return [s for s in sources if any(issubclass(t, s[0]) for t in types)]


def _from_sqlite(values):
    """SQLite hands raw SQL hex UUIDs and 0/1."""
    values = list(values)
    values[_LIVE] = bool(values[_LIVE])
    values[_KEY] = uuid_of(values[_KEY])
    return values


_LIVE = FIELDS.index("live")
_KEY = FIELDS.index("translation_key")


def page_rows(window, column: str, descending: bool, types=()) -> list[PageRow]:
    """The pages whose ids `window` (a sliced `values("pk")` queryset) selects, as `PageRow`s
    ordered by `column` (then id) the way the window is. `types`, when the window holds only
    pages of those types, spares the joins of the others' summaries."""
    qn = connection.ops.quote_name
    joins, summaries = [], []
    for i, (_model, table, key, summary) in enumerate(_sources_for(types)):
        joins.append(f"LEFT JOIN {qn(table)} s{i} ON s{i}.{qn(key)} = p.id")
        summaries.append(f"s{i}.{qn(summary)}")
    summary = {0: "NULL", 1: "".join(summaries)}.get(
        len(summaries), f"COALESCE({', '.join(summaries)})"
    )
    order = "DESC NULLS LAST" if descending else "ASC NULLS FIRST"
    direction = "DESC" if descending else "ASC"
    inner, params = window.query.sql_with_params()
    text = "CAST(p.{} AS text)" if connection.vendor == "postgresql" else "p.{}"
    columns = ", ".join((text if name in _DATES else "p.{}").format(qn(name)) for name in FIELDS)
    sql = (
        f"SELECT {columns}, {summary} FROM wagtailcore_page p {' '.join(joins)} "
        f"WHERE p.id IN ({inner}) ORDER BY p.{qn(column)} {order}, p.id {direction}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        raw = cursor.fetchall()
    if connection.vendor == "sqlite":
        raw = [_from_sqlite(values) for values in raw]
    return [PageRow(values) for values in raw]
