"""Signing up for a workshop of the hub (issue 17, item 4): the form under a workshop
(``<workshop>/signup/``, served through the ``serve_workshop_signup`` hook of
hub.signups), the request it starts (kind ``workshop-signup``), and what confirming it
does: a place, or a turn on the waiting list (hub/signups.py), told on the page and by
e-mail. Every such e-mail carries the person's private cancel link; cancelling gives
the place to the first on the waiting list, who is told by e-mail.

A sign-up counts against the workshop's one capacity in every language; each person
is written to in the language they signed up in."""

import logging

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from wagtail.signals import page_published

from hub.models import WorkshopPage
from hub.signups import (
    Status,
    WorkshopSignup,
    active_signup,
    cancel,
    move_up,
    sign_up,
    signup_state,
    source_workshop,
    waiting_position,
)
from mocisite.sites import find_site
from mocisite.visibility import public_q

from . import confirm, mail, responses
from .forms import WorkshopSignupForm
from .protect import refusal, shown_again

logger = logging.getLogger(__name__)

KIND = "workshop-signup"
CANCEL_SALT = "connect.workshop-cancel"


def cancel_link(signup, site):
    """The person's private link to cancel ``signup``, in their language (signed, no expiry)."""
    signed = signing.dumps(str(signup.key), salt=CANCEL_SALT)
    with translation.override(signup.language):
        return mail.absolute(site, reverse("connect:cancel_signup", args=[signed]))


def read_cancel_link(signed):
    return mail.read_member_link(signed, CANCEL_SALT)


@require_http_methods(["GET", "POST"])
def signup_form(request, page):
    """The form (GET), or the request it starts (POST); a clear page once the workshop
    is over. Never cached: a CSRF token and a time stamp of its own for each visitor."""
    state = signup_state(page)
    if not state["open"]:
        message = _("This workshop is over: sign-up is closed.")
        status = 400 if request.method == "POST" else 200
        return responses.render(
            request, "connect/workshop_closed.html", {"page": page, "message": message}, status=status
        )
    form = WorkshopSignupForm(request.POST if request.method == "POST" else None)
    problem, status = None, 200
    if request.method == "POST":
        problem = refusal(request, form)
        if problem is None:
            return _started(request, page, form.cleaned_data)
        status = problem.status
    context = {"page": page, "form": form, "problem": problem, "signup": state}
    return shown_again(responses.render(request, "connect/workshop_signup.html", context, status=status), problem)


def _started(request, page, data):
    """Mail the confirmation link; or, to an address already signed up, what it has
    (so that the page says the same either way, and tells no one else anything)."""
    site = find_site(request)
    source = source_workshop(page) or page
    existing = active_signup(source, data["email"])
    if existing is None:
        confirm.start(
            request,
            kind=KIND,
            name=data["name"],
            email=data["email"],
            payload={
                "workshop": source.pk,
                "page": page.pk,
                "target": page.title,
                "organisation": data["organisation"],
            },
            site=site,
            context={"when": page.when},
        )
    else:
        existing.language = translation.get_language()
        tell(existing, page, site, "already")
    context = {"page": page, "email": data["email"], "hours": settings.MOCI_CONNECT_CONFIRM_HOURS}
    return responses.render(request, "connect/workshop_sent.html", context)


SUBJECTS = {
    "place": _("You have a place: {target}"),
    "waiting": _("On the waiting list: {target}"),
    "moved_up": _("A place is free for you: {target}"),
    "already": _("You are already signed up: {target}"),
}


def _in_language(page, language):
    """``page`` in ``language`` when it is live there, else ``page``."""
    found = (
        WorkshopPage.objects.live()
        .filter(translation_key=page.translation_key, locale__language_code=language)
        .select_related("locale")
        .first()
    )
    return found or page


def tell(signup, page, site, situation):
    """Mail ``signup``'s person, in their language, what they have (``situation``:
    place, waiting, moved_up or already), with their cancel link."""
    page = _in_language(page, signup.language)
    with translation.override(signup.language):
        when, url = page.when, page.get_full_url()
    mail.send(
        to=signup.email,
        language=signup.language,
        site=site,
        subject=SUBJECTS[situation],
        template="connect/mail/workshop_status.txt",
        context={
            "name": signup.name,
            "target": page.title,
            "situation": situation,
            "waiting": signup.status == Status.WAITING,
            "position": waiting_position(signup) if signup.status == Status.WAITING else None,
            "when": when,
            "exact": page.exact,
            "place": page.place_label,
            "url": url,
            "cancel_link": cancel_link(signup, site),
        },
    )


