"""Joining the network (issue 16, item 3): the form at ``/<lang>/join/``, the
request it starts (kind ``join``, connect/confirm.py), and what confirming it
does: a draft profile in the sender's language, under that language's
directory, submitted to the moderation workflow, and a note to the secretariat.

The profile is a page of the sender's language tree even when that language's
directory is still an alias of the English one: a profile written in Albanian
is an Albanian source page, translated into the other languages like any page
(the translation queue lists it: translations/queue.py). What happens after
the secretariat's decision is in connect/members.py."""

import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import Locale

from mocisite.cachekeys import refuse
from mocisite.roles import SECRETARIAT
from mocisite.routing import find_site
from mocisite.slugs import ascii_slug
from people.models import OrganisationPage, PeopleIndexPage, PersonPage, Skill

from . import confirm, mail
from .forms import JoinForm
from .photos import photo_file
from .protect import refusal, shown_again

logger = logging.getLogger(__name__)

KIND = "join"
# The page history's record that a profile came through the form (connect/wagtail_hooks.py).
JOINED = "connect.join"
MODELS = {"person": PersonPage, "organisation": OrganisationPage}


def skill_choices(language):
    """The skills as checkboxes: the source-language term's id, named in ``language``."""
    source_code = settings.LANGUAGE_CODE
    source = {skill.translation_key: skill.pk for skill in Skill.objects.filter(locale__language_code=source_code)}
    locale = Locale.objects.filter(language_code=language).values_list("pk", flat=True).first()
    named = Skill.for_locale(locale) if locale else []
    named = sorted(
        (skill for skill in named if skill.translation_key in source), key=lambda skill: skill.name.casefold()
    )
    # A skill not yet translated shows its English name, marked as English for screen readers.
    return [
        (
            str(source[skill.translation_key]),
            skill.name
            if skill.locale_id == locale
            else format_html('<span lang="{}">{}</span>', source_code, skill.name),
        )
        for skill in named
    ]


@never_cache
@require_http_methods(["GET", "POST"])
def join(request):
    """The form (GET), or the request it starts (POST). Never cached: each visitor
    gets a CSRF token of their own, and what they typed is shown only to them."""
    refuse(request)
    skills = skill_choices(translation.get_language())
    posted = request.method == "POST"
    form = JoinForm(request.POST if posted else None, request.FILES if posted else None, skills=skills)
    problem, status = None, 200
    if posted:
        problem = refusal(request, form)
        if problem is None:
            data = form.cleaned_data
            payload = {
                "name": data["name"],
                "kind": data["kind"],
                "place_name": data["place_name"],
                "country": data["country"],
                "location": data["location"],
                "bio": data["bio"],
                "skills": [int(pk) for pk in data["skills"]],
                "needs": [int(pk) for pk in data["needs"]],
                "other": data["other"],
                "challenges": data["challenges"],
                "links": form.links(),
                **(data["photo"] or {}),
            }
            confirm.start(
                request, kind=KIND, name=data["name"], email=data["email"], payload=payload, site=find_site(request)
            )
            context = {"email": data["email"], "hours": settings.MOCI_CONNECT_CONFIRM_HOURS}
            return TemplateResponse(request, "connect/join_sent.html", context)
        status = problem.status
    context = {"form": form, "problem": problem, "photo_again": posted and bool(request.FILES.get("photo"))}
    return shown_again(TemplateResponse(request, "connect/join.html", context, status=status), problem)


def _directory(language):
    """The directory the profile goes under: its language's, else the source language's."""
    for code in (language, settings.LANGUAGE_CODE):
        index = PeopleIndexPage.objects.filter(locale__language_code=code).order_by("path").first()
        if index is not None:
            return index
    return None


