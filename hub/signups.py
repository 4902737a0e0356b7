"""Signing up for a workshop (issue 17, item 4): who signed up, the places and the
waiting list, and their deletion after the workshop. The public form, its
confirmation by e-mail and the mails are connect/'s (connect/workshops.py): this
app does not import it, and serves the form under each workshop (``signup/``)
through the ``serve_workshop_signup`` hook.

Every language version of a workshop counts against one capacity: a sign-up
belongs to the workshop's *source* version (:func:`source_workshop`), and the
places taken are counted by the workshop's ``translation_key``.

Never public: sign-ups are in no page, search index, feed or cache; the admin's
list (hub/wagtail_hooks.py) is for the users allowed to see it.
"""

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Case, Q, Value, When
from django.db.models.functions import Lower
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

# The sub-address of a workshop where people sign up (``/<lang>/hub/<slug>/signup/``).
SIGNUP_ROUTE = "signup/"


class Status(models.TextChoices):
    CONFIRMED = "confirmed", _("has a place")
    WAITING = "waiting", _("on the waiting list")
    CANCELLED = "cancelled", _("cancelled")


class WorkshopSignup(models.Model):
    """One person's confirmed sign-up for a workshop: a place, or a turn on its waiting
    list (in the order of confirmation), or cancelled. ``key`` is what their cancel link
    names (signed)."""

    workshop = models.ForeignKey(
        "hub.WorkshopPage", verbose_name=_("workshop"), on_delete=models.CASCADE, related_name="signups"
    )
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("e-mail address"))
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    language = models.CharField(_("language"), max_length=16)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, db_index=True)
    consent_at = models.DateTimeField(_("consent given"))
    confirmed_at = models.DateTimeField(_("confirmed"), db_index=True)
    place_at = models.DateTimeField(_("place given"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)

    class Meta:
        verbose_name = _("workshop sign-up")
        verbose_name_plural = _("workshop sign-ups")
        ordering = ["workshop", "confirmed_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                "workshop",
                condition=~Q(status="cancelled"),
                name="hub_one_signup_per_address",
            )
        ]

    def __str__(self):
        # No name or address: this is what the admin's history records of a deleted row.
        return f"#{self.pk}"


def source_workshop(page):
    """The version of ``page`` that sign-ups belong to: the source language's (not an
    alias), else the oldest version that is not an alias."""
    return (
        type(page)
        .objects.filter(translation_key=page.translation_key, alias_of__isnull=True)
        .order_by(Case(When(locale__language_code=settings.LANGUAGE_CODE, then=Value(0)), default=Value(1)), "pk")
        .first()
    )


def places_taken(page):
    """How many people have a place at ``page`` (any language version of it): one query."""
    return WorkshopSignup.objects.filter(
        workshop__translation_key=page.translation_key, status=Status.CONFIRMED
    ).count()


def signup_state(page, now=None):
    """What the workshop page says about signing up: ``open`` (until the workshop is
    over), ``capacity``, ``places_left`` (None when there is no limit) and ``full``."""
    is_open = page.ends_at is not None and not page.is_past(now)
    capacity = page.capacity
    places_left = None
    if is_open and capacity is not None:
        places_left = max(0, capacity - places_taken(page))
    return {
        "open": is_open,
        "capacity": capacity,
        "places_left": places_left,
        "full": places_left == 0,
        "exact": page.exact,
    }


class SignupRoutes(RoutablePageMixin):
    """The workshop's ``signup/`` address, served by connect/ through the
    ``serve_workshop_signup`` hook (404 when nothing serves it)."""

    @path(SIGNUP_ROUTE, name="signup")
    def signup(self, request):
        for view in hooks.get_hooks("serve_workshop_signup"):
            return view(request, self)
        raise Http404

    def signup_url(self, request):
        return self.get_url(request) + self.reverse_subpage("signup")


# Taking, giving back and passing on places ---------------------------------------------


def _locked(workshop):
    """The workshop row, locked until the transaction ends: two sign-ups at once take
    turns for the last place (PostgreSQL; SQLite writes one at a time anyway)."""
    return type(workshop).objects.select_for_update().filter(pk=workshop.pk).first()


def active_signup(workshop, email):
    """The sign-up of ``email`` for ``workshop`` that is not cancelled, or None."""
    return (
        WorkshopSignup.objects.filter(workshop=workshop, email__iexact=email).exclude(status=Status.CANCELLED).first()
    )


def sign_up(workshop, *, name, email, organisation, language, consent_at, now=None):
    """(sign-up, created): a place while there is one, else a turn on the waiting list;
    the existing sign-up when ``email`` already has one. Call inside a transaction."""
    now = now or timezone.now()
    workshop = _locked(workshop) or workshop
    existing = active_signup(workshop, email)
    if existing is not None:
        return existing, False
    has_place = workshop.capacity is None or places_taken(workshop) < workshop.capacity
    signup = WorkshopSignup.objects.create(
        workshop=workshop,
        name=name,
        email=email,
        organisation=organisation,
        language=language,
        status=Status.CONFIRMED if has_place else Status.WAITING,
        consent_at=consent_at,
        confirmed_at=now,
        place_at=now if has_place else None,
    )
    return signup, True


def waiting_position(signup):
    """1 for the first on the waiting list."""
    return (
        WorkshopSignup.objects.filter(workshop_id=signup.workshop_id, status=Status.WAITING)
        .filter(Q(confirmed_at__lt=signup.confirmed_at) | Q(confirmed_at=signup.confirmed_at, pk__lt=signup.pk))
        .count()
        + 1
    )


def move_up(workshop, now=None):
    """Give the free places to the first on the waiting list: the sign-ups moved up."""
    now = now or timezone.now()
    workshop = _locked(workshop) or workshop
    if workshop.is_past(now):
        return []
    waiting = WorkshopSignup.objects.filter(workshop=workshop, status=Status.WAITING).order_by("confirmed_at", "pk")
    if workshop.capacity is not None:
        waiting = waiting[: max(0, workshop.capacity - places_taken(workshop))]
    moved = list(waiting)
    WorkshopSignup.objects.filter(pk__in=[signup.pk for signup in moved]).update(status=Status.CONFIRMED, place_at=now)
    for signup in moved:
        signup.status, signup.place_at = Status.CONFIRMED, now
    return moved


def cancel(signup, now=None):
    """Cancel ``signup``: (True, the sign-ups that moved up into the freed place), or
    (False, []) when it was cancelled already. Call inside a transaction."""
    now = now or timezone.now()
    done = (
        WorkshopSignup.objects.filter(pk=signup.pk)
        .exclude(status=Status.CANCELLED)
        .update(status=Status.CANCELLED, cancelled_at=now)
    )
    if not done:
        return False, []
    had_place = signup.status == Status.CONFIRMED
    signup.status, signup.cancelled_at = Status.CANCELLED, now
    return True, move_up(signup.workshop, now) if had_place else []


def purge(now=None):
    """Delete the sign-ups of workshops that ended more than MOCI_HUB_SIGNUP_KEEP_DAYS
    ago; how many were deleted."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.MOCI_HUB_SIGNUP_KEEP_DAYS)
    deleted, _by_model = WorkshopSignup.objects.filter(workshop__ends_at__lt=cutoff).delete()
    return deleted
