"""The projects a profile works on: those whose partners or funders name it.

A partner or funder (the ``Partner`` snippet) may also be a member of the
network with a profile page (an organisation's or a person's): ``Partner.profile``
says which, and is the same in every language. The profile lists the projects
whose partners or funders name it, in a fixed number of queries. The other way
round, a partner's profile seen from a project, is partner_profiles.py.
"""

from mocisite.visibility import public_q

from .models import Partner, ProjectPage


def partner_ids_of(profile):
    """The ids of every language's version of the partners whose profile is
    ``profile`` (in any language): a query to use as a subquery."""
    linked = Partner.objects.filter(profile__translation_key=profile.translation_key).values("translation_key")
    return Partner.objects.filter(translation_key__in=linked).values_list("pk", flat=True)


def projects_of(profile, request=None):
    """The live public projects in ``profile``'s language whose partners or
    funders name ``profile``, by title. Two queries: the partners, then this
    language's projects, whose partner blocks are read from their raw data."""
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
