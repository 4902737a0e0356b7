from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import translate_url
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET, require_POST

from wagtail.models import Locale, Page, Site

from .search import search_in_language
from .utils import paginate

MAX_QUERY_LENGTH = 200


@require_GET
def search(request):
    """Full-text search over the live pages in the visitor's language."""
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = None
    if query:
        locale = Locale.get_active()
        pages = Page.objects.live().public().filter(locale=locale).specific()
        # The query is read with the text-search configuration of this
        # language, the one its pages were indexed with (mocisite/search.py).
        results = paginate(request, search_in_language(pages, query, locale.language_code), per_page=10)
    return render(request, "mocisite/search.html", {"search_query": query, "results": results})


@require_POST
def set_language(request):
    """The language switcher: remember the choice and go to the same page in
    that language, or to that language's home page where there is none."""
    code = request.POST.get("language", "")
    if code not in dict(settings.LANGUAGES):
        return HttpResponseBadRequest("Unknown language")
    locale = Locale.objects.filter(language_code=code).first()
    target = None
    page_id = request.POST.get("page", "")
    if locale and page_id.isdigit():
        page = Page.objects.filter(pk=int(page_id)).first()
        if page:
            target = page.get_translations(inclusive=True).live().filter(locale=locale).first()
    if target is None and locale:
        site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
        if site:
            target = site.root_page.get_translations(inclusive=True).live().filter(locale=locale).first()
    url = target.get_url(request) if target else None
    if not url:
        with translation.override(code):
            url = translate_url(request.POST.get("next", ""), code)
        if not url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}) or not url.startswith("/"):
            url = f"/{code}/"
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
    """For load balancers and Docker's HEALTHCHECK: 200 when the database answers, 503 otherwise."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"database": "unavailable"}, status=503)
    return JsonResponse({"database": "ok"})


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
