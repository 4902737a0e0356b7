"""Views and URLs for the logging tests only (``ROOT_URLCONF = "tests.logging_app"``):
the site's URLs, plus one view that logs a warning and one that fails (a 500)."""

import logging

from django.http import HttpResponse
from django.urls import path

from mocisite.urls import urlpatterns as site_urlpatterns

logger = logging.getLogger("tests.logging_app")


def warn(request):
    logger.warning("Something worth knowing about %s", request.path)
    return HttpResponse("logged")


def boom(request):
    raise RuntimeError("the view failed on purpose")


urlpatterns = [
    path("warn/", warn),
    path("boom/", boom),
    *site_urlpatterns,
]
