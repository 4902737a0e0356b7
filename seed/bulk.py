"""A bigger MOCI site, made fast: generated projects, people, organisations and
resources added to the English tree, with their aliases in every other language.

The pages go live as if an editor had published each of them in the admin, but
in bulk (:class:`seed.tree_writer.TreeWriter`); here is what they are: an
activity in a place of the network, its partners, organisations and people, and
guides drawn from them.

:func:`grow_site` is ``manage.py grow_content``; the query-budget tests use it
to measure the same pages at two sizes of the network.
"""

import io
from dataclasses import dataclass

from PIL import Image as PILImage

from django.core.files.images import ImageFile
from django.utils.text import slugify

from wagtail.images import get_image_model
from wagtail.models import Locale, Site

from mocisite.geo import Point
from people.models import OrganisationPage, PeopleIndexPage, PersonPage, Skill
from projects.models import Partner, ProjectIndexPage, ProjectPage, Theme
from resources.models import ResourceIndexPage, ResourcePage
from seed.tree_writer import TreeWriter

# Where the network works: (place, country, latitude, longitude).
PLACES = [
    ("Shkodër", "AL", 42.0683, 19.5126),
    ("Korçë", "AL", 40.6186, 20.7808),
    ("Gjirokastër", "AL", 40.0758, 20.1389),
    ("Vlorë", "AL", 40.4661, 19.4914),
    ("Prishtina", "XK", 42.6629, 21.1655),
    ("Prizren", "XK", 42.2139, 20.7397),
    ("Skopje", "MK", 41.9981, 21.4254),
    ("Bitola", "MK", 41.0314, 21.3347),
    ("Belgrade", "RS", 44.7866, 20.4489),
    ("Novi Sad", "RS", 45.2671, 19.8335),
    ("Sarajevo", "BA", 43.8563, 18.4131),
    ("Mostar", "BA", 43.3438, 17.8078),
    ("Podgorica", "ME", 42.4304, 19.2594),
    ("Kotor", "ME", 42.4247, 18.7712),
    ("Tbilisi", "GE", 41.7151, 44.8271),
    ("Kutaisi", "GE", 42.2679, 42.6946),
    ("Yerevan", "AM", 40.1792, 44.4991),
    ("Gyumri", "AM", 40.7942, 43.8453),
]
# What a project does: (title, the themes it is about, in seed/english/projects.py's THEMES).
ACTIVITIES = [
    ("Repair café", ["recycling", "community"]),
    ("Community garden", ["agriculture", "community"]),
    ("Open-air cinema", ["culture"]),
    ("Youth radio", ["youth", "culture"]),
    ("Seed library", ["agriculture"]),
    ("Makerspace", ["learning", "recycling"]),
    ("River clean-up", ["environment", "youth"]),
    ("Street art festival", ["culture", "youth"]),
    ("Oral history archive", ["culture", "learning"]),
    ("Bicycle workshop", ["learning"]),
    ("Composting network", ["environment", "agriculture"]),
    ("Theatre for change", ["culture", "community"]),
    ("Solar workshop", ["environment", "learning"]),
    ("Book exchange", ["community"]),
]
ORGANISATION_KINDS = ["Cultural centre", "Youth hub", "Eco collective", "Community kitchen", "Art space"]
FIRST_NAMES = ["Arta", "Besnik", "Elira", "Goran", "Jovana", "Luka", "Mariam", "Nino", "Ani", "Davit", "Ema", "Petar"]
SURNAMES = ["Hoxha", "Krasniqi", "Petrović", "Stojanovska", "Beridze", "Hakobyan", "Kovačević", "Dushi", "Lomidze"]
STATUSES = ["ongoing", "ongoing", "completed", "planned"]
PHOTOS = [("Grown content: workshop", (11, 85, 99)), ("Grown content: garden", (86, 120, 40))]


