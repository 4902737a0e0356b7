"""A bigger MOCI site, made fast: generated projects, people, organisations and
resources added to the English tree, with their aliases in every other language.

What the admin does when an editor publishes a new English page — the page goes
live under its parent, and wagtail-localize's tree synchronisation adds an alias
of it under the parent's counterpart in every language synchronised from English
(in Albanian, under the translated index) — done for hundreds of pages at once.
It is fast because it writes only what visitors and search see: no revisions
and no history entries; tree paths are counted here instead of being looked up
for each page; each parent's ``numchild``, the many-to-many links, the search
index and Wagtail's reference index are written in bulk at the end.

:func:`grow_site` is ``manage.py grow_content``; the query-budget tests use it
to measure the same pages at two sizes of the network.
"""

import io
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass

from PIL import Image as PILImage

from django.contrib.contenttypes.models import ContentType
from django.core.files.images import ImageFile
from django.db.models import F
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.text import slugify

from modelsearch.index import get_indexed_models
from modelsearch.signal_handlers import post_save_signal_handler as index_on_save
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, ReferenceIndex, Site
from wagtail.search.backends import get_search_backends
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail_localize.models import LocaleSynchronization

from mocisite.geo import Point
from people.models import OrganisationPage, PeopleIndexPage, PersonPage, Skill
from projects.models import Partner, ProjectIndexPage, ProjectPage, Theme
from resources.models import ResourceIndexPage, ResourcePage

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
# What a project does: (title, the themes it is about, in english.THEMES).
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


class TreeWriter:
    """Adds live pages to the tree the way publishing them in the admin would,
    aliases included, without the per-page look-ups that make that slow.

    Use it as a context manager: inside, the search index and Wagtail's
    reference index are not updated on each save (that is most of the cost of
    a save); on leaving, every page saved is indexed in bulk and the parents
    count their new children."""

    # Fields an alias does not copy from its source (Wagtail's create_alias leaves the same out).
    NOT_COPIED = {"id", "page_ptr_id", "path", "depth", "numchild", "url_path", "latest_revision_id", "alias_of_id"}

    def __init__(self, source_locale):
        self.now = timezone.now()
        # The languages wagtail-localize keeps synchronised from this one.
        synchronised = LocaleSynchronization.objects.filter(sync_from=source_locale).values("locale_id")
        self.locales = list(Locale.objects.filter(pk__in=synchronised).order_by("pk"))
        self.aliases = 0
        self._next_step = {}
        self._added = Counter()
        self._counterparts = {}
        self._to_index = defaultdict(list)
        self._links = defaultdict(list)
        self._disconnected = []
        self._references_off = disable_reference_index_auto_update()

    def __enter__(self):
        for model in get_indexed_models():
            if post_save.disconnect(index_on_save, sender=model):
                self._disconnected.append(model)
        self._references_off.__enter__()
        return self

    def __exit__(self, exc_type, exc, traceback):
        self._references_off.__exit__(exc_type, exc, traceback)
        for model in self._disconnected:
            post_save.connect(index_on_save, sender=model)
        self._disconnected = []
        if exc_type is None:
            self._finish()

    def add(self, parent, page, **relations):
        """Save ``page`` (unsaved) as a live child of ``parent``, then its alias in every
        synchronised language. ``relations``: many-to-many values by field name
        (``themes=[...]``), written in bulk on leaving, for the page and its aliases."""
        page.locale_id = parent.locale_id
        page.translation_key = uuid.uuid4()
        self._save(parent, page, relations)
        for locale in self.locales:
            parent_there = self._counterpart(parent, locale)
            if parent_there is None:
                continue  # that language's tree lacks the parent; wagtail-localize would skip it too
            alias = type(page)(
                **{
                    field.attname: getattr(page, field.attname)
                    for field in type(page)._meta.concrete_fields
                    if field.attname not in self.NOT_COPIED
                }
            )
            alias.alias_of_id = page.pk
            alias.locale_id = locale.pk
            self._save(parent_there, alias, relations)
            self.aliases += 1
        return page

    def create(self, model, **fields):
        """A new object of a non-page model (a snippet), indexed with the pages."""
        obj = model.objects.create(**fields)
        self._to_index[model].append(obj)
        return obj

    def _save(self, parent, page, relations):
        if parent.pk not in self._next_step:
            last = (
                Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
                .order_by("-path")
                .values_list("path", flat=True)
                .first()
            )
            self._next_step[parent.pk] = Page._str2int(last[-Page.steplen :]) + 1 if last else 1
        step = self._next_step[parent.pk]
        self._next_step[parent.pk] += 1
        self._added[parent.pk] += 1
        page.depth = parent.depth + 1
        page.path = Page._get_path(parent.path, page.depth, step)
        page.numchild = 0
        page.live, page.has_unpublished_changes = True, False
        page.draft_title = page.title
        page.first_published_at = page.last_published_at = self.now
        # Known already: spares Page.save a query for each.
        page._cached_parent_obj = parent
        page._is_site_root = False
        # No "created" entry in the history: nobody created these pages.
        page.save(clean=False, log_action=None)
        self._to_index[type(page)].append(page)
        for name, targets in relations.items():
            field = type(page)._meta.get_field(name)
            self._links[field].extend(
                field.remote_field.through(**{field.m2m_field_name(): page, field.m2m_reverse_field_name(): target})
                for target in targets
            )

    def _counterpart(self, parent, locale):
        key = (parent.pk, locale.pk)
        if key not in self._counterparts:
            self._counterparts[key] = Page.objects.filter(translation_key=parent.translation_key, locale=locale).first()
        return self._counterparts[key]

    def _finish(self):
        for parent_id, count in self._added.items():
            Page.objects.filter(pk=parent_id).update(numchild=F("numchild") + count)
        for field, links in self._links.items():
            field.remote_field.through.objects.bulk_create(links)
        references = []
        for model, objects in self._to_index.items():
            for backend in get_search_backends(with_auto_update=True):
                backend.add_bulk(model, objects)
            if ReferenceIndex.is_indexed(model):
                references.extend(_references(model, objects))
        ReferenceIndex.objects.bulk_create(references)
        self._added.clear()
        self._next_step.clear()
        self._to_index.clear()
        self._links.clear()


def _references(model, objects):
    """The reference index rows of new ``objects``, as ``ReferenceIndex.create_or_update_for_object``
    writes them, without its look-ups per object: new objects have no rows yet, and
    an alias refers to what its source refers to (it is a copy), so each source is read once."""
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    base_model = (model._meta.get_parent_list() or [model])[-1]
    base_content_type = ContentType.objects.get_for_model(base_model, for_concrete_model=False)
    found = {}
    for obj in objects:
        source_id = getattr(obj, "alias_of_id", None) or obj.pk
        if source_id not in found:
            found[source_id] = set(ReferenceIndex._extract_references_from_object(obj))
        for to_content_type_id, to_object_id, model_path, content_path in found[source_id]:
            yield ReferenceIndex(
                content_type=content_type,
                base_content_type=base_content_type,
                object_id=obj.pk,
                to_content_type_id=to_content_type_id,
                to_object_id=to_object_id,
                model_path=model_path,
                content_path=content_path,
                content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
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
