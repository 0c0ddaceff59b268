"""Whole-page cache for anonymous readers, invalidated whenever the public site changes.

A request that carries a session cookie (an editor, a logged-in user) is never served from or
stored in the cache. Invalidation bumps one generation token that is part of every key, so a
publish, unpublish, move or delete makes every cached page stale at once. Every request reads
the token afresh (one Redis GET, or, when each process has its own cache, one small file that
all of them share: `LDLD_GENERATION_FILE`), so other processes see a change at once too; within
a request, code reads it again at most every `GENERATION_TTL` seconds.

After a change empties the cache, each missing page is built once: the first reader builds
it, the readers who ask for it meanwhile wait for that copy (`BUILD_WAIT` seconds at most).

Whole pages are kept under page tokens of their own, read before the page is: the site token
is part of every key and is renewed by any change that may show anywhere (`invalidate_pages`);
a kept page also names the token it depends on. A page that may list items depends on the
listings' token, renewed by every item's publish, take-down or deletion. An item whose type
shows only itself (`ldld_cached_alone`) depends on its own token (by translation key: its
language link follows its translations), so that the others' changes, frequent while editors
publish, leave the thousands of article pages cached: from its first build on, unless
something changed while it was built. A deep page of a listing (`keep_listing_softly`)
depends on the tokens of the items it shows, and outlives the listings' token by
`SOFT_SECONDS` at most.
"""

import os
import threading
import time
import uuid
from collections import OrderedDict
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import parse_http_date_safe

GENERATION_KEY = "ldld:pagecache:generation"
# The whole-page cache's own tokens: SITE_TOKEN is part of every cached page's key and is
# renewed by any change that may show anywhere (`invalidate_pages`); a cached page also names
# the token it depends on: LISTINGS_TOKEN for any page that may list items (renewed by every
# item's change), ITEM_TOKEN + <translation key> for an item that shows only itself.
PAGE_TOKEN_PREFIX = "ldld:pagecache:"
SITE_TOKEN = "ldld:pagecache:site"
LISTINGS_TOKEN = "ldld:pagecache:listings"
ITEM_TOKEN = "ldld:pagecache:item:"
# Renewed (before the listings') when an item leaves the public site or one of its other pages
# (take-down, unpublish, deletion); a publish leaves it. A listing page kept before the last
# publish may be served while one request builds it again, for `STALE_SECONDS` after that
# publish at most, if no item left since it was kept (`STALE_OK` in its `depends`).
REMOVALS_TOKEN = "ldld:pagecache:removals"
STALE_OK = "stale-ok"
STALE_SECONDS = 3
ENTRY = "v3"  # the shape of a cached page: (ENTRY, depends, item, status, headers, content)
# A deep page of a listing (`keep_listing_softly`) outlives the listings' token by this many
# seconds at most: a publish shifts it by one item, it shows no new item.
SOFT_SECONDS = 30
SOFT = "soft"  # in a kept page's `depends`: (the listings' token it was built under, when)
GENERATION_TTL = 1.0
API_PREFIX = "/++api++/"
SKIP_PREFIXES = (
    "/healthz",
    "/admin/",
    "/django-admin/",
    "/static/",
    "/media/",
    "/documents/",
)

_local = {"token": None, "checked": 0.0}
# A token this thread alone reads while its change is not committed yet (`_after_commit`).
_pinned = threading.local()
PIN_SECONDS = 30.0
# Values kept under the generation, held in this process too (see `generation_cached`).
_memo = {"token": None, "values": {}}
MEMO_LIMIT = 5000
_MISSING = object()
# Page numbers a cached listing URL may carry (?page=1 … ?page=9999).
PAGE_NUMBER_DIGITS = 4
# Anonymous answers to a query (a search, `@search`): kept per process, per generation, the
# least recently asked dropped first beyond MEMO_ANSWERS answers or MEMO_BYTES bytes.
SEARCH_ENDPOINT = "/@search"
MEMO_ANSWERS = 500
MEMO_BYTES = 24 * 1024 * 1024
MEMO_PATH_LIMIT = 1000
# A missing page is built by one request; others wait for its copy, polling every BUILD_POLL
# seconds for BUILD_WAIT seconds at most. A builder's lock lapses after BUILD_SECONDS.
BUILD_SECONDS = 15
BUILD_WAIT = 3.0
BUILD_POLL = 0.015


