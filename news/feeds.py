from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from ldld_wagtail.feeds import AtomFeedMixin, PageFeed
from ldld_wagtail.visibility import live_public

from .models import NewsPage


class LatestNewsRssFeed(PageFeed):
    description = _("Latest news and articles on the portal of the provincial Labour Federation")

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return Site.find_for_request(request)

    def title(self, site):
        return site.site_name or site.root_page.title

    def link(self, site):
        return "/"

    def items(self, site):
        return (
            live_public(NewsPage.objects.descendant_of(site.root_page))
            .order_by("-first_published_at", "-pk")[: self.limit]
            .listing()
        )


class LatestNewsAtomFeed(AtomFeedMixin, LatestNewsRssFeed):
    pass
