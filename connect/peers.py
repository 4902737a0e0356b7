"""Writing to a peer: the form under a profile (``<profile>/contact/``, served
through the ``serve_profile_contact`` hook of people.models), the request it
starts (kind ``peer-message``), and the delivery once the sender has confirmed:
to the profile's private address, in the profile's language, with the sender's
address as ``Reply-To`` and a link to stop receiving messages."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page
from wagtail_localize.models import TranslationSource

from mocisite.sites import find_site

from . import confirm, mail, responses
from .forms import WriteToPeerForm
from .protect import refusal, shown_again

KIND = "peer-message"
STOP_SALT = "connect.stop-messages"


def stop_link(profile, site):
    """The member's private link to stop messages."""
    return mail.member_link(profile, site, "connect:stop", STOP_SALT)


def read_stop_link(signed):
    return mail.read_member_link(signed, STOP_SALT)


def write_to_peer(request, profile):
    """The form (GET), or the request it starts (POST). Never cached: the page
    carries a CSRF token of its own for each visitor."""
    form = WriteToPeerForm(request.POST if request.method == "POST" else None)
    problem, status = None, 200
    if request.method == "POST":
        problem = refusal(request, form)
        if problem is None:
            site = find_site(request)
            confirm.start(
                request,
                kind=KIND,
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                payload={"profile": profile.pk, "target": profile.title, "message": form.cleaned_data["message"]},
                site=site,
            )
            return responses.render(
                request,
                "connect/sent.html",
                {"page": profile, "email": form.cleaned_data["email"], "hours": settings.MOCI_CONNECT_CONFIRM_HOURS},
            )
        status = problem.status
    response = responses.render(
        request, "connect/write_to_peer.html", {"page": profile, "form": form, "problem": problem}, status=status
    )
    return shown_again(response, problem)


def members_version(profile):
    """The profile in its member's own language: the source page the other
    languages are translations or aliases of (or ``profile`` when it is live)."""
    source = (
        TranslationSource.objects.filter(object_id=profile.translation_key)
        .order_by("created_at")
        .values_list("locale_id", flat=True)
        .first()
    )
    versions = Page.objects.filter(translation_key=profile.translation_key).live()
    if source is not None:
        versions = versions.filter(locale_id=source)
    else:
        versions = versions.filter(alias_of__isnull=True)
    return versions.select_related("locale").specific().first() or profile


def deliver(pending):
    """The confirmed message, to the profile's private address, in its member's language."""
    profile = Page.objects.filter(pk=pending.payload.get("profile")).live().specific().first()
    if profile is None or not getattr(profile, "reachable", False):
        raise confirm.Gone(_("This profile no longer takes messages. Nothing was sent."))
    profile = members_version(profile)
    site = profile.get_site()
    language = profile.locale.language_code
    mail.send(
        to=profile.contact_email,
        language=language,
        site=site,
        subject=_("A message from {name}"),
        template="connect/mail/peer_message.txt",
        context={
            "name": pending.name,
            "email": pending.email,
            "message": pending.payload.get("message", ""),
            "profile_title": profile.title,
            "profile_url": profile.get_full_url(),
            "stop_link": stop_link(profile, site),
        },
        reply_to=pending.email,
    )
    return _("Your message was sent to {target}. When they reply, the answer comes to your e-mail address.").format(
        target=profile.title
    )


confirm.register(
    confirm.Kind(
        name=KIND,
        subject=_("Confirm your message to {target}"),
        summary=_("Your message to {target} is ready to be sent."),
        mail_template="connect/mail/confirm_peer_message.txt",
        action=deliver,
    )
)