class AnswerMemo:
    """Answers kept in this process only, under the generation: at most `count` of them and
    `size` bytes in all (callables, so that a test may lower them), the least recently asked
    dropped first. For answers whose key a caller's input can vary (a search's words, a
    feed's cursor): no sequence of requests grows it beyond its bounds, and nothing of it
    reaches the shared cache."""

    def __init__(self, count, size):
        self.count, self.size = count, size
        self.token = None
        self.entries = OrderedDict()
        self.bytes = 0
        self.lock = threading.Lock()

    def get(self, key, token):
        """The answer kept for `key` under generation `token`, or None."""
        with self.lock:
            if self.token != token:
                self.token, self.bytes = token, 0
                self.entries.clear()
            found = self.entries.get(key)
            if found is not None:
                self.entries.move_to_end(key)
                return found[0]
        return None

    def put(self, key, token, value, size: int) -> None:
        """Keep `value` (`size` bytes) for `key`, unless the generation moved on meanwhile."""
        if size > self.size() // 8:
            return
        with self.lock:
            if self.token != token or key in self.entries:
                return
            self.entries[key] = (value, size)
            self.bytes += size
            while len(self.entries) > self.count() or self.bytes > self.size():
                _old, (_value, dropped) = self.entries.popitem(last=False)
                self.bytes -= dropped


# Anonymous answers to what readers type (`AnonymousPageCacheMiddleware._from_memo`).
_answers = AnswerMemo(lambda: MEMO_ANSWERS, lambda: MEMO_BYTES)


def _token_file() -> Path | None:
    """Where the token lives when the cache is each process's own (no Redis): a file every
    process of the site reads, so that a change made in one process is seen by all."""
    name = getattr(settings, "LDLD_GENERATION_FILE", None)
    return Path(name) if name else None


def _token_path(key: str) -> Path | None:
    """The file of token `key` when tokens live in files: the generation's own, and beside it
    one per page-cache token (`…-site`, `…-listings`, `…-item-<translation key>`)."""
    path = _token_file()
    if path is None or key == GENERATION_KEY:
        return path
    return path.with_name(f"{path.name}-{key.removeprefix(PAGE_TOKEN_PREFIX).replace(':', '-')}")


def _read_token(key: str = GENERATION_KEY) -> str | None:
    path = _token_path(key)
    if path is None:
        return cache.get(key)
    try:  # at every request: the plainest read there is
        handle = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return None
    try:
        return os.read(handle, 512).decode().strip() or None
    finally:
        os.close(handle)


def _read_tokens(keys: list[str]) -> dict[str, str]:
    """Several tokens at once ("" for one never written): one round trip to Redis."""
    if _token_file() is None:
        found = cache.get_many(keys)
        return {key: found.get(key) or "" for key in keys}
    return {key: _read_token(key) or "" for key in keys}


def _write_token(token: str, only_if_missing=False, key: str = GENERATION_KEY) -> None:
    path = _token_path(key)
    if path is None:
        # The page tokens expire as every other key (a token read as missing only makes the
        # pages kept under it be built again); the generation is kept for good.
        timeout = None if key == GENERATION_KEY else shared_timeout()
        if only_if_missing:
            cache.add(key, token, timeout)
        else:
            cache.set(key, token, timeout)
        return
    if only_if_missing and path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}")
    partial.write_text(token)
    os.replace(partial, path)  # readers see the old token or the new one, never half


def current_generation(fresh: bool = False, read: str | None = None) -> str:
    """The token of the public site's current state. Read from the shared store at most every
    `GENERATION_TTL` seconds, or now with `fresh` (the page cache does at every request, so
    that a change made by another process is seen at once); `read`: the token as the caller
    has just read it with others (`_read_tokens`), "" when missing."""
    now = time.monotonic()
    if fresh:
        _pinned.__dict__.clear()
    elif getattr(_pinned, "until", 0.0) > now:
        return _pinned.token
    if fresh or _local["token"] is None or now - _local["checked"] > GENERATION_TTL:
        token = (read or None) if read is not None else _read_token()
        if token is None:
            _write_token(new_generation(), only_if_missing=True)
            token = _read_token() or new_generation()
        _local.update(token=token, checked=now)
    return _local["token"]


