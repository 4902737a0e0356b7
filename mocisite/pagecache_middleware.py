"""The page cache: :class:`PageCacheMiddleware` (second in ``MIDDLEWARE``, after
the request id) keeps whole public pages for visitors who are not signed in,
under the keys of :mod:`mocisite.cachekeys`, each valid for the generation of
:mod:`mocisite.generation` it was rendered in. What is cached, for whom and how
fast: README, *Performance*.
"""

import gzip
import hashlib
import math
import re
import threading

from django.conf import settings
from django.http import HttpResponse, HttpResponseNotModified
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import parse_etags

from . import cachekeys
from .generation import (
    GENERATION_KEY,
    _serving,
    _shared,
    cache,
    current_generation,
    recent_generation,
    request_generation,
)
from .sites import find_site

MEMORY_HEADER = "X-Page-Cache"
# Headers of the rendered response that a cached copy must not repeat.
NOT_STORED = {"set-cookie", "date", "content-length", "content-encoding", "etag", "x-request-id", MEMORY_HEADER.lower()}
# Pages each process keeps beside Redis (the most recent ones).
LOCAL_PAGES = 500


class LocalPages:
    """The entries this process served last, by key (each carries its generation)."""

    def __init__(self):
        self._lock = threading.Lock()
        self._entries = {}

    def get(self, key):
        return self._entries.get(key)

    def clear(self):
        with self._lock:
            self._entries = {}

    def put(self, key, entry):
        with self._lock:
            if len(self._entries) >= LOCAL_PAGES:
                self._entries = {}
            self._entries[key] = entry


local_pages = LocalPages()


def _language_prefix():
    codes = "|".join(re.escape(code.lower()) for code, _name in settings.LANGUAGES)
    return re.compile(rf"^/(?:{codes})/", re.IGNORECASE)


