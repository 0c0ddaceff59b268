from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from ldld_wagtail.search import search

SECTIONS = [
    ("", _("All")),
    ("news", _("News and articles")),
    ("documents", _("Official documents")),
    ("qa", _("Questions and answers")),
]
PER_PAGE = 10


class _Counted(list):
    """A list that tells Paginator the total without a second query."""

    def __init__(self, total):
        super().__init__()
        self.total = total

    def count(self):
        return self.total


def search_view(request):
    query = request.GET.get("q", "").strip()[:200]
    section = request.GET.get("muc", "")
    if section not in dict(SECTIONS):
        section = ""
    try:
        page_number = max(1, int(request.GET.get("page", "1")))
    except ValueError:
        page_number = 1
    results = None
    if query:
        offset = (page_number - 1) * PER_PAGE
        total, hits = search(
            query, get_language() or "vi", section, offset, PER_PAGE, keep_count=True
        )
        paginator = Paginator(_Counted(total), PER_PAGE)
        number = min(page_number, paginator.num_pages)
        if number != page_number and total:
            total, hits = search(
                query,
                get_language() or "vi",
                section,
                (number - 1) * PER_PAGE,
                PER_PAGE,
                keep_count=True,
            )
        results = PaginatorPage(hits, number, paginator)
    return render(
        request,
        "home/search.html",
        {"query": query, "section": section, "sections": SECTIONS, "results": results},
    )


def robots_txt(request):
    from django.http import HttpResponse

    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "Disallow: /tim-kiem/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def healthz(request):
    """For load balancers and the benchmark's floor: no database, no template."""
    from django.http import HttpResponse

    return HttpResponse("ok", content_type="text/plain")
