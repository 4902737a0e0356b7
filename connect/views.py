"""The pages the e-mails' links open: confirming a request (connect/confirm.py)
and a member's "stop messages" link (connect/peers.py). Each shows a button
first, so that a mail scanner that opens links changes nothing; none is cached."""

import logging

from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from mocisite.cachekeys import refuse
from people.contact import stop_messages as stop_profile_messages

from . import confirm
from .peers import read_stop_link

logger = logging.getLogger(__name__)


def _page(request, template, context, status=200):
    refuse(request)
    return TemplateResponse(request, template, context, status=status)


def _link_problem(request, state):
    if state == confirm.UNKNOWN:
        message = _(
            "This link is not valid. It may be incomplete (copy the whole address from the e-mail), "
            "or so old that the request was deleted."
        )
        return _page(request, "connect/link_problem.html", {"message": message}, status=400)
    if state == confirm.USED:
        message = _("This link has already been used: the request was carried out. Nothing more needs doing.")
    else:
        message = _("This link has expired. Nothing was sent. Please fill in the form again.")
    return _page(request, "connect/link_problem.html", {"message": message}, status=410)


@never_cache
@require_http_methods(["GET", "POST"])
def confirm_request(request, token):
    state, pending = confirm.look_up(token)
    if state != confirm.VALID:
        return _link_problem(request, state)
    kind = confirm.KINDS[pending.kind]
    if request.method == "GET":
        summary = str(kind.summary).format(**pending.payload)
        return _page(request, "connect/confirm.html", {"summary": summary, "pending": pending})
    try:
        state, done = confirm.carry_out(pending)
    except Exception:  # the mail server did not answer: logged by carry_out
        message = _("It could not be sent just now. Please follow the link in the e-mail again in a few minutes.")
        return _page(request, "connect/link_problem.html", {"message": message}, status=503)
    if state == confirm.USED:
        return _link_problem(request, state)
    if state == confirm.EXPIRED:
        return _page(request, "connect/link_problem.html", {"message": done}, status=410)
    return _page(request, "connect/done.html", {"message": done})


@never_cache
@require_http_methods(["GET", "POST"])
def stop_messages(request, signed):
    key = read_stop_link(signed)
    if key is None:
        message = _("This link is not valid. Please copy the whole address from the e-mail.")
        return _page(request, "connect/link_problem.html", {"message": message}, status=400)
    if request.method == "GET":
        return _page(request, "connect/stop.html", {})
    title = stop_profile_messages(key)
    if title is None:
        message = _("This profile is no longer on the site: no messages will reach you through it.")
        return _page(request, "connect/link_problem.html", {"message": message}, status=410)
    logger.info("Messages stopped for profile %s", key)
    return _page(
        request, "connect/done.html", {"message": _("Done: you will receive no more messages through the site.")}
    )
