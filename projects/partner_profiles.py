"""A partner's profile page: which pages a partner's profile may be, and where
it is in the visitor's language.

A partner or funder (the ``Partner`` snippet) may also be a member of the
network with a profile page (an organisation's or a person's): ``Partner.profile``
says which, and is the same in every language. A project page links such a
partner to its profile in the visitor's language, in a fixed number of queries.
The other way round, the projects a profile works on, is partnerships.py.
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
