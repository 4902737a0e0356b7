"""Partners and their profiles: which profile page a partner has, and which
projects a profile works on.

A partner or funder (the ``Partner`` snippet) may also be a member of the
network with a profile page (an organisation's or a person's): ``Partner.profile``
says which, and is the same in every language. A project page links such a
partner to its profile in the visitor's language; the profile lists the
projects whose partners or funders name it. Each in a fixed number of queries.
"""

from wagtail.models import Page

from mocisite.localise import in_language_all
from mocisite.visibility import public_q

# The page types a partner's profile may be (people's, by name: people stands on projects).
PROFILE_PAGE_TYPES = ["people.OrganisationPage", "people.PersonPage"]
PROFILE_KINDS = {"organisation", "person"}


def profile_pages(partners, locale, request=None):
    """{profile page id: that profile's live public page in ``locale``'s language
    (or the profile page itself where it has none)} for ``partners``' profiles.
    One query, whatever the number of partners."""
    ids = list(dict.fromkeys(partner.profile_id for partner in partners if partner.profile_id))
    pages = in_language_all(ids, locale, Page.objects.live().filter(public_q(request)))
    return {pk: page for pk, page in zip(ids, pages, strict=True) if page is not None}


def link_profiles(partners, locale, request=None):
    """Give each of ``partners`` a ``profile_url``: its profile's address in
    ``locale``'s language, or "" when it has none (or none a visitor may see)."""
    pages = profile_pages(partners, locale, request)
    for partner in partners:
        page = pages.get(partner.profile_id)
        partner.profile_url = page.get_url(request) if page else ""
    return partners


def partner_ids_of(profile):
    """The ids of every language's version of the partners whose profile is
    ``profile`` (in any language): a query to use as a subquery."""
    from .models import Partner

    linked = Partner.objects.filter(profile__translation_key=profile.translation_key).values("translation_key")
    return Partner.objects.filter(translation_key__in=linked).values_list("pk", flat=True)


def projects_of(profile, request=None):
    """The live public projects in ``profile``'s language whose partners or
    funders name ``profile``, by title. Two queries: the partners, then this
    language's projects, whose partner blocks are read from their raw data."""
    from .models import ProjectPage

    partner_ids = set(partner_ids_of(profile))
    if not partner_ids:
        return []
    projects = (
        ProjectPage.objects.live()
        .filter(public_q(request), locale_id=profile.locale_id)
        .select_related("locale")
        .defer("body")
        .order_by("title")
    )
    return [project for project in projects if partner_ids & set(partner_ids_in(project))]


def partner_ids_in(project):
    """The ids of the partners ``project``'s partner blocks choose, read from the
    raw StreamField data: no query per block."""
    for block in project.partners.raw_data:
        partner_id = (block.get("value") or {}).get("partner")
        if isinstance(partner_id, int):
            yield partner_id