def _free_slug(index, name):
    """An ASCII address in every script, free among the directory's pages (Wagtail's own
    ``_get_autogenerated_slug`` needs the page in the tree, which it is not yet)."""
    base = ascii_slug(name, 200) or "profile"
    taken = set(index.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def _link_label(url):
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")


def create_profile(pending):
    """The confirmed submission as a draft profile, in moderation; the secretariat told."""
    data = pending.payload
    index = _directory(pending.language)
    if index is None or data.get("kind") not in MODELS:
        raise confirm.Gone(_("The directory cannot take new profiles just now. Please write to the secretariat."))
    language = index.locale.language_code
    name = data["name"]
    image = None
    with translation.override(language):
        alt_text = gettext("Picture of %(name)s") % {"name": name}
    upload = photo_file(data, ascii_slug(name, 60) or "profile")
    if upload is not None:
        image = get_image_model()(title=name, file=upload, description=alt_text)
        image._set_image_file_metadata()
        image.save()
    page = MODELS[data["kind"]](
        title=name,
        slug=_free_slug(index, name),
        locale=index.locale,
        live=False,
        bio=data.get("bio", ""),
        place_name=data.get("place_name", ""),
        country=data.get("country", ""),
        location=data.get("location", ""),
        challenges=[("challenge", text) for text in data.get("challenges", [])],
        links=[("link", {"label": _link_label(url), "url": url}) for url in data.get("links", [])],
        photo=image,
        photo_alt_text=alt_text if image else "",
        contact_email=pending.email,
    )
    source_skills = Skill.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
    page.skills = list(source_skills.filter(pk__in=data.get("skills", [])))
    page.needs = list(source_skills.filter(pk__in=data.get("needs", [])))
    index.add_child(instance=page)
    page.save_revision(log_action=False)
    log(instance=page, action=JOINED, data={"consent_at": pending.consent_at.isoformat()})
    workflow = page.get_workflow()
    if workflow is not None:
        workflow.start(page, None)
    else:
        logger.warning("No moderation workflow for %s: it waits as a draft", page)
    tell_secretariat(
        about(page),
        subject=_("A new profile to review: {title}"),
        template="connect/mail/secretariat_new_profile.txt",
        context={"other": data.get("other", "")},
    )
    return _("Thank you: your profile was sent to the secretariat. You will get an e-mail when it is published.")


def secretariat_addresses():
    """(address, language) of each active member of the secretariat, and the site's contact address."""
    users = get_user_model().objects.filter(groups__name=SECRETARIAT, is_active=True).exclude(email="")
    found = {}
    for user in users.select_related("wagtail_userprofile"):
        profile = getattr(user, "wagtail_userprofile", None)
        found[user.email.lower()] = profile.get_preferred_language() if profile else settings.LANGUAGE_CODE
    if settings.MOCI_ADMIN_CONTACT_EMAIL:
        found.setdefault(settings.MOCI_ADMIN_CONTACT_EMAIL.lower(), settings.LANGUAGE_CODE)
    return sorted(found.items())


def about(page):
    """What the secretariat's mails say about ``page`` (read before it is deleted)."""
    site = page.get_site()
    return {
        "site": site,
        "title": page.title,
        "page_language": page.locale.language_code,
        "admin_link": mail.absolute(site, reverse("wagtailadmin_pages:edit", args=[page.pk])),
    }


def tell_secretariat(described, *, subject, template, context=None, reply_to=None):
    """A plain-text mail about a page (:func:`about`) to the secretariat, each in their language."""
    described = dict(described)
    site = described.pop("site")
    for address, language in secretariat_addresses():
        mail.send(
            to=address,
            language=language,
            site=site,
            subject=subject,
            template=template,
            context={**(context or {}), **described},
            reply_to=reply_to,
        )


confirm.register(
    confirm.Kind(
        name=KIND,
        subject=_("Confirm your profile for the network"),
        summary=_("Your profile “{name}” is ready to be sent to the secretariat."),
        mail_template="connect/mail/confirm_join.txt",
        action=create_profile,
    )
)
