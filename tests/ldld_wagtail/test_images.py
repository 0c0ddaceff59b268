"""`{% img %}` prints what Wagtail's `{% image %}` prints, prefetched or not."""

import pytest
from django.template import Context, Template
from wagtail.images.models import Image

from ..utils import make_image

pytestmark = pytest.mark.django_db

TAGS = [
    ('photo fill-320x200 alt=caption loading="lazy"', {}),
    ("photo width-960 alt=caption", {}),
    ("photo fill-640x360 as rendition", {"suffix": "{{ rendition.url }} {{ rendition.width }}"}),
]


def render(tag, image, suffix=""):
    source = "{% load wagtailimages_tags ldld_tags %}{% " + tag + " %}" + suffix
    return Template(source).render(Context({"photo": image, "caption": 'Ảnh "đẹp" & rõ'}))


@pytest.mark.parametrize(("args", "extra"), TAGS)
def test_img_matches_wagtail_image(args, extra):
    image = make_image()
    suffix = extra.get("suffix", "")
    made = render(f"img {args}", image, suffix)  # makes the rendition on first use
    assert image.renditions.count() == 1
    assert made == render(f"image {args}", image, suffix)
    prefetched = Image.objects.prefetch_related("renditions").get(pk=image.pk)
    assert render(f"img {args}", prefetched, suffix) == made
    assert image.renditions.count() == 1


def test_img_of_nothing_prints_nothing():
    assert render("img photo fill-320x200", None) == ""


def test_prefetched_rendition_costs_no_query(django_assert_num_queries):
    image = make_image()
    render("img photo fill-320x200", image)
    prefetched = Image.objects.prefetch_related("renditions").get(pk=image.pk)
    with django_assert_num_queries(0):
        assert "fill-320x200.jpg" in render("img photo fill-320x200", prefetched)


def test_changed_focal_point_makes_a_new_rendition():
    image = make_image(size=(640, 480))
    render("img photo fill-100x100", image)
    image.focal_point_x, image.focal_point_y = 10, 10
    image.focal_point_width = image.focal_point_height = 20
    image.save()
    prefetched = Image.objects.prefetch_related("renditions").get(pk=image.pk)
    assert render("img photo fill-100x100", prefetched) == render("image photo fill-100x100", image)
    assert image.renditions.count() == 2


def test_img_tag_prints_what_wagtail_prints():
    from django.utils.safestring import mark_safe

    from ldld_wagtail.images import img_tag, rendition

    found = rendition(make_image(), "fill-320x200")
    for extra in [
        {},
        {"alt": 'a "b" <c> & d', "loading": "lazy"},
        {"class": mark_safe("x &amp; y"), "hidden": True, "inert": False, "title": None},
        {"data-n": 3, "src": "/other.jpg", "aria-hidden": "true"},
    ]:
        assert img_tag(found, extra) == found.img_tag(extra)
