"""The e-mails the site sends to the public: plain text, in the recipient's
language, signed with the site's name and address (the Wagtail Site's)."""

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation


def site_signature(site):
    """(name, address) of a Wagtail Site, for mails and their links."""
    name = (site.site_name if site else "") or settings.WAGTAIL_SITE_NAME
    address = site.root_url if site else settings.WAGTAILADMIN_BASE_URL
    return name, address.rstrip("/")


def absolute(site, path):
    """``path`` on the Site's own address (never the request's Host header)."""
    return site_signature(site)[1] + path


def member_link(page, site, url_name, salt):
    """A link for a profile's member only (``url_name`` with the profile's translation
    key, signed with ``salt``, without expiry), in the profile's language."""
    signed = signing.dumps(str(page.translation_key), salt=salt)
    with translation.override(page.locale.language_code):
        return absolute(site, reverse(url_name, args=[signed]))


def read_member_link(signed, salt):
    """The translation key a member's link names, or None when it was not signed with ``salt``."""
    try:
        return signing.loads(signed, salt=salt)
    except signing.BadSignature:
        return None


def send(*, to, language, site, subject, template, context, reply_to=None):
    """Send ``template`` (a plain-text template) to ``to`` in ``language``.
    ``subject`` is a lazy string, formatted with ``context`` in that language."""
    name, address = site_signature(site)
    with translation.override(language):
        context = {**context, "site_name": name, "site_address": address, "language": language}
        body = render_to_string(template, context)
        subject_text = " ".join(str(subject).format(**context).split())
    message = EmailMessage(
        subject=f"{subject_text} · {name}",
        body=body,
        to=[to],
        reply_to=[reply_to] if reply_to else None,
        headers={"Content-Language": language},
    )
    message.send()
