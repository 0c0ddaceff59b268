"""What anonymous readers may see, answered from a cache rather than a query per listing.

Wagtail's `.public()` asks the database for view restrictions every time it is called; a home
page with eight listings paid eight queries for the same answer. The restricted subtrees are
cached under the page-cache generation, which every publish, unpublish, move, delete and
restriction change renews.
"""

from django.db.models import Q
from wagtail.models import PageViewRestriction

from .cache import generation_cached


def restricted_paths() -> list[str]:
    return generation_cached(
        "restricted",
        lambda: sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True))),
    )


def public_q() -> Q:
    q = Q()
    for path in restricted_paths():
        q &= ~Q(path__startswith=path)
    return q


def live_public(queryset):
    """`queryset.live().public()` without the per-call restriction query."""
    return queryset.live().filter(public_q())


def is_restricted(page) -> bool:
    return any(page.path.startswith(path) for path in restricted_paths())
