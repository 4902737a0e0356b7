"""Security settings: sign-in throttling, the client's address behind proxies,
headers, cookies and the Content-Security-Policy (what mocisite/security.py and
mocisite/proxies.py apply). Imported into base.py; production.py adds HTTPS
(HSTS, secure cookies)."""

import os
from datetime import timedelta

from csp.constants import NONE, SELF, UNSAFE_INLINE

from mocisite.proxies import parse_trusted_proxies
from mocisite.security import url_origin

from .map import MAP_TILE_URL
from .wagtail import EMBED_FRAME_ORIGINS

# Sign-in throttling (django-axes): five failed sign-ins for one username from one
# address lock that pair out for an hour; every failed attempt during the lock
# starts the hour again. Someone mistyping in a shared office locks out only
# themselves. The secretariat can lift a lock at once (admin: Reports › Sign-in
# lockouts), an operator with `manage.py axes_reset_username <name>` (or
# `axes_reset_ip <address>`, or `axes_reset` for every lock).
# AxesBackend (rather than AxesStandaloneBackend) first: it can also read a signed-in
# user back, which code that takes the first backend for that needs (Wagtail's
# test utilities do).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(hours=1)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_LOCKOUT_CALLABLE = "mocisite.security.lockout_response"
AXES_CLIENT_IP_CALLABLE = "mocisite.proxies.client_address"
# Failed attempts only: no log of every successful sign-in with its address.
AXES_DISABLE_ACCESS_LOG = True
# Failures and lockouts are logged (with the username and address masked; the
# admin's report shows them), without the banner that would open every management
# command's output.
AXES_VERBOSE = False
# The proxies in front of the site whose X-Forwarded-For is believed (addresses or
# networks, comma-separated; mocisite/proxies.py). Without any, the address is the
# connection's own (REMOTE_ADDR), and a client cannot choose it by sending the header.
# production.py refuses to start with an entry that is neither.
MOCI_TRUSTED_PROXIES = parse_trusted_proxies(os.environ.get("TRUSTED_PROXIES", ""))[0]
# Named on the lockout page as the person to ask; empty: "the MOCI secretariat".
MOCI_ADMIN_CONTACT_EMAIL = os.environ.get("ADMIN_CONTACT_EMAIL", "")

# Security headers. Django's SecurityMiddleware already sends nosniff and
# Cross-Origin-Opener-Policy: same-origin; production.py adds HSTS and secure cookies.
# The map tiles (OpenStreetMap's policy) and Nominatim ask for a Referer naming the
# site: send the origin only, never the path, to other hosts.
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Framing: the CSP's frame-ancestors 'self' (below) is what browsers follow: only our
# own pages may frame ours, as the admin's preview panel does. X-Frame-Options stays
# DENY for older browsers (Wagtail's preview views send SAMEORIGIN themselves).
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# No script reads the CSRF or language cookie (the admin takes the token from the page).
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
# Features no page of the site uses, the map included (it never asks where you are).
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "serial",
        "usb",
    )
}
# Content-Security-Policy (django-csp, applied per address by
# mocisite.security.SecurityHeadersMiddleware, which also adds the media host when
# MEDIA_URL is on another one). Public pages: our own scripts, styles and fonts only,
# nothing inline; images from us, the map tiles' host and data: URLs (Leaflet's);
# frames from the video hosts; the GeoJSON feed from us.
MAP_TILE_ORIGIN = url_origin(MAP_TILE_URL)
_TILES = [MAP_TILE_ORIGIN] if MAP_TILE_ORIGIN else []
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *_TILES],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF],
        "frame-src": EMBED_FRAME_ORIGINS,
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
}
# The Wagtail and Django admins (/admin/, /django-admin/) only. Wagtail 8 still writes
# inline scripts (the image and date choosers' set-up, the choosers' modal responses)
# and its editor, Draftail, wagtail-localize's React editor and Leaflet set inline
# styles: 'unsafe-inline' for both is unavoidable there, and confined there (only
# signed-in editors get these pages; Wagtail's escaping of what editors enter is their
# protection). The map widget geocodes with Nominatim (connect-src) and shows tiles;
# the preview panel frames our own pages.
MOCI_ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:", *_TILES],
        "connect-src": [SELF, "https://nominatim.openstreetmap.org"],
        "frame-src": [SELF, *EMBED_FRAME_ORIGINS],
        "frame-ancestors": [SELF],
    }
}
