from wagtail import hooks

from . import downloads


@hooks.register("before_serve_document", order=1000)
def count_download(document, request):
    """After every other hook (see `downloads`): only a file about to be served is counted."""
    if downloads.counts(document, request):
        downloads.record(document.pk)
