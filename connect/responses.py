"""The pages connect/ answers with. None is stored, by the page cache, a browser or a
CDN: each carries a CSRF token, a form's time stamp, or what a private link did.
:func:`notice` is the one-message page (connect/notice.html)."""

from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from mocisite.cachekeys import refuse


def render(request, template, context, status=200):
    refuse(request)
    response = TemplateResponse(request, template, context, status=status)
    response["Cache-Control"] = "no-store"
    return response


def notice(request, heading, message, *, role="", button="", status=200, **context):
    """``heading`` and ``message``, then a ``button`` posting back here, else a link home."""
    context.update(heading=heading, message=message, role=role, button=button)
    return render(request, "connect/notice.html", context, status=status)


def done(request, message):
    return notice(request, _("Done"), message, role="status")


def problem(request, message, status):
    return notice(request, _("This link does not work"), message, role="alert", status=status)
