"""The MOCI site's first content, in English (the source language).

Copied from the texts the organisation gave for its site (the network and
its principles, the hub and its projects, "who we are" in English and
Albanian), with obvious typing slips mended; those texts are not kept in the
repository, this package (with ``seed/resources.py`` and ``seed/albanian/``
beside it) is their copy. ``load_moci_content`` builds the site tree from it.
Rich-text values are HTML as Wagtail stores it. One module per kind:

- ``pages.py``: the home page, the principles, the community map, the menu and
  the footer;
- ``projects.py``: the project index, the projects, their themes, partners and
  places;
- ``profiles.py``: the directory, the member organisations and their skills;
- ``hub.py``: the travelling hub and its one dated workshop series.

Every text is also here, as ``seed.english.NAME``.
"""

from .hub import HUB, WORKSHOPS
from .pages import COMMUNITY_MAP, FEATURED_PROJECTS, FOOTER, HOME, MENU, MENU_LABELS, PRINCIPLES_PAGE
from .profiles import ORGANISATIONS, PEOPLE_INDEX, SKILLS
from .projects import PARTNER_PROFILES, PARTNERS, POINTS, PROJECT_INDEX, PROJECTS, THEMES

__all__ = [
    "COMMUNITY_MAP",
    "FEATURED_PROJECTS",
    "FOOTER",
    "HOME",
    "HUB",
    "MENU",
    "MENU_LABELS",
    "ORGANISATIONS",
    "PARTNERS",
    "PARTNER_PROFILES",
    "PEOPLE_INDEX",
    "POINTS",
    "PRINCIPLES_PAGE",
    "PROJECTS",
    "PROJECT_INDEX",
    "SKILLS",
    "THEMES",
    "WORKSHOPS",
]