def _pinned_now() -> bool:
    return getattr(_pinned, "until", 0.0) > time.monotonic()


def shared_timeout() -> int:
    """Seconds a value kept under a generation stays in the shared cache: every key expires, so
    the keys of past generations (and of pages nobody asks for any more) leave by themselves."""
    return getattr(settings, "LDLD_GENERATION_CACHE_SECONDS", 6 * 3600)


def generation_cached(key: str, compute, timeout=None, keep=None, shared=True):
    """`compute()`, kept under the current generation token, in this process and (unless
    `shared` is false) in the shared cache, for `timeout` seconds at most (`shared_timeout()`
    by default; never forever).

    Keys that a reader's input can vary (a search's words, a listing's filters) are kept with
    `shared=False`: in this process only, where at most `MEMO_LIMIT` values live per
    generation, so that no sequence of requests can grow the shared cache.

    A value under one generation never changes (every change renews the token), so this
    process keeps what it has read until it sees a new token, within `GENERATION_TTL` seconds,
    as for any key under the token: no shared-cache round trip and no unpickling per request.
    What is returned is shared between requests and must not be changed. A value for which
    `keep(value)` is false is returned but not kept.
    """
    if _pinned_now():  # a change of this thread not committed yet: nothing kept, nothing read
        return compute()
    token = current_generation()
    if _memo["token"] != token or len(_memo["values"]) >= MEMO_LIMIT:
        _memo.update(token=token, values={})
    values = _memo["values"]
    value = values.get(key, _MISSING)
    if value is _MISSING:
        shared_key = f"ldld:{token}:{key}"
        value = cache.get(shared_key, _MISSING) if shared else _MISSING
        if value is _MISSING:
            value = compute()
            if keep is not None and not keep(value):
                return value
            if shared:
                cache.set(shared_key, value, timeout or shared_timeout())
        values[key] = value
    return value


# Rendered fragments (listing cards, page bodies), per process: a store of their own, so that
# thousands of them never push the layout and routes out of `_memo`.
_fragments = {"token": None, "values": {}}
FRAGMENT_LIMIT = 2000


def generation_fragments(keys: list[str], render, timeout=None) -> list:
    """The HTML fragments named `keys` (built from page ids, `fragment_scope` and fixed
    variants, never from what a reader types), kept under the current generation token.

    Looked up in this process first, then the missing ones in the shared cache with one
    `get_many`; those found nowhere are made by `render(positions)` (their positions in
    `keys`; it returns their HTML in that order) and stored with one `set_many`, for
    `timeout` seconds at most (`shared_timeout()` by default). At most `FRAGMENT_LIMIT`
    fragments are held in this process per generation. A shared cache that says it does not
    keep fragments (`keeps_fragments = False`: files, slower to write than a card is to make)
    is left out."""
    if _pinned_now():
        return render(list(range(len(keys))))
    token = current_generation()
    if _fragments["token"] != token or len(_fragments["values"]) >= FRAGMENT_LIMIT:
        _fragments.update(token=token, values={})
    values = _fragments["values"]
    found = [values.get(key) for key in keys]
    missing = [n for n, html in enumerate(found) if html is None]
    if not missing:
        return found
    if not getattr(cache, "keeps_fragments", True):  # a cache slower than making them
        for n, html in zip(missing, render(missing), strict=True):
            found[n] = values[keys[n]] = html
        return found
    shared_keys = {f"ldld:{token}:fragment:{keys[n]}": n for n in missing}
    for shared_key, html in cache.get_many(list(shared_keys)).items():
        n = shared_keys[shared_key]
        found[n] = values[keys[n]] = html
    missing = [n for n in missing if found[n] is None]
    if missing:
        fresh = {}
        for n, html in zip(missing, render(missing), strict=True):
            found[n] = values[keys[n]] = html
            fresh[f"ldld:{token}:fragment:{keys[n]}"] = html
        cache.set_many(fresh, timeout or shared_timeout())
    return found


