"""Accent-insensitive public search over pages that opt in with `SearchableMixin`.

Matching uses folded words (`cong doan` finds *Công đoàn*, `d` finds `đ`) in the title and the
text; ranking puts titles holding every word first, those holding them as typed (with their
accents) before the rest, so `bàn` ranks *bàn* above *bán* and *ban*; then the newest. PostgreSQL
answers from a GIN-indexed tsvector, SQLite from FTS5: both stay fast at tens of thousands of
pages, and neither scans the table per query.
"""

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.db import connection
from django.utils.dateparse import parse_datetime
from django.utils.text import Truncator
from wagtail.models import Page

from .cache import generation_cached
from .models import SearchEntry
from .text import exact_tokens, fold, folded_tokens, token_string

MAX_QUERY_WORDS = 12


class SearchableMixin:
    """Pages that readers can find through the public search.

    `search_section` groups results (news, documents, qa); subclasses say what text counts.
    """

    search_section = "news"

    def get_search_summary(self) -> str:
        return getattr(self, "search_description", "") or ""

    def get_search_body(self) -> str:
        return ""


@dataclass
class Hit:
    page_id: int
    title: str
    summary: str
    url_path: str
    section: str
    published_at: datetime | None


def entry_for(page: Page) -> SearchEntry:
    """The search entry for a live page (not saved); bulk loaders save many at once."""
    summary = page.get_search_summary()
    body = " ".join(filter(None, [summary, page.get_search_body()]))
    return SearchEntry(
        page_id=page.pk,
        language=page.locale.language_code,
        section=page.search_section,
        title=page.title,
        summary=Truncator(summary).chars(300),
        url_path=page.get_url() or "",
        published_at=page.first_published_at or page.last_published_at,
        search_title_folded=" ".join(folded_tokens(page.title)),
        search_body_folded=" ".join(folded_tokens(body)),
        search_title_exact=token_string(exact_tokens(page.title)),
        search_body_exact=token_string(exact_tokens(body)),
    )


def index_page(page: Page) -> None:
    """Write (or rewrite) the search entry for a page that is live and public, else remove it."""
    page = page.specific
    if not isinstance(page, SearchableMixin):
        return
    if not page.live or page.get_view_restrictions().exists():
        unindex_page(page.pk)
        return
    entry_for(page).save()


def unindex_page(page_id: int) -> None:
    SearchEntry.objects.filter(page_id=page_id).delete()


def unindex_subtree(page: Page) -> None:
    SearchEntry.objects.filter(page__path__startswith=page.path).delete()


def search(
    query: str,
    language: str,
    section: str = "",
    offset: int = 0,
    limit: int = 10,
    pages=None,
    url_prefix: str = "",
    keep_count: bool = False,
):
    """Return (total, hits) for a reader's query, best first.

    `pages`, a queryset of pages, narrows the hits to them (the API's type and path filters,
    and what an editor may see). `url_prefix` narrows them to the pages under a URL (as
    `Page.get_url()` gives it) by the entries' own column, which costs nothing: the index holds
    live, public pages only. With `keep_count`
    the total is kept under the public site's generation (for readers, whose results change
    only when the public site does).
    """
    folded = list(dict.fromkeys(folded_tokens(query)))[:MAX_QUERY_WORDS]
    if not folded:
        return 0, []
    exact = list(dict.fromkeys(exact_tokens(query)))[:MAX_QUERY_WORDS]
    run = _search_postgres if connection.vendor == "postgresql" else _search_sqlite
    where, params = _filters(language, section, pages, url_prefix)
    count = None
    if keep_count:
        digest = hashlib.sha1(repr((folded, where, params)).encode()).hexdigest()
        # One key per distinct query: kept in this process only (see `generation_cached`).
        count = generation_cached(
            f"search-count:{digest}",
            lambda: run(folded, exact, where, params, 0, 0)[0],
            shared=False,
        )
    total, hits = run(folded, exact, where, params, offset, limit, count)
    return total, _with_passages(hits, folded)


def matching(query: str, language: str, section: str = ""):
    """The ids of the pages whose entries match `query` (every word, the last as a prefix), as
    (sql, params) of a subquery for `pk__in=RawSQL(sql, params)`: a listing filters and sorts
    by its own columns and still finds words as the search does (accents optional, text of
    attached files included). None when the query holds no word."""
    folded = list(dict.fromkeys(folded_tokens(query)))[:MAX_QUERY_WORDS]
    if not folded:
        return None
    where, params = _filters(language, section, None, "")
    if connection.vendor == "postgresql":
        match = " & ".join(folded[:-1] + [folded[-1] + ":*"])
        return f"SELECT e.page_id FROM ldld_searchentry e WHERE {MATCH} AND {where}", [
            match,
            *params,
        ]
    match = " AND ".join([_fts5_phrase(w) for w in folded[:-1]] + [_fts5_phrase(folded[-1]) + "*"])
    return (
        "SELECT e.page_id FROM (SELECT rowid AS page_id FROM ldld_search_fts"
        " WHERE ldld_search_fts MATCH %s) f CROSS JOIN ldld_searchentry e"
        f" ON e.page_id = f.page_id WHERE {where}",
        [match, *params],
    )


