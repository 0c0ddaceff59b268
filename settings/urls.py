from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home.views import healthz, robots_txt, search_view
from ldld_wagtail.api import urls as api_urls
from ldld_wagtail.forms import AdminLoginForm
from ldld_wagtail.views import serve, serve_bare, serve_endpoint, serve_language
from ldld_wagtail.withhold import ServeView
from news.feeds import LatestNewsAtomFeed, LatestNewsRssFeed

# Django's admin login is limited like Wagtail's (failures per network and name).
admin.site.login_form = AdminLoginForm

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    re_path(
        r"^images/([^/]*)/(\d*)/([^/]*)/[^/]*$",
        ServeView.as_view(action="serve"),
        name="wagtailimages_serve",
    ),
    path("", include(api_urls)),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("healthz", healthz, name="healthz"),
    path("rss.xml", LatestNewsRssFeed(), name="feed_rss"),
    path("atom.xml", LatestNewsAtomFeed(), name="feed_atom"),
    path("i18n/", include("django.conf.urls.i18n")),
    # A language's home without its slash (`/en`, the `@id` the API hands out for it).
    re_path(
        "^({})$".format("|".join(code for code, _name in settings.LANGUAGES)),
        serve_language,
        name="ldld_serve_language",
    ),
]

if settings.LDLD_BENCH_COMPARE:
    # Benchmark only (see LDLD_BENCH_COMPARE in settings/base.py): never in a real deployment.
    from wagtail.api.v2.router import WagtailAPIRouter
    from wagtail.api.v2.views import PagesAPIViewSet
    from wagtail.api.v3.urls import api as api_v3

    api_v2 = WagtailAPIRouter("wagtailapi")
    api_v2.register_endpoint("pages", PagesAPIViewSet)
    urlpatterns += [
        path("api/v2/", api_v2.urls),
        path("api/v3/", api_v3.urls),
    ]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("tim-kiem/", search_view, name="search"),
    re_path(r"^((?:[\w\-]+/)*@[^/]+(?:/.*)?)$", serve_endpoint, name="ldld_serve_endpoint"),
    re_path(r"^((?:[\w\-]+/)*)$", serve, name="ldld_serve"),
    re_path(r"^((?:[\w\-]+/)*[\w\-]+)$", serve_bare, name="ldld_serve_bare"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

# A database that cannot be reached answers 503 in Vietnamese (JSON under /++api++/), not 500.
handler500 = "ldld_wagtail.outage.server_error"
