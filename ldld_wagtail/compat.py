"""Every use of Wagtail's, Django's and modelcluster's private internals, in one place.

The portal's fast paths lean on a few attributes and methods that are not public API (request
caches Wagtail reads, prefetch caches Django keeps, a template node's constructor). Each one is
wrapped here, named for what it does, and `tests/ldld_wagtail/test_compat.py` checks the
assumption behind it, one test each: after a Wagtail or Django upgrade that changes one, that
test fails by name, and only this module needs changing.
"""

from django.conf import settings
from wagtail.models import Page, Site


def fast_paths() -> bool:
    """Whether the portal's fast paths run (`LDLD_FAST_PATHS`, on by default): the cached
    router, page URLs from cached site roots, `{% img %}` reading prefetched renditions, cards
    read as rows, rendered fragments kept under the generation. Off, each falls back to
    Wagtail's own code (`wagtail.views.serve`, `Page.get_url`, `{% image %}`, page models, no
    fragment cache): after an upgrade that breaks an assumption below, switch it off until this
    module is fixed; the suite passes both ways (`.ci/run` runs it once with it off)."""
    return getattr(settings, "LDLD_FAST_PATHS", True)


# --- Django's transactions ------------------------------------------------------------------


def in_a_test_cases_transaction() -> bool:
    """Whether the outermost transaction open on the default database is the one Django's
    `TestCase` (and pytest-django's `django_db`) wraps a test in, which never commits: its
    `on_commit` callbacks never run, and what is written now stands for what the site would
    have committed. Django marks those blocks `_from_testcase` (`TestCase._enter_atomics`)."""
    from django.db import connection

    blocks = connection.atomic_blocks
    return bool(blocks) and getattr(blocks[0], "_from_testcase", False)


# --- Wagtail's per-request caches ------------------------------------------------------------

# `Site.find_for_request` keeps the request's site on the request under this name.
REQUEST_SITE = "_wagtail_site"
# `Page._get_site_root_paths(request)` keeps the site root paths on the request under this name.
REQUEST_SITE_ROOT_PATHS = "_wagtail_cached_site_root_paths"
# `Page.route_for_request` keeps (page, args, kwargs) on the request under this name.
REQUEST_ROUTE = "_wagtail_route_for_request"


def find_site(request):
    """The site a request is for, computed (Wagtail's `Site.find_for_request` without the
    request cache, which `routing.site_for_request` keeps itself)."""
    return Site._find_for_request(request)


def remembered_site(request):
    return getattr(request, REQUEST_SITE, None)


def remember_site(request, site) -> None:
    setattr(request, REQUEST_SITE, site)


def remembered_site_root_paths(obj):
    return getattr(obj, REQUEST_SITE_ROOT_PATHS, None)


def remember_site_root_paths(obj, paths) -> None:
    """On a request or a page: what Wagtail's `get_url_parts` reads before querying."""
    setattr(obj, REQUEST_SITE_ROOT_PATHS, paths)


def remember_route(request, page, args, kwargs) -> None:
    """What `Page.route_for_request` would compute, so Wagtail's own code (the userbar, hooks)
    finds the route without walking the tree again."""
    setattr(request, REQUEST_ROUTE, (page, args, kwargs))


def remember_parent(page, parent) -> None:
    """treebeard's `get_parent()` cache: the parent already read with the route."""
    page._cached_parent_obj = parent


# Wagtail's `PageQuerySet.prefetch_workflow_states()` leaves a page's active workflow states
# (in progress or needing changes, with the current task) under this name, and its
# `workflow_in_progress`, `current_workflow_state` and the task lock read them from there.
WORKFLOW_STATES = "_current_workflow_states"


def has_workflow_states(page) -> bool:
    return hasattr(page, WORKFLOW_STATES)


def remembered_workflow_states(page):
    return getattr(page, WORKFLOW_STATES, None)


def remember_workflow_states(page, states) -> None:
    setattr(page, WORKFLOW_STATES, list(states))


def forget_workflow_states(page) -> None:
    page.__dict__.pop(WORKFLOW_STATES, None)


