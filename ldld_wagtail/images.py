"""Renditions for templates, without the work Wagtail's `{% image %}` repeats on every call.

Wagtail's tag parses its filter spec again for each image (the operations are built through
`inspect`) and writes the rendition to the cache even when it came from prefetched renditions
(a pickled model, or a Redis round trip, per image). Here each spec is parsed once per process
and prefetched renditions are read as they are; anything else (the cache, the database, making
a missing rendition, SVG, a missing source file) is left to Wagtail.
"""

from functools import lru_cache

from wagtail.images.models import Filter
from wagtail.images.shortcuts import get_rendition_or_not_found


@lru_cache(maxsize=256)
def image_filter(spec: str) -> Filter:
    return Filter(spec=spec)


def _prefetched_renditions(image):
    prefetched = getattr(image, "_prefetched_objects_cache", {}).get("renditions")
    if prefetched is None:
        prefetched = getattr(image, "prefetched_renditions", None)
    return prefetched


def rendition(image, spec: str):
    """The rendition of `image` for `spec`, as `{% image %}` would find or make it."""
    filter = image_filter(spec)
    prefetched = _prefetched_renditions(image)
    if prefetched is not None and not image.is_svg():
        focal_point_key = filter.get_cache_key(image)
        for candidate in prefetched:
            if candidate.filter_spec == spec and candidate.focal_point_key == focal_point_key:
                return candidate
    return get_rendition_or_not_found(image, filter)