@dataclass
class Grown:
    """What :func:`grow_site` added."""

    projects: int = 0
    organisations: int = 0
    people: int = 0
    resources: int = 0
    partners: int = 0
    aliases: int = 0
    languages: int = 0

    def __str__(self):
        return (
            f"{self.projects} projects, {self.organisations} organisations, {self.people} people, "
            f"{self.resources} resources and {self.partners} partners added in English, "
            f"with {self.aliases} aliases in {self.languages} other languages"
        )


class MissingContent(Exception):
    """The site has no MOCI content to grow (``load_moci_content`` has not run)."""


def grow_site(projects):
    """Add English projects until there are ``projects`` of them, and one organisation,
    one person and one resource for every ten projects added, each page with its
    aliases. Does nothing when there are that many already. Returns :class:`Grown`."""
    english = Locale.get_default()
    have = ProjectPage.objects.filter(locale=english).count()
    grown = Grown()
    if have >= projects:
        return grown
    indexes = _indexes()
    with TreeWriter(english) as writer:
        grown.languages = len(writer.locales)
        terms = {
            "themes": {theme.slug: theme for theme in Theme.objects.filter(locale=english)},
            "skills": list(Skill.objects.filter(locale=english).order_by("pk")),
            "photos": _photos(writer),
        }
        new_projects = _add_projects(writer, indexes["projects"], range(have, projects), terms, grown)
        extra = projects // 10 - have // 10
        organisations = _add_organisations(writer, indexes["people"], extra, terms, grown)
        _add_people(writer, indexes["people"], organisations, terms, grown)
        _add_resources(writer, indexes["resources"], extra, new_projects, terms, grown)
    grown.aliases = writer.aliases
    return grown


def _indexes():
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    home = site.root_page if site else None
    found = {}
    for name, model in (("projects", ProjectIndexPage), ("people", PeopleIndexPage), ("resources", ResourceIndexPage)):
        found[name] = model.objects.child_of(home).first() if home else None
        if found[name] is None:
            raise MissingContent(f"No {model._meta.verbose_name} under the default site's home page.")
    return found


def _photos(writer):
    """A few photos shared by the grown pages, so that listings have renditions to fetch."""
    model = get_image_model()
    photos = []
    for title, colour in PHOTOS:
        photo = model.objects.filter(title=title).first()
        if photo is None:
            buffer = io.BytesIO()
            PILImage.new("RGB", (800, 500), colour).save(buffer, "PNG")
            photo = writer.create(
                model, title=title, file=ImageFile(buffer, name=f"{slugify(title)}.png"), description=title
            )
        photos.append(photo)
    return photos


def _point(place, n):
    """The place's point, moved a little per item so that markers do not stack exactly."""
    _name, _country, lat, lng = place
    return str(Point(round(lat + (n % 7) * 0.004, 5), round(lng + (n % 5) * 0.004, 5)))


