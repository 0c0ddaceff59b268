"""RSS 2.0 and Atom feeds of pages, for readers' feed apps and other portals."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape


class PageFeed(Feed):
    """A feed of live, public pages; subclasses provide `title`, `link`, `description`, `items`."""

    feed_type = Rss201rev2Feed
    limit = 30

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # Plain text: feed readers render a summary as HTML, so it goes out escaped.
        summary = item.get_search_summary() if hasattr(item, "get_search_summary") else ""
        return escape(summary)

    def item_link(self, item):
        return item.get_url()

    def item_guid(self, item):
        return f"urn:uuid:{item.translation_key}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return getattr(item, "authors", None) or None

    def item_categories(self, item):
        unit = getattr(item, "unit", None)
        return [str(unit)] if unit else []


class AtomFeedMixin:
    feed_type = Atom1Feed

    def subtitle(self, obj=None):
        return self.description(obj) if callable(self.description) else self.description


class SectionRssFeed(PageFeed):
    """The feed of one section page (a topic column, say: a page type with `has_feeds`), served
    by its `rss/` and `atom/` routes. The page gives `feed_items(limit)`, its live public items
    newest first, and `feed_description()`."""

    def __init__(self, section):
        super().__init__()
        self.section = section

    def get_object(self, request, *args, **kwargs):
        return self.section

    def title(self, section):
        return section.title

    def link(self, section):
        return section.get_url()

    def description(self, section):
        return section.feed_description()

    def items(self, section):
        return section.feed_items(self.limit)


class SectionAtomFeed(AtomFeedMixin, SectionRssFeed):
    pass
