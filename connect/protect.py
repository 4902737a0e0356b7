"""What makes abusing a public form cost nothing (issue 16, item 5).

- :class:`ProtectedForm`: a honeypot field that people never see, and a signed
  timestamp of when the form was shown: one sent sooner than
  ``MOCI_CONNECT_MIN_FILL_SECONDS`` later is refused.
- :func:`refusal`: the checks in order, before anything is stored or sent: posts
  per client address (counted before the form is even read), the form, requests
  per e-mail address, then requests waiting for confirmation per e-mail address.
  The counts live in the default cache (Redis, shared by every container, in
  production); if the cache is down they are not counted (the cap on pending
  requests, in the database, still holds).

A refusal is a :class:`Refusal`: the HTTP status and a sentence for the person,
shown above the form with everything they typed.
"""

import hashlib
import logging
import re
import time
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, ngettext_lazy

from mocisite.proxies import client_address

from .confirm import pending_for

logger = logging.getLogger(__name__)

STAMP_SALT = "connect.form-shown"
LINK = re.compile(r"(?:https?://|www\.)", re.IGNORECASE)


def count_links(text):
    return len(LINK.findall(text or ""))


def single_line(text):
    """Whitespace (newlines included) collapsed to single spaces."""
    return " ".join((text or "").split())


class ProtectedForm(forms.Form):
    """A public form with a honeypot (``website``, hidden from people) and the
    time it was shown (``shown``, signed). Templates render ``form.fresh_stamp``
    as ``shown`` each time the form is shown, and the honeypot inside ``hidden``."""

    website = forms.CharField(required=False, label=_("Leave this field empty"))

    def fresh_stamp(self):
        return signing.dumps(time.time(), salt=STAMP_SALT)

    def clean(self):
        cleaned = super().clean()
        if self.data.get("website"):
            raise forms.ValidationError(
                _("The form could not be sent. Please leave the last field empty and send it again."),
                code="honeypot",
            )
        try:
            shown = float(signing.loads(self.data.get("shown", ""), salt=STAMP_SALT))
        except (signing.BadSignature, TypeError, ValueError):
            raise forms.ValidationError(
                _("The form could not be read completely. Please send it again."), code="stamp"
            ) from None
        age = time.time() - shown
        if age < settings.MOCI_CONNECT_MIN_FILL_SECONDS:
            raise forms.ValidationError(
                _("That was quicker than anyone can read and type. Please check the form and send it again."),
                code="too-fast",
            )
        if age > settings.MOCI_CONNECT_FORM_MAX_AGE_HOURS * 3600:
            raise forms.ValidationError(
                _("This form was open for a long time. Please check it and send it again."), code="too-old"
            )
        return cleaned


def limit_links(text):
    """A message with more links than allowed is refused (spam is mostly links)."""
    allowed = settings.MOCI_CONNECT_MESSAGE_MAX_LINKS
    found = count_links(text)
    if found > allowed:
        raise forms.ValidationError(
            ngettext(
                "Please keep to at most %(allowed)d link (this message has %(found)d).",
                "Please keep to at most %(allowed)d links (this message has %(found)d).",
                allowed,
            )
            % {"allowed": allowed, "found": found},
            code="links",
        )


@dataclass(frozen=True)
class Refusal:
    status: int
    message: str
    retry_after: int | None = None


def shown_again(response, problem):
    """The form's page shown again after ``problem`` (a :class:`Refusal`, or None):
    when a limit was reached, it says when to try again."""
    if problem and problem.retry_after:
        response["Retry-After"] = str(problem.retry_after)
    return response


def _counted(scope, who, period):
    """Count one more for ``who`` in ``scope`` over ``period`` seconds; None when
    the cache cannot count."""
    key = f"connect:{scope}:{hashlib.sha256(who.encode()).hexdigest()[:32]}"
    try:
        cache.add(key, 0, timeout=period)
        try:
            return cache.incr(key)
        except ValueError:  # expired in between
            cache.set(key, 1, timeout=period)
            return 1
    except Exception:  # a cache that is down must not take the form down
        logger.warning("connect: the cache cannot count %s requests", scope, exc_info=True)
        return None


def _over_limit(scope, who, setting):
    """Count one more request from ``who``; the limit's period in seconds when that
    is more than ``setting`` (limit, period) allows, else None."""
    limit, period = setting
    count = _counted(scope, who, period)
    return period if count is not None and count > limit else None


TOO_MANY_FROM_ADDRESS = ngettext_lazy(
    "Too many requests came from your network. Please try again in about %(minutes)d minute.",
    "Too many requests came from your network. Please try again in about %(minutes)d minutes.",
    "minutes",
)
TOO_MANY_FROM_EMAIL = ngettext_lazy(
    "Too many requests came from this e-mail address. Please try again in about %(minutes)d minute.",
    "Too many requests came from this e-mail address. Please try again in about %(minutes)d minutes.",
    "minutes",
)


def _too_many(period, message):
    """The refusal while a limit runs for ``period`` seconds more: ``message`` says how many minutes."""
    minutes = max(1, round(period / 60))
    return Refusal(429, message % {"minutes": minutes}, period)


def refusal(request, form):
    """Why ``form`` (bound to ``request.POST``) is not accepted, or None."""
    period = _over_limit("address", client_address(request) or "unknown", settings.MOCI_CONNECT_LIMIT_PER_ADDRESS)
    if period:
        return _too_many(period, TOO_MANY_FROM_ADDRESS)
    if not form.is_valid():
        return Refusal(200, _("Please correct what is marked below."))
    email = form.cleaned_data["email"].lower()
    period = _over_limit("email", email, settings.MOCI_CONNECT_LIMIT_PER_EMAIL)
    if period:
        return _too_many(period, TOO_MANY_FROM_EMAIL)
    waiting = pending_for(email)
    if waiting >= settings.MOCI_CONNECT_MAX_PENDING_PER_EMAIL:
        hours = settings.MOCI_CONNECT_CONFIRM_HOURS
        return Refusal(
            429,
            ngettext(
                "%(count)d request from this e-mail address is waiting for confirmation. Please confirm it "
                "first (see the e-mail we sent you), or send this one again after %(hours)d hours.",
                "%(count)d requests from this e-mail address are waiting for confirmation. Please confirm them "
                "first (see the e-mails we sent you), or send this one again after %(hours)d hours.",
                waiting,
            )
            % {"count": waiting, "hours": hours},
            hours * 3600,
        )
    return None
