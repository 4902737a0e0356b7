"""Security headers and sign-in throttling.

- :class:`SecurityHeadersMiddleware` sends the Content-Security-Policy that fits each
  address (django-csp does the work): the strict public policy from
  ``settings.CONTENT_SECURITY_POLICY`` everywhere, the admin's own policy
  (``settings.MOCI_ADMIN_CONTENT_SECURITY_POLICY``) under the Wagtail and Django
  admins, and a policy that lets nothing run on uploaded files (image renditions and
  documents). It also sends ``Permissions-Policy``.
- :func:`lockout_response` is django-axes' hook for what a locked-out person reads
  (where a sign-in comes from is :func:`mocisite.proxies.client_address`).
"""

import re
from datetime import timedelta
from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.functional import cached_property

# This module is imported by the settings (for url_origin): what it imports at the
# top must not read settings.

# What an uploaded file may do when a browser opens it: nothing. No scripts, no
# styles, no plugins, not even same-origin access (``sandbox``), whatever the file
# really contains.
UPLOADED_FILE_POLICY = "default-src 'none'; sandbox"


def url_origin(url):
    """The origin (``https://host[:port]``) of an absolute URL; ``None`` for a path.

    Tile URLs with Leaflet's subdomain placeholder (``https://{s}.tile.example``)
    become a wildcard (``https://*.tile.example``)."""
    parts = urlsplit(url or "")
    if not (parts.scheme and parts.netloc):
        return None
    return f"{parts.scheme}://{parts.netloc.replace('{s}', '*')}"


def media_origins():
    """Where uploaded images are served from when that is another host: MEDIA_URL
    (object storage or a CDN) or django-storages' custom domain."""
    origins = [url_origin(settings.MEDIA_URL)]
    domain = getattr(settings, "AWS_S3_CUSTOM_DOMAIN", None)
    if domain:
        origins.append(f"https://{domain}")
    return [origin for origin in origins if origin]


class SecurityHeadersMiddleware(CSPMiddleware):
    """django-csp's middleware, choosing the policy by address.

    - ``/admin/`` and ``/django-admin/``: the admin's policy
      (``settings.MOCI_ADMIN_CONTENT_SECURITY_POLICY``): Wagtail's admin writes inline
      scripts and styles, so that policy allows them, there only. A preview is the
      exception: Wagtail renders it by running the page's own address through the
      middleware again, so the previewed page carries the public policy, as it will
      when it is live (and a page that breaks it shows in the preview).
    - uploaded files (``/media/images/…`` renditions, ``/documents/…``):
      ``default-src 'none'; sandbox``. The one exception is a PDF shown in the
      browser: Chrome's and Safari's PDF viewers do not run in a sandboxed document,
      so an inline PDF keeps Wagtail's own ``default-src 'none'``.
    - everything else: the public policy of ``settings.CONTENT_SECURITY_POLICY``.
    """

    def __init__(self, get_response):
        super().__init__(get_response)
        self.permissions_policy = ", ".join(
            f"{feature}=({' '.join(allowed)})" for feature, allowed in settings.PERMISSIONS_POLICY.items()
        )
        # Object storage or a CDN for uploads: its host may serve images to both sites.
        origins = media_origins()
        self.media_update = {"img-src": origins, "media-src": origins} if origins else None

    @cached_property
    def admin_prefixes(self):
        prefixes = []
        for name in ("wagtailadmin_home", "admin:index"):
            try:
                prefixes.append(reverse(name))
            except NoReverseMatch:
                pass
        return tuple(prefixes)

    @cached_property
    def uploaded_file(self):
        """Matches the address of an uploaded file: a document (not the form that
        asks for a collection's password) or anything under a local MEDIA_URL."""
        documents = re.escape(reverse("wagtaildocs_serve", args=[0, "x"]).rsplit("0/x", 1)[0]) + r"\d+/"
        patterns = [documents]
        if not url_origin(settings.MEDIA_URL):
            patterns.append(re.escape(settings.MEDIA_URL))
        return re.compile("|".join(patterns))

    def is_admin(self, request):
        return request.path.startswith(self.admin_prefixes)

    def process_response(self, request, response):
        if self.permissions_policy:
            response.headers.setdefault("Permissions-Policy", self.permissions_policy)
        if 200 <= response.status_code < 300 and self.uploaded_file.match(request.path):
            disposition = response.get("Content-Disposition", "")
            inline_pdf = disposition.startswith("inline") and response.get("Content-Type", "").startswith(
                "application/pdf"
            )
            if not inline_pdf:
                response["Content-Security-Policy"] = UPLOADED_FILE_POLICY
            response["X-Content-Type-Options"] = "nosniff"
            return response
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only:
            return parts
        if parts.config is None and self.is_admin(request):
            parts.config = settings.MOCI_ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        if self.media_update:
            parts.update = {**self.media_update, **(parts.update or {})}
        return parts


def lockout_response(request, original_response=None, credentials=None):
    """The page a locked-out person sees instead of the sign-in form: why, until
    when, and whom to ask (django-axes' ``AXES_LOCKOUT_CALLABLE``)."""
    from axes.helpers import get_client_username, get_cool_off

    from django.shortcuts import render

    cool_off = get_cool_off(request) or timedelta(0)
    retry_at = timezone.localtime(timezone.now() + cool_off)
    try:
        login_url = reverse("wagtailadmin_login")
    except NoReverseMatch:
        login_url = "/"
    context = {
        "username": get_client_username(request, credentials) or "",
        "retry_at": retry_at,
        "cool_off_minutes": round(cool_off.total_seconds() / 60),
        "contact_email": settings.MOCI_ADMIN_CONTACT_EMAIL,
        "login_url": request.path if request.path.endswith("/login/") else login_url,
    }
    response = render(request, "mocisite/lockout.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)
    response["Retry-After"] = str(int(cool_off.total_seconds()))
    return response
