"""What a cached page is stored under: its Wagtail site, its path, and only
the query parameters its page reads (``cache_query_params`` on the page model,
:func:`declare` for other views), normalised as the views read them.

The page cache runs before the URL resolver, so each process learns an
address's site and parameters (:class:`Routes`) from the first time it serves
it in a generation; until then it renders. README, *Performance*, says why.
"""

import hashlib
import threading
from urllib.parse import urlencode

# How many (host, path) each process remembers before it starts again.
MAX_ROUTES = 5000
MAX_QUERY_LENGTH = 200


def _page_number(value):
    number = value.strip()
    if number.isdigit() and int(number) >= 1:
        number = str(int(number))
    return "" if number == "1" else number


def _search_words(value):
    from .search import clean_query  # imports the search backends: not at start-up

    return clean_query(value)[:MAX_QUERY_LENGTH]


# How each parameter is read by the views; any other is taken as it comes.
NORMALISERS = {"page": _page_number, "q": _search_words}


def declare(request, names):
    """The query parameters the view serving ``request`` reads (all the others
    leave its page as it is)."""
    request._moci_query_params = tuple(names)


def refuse(request):
    """This response depends on more than the page's parameters (an invalid value
    shown back to the visitor): do not store it."""
    request._moci_cache_refused = True


def expires_at(request, moment):
    """This response holds only until ``moment`` (an aware datetime): what it shows
    changes then with no publish to say so (a workshop starts or ends). The page cache
    keeps it until then and no longer; of several moments, the earliest counts."""
    if moment is None:
        return
    current = getattr(request, "_moci_expires_at", None)
    if current is None or moment < current:
        request._moci_expires_at = moment


def expiry(request):
    """The moment set by :func:`expires_at`, or None."""
    return getattr(request, "_moci_expires_at", None)


def declared(request):
    """The parameters the view declared it reads, or None when it said nothing."""
    return getattr(request, "_moci_query_params", None)


def refused(request):
    return getattr(request, "_moci_cache_refused", False)


def query_items(request, names=None):
    """The request's parameters among ``names`` (all when None), normalised, sorted."""
    items = []
    for name in sorted(request.GET):
        if names is not None and name not in names:
            continue
        value = NORMALISERS.get(name, str)(request.GET.getlist(name)[-1])
        if value:
            items.append((name, value))
    return tuple(items)


def only_known(request, names):
    """Whether every non-empty parameter of the request is one of ``names``."""
    return all(name in names for name in request.GET if any(request.GET.getlist(name)))


def page_key(request, site_id, names):
    """The cache key of the page for ``request`` on site ``site_id``."""
    address = f"{request.scheme}|{site_id}|{request.path}|{urlencode(query_items(request, names))}"
    return f"page:{hashlib.sha256(address.encode()).hexdigest()}"


class Routes:
    """Per process: for each (Host header, path) served and stored, the generation
    it was learned in, its site and the parameters its page reads."""

    def __init__(self):
        self._lock = threading.Lock()
        self._known = {}

    def learn(self, request, generation, site_id, names):
        with self._lock:
            if len(self._known) >= MAX_ROUTES:
                self._known = {}
            self._known[(request.get_host(), request.path)] = (generation, site_id, names)

    def get(self, request):
        """(generation, site id, names), or None when not learned yet."""
        return self._known.get((request.get_host(), request.path))

    def clear(self):
        with self._lock:
            self._known = {}


routes = Routes()