def _live_workshop(pk):
    return WorkshopPage.objects.live().filter(public_q(), pk=pk).select_related("locale").first()


def confirm_signup(pending):
    """The confirmed request as a place or a turn on the waiting list, told by e-mail."""
    payload = pending.payload
    page = _live_workshop(payload.get("page"))
    source = WorkshopPage.objects.filter(pk=payload.get("workshop")).first()
    if page is None or source is None:
        raise confirm.Gone(_("This workshop is no longer on the site. You were not signed up."))
    if page.is_past():
        raise confirm.Gone(_("This workshop is over. You were not signed up."))
    signup, created = sign_up(
        source,
        name=pending.name,
        email=pending.email,
        organisation=payload.get("organisation", ""),
        language=pending.language,
        consent_at=pending.consent_at,
    )
    if not created:
        return _("You were already signed up for “{target}”: nothing has changed.").format(target=page.title)
    site = page.get_site()
    if signup.status == Status.WAITING:
        tell(signup, page, site, "waiting")
        return _(
            "“{target}” is full: you are number {position} on the waiting list. If a place becomes free, "
            "we will write to you. The e-mail we sent you has a link to cancel."
        ).format(target=page.title, position=waiting_position(signup))
    tell(signup, page, site, "place")
    return _("You have a place at “{target}”. We sent you an e-mail with the details and a link to cancel.").format(
        target=page.title
    )


confirm.register(
    confirm.Kind(
        name=KIND,
        subject=_("Confirm your sign-up for {target}"),
        summary=_("Your sign-up for “{target}” is ready to be confirmed."),
        mail_template="connect/mail/confirm_workshop_signup.txt",
        action=confirm_signup,
        button=_("Confirm my sign-up"),
    )
)


def fill_freed_places(page):
    """After ``page`` was published (its capacity may have grown): the first on the
    waiting list move up into the free places and are told. If a mail cannot be sent,
    nobody moves (the next publish or cancellation tries again)."""
    source = source_workshop(page)
    if source is None or source.is_past():
        return []
    try:
        with transaction.atomic():
            moved = move_up(source)
            for signup in moved:
                tell(signup, source, source.get_site(), "moved_up")
    except Exception:
        logger.exception("Could not move the waiting list of workshop %s up", source.pk)
        return []
    return moved


def on_published(sender, instance, **kwargs):
    """A workshop published (with more places, perhaps): fill them once it is committed."""
    transaction.on_commit(lambda: fill_freed_places(instance))


def connect_signals():
    page_published.connect(on_published, sender=WorkshopPage, dispatch_uid="connect-workshop-published")


# The cancel link -----------------------------------------------------------------------


def _gone(request):
    message = _("This sign-up is no longer on the site: it was deleted after the workshop, or the workshop was.")
    return responses.problem(request, message, 410)


@never_cache
@require_http_methods(["GET", "POST"])
def cancel_signup(request, signed):
    """One button (opening the link changes nothing); pressing it cancels, and the
    first on the waiting list gets the place and an e-mail."""
    key = read_cancel_link(signed)
    signup = WorkshopSignup.objects.filter(key=key).select_related("workshop").first() if key else None
    if key is None:
        message = _("This link is not valid. Please copy the whole address from the e-mail.")
        return responses.problem(request, message, 400)
    if signup is None:
        return _gone(request)
    page = _in_language(signup.workshop, translation.get_language())
    if signup.status == Status.CANCELLED:
        message = _("Your sign-up for “{target}” was already cancelled.").format(target=page.title)
        return responses.done(request, message)
    if request.method == "GET":
        return responses.render(request, "connect/workshop_cancel.html", {"page": page, "signup": signup})
    try:
        with transaction.atomic():
            _done, moved = cancel(signup, timezone.now())
            for other in moved:
                tell(other, signup.workshop, signup.workshop.get_site(), "moved_up")
    except Exception:
        logger.exception("Could not cancel sign-up %s", signup.pk)
        message = _("It could not be done just now. Please follow the link in the e-mail again in a few minutes.")
        return responses.problem(request, message, 503)
    logger.info("Workshop sign-up %s cancelled; %d moved up", signup.pk, len(moved))
    message = _("Your sign-up for “{target}” is cancelled. Thank you for telling us.").format(target=page.title)
    return responses.done(request, message)