class PageCacheMiddleware:
    """Caches the public pages (everything under a language prefix) for anonymous
    visitors; gives every public response an ``ETag``, answers ``If-None-Match``
    with 304, and says who may store it (``Cache-Control``).

    Browsers revalidate each time (``max-age=0``): an editor who publishes and
    reloads sees the change. A CDN may keep pages ``MOCI_PAGE_CACHE_SHARED_MAX_AGE``
    seconds (``s-maxage``), when one is configured to purge on publish.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefix = _language_prefix()

    def __call__(self, request):
        token = _serving.set(request)
        try:
            return self.serve(request)
        finally:
            _serving.reset(token)

    def serve(self, request):
        if not self.in_scope(request):
            return self.get_response(request)
        if not self.anonymous(request):
            response = self.get_response(request)
            patch_cache_control(response, private=True, no_cache=True)
            return response
        if not settings.MOCI_PAGE_CACHE:
            return self.render(request, None)
        entry = self.lookup(request)
        if entry is not None:
            return self.respond(request, entry, "hit")
        return self.render(request, request_generation(request))

    def in_scope(self, request):
        if request.method not in ("GET", "HEAD") or not self.prefix.match(request.path_info):
            return False
        # Plain http is redirected to https by SecurityMiddleware, below: not served here.
        return request.is_secure() or not settings.SECURE_SSL_REDIRECT

    @staticmethod
    def anonymous(request):
        return settings.SESSION_COOKIE_NAME not in request.COOKIES and "HTTP_AUTHORIZATION" not in request.META

    def lookup(self, request):
        """The stored entry for this request in the current generation, or None.
        Sets the request's generation (mocisite.generation.request_generation)."""
        route = cachekeys.routes.get(request)
        if route is None or (route[2] is None and request.GET):
            return None
        learned_in, site_id, names = route
        key = cachekeys.page_key(request, site_id, names or ())
        if _shared():
            generation = recent_generation.get()
            entry = local_pages.get(key) if generation is not None else None
            if entry is None or entry["generation"] != generation:
                # One round trip: the generation and the page together.
                found = cache().get_many([GENERATION_KEY, key])
                generation = found.get(GENERATION_KEY) or current_generation()
                if generation is None:
                    return None
                recent_generation.set(generation)
                entry = found.get(key)
                if entry is not None:
                    local_pages.put(key, entry)
        else:
            generation = current_generation()
            entry = cache().get(key)
        request._moci_generation = generation
        if entry is None or entry["generation"] != generation or learned_in != generation:
            return None
        if seconds_left(entry) == 0:
            return None  # what it shows has changed with time (cachekeys.expires_at)
        return entry

    def render(self, request, generation):
        response = self.get_response(request)
        if not self.storable(request, response):
            if not response.has_header("Cache-Control"):
                patch_cache_control(response, private=True, no_cache=True)
            return response
        entry = self.entry(response, generation)
        expires = cachekeys.expiry(request)
        if expires is not None:
            entry["expires"] = expires.timestamp()
        if generation is None:
            return self.respond(request, entry, "off")
        self.store(request, entry, generation)
        return self.respond(request, entry, "miss")

    @staticmethod
    def store(request, entry, generation):
        """Store the page under its key, if the request carries only parameters
        its page reads, and learn where this request's address is stored."""
        names = cachekeys.declared(request)
        site = find_site(request)
        if site is None or cachekeys.refused(request):
            return
        cachekeys.routes.learn(request, generation, site.pk, names)
        if request.method != "GET" or not cachekeys.only_known(request, names or ()):
            return
        key = cachekeys.page_key(request, site.pk, names or ())
        timeout = settings.MOCI_PAGE_CACHE_TIMEOUT
        left = seconds_left(entry)
        if left == 0:
            return
        if left is not None:
            timeout = left if timeout is None else min(timeout, left)
        cache().set(key, entry, timeout)
        if _shared():
            local_pages.put(key, entry)

    @staticmethod
    def storable(request, response):
        """A complete 200 for everybody: no cookie set (a CSRF token in the page sets
        one), nothing its view marked private. ``Vary: Cookie`` alone does not count:
        the session is read on every page (is someone signed in?), and the cache
        only answers requests without a session cookie anyway."""
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        if response.get("Content-Encoding", "gzip") != "gzip":
            return False
        control = response.get("Cache-Control", "").lower()
        if any(word in control for word in ("private", "no-cache", "no-store")):
            return False
        return "*" not in response.get("Vary", "")

    @staticmethod
    def entry(response, generation):
        body = response.content
        if response.get("Content-Encoding") == "gzip":  # GZipMiddleware, below, compressed it
            body = gzip.decompress(body)
        headers = [(name, value) for name, value in response.items() if name.lower() not in NOT_STORED]
        return {
            "generation": generation,
            "headers": headers,
            "body": gzip.compress(body, compresslevel=6, mtime=0),
            "etag": f'W/"{hashlib.sha256(body).hexdigest()[:32]}"',
        }

    @staticmethod
    def respond(request, entry, state):
        """The stored response, gzipped when the browser takes it, or a 304."""
        etag = entry["etag"]
        # Weak comparison (RFC 9110 13.1.2): W/"x" and "x" match.
        wanted = {tag.removeprefix("W/") for tag in parse_etags(request.headers.get("If-None-Match", ""))}
        if etag.removeprefix("W/") in wanted or "*" in wanted:
            response = HttpResponseNotModified()
        else:
            gzipped = "gzip" in request.headers.get("Accept-Encoding", "").lower()
            response = HttpResponse(entry["body"] if gzipped else gzip.decompress(entry["body"]))
            for name, value in entry["headers"]:
                response[name] = value
            if gzipped:
                response["Content-Encoding"] = "gzip"
            response["Content-Length"] = str(len(response.content))
            if request.method == "HEAD":
                response.content = b""
        response["ETag"] = etag
        patch_vary_headers(response, ["Accept-Encoding"])
        response["Cache-Control"] = public_cache_control(seconds_left(entry))
        response[MEMORY_HEADER] = state
        return response


def seconds_left(entry):
    """Whole seconds (rounded up) until the entry's ``expires`` moment, 0 once it has
    passed, None when it holds until the next publish."""
    expires = entry.get("expires")
    if expires is None:
        return None
    return max(0, math.ceil(expires - timezone.now().timestamp()))


def public_cache_control(left=None):
    """A CDN keeps the page no longer than the site itself would (``left`` seconds)."""
    control = "public, max-age=0, must-revalidate"
    shared = settings.MOCI_PAGE_CACHE_SHARED_MAX_AGE
    if shared and left is not None:
        shared = min(shared, left)
    return f"{control}, s-maxage={shared}" if shared else control
