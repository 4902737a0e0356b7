"""Requests confirmed by e-mail: the machinery every public form of the site
shares (writing to a peer, joining the network, signing up for a workshop).

A form that passed its checks (connect/protect.py) calls :func:`start` with its
``kind``: the request is stored (connect/models.py) with a random single-use
token, of which only the hash is kept, and the sender gets an e-mail with the
link ``/<lang>/connect/confirm/<token>/``, valid ``MOCI_CONNECT_CONFIRM_HOURS``.
The link shows a page with one button (so that a mail scanner that opens links
confirms nothing); pressing it runs the kind's action once (:func:`carry_out`).

Each kind registers itself with :func:`register`: what the confirmation mail
and page say, and the action, which gets the request and returns the sentence
the sender reads when it is done (or raises :class:`Gone`).
"""

import hashlib
import logging
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from . import mail
from .models import PendingRequest

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Kind:
    """What a kind of request says and does. ``subject``, ``summary``: lazy strings
    formatted with the payload (``{name}``, ``{target}``…); ``mail_template``: the
    confirmation mail's text; ``action(pending) -> str``: carry it out; ``button``:
    the confirmation page's button (“Confirm and send” when None)."""

    name: str
    subject: Any
    summary: Any
    mail_template: str
    action: Any
    button: Any = None


KINDS = {}


def register(kind):
    KINDS[kind.name] = kind
    return kind


class Gone(Exception):
    """The request can no longer be carried out (what it was for is gone); its
    message says so to the sender."""


def token_hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


def start(request, *, kind, name, email, payload, site, context=None):
    """Store a request of ``kind`` and send its confirmation mail in the current
    language. ``context``: what the mail and the confirmation page show beside the
    payload (it is not stored apart from ``payload``)."""
    language = translation.get_language()
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    pending = PendingRequest.objects.create(
        kind=kind,
        name=name,
        email=email,
        language=language,
        consent_at=now,
        payload=payload,
        token_hash=token_hash(token),
        expires_at=now + timedelta(hours=settings.MOCI_CONNECT_CONFIRM_HOURS),
    )
    described = KINDS[kind]
    with translation.override(language):
        link = mail.absolute(site, reverse("connect:confirm", args=[token]))
    mail.send(
        to=email,
        language=language,
        site=site,
        subject=described.subject,
        template=described.mail_template,
        context={
            **payload,
            **(context or {}),
            "name": name,
            "link": link,
            "hours": settings.MOCI_CONNECT_CONFIRM_HOURS,
        },
    )
    return pending


def pending_for(email):
    """How many requests from ``email`` wait for confirmation."""
    return PendingRequest.objects.filter(
        email__iexact=email, confirmed_at__isnull=True, expires_at__gt=timezone.now()
    ).count()


# What a link can be: (status, state).
VALID, UNKNOWN, USED, EXPIRED = "valid", "unknown", "used", "expired"


def look_up(token):
    """(state, request or None) for the token of a confirmation link."""
    pending = PendingRequest.objects.filter(token_hash=token_hash(token or "")).first()
    if pending is None or pending.kind not in KINDS:
        return UNKNOWN, None
    if pending.confirmed_at is not None:
        return USED, pending
    if pending.expires_at <= timezone.now():
        return EXPIRED, pending
    return VALID, pending


def carry_out(pending):
    """Run the request's action, once: (state, sentence for the sender). Two
    presses of the button at once: the second finds it used. If the action fails
    (the mail server does not answer), the link stays valid for another try."""
    claimed = PendingRequest.objects.filter(pk=pending.pk, confirmed_at__isnull=True).update(
        confirmed_at=timezone.now()
    )
    if not claimed:
        return USED, None
    try:
        with transaction.atomic():
            done = KINDS[pending.kind].action(pending)
    except Gone as gone:
        PendingRequest.objects.filter(pk=pending.pk).update(payload={})
        return EXPIRED, str(gone)
    except Exception:
        logger.exception("Could not carry out %s", pending)
        PendingRequest.objects.filter(pk=pending.pk).update(confirmed_at=None)
        raise
    # Carried out: what it carried (a message's text) is not kept.
    PendingRequest.objects.filter(pk=pending.pk).update(payload={})
    return VALID, done
