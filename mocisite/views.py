import logging
import sys

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils import translation
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST
from django.views.defaults import server_error as django_server_error

from wagtail.models import Locale, Page

from .cachekeys import declare, refuse
from .database import RETRY_AFTER_SECONDS, report_unavailable, unavailable_reason
from .health import cache_checks
from .memory import active_locale
from .search import clean_query, search_in_language
from .switching import switched_url
from .utils import paginate
from .visibility import public_q

MAX_QUERY_LENGTH = 200

logger = logging.getLogger(__name__)


@require_GET
def search(request):
    """Full-text search over the live pages in the visitor's language."""
    declare(request, ("q", "page"))
    query = clean_query(request.GET.get("q", ""))[:MAX_QUERY_LENGTH]
    results = None
    if query:
        locale = active_locale(request)
        pages = Page.objects.live().filter(public_q(request), locale=locale).specific()
        # The query is read with the text-search configuration of this
        # language, the one its pages were indexed with (mocisite/search.py).
        results = paginate(request, search_in_language(pages, query, locale.language_code), per_page=10)
        if not results.paginator.count:
            # Words that match nothing are not stored: anyone could invent endless ones.
            refuse(request)
    return render(request, "mocisite/search.html", {"search_query": query, "results": results})


@csrf_exempt
@require_POST
def set_language(request):
    """The language switcher: remember the choice and go to the same place in
    that language, with the same query and filters (mocisite/switching.py), or
    to that language's home page where there is none.

    Without a CSRF token, so that the form in every page's header leaves the
    page the same for every visitor, and cacheable: the worst another site can
    do with it is choose a visitor's language."""
    code = request.POST.get("language", "")
    if code not in dict(settings.LANGUAGES):
        return HttpResponseBadRequest("Unknown language")
    locale = Locale.objects.filter(language_code=code).first()
    if locale is None:
        url = f"/{code}/"
    else:
        url = switched_url(request, locale, request.POST.get("page", ""), request.POST.get("next", ""))
    response = HttpResponseRedirect(url)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        secure=settings.LANGUAGE_COOKIE_SECURE or request.is_secure(),
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response


@require_GET
@never_cache
def health(request):
    """For load balancers and Docker's HEALTHCHECK: 200 when the database answers,
    and each Redis cache when REDIS_URL configures one; 503 when one does not. The
    body names each: ``{"database": "ok", "cache": "unavailable"}``."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        body = {"database": "ok"}
    except DatabaseError as error:
        logger.warning("Health check: the database does not answer: %s", error)
        # "too many connections" tells the operator what to change (README, Deployment).
        body = {"database": unavailable_reason(error) or "unavailable"}
    body.update(cache_checks())
    response = JsonResponse(body, status=200 if set(body.values()) == {"ok"} else 503)
    # What failed is logged above, as a warning. Not again by django.request as an
    # error with a traceback (and an e-mail to ADMINS) at every probe, every 30 s.
    response._has_been_logged = True
    return response


def server_error(request):
    """``handler500``: Django calls it for an exception raised anywhere while handling
    a request (a view, a template, any middleware). When the exception says the
    database cannot take the request now (mocisite/database.py), the visitor gets a
    503 with ``Retry-After`` in their language, rendered without the database, and
    the operator one log record a minute; otherwise Django's own 500."""
    error = sys.exc_info()[1]
    reason = unavailable_reason(error)
    if reason is None:
        return django_server_error(request)
    report_unavailable(reason, error, request.path)
    language = translation.get_language_from_request(request, check_path=True)
    with translation.override(language):
        # No request and so no context processors: nothing here reads the database.
        html = render_to_string("503.html", {"LANGUAGE_CODE": language})
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    response["Content-Language"] = language
    # Reported above, once a minute: not again by django.request for every request
    # (an ERROR with a traceback, and an e-mail to ADMINS).
    response._has_been_logged = True
    return response


@require_GET
@cache_control(max_age=86400, public=True)
def favicon(request):
    return redirect(static("mocisite/favicon.svg"), permanent=True)


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /django-admin/"]
    lines.append(f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
