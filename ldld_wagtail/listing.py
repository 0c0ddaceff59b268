"""Paginated listings for index pages: one count query and one page query, whatever the page."""

from django.core.paginator import Paginator


class ListingPageMixin:
    """An index page whose template receives `items`, a page of `get_listing_queryset()`."""

    listing_per_page = 12

    def get_listing_queryset(self, request):
        raise NotImplementedError

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        paginator = Paginator(self.get_listing_queryset(request), self.listing_per_page)
        context["items"] = paginator.get_page(request.GET.get("page"))
        return context