# --- passages: where a hit's words are, when its title and summary do not show them ----------

# section -> function(page ids, folded words) -> {page id: passage}; see `passage_finder`.
_passage_finders: dict[str, Callable] = {}
PASSAGE_BEFORE, PASSAGE_AFTER = 70, 150


def passage_finder(section: str):
    """Register a function that finds, for pages of `section`, the passage of their own text
    (an attached file's, say) that holds a reader's words: called with the ids of the hits
    whose title and summary do not show every word, and the folded words; returns
    {page id: passage}. One query for a page of hits, and only when some hit needs it."""

    def register(function):
        _passage_finders[section] = function
        return function

    return register


def _with_passages(hits: list[Hit], folded: list[str]) -> list[Hit]:
    wanted: dict[str, list[Hit]] = {}
    for hit in hits:
        if hit.section in _passage_finders:
            shown = set(folded_tokens(f"{hit.title} {hit.summary}"))
            last_shown = any(token.startswith(folded[-1]) for token in shown)
            if not (last_shown and all(word in shown for word in folded[:-1])):
                wanted.setdefault(hit.section, []).append(hit)
    for section, needing in wanted.items():
        found = _passage_finders[section]([h.page_id for h in needing], folded)
        for hit in needing:
            if found.get(hit.page_id):
                hit.summary = found[hit.page_id]
    return hits


def aligned_fold(text: str) -> str:
    """`text` folded as `text.fold` does, one character for one, so that a position found in
    the folded text is the same position in the text (a passage is cut from the text where
    the folded words are found in its folded twin)."""
    table = {ord(c): (fold(c)[:1] or " ") for c in set(text)}
    return text.translate(table)


def passage_needles(folded: list[str]) -> list[str]:
    """What to look for in a folded text, best first: the words as a phrase, then each word
    from the longest, each at the start of a word when it can be."""
    needles = []
    if len(folded) > 1:
        needles += [" " + " ".join(folded), " ".join(folded)]
    for word in sorted(folded, key=len, reverse=True):
        needles += [" " + word, word]
    return needles


_SPACE = re.compile(r"\s+")


def trim_passage(window: str, starts_text: bool, ends_text: bool) -> str:
    """A window cut around a match, trimmed to whole words, with ellipses where it was cut."""
    window = _SPACE.sub(" ", window)
    if not starts_text and " " in window:
        window = window.split(" ", 1)[1]
    if not ends_text and " " in window:
        window = window.rsplit(" ", 1)[0]
    window = window.strip()
    return f"{'' if starts_text else '… '}{window}{'' if ends_text else ' …'}"


def _filters(language, section, pages, url_prefix):
    where, params = ["e.language = %s"], [language]
    if section:
        where.append("e.section = %s")
        params.append(section)
    if url_prefix:
        where.append("substr(e.url_path, 1, %s) = %s")
        params += [len(url_prefix), url_prefix]
    clause, clause_params = _pages_clause(pages)
    return " AND ".join(where) + clause, params + clause_params


def _pages_clause(pages):
    if pages is None:
        return "", []
    sql, params = pages.order_by().values("pk").query.sql_with_params()
    return f" AND e.page_id IN ({sql})", list(params)


_COLUMNS = "e.page_id, e.title, e.summary, e.url_path, e.section, e.published_at"


def _rows_to_hits(rows) -> list[Hit]:
    hits = []
    for page_id, title, summary, url_path, section, published_at in rows:
        if isinstance(published_at, str):
            published_at = parse_datetime(published_at)
        hits.append(Hit(page_id, title, summary, url_path, section, published_at))
    return hits


def _title_rank(folded, exact, strpos):
    """A title holding every query word ranks 1 plus one point per word it holds as typed
    (with its accents); any other match ranks 0. Equal ranks go newest first, as readers of a
    news portal expect. Only the short title columns are read."""
    every = " AND ".join(f"{strpos}(' ' || e.search_title_folded || ' ', %s) > 0" for _ in folded)
    points = " + ".join(
        f"CASE WHEN {strpos}(e.search_title_exact, %s) > 0 THEN 1 ELSE 0 END" for _ in exact
    )
    sql = f"CASE WHEN {every} THEN 1 + {points or '0'} ELSE 0 END"
    return sql, [f" {word} " for word in folded] + [f" {word} " for word in exact]


