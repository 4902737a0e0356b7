"""Where the language switcher takes a visitor: the same place in the other language.

The page's translation (or, for a view such as search, the same address under
the other language's prefix), with the query string it had: the search words,
the filters and the page number. A filter that names a term (a theme, a skill)
by its slug is carried by the term's translation, so it still means the same
theme in the other language. A page number the other language's listing does
not have is dropped rather than leading to a 404.
"""

from copy import copy

from django.apps import apps
from django.http import Http404, QueryDict
from django.urls import Resolver404, resolve, translate_url
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme

from wagtail.models import Page, Site

from .models import Term

MAX_QUERY_LENGTH = 2000


def switched_url(request, locale, page_id, next_url):
    """The address of the visitor's place in ``locale``'s language; that
    language's home page when the place has no version there."""
    code = locale.language_code
    next_url = next_url if _is_local(request, next_url) else ""
    path, _sep, query = next_url.partition("?")
    target = None
    if page_id.isdigit():
        page = Page.objects.filter(pk=int(page_id)).first()
        if page:
            target = page.get_translations(inclusive=True).live().filter(locale=locale).first()
        url = target.get_url(request) if target else None
    else:
        # Not a page of the tree (search): the same view under the language's prefix.
        # Read in the language of its own prefix, which may not be the active one.
        with translation.override(translation.get_language_from_path(path)):
            url = translate_url(path, code) if path else None
        if url == path and not path.startswith(f"/{code}/"):
            url = None  # translate_url found no view for it
    if not url:
        site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
        home = site and site.root_page.get_translations(inclusive=True).live().filter(locale=locale).first()
        return (home and home.get_url(request)) or f"/{code}/"
    params = carried_query(query[:MAX_QUERY_LENGTH], locale)
    if params.get("page") and not _page_exists(request, url, params, code):
        del params["page"]
    return f"{url}?{params.urlencode()}" if params else url


def _is_local(request, url):
    return url.startswith("/") and url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()})


def term_parameters():
    """{query parameter: Term model} for every filter that names a term by its
    slug, as each Term model declares in ``filter_parameters``."""
    return {
        parameter: model
        for model in apps.get_models()
        if issubclass(model, Term)
        for parameter in getattr(model, "filter_parameters", ())
    }


def carried_query(query, locale):
    """The query string ``query`` for the same listing in ``locale``: each term's
    slug replaced by its translation's (the same slug where there is none)."""
    params = QueryDict(query, mutable=True)
    for parameter, model in term_parameters().items():
        slugs = params.getlist(parameter)
        if slugs:
            params.setlist(parameter, [_translated_slug(model, slug, locale) for slug in slugs])
    return params


def _translated_slug(model, slug, locale):
    """The slug of the term ``slug`` names, in ``locale``'s language. The term is
    looked up in the active (the visitor's current) language first, then in any."""
    current = translation.get_language()
    terms = list(model.objects.filter(slug=slug).select_related("locale"))
    terms.sort(key=lambda term: term.locale.language_code != current)
    if not terms:
        return slug
    translated = model.objects.filter(translation_key=terms[0].translation_key, locale=locale).first()
    return translated.slug if translated else slug


def _page_exists(request, url, params, code):
    """Whether ``url`` with ``params`` (a page number among them) is a page in
    the other language: the view is asked, as a GET, and answers 404 for a page
    number its listing does not reach. Only when a switch carries a page number."""
    probe = copy(request)
    probe.method = "GET"
    probe.GET = params
    probe.path = probe.path_info = url
    with translation.override(code):
        try:
            match = resolve(url)
            response = match.func(probe, *match.args, **match.kwargs)
        except (Resolver404, Http404):
            return False
    return response.status_code == 200