def new_generation(after: str | None = None) -> str:
    """A fresh token that says when it was made: `<unix seconds>-<random>`, a second later
    than `after` at least, so that a change never shares its Last-Modified with the one
    before (HTTP dates count whole seconds)."""
    stamp = int(time.time())
    before, dash, _ = (after or "").partition("-")
    if dash and before.isdigit():
        stamp = max(stamp, int(before) + 1)
    return f"{stamp}-{uuid.uuid4().hex}"


def generation_time() -> int | None:
    """When the public site last changed (at the latest), in Unix seconds: the moment the
    current token was made. None for a token from before tokens carried their time."""
    stamp, dash, _ = current_generation().partition("-")
    return int(stamp) if dash and stamp.isdigit() else None


def _renew_generation_token() -> None:
    token = new_generation(after=_read_token())
    _write_token(token)
    _local.update(token=token, checked=time.monotonic())


def invalidate_pages() -> None:
    """Everything public may have changed: every value kept under the generation and every
    cached page."""
    _renew_generation_token()
    _write_token(uuid.uuid4().hex, key=SITE_TOKEN)


def invalidate_item(translation_key, removed: bool = True) -> None:
    """An item that shows only itself (`ldld_cached_alone`) was published or changed (not
    `removed`), or taken down, unpublished or deleted (`removed`): every value kept under the
    generation, the cached pages that list items, and the item's own cached pages (in every
    language: its translations share the key), but not the other items' pages.

    The listings' token says when it was made (`<unix seconds>-<random>`); the removals' is
    written first, so that whoever reads the listings' new token (then the removals') sees
    the removal too."""
    _renew_generation_token()
    if removed:
        _write_token(uuid.uuid4().hex, key=REMOVALS_TOKEN)
    _write_token(f"{int(time.time())}-{uuid.uuid4().hex}", key=LISTINGS_TOKEN)
    _write_token(uuid.uuid4().hex, key=f"{ITEM_TOKEN}{translation_key}")


def _servable_while_rebuilt(entry, tokens) -> tuple | None:
    """(status, headers, content) of a listing page kept before the latest publish, while
    another request builds it again: only if no item was removed since it was kept, its site
    is the same (the key), and the listings changed no more than `STALE_SECONDS` ago."""
    if not _listing_nothing_removed_since(entry, tokens):
        return None
    stamp, dash, _ = tokens[LISTINGS_TOKEN].partition("-")
    if not (dash and stamp.isdigit()) or time.time() - int(stamp) > STALE_SECONDS:
        return None
    return entry[3:]


def _servable_in_outage(entry, tokens) -> tuple | None:
    """(status, headers, content) of a page kept before, to answer with while the database
    is down (the new copy cannot be built): a listing only if no item was removed since it
    was kept, as `_servable_while_rebuilt` but for as long as the outage lasts; a deep listing
    page if none of the items it shows changed. Never a page of one item: its token changes
    on its take-down too."""
    if not _entry(entry):
        return None
    if _listing_nothing_removed_since(entry, tokens):
        return entry[3:]
    if SOFT in entry[1]:  # as still valid, its time aside: the listings' token it was built on
        return _still_valid(entry, listings=entry[1][SOFT][0])
    return None


def _listing_nothing_removed_since(entry, tokens) -> bool:
    """Whether `entry` is a listing page (kept under the listings' token) and no item was
    removed since it was kept (the removals' token as it was then)."""
    return (
        _entry(entry)
        and set(entry[1]) == {LISTINGS_TOKEN, STALE_OK}
        and entry[1][STALE_OK] == tokens[REMOVALS_TOKEN]
    )


def _entry(entry) -> bool:
    return isinstance(entry, tuple) and len(entry) == 6 and entry[0] == ENTRY


def _still_valid(entry, listings: str | None = None):
    """(status, headers, content) of a cached page whose tokens have not changed since it was
    built (a deep listing page's listings' token: not for more than `SOFT_SECONDS`); None
    otherwise. `listings`: the listings' token as this request read it (read now when not
    given)."""
    if not _entry(entry):
        return None
    depends = entry[1]
    names = [name for name in depends if name not in (SOFT, STALE_OK)]
    if listings is None and (SOFT in depends or LISTINGS_TOKEN in depends):
        listings = _read_token(LISTINGS_TOKEN) or ""
    current = {LISTINGS_TOKEN: listings}
    unread = [name for name in names if name not in current]
    if len(unread) == 1:
        current[unread[0]] = _read_token(unread[0]) or ""
    elif unread:
        current.update(_read_tokens(unread))
    if any(current[name] != depends[name] for name in names):
        return None
    if SOFT in depends:
        token, built = depends[SOFT]
        if token != listings and time.time() - built > SOFT_SECONDS:
            return None
    return entry[3:]