def _add_projects(writer, index, numbers, terms, grown):
    """Project ``n`` for each of ``numbers``: an activity in a place, with one or
    two themes and a partner (a new one for every third project)."""
    english = index.locale
    themes, photos = terms["themes"], terms["photos"]
    partners = list(Partner.objects.filter(locale=english).exclude(location="").order_by("pk"))
    added = []
    for n in numbers:
        activity, slugs = ACTIVITIES[n % len(ACTIVITIES)]
        place = PLACES[(n // len(ACTIVITIES)) % len(PLACES)]
        cycle = n // (len(ACTIVITIES) * len(PLACES))
        title = f"{activity} in {place[0]}" + (f" {cycle + 1}" if cycle else "")
        if n % 3 == 0 or not partners:
            partners.append(
                writer.create(
                    Partner,
                    locale=english,
                    name=f"{place[0]} Community Foundation {n}",
                    description=f"Supports community projects in {place[0]}.",
                    place_name=place[0],
                    country=place[1],
                    location=_point(place, n + 3),
                )
            )
            grown.partners += 1
            partner = partners[-1]
        else:
            partner = partners[n % len(partners)]
        page = ProjectPage(
            title=title,
            slug=f"{slugify(title)}-{n}",
            summary=f"A {activity.lower()} that the community of {place[0]} runs together.",
            body=[("paragraph", f"<p>Neighbours in {place[0]} meet every week for the {activity.lower()}.</p>")],
            status=STATUSES[n % len(STATUSES)],
            place_name=place[0],
            country=place[1],
            location=_point(place, n),
            image=photos[n % len(photos)] if n % 2 else None,
            partners=[("partner", {"partner": partner, "role": "funder" if n % 4 == 0 else "partner"})],
        )
        chosen = [themes[slug] for slug in slugs if slug in themes][: 1 + n % 2] or list(themes.values())[:1]
        added.append(writer.add(index, page, themes=chosen))
        grown.projects += 1
    return added


def _skills(skills, *offsets):
    return [skills[offset % len(skills)] for offset in offsets] if skills else []


def _add_organisations(writer, index, count, terms, grown):
    start = OrganisationPage.objects.filter(locale=index.locale).count()
    added = []
    for n in range(start, start + count):
        place = PLACES[n % len(PLACES)]
        kind = ORGANISATION_KINDS[n % len(ORGANISATION_KINDS)]
        title = f"{kind} {place[0]}"
        page = OrganisationPage(
            title=title,
            slug=f"{slugify(title)}-{n}",
            role=kind,
            bio=f"A member organisation of the network in {place[0]}.",
            photo=terms["photos"][n % len(terms["photos"])],
            place_name=place[0],
            country=place[1],
            location=_point(place, n + 1),
            challenges=[("challenge", "Finding a space the community can afford.")],
        )
        skills = terms["skills"]
        added.append(writer.add(index, page, skills=_skills(skills, n, n + 1), needs=_skills(skills, n + 3)))
        grown.organisations += 1
    return added


def _add_people(writer, index, organisations, terms, grown):
    """One person for each new organisation, a member of it."""
    start = PersonPage.objects.filter(locale=index.locale).count()
    for n, organisation in enumerate(organisations, start):
        place = PLACES[(n + 5) % len(PLACES)]
        title = f"{FIRST_NAMES[n % len(FIRST_NAMES)]} {SURNAMES[n % len(SURNAMES)]}"
        page = PersonPage(
            title=title,
            slug=f"{slugify(title)}-{n}",
            role="Facilitator and maker",
            bio=f"{title} runs workshops in {place[0]}.",
            photo=terms["photos"][n % len(terms["photos"])] if n % 2 else None,
            organisation=organisation,
            place_name=place[0],
            country=place[1],
            location=_point(place, n + 2),
        )
        skills = terms["skills"]
        writer.add(index, page, skills=_skills(skills, n + 1), needs=_skills(skills, n))
        grown.people += 1


def _add_resources(writer, index, count, projects, terms, grown):
    """Tutorials and best practices, each linking one to three of the new projects."""
    start = ResourcePage.objects.filter(locale=index.locale).count()
    for i, n in enumerate(range(start, start + count)):
        activity, slugs = ACTIVITIES[n % len(ACTIVITIES)]
        cycle = n // len(ACTIVITIES)
        title = f"How to start a {activity.lower()}" + (f" ({cycle + 1})" if cycle else "")
        page = ResourcePage(
            title=title,
            slug=f"{slugify(title)}-{n}",
            kind="tutorial" if n % 2 else "best-practice",
            summary=f"What the network learnt from running a {activity.lower()}, step by step.",
            body=[("paragraph", f"<p>Start small: a {activity.lower()} needs neighbours before it needs money.</p>")],
        )
        writer.add(
            index,
            page,
            topics=[terms["themes"][slug] for slug in slugs if slug in terms["themes"]],
            related_projects=projects[i * 10 : i * 10 + 1 + n % 3],
        )
        grown.resources += 1
