"""The pages the e-mails' links open: confirming a request (connect/confirm.py),
a member's "stop messages" link (connect/peers.py) and the private link to their
profile (connect/members.py). Each shows a button first, so that a mail scanner
that opens links changes nothing; none is cached. And the privacy notice."""

import logging
from functools import wraps

from django.conf import settings
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from people.contact import stop_messages as stop_profile_messages

from . import confirm, members, responses
from .forms import ChangeRequestForm
from .join import about, tell_secretariat
from .members import joined_profile, read_profile_link
from .peers import read_stop_link
from .protect import refusal, shown_again

logger = logging.getLogger(__name__)


def _not_ours(request):
    """A member's link that the site did not sign (cut short, or made up)."""
    return responses.problem(request, _("This link is not valid. Please copy the whole address from the e-mail."), 400)


def member_link(read):
    """A view behind a member's signed link: not cached, GET shows and POST acts, and
    the view gets the translation key the link names (``read`` reads it), or the
    visitor a clear 400 when the link is not the site's."""

    def decorate(view):
        @never_cache
        @require_http_methods(["GET", "POST"])
        @wraps(view)
        def checked(request, signed):
            key = read(signed)
            if key is None:
                return _not_ours(request)
            return view(request, key, signed)

        return checked

    return decorate


def _link_problem(request, state):
    if state == confirm.UNKNOWN:
        message = _(
            "This link is not valid. It may be incomplete (copy the whole address from the e-mail), "
            "or so old that the request was deleted."
        )
        return responses.problem(request, message, 400)
    if state == confirm.USED:
        message = _("This link has already been used: the request was carried out. Nothing more needs doing.")
    else:
        message = _("This link has expired. Nothing was sent. Please fill in the form again.")
    return responses.problem(request, message, 410)


@never_cache
@require_http_methods(["GET", "POST"])
def confirm_request(request, token):
    state, pending = confirm.look_up(token)
    if state != confirm.VALID:
        return _link_problem(request, state)
    kind = confirm.KINDS[pending.kind]
    if request.method == "GET":
        summary = str(kind.summary).format(**pending.payload)
        return responses.notice(
            request,
            _("Confirm your e-mail address"),
            summary,
            button=kind.button or _("Confirm and send"),
            pending=pending,
        )
    try:
        state, done = confirm.carry_out(pending)
    except Exception:  # the mail server did not answer: logged by carry_out
        message = _("It could not be sent just now. Please follow the link in the e-mail again in a few minutes.")
        return responses.problem(request, message, 503)
    if state == confirm.USED:
        return _link_problem(request, state)
    if state == confirm.EXPIRED:
        return responses.problem(request, done, 410)
    return responses.done(request, done)


@member_link(read_stop_link)
def stop_messages(request, key, signed):
    if request.method == "GET":
        return responses.notice(
            request,
            _("Stop receiving messages"),
            _(
                "After this, the site offers no form to write to you, in any language. "
                "To receive messages again, ask the MOCI secretariat."
            ),
            button=_("Stop messages"),
        )
    title = stop_profile_messages(key)
    if title is None:
        message = _("This profile is no longer on the site: no messages will reach you through it.")
        return responses.problem(request, message, 410)
    logger.info("Messages stopped for profile %s", key)
    return responses.done(request, _("Done: you will receive no more messages through the site."))


def _profile_gone(request):
    message = _("This profile is no longer on the site.")
    return responses.problem(request, message, 410)


@member_link(read_profile_link)
def member_profile(request, key, signed):
    """The member's private page: ask for changes (POST here), or remove the profile (a button posting to
    ``remove/``). Opening it changes nothing."""
    page = joined_profile(key)
    if page is None:
        return _profile_gone(request)
    form = ChangeRequestForm(request.POST if request.method == "POST" else None, email=page.contact_email)
    problem, status = None, 200
    if request.method == "POST":
        problem = refusal(request, form)
        if problem is None:
            tell_secretariat(
                about(page),
                subject=_("Changes asked for the profile {title}"),
                template="connect/mail/secretariat_change_request.txt",
                context={"message": form.cleaned_data["message"]},
                reply_to=page.contact_email,
            )
            message = _("Your request was sent to the secretariat. They will answer by e-mail.")
            return responses.done(request, message)
        status = problem.status
    context = {"profile": page, "form": form, "problem": problem, "signed": signed}
    return shown_again(responses.render(request, "connect/member_profile.html", context, status=status), problem)


@member_link(read_profile_link)
def remove_profile(request, key, signed):
    if request.method == "GET":
        page = joined_profile(key)
        if page is None:
            return _profile_gone(request)
        return responses.notice(
            request,
            _("Remove my profile"),
            _(
                "Your profile is deleted at once, in every language, with its photo and your e-mail address. "
                "This cannot be undone."
            ),
            button=_("Remove my profile"),
            profile=page,
            signed=signed,
        )
    described = members.remove_profile(key)
    if described is None:
        return _profile_gone(request)
    logger.info("Profile %s removed by its member", key)
    try:
        tell_secretariat(
            described, subject=_("A member removed their profile"), template="connect/mail/secretariat_removed.txt"
        )
    except Exception:  # removed all the same: the secretariat sees it in the admin
        logger.exception("Could not tell the secretariat that profile %s was removed", key)
    message = _("Your profile and its personal data were deleted from the site.")
    return responses.done(request, message)


@require_http_methods(["GET"])
def privacy(request):
    """The privacy notice: what the public forms keep, for how long, who sees it, how to remove it."""
    context = {
        "hours": settings.MOCI_CONNECT_CONFIRM_HOURS,
        "days": settings.MOCI_CONNECT_KEEP_DAYS,
        "signup_days": settings.MOCI_HUB_SIGNUP_KEEP_DAYS,
        "contact": settings.MOCI_ADMIN_CONTACT_EMAIL,
    }
    return TemplateResponse(request, "connect/privacy.html", context)