def _unchanged_since(tokens) -> bool:
    """Whether nothing public changed since the request read `tokens`: the generation is the
    same (read after the tokens a copy is to be kept under)."""
    return (_read_token() or "") == tokens[GENERATION_KEY]


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def _cacheable_request(self, request) -> bool:
        # A page's content through the API (`/++api++/tin-tuc/…`, the same for every anonymous
        # caller) is kept as its page is; the API's endpoints (`/@search`, `/@navigation`…) and
        # a page asked for as JSON at its own URL are not.
        api = request.path.startswith(API_PREFIX)
        return (
            settings.LDLD_PAGE_CACHE_SECONDS > 0
            and request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and (api or not request.path.startswith(SKIP_PREFIXES))
            and ("/@" not in request.path or request.path.endswith(SEARCH_ENDPOINT))
            and "HTTP_AUTHORIZATION" not in request.META
            and (api or "application/json" not in request.META.get("HTTP_ACCEPT", ""))
        )

    @staticmethod
    def _cacheable_query(request) -> bool:
        """Only pages a reader reaches by links are kept: no query string, or a page number
        alone (not on the API, whose listings take other parameters). Anything else (a search,
        a filter, an unknown parameter) is served fresh, so that the number of cached pages is
        bounded by the site's pages, not by what readers type."""
        query = request.META.get("QUERY_STRING", "")
        if "/@" in request.path:
            return False  # `@search`: answers kept in this process only (`_from_memo`)
        if not query:
            return True
        if request.path.startswith(API_PREFIX):
            return False
        name, _, value = query.partition("=")
        return name == "page" and value.isdigit() and len(value) <= PAGE_NUMBER_DIGITS

    def __call__(self, request):
        # Every request starts from the token as it is now, whichever process changed it: a
        # take-down shows at once, and values kept under the generation (routes, take-downs,
        # workflows) are this request's too.
        # The page tokens are read with it (one round trip), before anything of the page is,
        # so that a copy is never kept under a token newer than what it shows.
        # (The listings' before the removals': see `invalidate_item`.)
        tokens = _read_tokens([GENERATION_KEY, SITE_TOKEN, LISTINGS_TOKEN, REMOVALS_TOKEN])
        generation = current_generation(fresh=True, read=tokens[GENERATION_KEY])
        if not self._cacheable_request(request):
            return self.get_response(request)
        if not self._cacheable_query(request):
            return self._from_memo(request, generation)
        key = f"ldld:page:{tokens[SITE_TOKEN]}:{request.get_host()}:{request.get_full_path()}"
        entry = cache.get(key)
        hit = _still_valid(entry, tokens[LISTINGS_TOKEN])
        building = f"{key}:building"
        # One build per missing page: after a publish empties the cache, the first reader of
        # a page builds it and the others arriving meanwhile wait for that copy, instead of
        # all building the same page at once (a crowd on the home page would take every
        # worker). The lock lapses by itself if its builder dies.
        builder = hit is None and cache.add(building, 1, BUILD_SECONDS)
        stale = None
        if hit is None and not builder:
            # Right after a publish, the copy of before while another request builds the new
            # one (not after a take-down: then the new one is waited for).
            stale = _servable_while_rebuilt(entry, tokens)
            hit = stale or self._wait_for(key, building)
        if hit is not None:
            response = self._replay(hit, "STALE" if stale else "HIT")
            # A client that has this copy (its ETag, or a date not older) gets 304, as from
            # the view itself.
            return get_conditional_response(
                request,
                etag=response.get("ETag"),
                last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
                response=response,
            )
        # The item the page showed when it was last built, if it shows only itself: its token
        # now, before the page is built again.
        item = entry[2] if _entry(entry) else None
        item_token = (_read_token(f"{ITEM_TOKEN}{item}") or "") if item else None
        try:
            response = self.get_response(request)
            if getattr(response, "ldld_outage", False) and (
                kept := _servable_in_outage(entry, tokens)
            ):
                return self._replay(kept, "STALE")
            if self._anonymous(request, response):
                shown = getattr(request, "ldld_cache_item", None)
                if shown and shown == item:
                    depends = {f"{ITEM_TOKEN}{item}": item_token}
                elif shown and (alone := self._first_build_alone(shown, tokens)) is not None:
                    depends = {f"{ITEM_TOKEN}{shown}": alone}
                elif (listed := self._listing_softly(request, tokens)) is not None:
                    depends = listed
                else:  # not an item alone, or changed meanwhile: as a listing
                    depends = {
                        LISTINGS_TOKEN: tokens[LISTINGS_TOKEN],
                        STALE_OK: tokens[REMOVALS_TOKEN],
                    }
                kept = (response.status_code, list(response.items()), response.content)
                cache.set(key, (ENTRY, depends, shown, *kept), settings.LDLD_PAGE_CACHE_SECONDS)
                response["X-Cache"] = "MISS"
        finally:
            if builder:
                cache.delete(building)
        return response

    @staticmethod
    def _first_build_alone(item, tokens) -> str | None:
        """The token to keep the first copy of an item alone under (its token was not known
        before the page was built): the item's token now, if nothing at all changed during the
        build (every change renews the generation once committed, and the item's token
        after the generation), so that it is the token of what was shown; None
        otherwise."""
        token = _read_token(f"{ITEM_TOKEN}{item}") or ""
        return token if _unchanged_since(tokens) else None

    @staticmethod
    def _listing_softly(request, tokens) -> dict | None:
        """What a deep listing page (`keep_listing_softly`) depends on: each item it shows, by
        its token read now, if nothing at all changed during the build (as
        `_first_build_alone`), and the listings' token, softly; None for any other page."""
        items = getattr(request, "ldld_cache_listed", None)
        if not items:
            return None
        names = [f"{ITEM_TOKEN}{item}" for item in sorted(items)]
        found = _read_tokens(names)
        if not _unchanged_since(tokens):
            return None
        return {**found, SOFT: (tokens[LISTINGS_TOKEN], time.time())}

    def _from_memo(self, request, generation):
        """An anonymous answer to what a reader typed (a search, `@search`, a filter): kept in
        this process only, under the generation, at most `MEMO_ANSWERS` answers and
        `MEMO_BYTES` bytes, the least recently asked dropped first, so that a crowd asking the
        same search is answered from memory while no sequence of requests can grow any cache
        beyond that."""
        path = request.get_full_path()
        if len(path) > MEMO_PATH_LIMIT:
            return self.get_response(request)
        key = (request.get_host(), path)
        hit = _answers.get(key, generation)
        if hit is not None:
            return self._replay(hit)
        response = self.get_response(request)
        if self._anonymous(request, response):
            kept = (response.status_code, list(response.items()), response.content)
            _answers.put(key, generation, kept, len(response.content))
            response["X-Cache"] = "MISS"
        return response

    @staticmethod
    def _replay(hit, how="HIT") -> HttpResponse:
        """The response kept as (status, headers, content)."""
        status, headers, content = hit
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        response["X-Cache"] = how
        return response

    @staticmethod
    def _wait_for(key, building):
        """The copy another request is building, once it is stored; None when the builder
        stored nothing (an error, a page not to keep), has gone, or takes longer than
        `BUILD_WAIT` seconds: this request then builds the page itself."""
        deadline = time.monotonic() + BUILD_WAIT
        while time.monotonic() < deadline:
            time.sleep(BUILD_POLL)
            hit = _still_valid(cache.get(key))
            if hit is not None:
                return hit
            if cache.get(building) is None:  # done without a copy, or the cache is away
                return _still_valid(cache.get(key))
        return None

    @staticmethod
    def _anonymous(request, response) -> bool:
        user = getattr(request, "user", None)
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "private" not in response.get("Cache-Control", "")
            and (user is None or not user.is_authenticated)
        )


