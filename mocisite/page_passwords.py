"""Wrong passwords on password-protected pages are throttled like sign-ins.

Wagtail's form for a page's password (``wagtailcore_authenticate_with_password``)
lets anyone try as many passwords as they like. :func:`authenticate_with_password`
stands in front of it at the same address (mocisite/urls.py): after
``AXES_FAILURE_LIMIT`` wrong passwords for one page's restriction from one client
address (:func:`mocisite.proxies.client_address`), that address gets the form
again with a message and a 429 for ``AXES_COOLOFF_TIME``, and its posts are not
checked meanwhile; the right password clears the count. The counts live in the
default cache (Redis, shared by every process, when ``REDIS_URL`` is set); if the
cache is down, passwords are checked unthrottled rather than refused.
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import ngettext

from wagtail import views as wagtail_views
from wagtail.forms import PasswordViewRestrictionForm
from wagtail.models import Page, PageViewRestriction

from .proxies import client_address


def _keys(restriction_id, address):
    base = f"page-password:{restriction_id}:{address}"
    return f"{base}:failures", f"{base}:locked-until"


def _cool_off_seconds():
    return int(settings.AXES_COOLOFF_TIME.total_seconds())


class LockedOutPasswordForm(PasswordViewRestrictionForm):
    """The page's password form, saying why it is not checked now."""

    def __init__(self, *args, message, **kwargs):
        super().__init__(*args, **kwargs)
        self.message = message

    def non_field_errors(self):
        return self.error_class([self.message], error_class="nonfield", renderer=self.renderer)


def _locked_out(request, restriction, page_id, locked_until):
    seconds = max(1, int(locked_until - time.time()))
    minutes = max(1, round(seconds / 60))
    message = ngettext(
        "Too many wrong passwords from your network. Please try again in about %(minutes)d minute.",
        "Too many wrong passwords from your network. Please try again in about %(minutes)d minutes.",
        minutes,
    ) % {"minutes": minutes}
    form = LockedOutPasswordForm(
        instance=restriction, initial={"return_url": request.POST.get("return_url", "")}, message=message
    )
    page = Page.objects.get(pk=page_id).specific
    action_url = request.path
    response = page.serve_password_required_response(request, form, action_url)
    response.status_code = 429
    response["Retry-After"] = str(seconds)
    return response


def authenticate_with_password(request, page_view_restriction_id, page_id):
    """Wagtail's view, counting wrong passwords per restriction and client address."""
    if request.method != "POST":
        return wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    restriction = PageViewRestriction.objects.filter(pk=page_view_restriction_id).first()
    if restriction is None or not Page.objects.filter(pk=page_id).exists():
        # Wagtail's view answers 404.
        return wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    failures_key, locked_key = _keys(restriction.pk, client_address(request))
    locked_until = cache.get(locked_key)
    if locked_until and locked_until > time.time():
        return _locked_out(request, restriction, page_id, locked_until)

    response = wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    if response.status_code in (301, 302):  # the right password: on to the page
        cache.delete(failures_key)
        return response
    cache.add(failures_key, 0, timeout=_cool_off_seconds())
    try:
        failures = cache.incr(failures_key)
    except ValueError:  # expired (or the cache lost it) in between
        failures = 1
    if failures >= settings.AXES_FAILURE_LIMIT:
        locked_until = time.time() + _cool_off_seconds()
        cache.set(locked_key, locked_until, timeout=_cool_off_seconds())
        cache.delete(failures_key)
        return _locked_out(request, restriction, page_id, locked_until)
    return response
