"""After someone joined (connect/join.py): the secretariat's decision told to
them, and their private link to stay in control of the profile (issue 16,
item 4).

- Approved (the page is published for the first time): an e-mail in the
  profile's language with its address and the private link.
- Rejected (the moderation task is rejected, or the draft deleted before it was
  ever published): an e-mail saying so; nothing was public.
- The private link (signed, without expiry, like the "stop messages" link)
  opens a page with two buttons: ask the secretariat for changes (a short
  protected form), and remove the profile, which deletes at once every page of
  it in every language, their revisions, moderation and history records,
  wagtail-localize's copy of its text, and its photo; then the secretariat is
  told.

The submitter's address is the profile's own private contact address
(``contact_email``): it is not kept anywhere else.
"""

import contextvars
import logging

from django.db import transaction
from django.db.models.signals import pre_delete
from django.utils.translation import gettext_lazy as _

from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import Page, PageLogEntry, ReferenceIndex
from wagtail.signals import page_published, workflow_rejected
from wagtail_localize.models import String, StringSegment, TranslationSource

from people.models import OrganisationPage, PersonPage

from . import mail
from .join import JOINED, about

logger = logging.getLogger(__name__)

PROFILE_SALT = "connect.member-profile"
# The page history's record that the member was told of the approval.
WELCOMED = "connect.welcome"
PROFILE_MODELS = (PersonPage, OrganisationPage)
_removing = contextvars.ContextVar("connect_removing", default=False)


def profile_link(page, site):
    """The member's private link to their profile's controls."""
    return mail.member_link(page, site, "connect:profile", PROFILE_SALT)


def read_profile_link(signed):
    return mail.read_member_link(signed, PROFILE_SALT)


def joined(page):
    return PageLogEntry.objects.filter(page_id=page.pk, action=JOINED).exists()


def joined_profile(translation_key):
    """The page a member sent for ``translation_key`` (specific), or None."""
    pages = Page.objects.filter(translation_key=translation_key, alias_of__isnull=True)
    ids = PageLogEntry.objects.filter(page__in=pages, action=JOINED).values("page_id")
    return Page.objects.filter(pk__in=ids).select_related("locale").specific().first()


def _tell_member(page, *, subject, template, context=None):
    site = page.get_site()
    mail.send(
        to=page.contact_email,
        language=page.locale.language_code,
        site=site,
        subject=subject,
        template=template,
        context={**(context or {}), "title": page.title},
    )


def on_published(sender, instance, **kwargs):
    """The first publication of a profile that came through the form: tell its member."""
    if not isinstance(instance, PROFILE_MODELS) or not instance.contact_email or not joined(instance):
        return
    if PageLogEntry.objects.filter(page_id=instance.pk, action=WELCOMED).exists():
        return
    try:
        _tell_member(
            instance,
            subject=_("Your profile is published: {title}"),
            template="connect/mail/profile_published.txt",
            context={"page_url": instance.get_full_url(), "control_link": profile_link(instance, instance.get_site())},
        )
    except Exception:  # the mail server: the secretariat's publish must not fail for it
        logger.exception("Could not tell the member of %s that it is published", instance)
        return
    log(instance=instance, action=WELCOMED)


def _tell_not_published(page):
    try:
        _tell_member(page, subject=_("Your profile was not published"), template="connect/mail/profile_rejected.txt")
    except Exception:
        logger.exception("Could not tell the member of %s that it was not published", page)


def on_rejected(sender, instance, **kwargs):
    """The secretariat rejected a profile that was never published: tell its member."""
    page = instance.content_object
    if isinstance(page, Page):
        page = page.specific
    if isinstance(page, PROFILE_MODELS) and page.first_published_at is None and page.contact_email and joined(page):
        _tell_not_published(page)


def on_deleted(sender, instance, **kwargs):
    """A draft sent through the form, deleted by the secretariat before it was ever published."""
    if _removing.get() or instance.alias_of_id or instance.first_published_at is not None:
        return
    if instance.contact_email and joined(instance):
        _tell_not_published(instance)


def connect_signals():
    page_published.connect(on_published, dispatch_uid="connect-member-published")
    workflow_rejected.connect(on_rejected, dispatch_uid="connect-member-rejected")
    for model in PROFILE_MODELS:
        pre_delete.connect(on_deleted, sender=model, dispatch_uid=f"connect-member-deleted-{model.__name__}")


def _forget_translation_text(translation_key):
    """wagtail-localize's copy of the profile's text (its source and segments, the
    strings no other page uses, and their translations)."""
    sources = TranslationSource.objects.filter(object_id=translation_key)
    strings = set(StringSegment.objects.filter(source__in=sources).values_list("string_id", flat=True))
    sources.delete()
    String.objects.filter(pk__in=strings, segments__isnull=True).delete()


@transaction.atomic
def remove_profile(translation_key):
    """Delete every page of the profile, in every language, with everything that
    holds its personal data. The secretariat's description of the member's page
    (:func:`connect.join.about`), or None when there was nothing to remove."""
    pages = [
        page
        for page in Page.objects.filter(translation_key=translation_key).select_related("locale").specific()
        if isinstance(page, PROFILE_MODELS)
    ]
    if not pages:
        return None
    member = next((page for page in pages if joined(page)), pages[0])
    described = about(member)
    ids = [page.pk for page in pages]
    images = {page.photo_id for page in pages if page.photo_id}
    token = _removing.set(True)
    try:
        # Aliases and translations first, the member's own page last.
        for page in sorted(pages, key=lambda page: (page.pk == member.pk, page.alias_of_id is None)):
            if Page.objects.filter(pk=page.pk).exists():
                page.delete()
    finally:
        _removing.reset(token)
    _forget_translation_text(translation_key)
    PageLogEntry.objects.filter(page_id__in=ids).delete()
    # The photo, unless an editor chose a library image that other pages use too.
    for image in get_image_model().objects.filter(pk__in=images):
        if not ReferenceIndex.get_references_to(image).exists():
            image.delete()
    return described