# --- models that the public pages show -------------------------------------------------------

GENERATION_MODELS: set = set()


def renew_generation():
    """Renew the generation, and every cached page, once the change is committed
    (`_after_commit`)."""
    _after_commit(invalidate_pages, "pages")


def _after_commit(renew, name) -> None:
    """`renew` the shared tokens once the change being made is committed (at once outside a
    transaction). Until then, the other requests cannot see the change and keep using (and
    keeping) what they have, so nothing is built twice for one change; this thread alone reads
    a fresh generation (for `PIN_SECONDS` at most, or until its next request), so that what
    the change's own request computes is never kept under the token the others use (it could
    be rolled back). Inside a test case's transaction, which never commits, at once.

    The same renewal (`name`) asked for twice in one transaction (a take-down unpublishes
    too) runs once."""
    from django.db import connection, transaction

    from .compat import in_a_test_cases_transaction

    if in_a_test_cases_transaction():
        renew()
        return
    if connection.in_atomic_block:
        _pinned.token = new_generation(after=_local["token"])
        _pinned.until = time.monotonic() + PIN_SECONDS
        pending = _pinned.__dict__.setdefault("pending", {})
        outermost = connection.atomic_blocks[0]
        if pending.get(name) is outermost:
            return
        pending[name] = outermost

    def committed():
        _pinned.__dict__.clear()
        renew()

    transaction.on_commit(committed)


