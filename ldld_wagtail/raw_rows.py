"""What rows read by raw SQL need to stand in for pages: their values as the ORM gives them, and
links through Wagtail where `page_urls` cannot build them from the site root alone."""

import datetime
import uuid

from wagtail.models import Page


def moment(value):
    """A date column as read: a datetime, PostgreSQL's text of it, or SQLite's text or naive
    UTC datetime; always an aware datetime (or None)."""
    if isinstance(value, str):
        value = datetime.datetime.fromisoformat(value)
    if value is not None and value.tzinfo is None:
        value = value.replace(tzinfo=datetime.UTC)
    return value


def uuid_of(value):
    """A UUID column as read: a UUID, or SQLite's hex text."""
    return value if isinstance(value, uuid.UUID) or value is None else uuid.UUID(str(value))


class PageLinks:
    """`pk`, and Wagtail's own links, for a row whose `id` is a page's."""

    __slots__ = ()

    @property
    def pk(self):
        return self.id

    def page(self):
        return Page.objects.get(pk=self.id)

    def get_url(self, request=None):
        return self.page().get_url(request)

    def get_full_url(self, request=None):
        return self.page().get_full_url(request)
