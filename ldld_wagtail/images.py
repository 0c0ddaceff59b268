"""Renditions for templates, without the work Wagtail's `{% image %}` repeats on every call.

Wagtail's tag parses its filter spec again for each image (the operations are built through
`inspect`) and writes the rendition to the cache even when it came from prefetched renditions
(a pickled model, or a Redis round trip, per image). Here each spec is parsed once per process
and prefetched renditions are read as they are; anything else (the cache, the database, making
a missing rendition, SVG, a missing source file) is left to Wagtail. `img_tag` prints what
`Rendition.img_tag` prints, without building each attribute through `format_html`.
"""

from functools import lru_cache
from operator import itemgetter

from django.apps import apps
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from wagtail.images.models import AbstractRendition, Filter
from wagtail.images.shortcuts import get_rendition_or_not_found

from . import compat


@lru_cache(maxsize=256)
def image_filter(spec: str) -> Filter:
    return Filter(spec=spec)


def _prefetched_renditions(image):
    prefetched = compat.prefetched(image, "renditions")
    if prefetched is None:
        prefetched = getattr(image, "prefetched_renditions", None)
    return prefetched


def rendition(image, spec: str):
    """The rendition of `image` for `spec`, as `{% image %}` would find or make it."""
    if not compat.fast_paths():
        return get_rendition_or_not_found(image, spec)
    filter = image_filter(spec)
    prefetched = _prefetched_renditions(image)
    if prefetched is not None and not image.is_svg():
        focal_point_key = filter.get_cache_key(image)
        for candidate in prefetched:
            if candidate.filter_spec == spec and candidate.focal_point_key == focal_point_key:
                return candidate
    return get_rendition_or_not_found(image, filter)


def img_tag(rendition, extra_attributes):
    """`rendition.img_tag(extra_attributes)`: Django's `flatatt` order and escaping, one pass."""
    if type(rendition).img_tag is not AbstractRendition.img_tag or not compat.fast_paths():
        return rendition.img_tag(extra_attributes)
    attrs = rendition.attrs_dict.copy()
    attrs.update(apps.get_app_config("wagtailimages").default_attrs)
    attrs.update(extra_attributes)
    pairs = sorted(
        ((k, v) for k, v in attrs.items() if v is not None and not isinstance(v, bool)),
        key=itemgetter(0),
    )
    flags = sorted(k for k, v in attrs.items() if v is True)
    html = "".join(f' {conditional_escape(k)}="{conditional_escape(v)}"' for k, v in pairs)
    html += "".join(f" {conditional_escape(k)}" for k in flags)
    return mark_safe(f"<img{html}>")  # noqa: S308 - every part is escaped above