def renew_for_page(page, removed: bool = True):
    """After `page` was published (not `removed`), unpublished, taken down or deleted: for an
    item that shows only itself, its own pages and the listings (once committed, as
    `renew_generation`); for any other page, everything."""
    if not cached_alone(page):
        renew_generation()
        return
    key = str(page.translation_key)
    _after_commit(lambda: invalidate_item(key, removed), f"item:{key}:{removed}")


def cached_alone(page) -> bool:
    """Whether `page`'s type says its public page (and its API content) shows only itself and
    the site's frame, no other item: `ldld_cached_alone = True` on the page model."""
    model = getattr(page, "specific_class", None) or type(page)
    return bool(getattr(model, "ldld_cached_alone", False))


def mark_cached_alone(request, page) -> None:
    """Called as `page` is served (a page, or its API content): the page cache may keep the
    answer under the item's own token instead of the listings' (`AnonymousPageCacheMiddleware`)."""
    if cached_alone(page):
        getattr(request, "_request", request).ldld_cache_item = str(page.translation_key)


def keep_listing_softly(request, items) -> None:
    """Called by a listing as it shows a page other than its first (`?page=2` and on), with
    that page's items (pages, or rows with a `translation_key`): the page cache keeps the page
    until one of those items changes (a take-down drops it at once) or the site's frame does,
    and for `SOFT_SECONDS` at most after any other item is published or taken down, instead of
    building every deep page again after each of them. A publish adds no item to a deep page:
    it only moves its items one place on. Without the items' keys, the page is kept as any
    listing is."""
    keys = [getattr(item, "translation_key", None) for item in items]
    if keys and all(keys):
        getattr(request, "_request", request).ldld_cache_listed = {str(key) for key in keys}


def _renew_after_change(sender, **kwargs):
    renew_generation()


def _renew_after_update(sender, created=False, **kwargs):
    if not created:
        renew_generation()


def renews_generation(model=None, *, when_created=True):
    """Register `model`: saving or deleting one of its rows renews the generation, so that
    cached pages showing it (a banner, a unit's name, an image) are rebuilt at once. Usable as
    a class decorator; page changes renew it through Wagtail's own signals.

    With `when_created=False`, a new row leaves the cache alone: for rows that no public page
    can show until a page that uses them is published (an image or a document uploaded for a
    draft), which renews the generation itself."""
    from django.db.models.signals import post_delete, post_save

    if model is None:
        return lambda model: renews_generation(model, when_created=when_created)
    label = model._meta.label_lower
    on_save = _renew_after_change if when_created else _renew_after_update
    post_save.connect(on_save, sender=model, dispatch_uid=f"ldld_gen_save_{label}")
    post_delete.connect(_renew_after_change, sender=model, dispatch_uid=f"ldld_gen_del_{label}")
    GENERATION_MODELS.add(model)
    return model
