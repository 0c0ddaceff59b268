"""`make run` on a developer's machine.

DEBUG stays on: runserver serves the static files and settings/urls.py the uploaded media. But a
missing page shows the portal's own 404 page (home/templates/404.html, in Vietnamese) as readers
see it, not Django's technical page listing every URL pattern; a developer who wants that list
sets LDLD_DEBUG_404=1.
"""

import os

from .base import *  # noqa: F403
from .base import MIDDLEWARE

DEBUG = True
ALLOWED_HOSTS = ["*"]

LDLD_DEBUG_404 = os.environ.get("LDLD_DEBUG_404") == "1"
# Last, so that it sees the request after LocaleMiddleware has chosen the language, and its 404
# still goes out through the redirects, APPEND_SLASH and language-prefix middleware.
MIDDLEWARE = [*MIDDLEWARE, "ldld_wagtail.debug.PortalNotFoundMiddleware"]