def can_delete_quickly(perms, ignore_bulk=False):
    """`PagePermissionTester.can_delete(ignore_bulk)` (`can_move()` is it with `ignore_bulk`)
    where it can be told without Wagtail's query over "the page and its descendants": a page
    without children, or a live page the user may not publish (it is among them itself). None
    when only that query can tell. Reads the tester's `user`, `page`, `page_is_root` and
    `permissions` (the codenames the user holds here)."""
    user, page = perms.user, perms.page
    if not user.is_active or perms.page_is_root:
        return False
    if user.is_superuser:
        return True
    held = perms.permissions  # set for active users who are not superusers
    leaf = page.is_leaf()
    if not ignore_bulk and "bulk_delete" not in held and not leaf:
        return False
    if "change" in held:
        if "publish" in held:
            return True
        return False if page.live else (True if leaf else None)
    if "add" in held:
        if page.owner_id != user.pk or ("publish" not in held and page.live):
            return False
        return True if leaf else None
    return False


def slug_is_available(slug, parent, page=None) -> bool:
    """Wagtail's own check of a slug among a parent's children (as the admin's form does)."""
    return Page._slug_is_available(slug, parent, page)


# --- Django's prefetch cache -----------------------------------------------------------------


def prefetched(obj, name):
    """What `prefetch_related(name)` left on `obj`, or None."""
    return getattr(obj, "_prefetched_objects_cache", {}).get(name)


def set_prefetched(obj, name, manager, rows) -> None:
    """Leave `rows` on `obj` as `prefetch_related(name)` would, for Django's and Wagtail's code
    as for ours (`manager` is `obj.<name>`)."""
    kept = manager.all()
    kept._result_cache, kept._prefetch_done = list(rows), True
    obj._prefetched_objects_cache = {**getattr(obj, "_prefetched_objects_cache", {}), name: kept}


def in_memory_children(obj, name) -> bool:
    """Whether modelcluster holds `obj.<name>` in memory (an edit or a preview not saved)."""
    return name in getattr(obj, "_cluster_related_objects", {})


# --- Wagtail's template node and admin internals ----------------------------------------------


def image_node(cls, node):
    """A `cls` (a subclass of Wagtail's `ImageNode`) built from the parsed `{% image %}` node."""
    return cls(node.image_expr, node.filter_specs, node.output_var_name, node.attrs)


def should_delete_form(formset, form) -> bool:
    """Whether a formset's form is marked for deletion (Django's own test)."""
    return formset._should_delete_form(form)


def relabel_column(column, label):
    """A copy of an admin table column with another heading (its header renders the column it
    holds, so it is rebuilt for the copy)."""
    import copy

    column = copy.copy(column)
    column.label = label
    column.header = type(column.header)(column)
    return column


# --- Django's request, cached properties and bulk inserts --------------------------------------


def raw_host(request) -> str:
    """The Host header as sent, unchecked (Django's `get_host()` validates it against
    ALLOWED_HOSTS, which the middleware has already done for this request)."""
    return request._get_raw_host()


def uncached(cached, obj):
    """What a `cached_property` computes, bypassing its cache (`Paginator.count`, say)."""
    return cached.func(obj)


def tree_path(parent_path: str, depth: int, position: int) -> str:
    """treebeard's materialised path of a parent's `position`-th child (1-based)."""
    return Page._get_path(parent_path, depth, position)


def insert_rows(model, objs, fields) -> None:
    """One INSERT of multi-table rows whose parent rows exist already (the benchmark's seed:
    `bulk_create` refuses multi-table models)."""
    model._base_manager._insert(objs, fields=fields)


# --- Wagtail's page buttons --------------------------------------------------------------------


def history_button_for_those_who_may_open_it() -> None:
    """Wagtail's "History" page button shows for anyone who sees a page
    (`PagePermissionTester.can_view_revisions` is true for every page but the root), while its
    history view asks for edit or publish permission: the board members who browse the tree to
    take items down got the button, then a refusal (they have the portal's own "Editorial
    history"). Make the button ask what the view asks."""
    from wagtail.admin.wagtail_hooks import PageListingHistoryButton

    def is_shown(self, user):
        perms = self.page.permissions_for_user(user)
        return perms.can_edit() or perms.can_publish()

    PageListingHistoryButton.is_shown = is_shown
