"""The site's own 404 page under DEBUG (`make run`), as readers see it."""


class PortalNotFoundMiddleware:
    """Under DEBUG, answer a 404 with the 404 handler, as production does.

    With DEBUG on, Django turns Http404 into its technical page, whether the URL matched no
    pattern (Resolver404, raised before any view runs) or a view raised it (the portal's page
    serving does for an unknown or unpublished page). Both are caught here first.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._wanted():
            from django.urls import Resolver404, get_resolver

            try:
                get_resolver(getattr(request, "urlconf", None)).resolve(request.path_info)
            except Resolver404 as exc:
                return self._not_found(request, exc)
        return self.get_response(request)

    def process_exception(self, request, exception):
        from django.http import Http404

        if isinstance(exception, Http404) and self._wanted():
            return self._not_found(request, exception)
        return None

    @staticmethod
    def _wanted() -> bool:
        from django.conf import settings

        return settings.DEBUG and not getattr(settings, "LDLD_DEBUG_404", False)

    @staticmethod
    def _not_found(request, exception):
        from django.urls import get_resolver

        # As django.core.handlers.exception.response_for_exception does when DEBUG is off.
        handler = get_resolver(getattr(request, "urlconf", None)).resolve_error_handler(404)
        return handler(request, exception=exception)
