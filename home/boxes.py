"""What the home app adds to a home page (`ldld_wagtail.home_boxes`): the campaign banners
showing now in the page's language (a banner's picture, description and usually its link are
in one language, and a page shows only those of its own)."""

from ldld_wagtail.home_boxes import home_box

from .models import Banner

BANNERS = 3


@home_box
def banners(scope) -> dict:
    banners = list(
        Banner.objects.showing().filter(language=scope.language).select_related("image")[:BANNERS]
    )
    scope.prefetch_images([banner.image for banner in banners])
    return {"banners": banners}