def _search_postgres(folded, exact, filters, params, offset, limit, total=None):
    """Titles holding every query word first, ranked (`_title_rank`), found by the title
    vector's index; then the other matches newest first. When a query matches a large share
    of the entries (a word found in every item), those are looked for among the newest
    entries only, read from the date index (ldld_searchentry_newest), as many as should hold
    the batch; should they not, the query runs again over every match. Ranking every match
    took 15-20 ms for a word in all of 10 000 items."""
    # The last word is a prefix, so a half-typed word still finds something.
    query = Query(
        match=" & ".join(folded[:-1] + [folded[-1] + ":*"]),
        title=" & ".join(folded),
        rank=_title_rank(folded, exact, "strpos"),
        filters=filters,
        params=params,
    )
    with connection.cursor() as cursor:
        if total is None:
            cursor.execute(
                f"SELECT count(*) FROM ldld_searchentry e WHERE {MATCH} AND {filters}",
                [query.match, *params],
            )
            total = cursor.fetchone()[0]
        if not total or not limit:
            return total, []
        entries = _entry_count(cursor)
        window = (offset + limit) * entries // total * WINDOW_FACTOR + WINDOW_SLACK
        rows = _batch_postgres(cursor, query, offset, limit, window)
        if window < entries and len(rows) < min(limit, total - offset):
            rows = _batch_postgres(cursor, query, offset, limit, None)
        return total, _rows_to_hits(rows)


@dataclass
class Query:
    match: str  # tsquery text: every word, the last as a prefix
    title: str  # tsquery text: every word, whole
    rank: tuple  # (sql, params) of `_title_rank`
    filters: str  # `_filters`' SQL and parameters; the language comes first
    params: list


# How many of the newest entries to search for a batch of untitled matches: twice (plus a few)
# what the query's share of all entries says should hold it.
WINDOW_FACTOR, WINDOW_SLACK = 2, 32
MATCH = "e.fvec @@ to_tsquery('simple', %s)"
# Every word in the title, by the title vector's own index. Such an entry matches the query
# too (the title is part of its text), so the first group needs no other test.
TITLED = "e.tvec @@ to_tsquery('simple', %s)"
NEWEST = "{t}.published_at DESC NULLS LAST, {t}.page_id DESC"


def _batch_postgres(cursor, query, offset, limit, window):
    """Entries `offset` to `offset + limit`; with `window`, the untitled matches among the
    `window` newest entries only."""
    reach = offset + limit
    rank, rank_params = query.rank
    source, source_params = "ldld_searchentry", []
    if window is not None:
        source = (
            "(SELECT * FROM ldld_searchentry w WHERE w.language = %s"
            f" ORDER BY {NEWEST.format(t='w')} LIMIT %s)"
        )
        source_params = [query.params[0], window]
    cursor.execute(
        f"""SELECT r.page_id, r.title, r.summary, r.url_path, r.section, r.published_at
        FROM (
            (SELECT 0 AS grp, {rank} AS rank, {_COLUMNS} FROM ldld_searchentry e
             WHERE {TITLED} AND {query.filters} ORDER BY 2 DESC, {NEWEST.format(t="e")}
             LIMIT %s)
            UNION ALL
            (SELECT 1, 0, {_COLUMNS} FROM {source} e
             WHERE {MATCH} AND {query.filters} AND NOT {TITLED}
             ORDER BY {NEWEST.format(t="e")} LIMIT %s)
        ) r ORDER BY r.grp, r.rank DESC, {NEWEST.format(t="r")}
        LIMIT %s OFFSET %s""",
        [*rank_params, query.title, *query.params, reach]
        + [*source_params, query.match, *query.params, query.title, reach, limit, offset],
    )
    return cursor.fetchall()


def _entry_count(cursor) -> int:
    def count():
        cursor.execute("SELECT count(*) FROM ldld_searchentry")
        return cursor.fetchone()[0]

    return generation_cached("search-entries", count)


def _fts5_phrase(word: str) -> str:
    return '"' + word.replace('"', "") + '"'


def _search_sqlite(folded, exact, filters, params, offset, limit, total=None):
    match = " AND ".join([_fts5_phrase(w) for w in folded[:-1]] + [_fts5_phrase(folded[-1]) + "*"])
    params = [match, *params]
    rank, rank_params = _title_rank(folded, exact, "instr")
    # CROSS JOIN makes SQLite run the FTS5 match first and look entries up by key; a plain
    # JOIN let it scan the entries and evaluate MATCH row by row (seconds on 10 000 pages).
    matches = (
        "(SELECT rowid AS page_id FROM ldld_search_fts WHERE ldld_search_fts MATCH %s) f"
        " CROSS JOIN ldld_searchentry e ON e.page_id = f.page_id"
    )
    with connection.cursor() as cursor:
        if total is None:
            cursor.execute(f"SELECT count(*) FROM {matches} WHERE {filters}", params)
            total = cursor.fetchone()[0]
        if not total or not limit:
            return total, []
        cursor.execute(
            f"""SELECT {_COLUMNS} FROM {matches} WHERE {filters}
                ORDER BY {rank} DESC, e.published_at DESC, e.page_id DESC
                LIMIT %s OFFSET %s""",
            [*params, *rank_params, limit, offset],
        )
        return total, _rows_to_hits(cursor.fetchall())
