"""The community map's places, their filters and their feed: who and what the
network is, and where.

:func:`collect_places` gathers, in one language, the live public projects,
member organisations and people that have a map point, and the partners of
those projects, as :class:`Place` objects; :class:`MapFilterForm` narrows them
as the query string asks. The map page (``CommunityMapPage``, in models.py)
lists them and :func:`feature_collection` turns them into the GeoJSON feed the
map reads. The number of queries is fixed, whatever the number of places.

This module stands below models.py: the page hands it the profile page types
and their terms' model (``OrganisationPage``, ``PersonPage``, ``Skill``).
"""

from dataclasses import dataclass, field
from urllib.parse import urljoin

from django import forms
from django.conf import settings
from django.db.models import F, Prefetch
from django.utils.translation import get_supported_language_variant
from django.utils.translation import gettext_lazy as _

from mocisite import geo
from mocisite.countries import COUNTRY_NAMES, country_choices
from mocisite.filters import FilterForm
from mocisite.geo import Point
from mocisite.localise import in_language_all
from mocisite.sites import find_site
from mocisite.visibility import public_q
from projects.models import Partner, ProjectPage, Theme
from projects.partnerships import partner_ids_in

KINDS = {
    "project": _("Project"),
    "organisation": _("Organisation"),
    "person": _("Person"),
    "partner": _("Partner"),
    "workshop": _("Workshop"),
}
KIND_FILTER_LABELS = {
    "project": _("Projects"),
    "organisation": _("Organisations"),
    "person": _("People"),
    "partner": _("Partners and funders"),
    "workshop": _("Workshops"),
}
WHEN_LABELS = {"upcoming": _("Upcoming"), "past": _("Past")}

# Places other apps put on the map (the hub's workshops, registered by hub/apps.py, which
# stands above this app): functions of (locale, request, now) giving (places, next_change),
# next_change being the moment their places change with no publish (or None).
place_sources = []


def add_place_source(function):
    if function not in place_sources:
        place_sources.append(function)


@dataclass
class Place:
    """Something on the map, as a visitor reads it in one language."""

    id: str  # "project-12": unique across kinds, stable while the object exists
    kind: str
    title: str
    url: str
    point: Point
    place_name: str = ""
    country: str = ""
    summary: str = ""
    # Themes (projects) or skills (people, organisations), named in the map's language.
    terms: list = field(default_factory=list)
    # Partners only: the projects they work on with the network.
    projects: list = field(default_factory=list)
    # The language the title and summary are written in, when it is not the page's.
    lang: str = ""
    # Workshops only: when, in words, and "upcoming" or "past".
    when: str = ""
    status: str = ""

    @property
    def kind_label(self):
        return KINDS[self.kind]

    @property
    def country_name(self):
        return COUNTRY_NAMES.get(self.country, "")

    @property
    def place_label(self):
        return geo.place_label(self.place_name, self.country)

    def as_feature(self, request=None):
        return {
            "type": "Feature",
            "id": self.id,
            "geometry": {"type": "Point", "coordinates": [self.point.lng, self.point.lat]},
            "properties": {
                "kind": self.kind,
                "kind_label": str(self.kind_label),
                "title": self.title,
                # Absolute, on the site's own address, so others can reuse it.
                "url": absolute_url(request, self.url),
                "place": self.place_name,
                "country": self.country,
                "country_name": str(self.country_name),
                "summary": self.summary,
                "terms": [{"slug": term.slug, "name": term.name} for term in self.terms],
                "projects": [{"title": title, "url": absolute_url(request, url)} for title, url in self.projects],
                "lang": self.lang,
                **(
                    {"when": self.when, "status": self.status, "upcoming": self.status == "upcoming"}
                    if self.status
                    else {}
                ),
            },
        }


def absolute_url(request, url):
    """``url`` on the root URL of the request's Wagtail Site, not on its Host header:
    the feed is cached per site (mocisite/cachekeys.py)."""
    site = find_site(request) if request and url else None
    return urljoin(f"{site.root_url}/", url) if site else url


def _text_lang(page, locale, source_code):
    """An alias shows the English page's text: say so, for ``lang`` attributes."""
    return source_code if page.alias_of_id and locale.language_code != source_code else ""


def collect_places(locale, request=None, *, profile_types, skill_model, now=None):
    """Every place on the map in ``locale``'s language, and the filter choices.

    ``profile_types`` are the page types of the network's members, in the order
    they are listed (``OrganisationPage``, ``PersonPage``), and ``skill_model``
    the terms they offer (``Skill``). Returns ``(places, themes, skills, until)``: the
    themes and skills are those of this language (for the filters), named in it;
    ``until`` is the moment the places change with no publish (a workshop starts
    or ends), or None."""
    source_code = get_supported_language_variant(settings.LANGUAGE_CODE)
    public = public_q(request)
    themes = list(Theme.for_locale(locale.pk))
    skills = list(skill_model.for_locale(locale.pk))

    def pages(model, terms):
        return (
            model.objects.live()
            .filter(public, locale=locale)
            .exclude(location="")
            .select_related("locale")
            .prefetch_related(terms)
            .order_by("title")
        )

    def page_place(page, kind, summary, terms):
        """A page with a point (a project, a profile) as a place on the map."""
        return Place(
            id=f"{kind}-{page.pk}",
            kind=kind,
            title=page.title,
            url=page.get_url(request),
            point=page.point,
            place_name=page.place_name,
            country=page.country,
            summary=summary,
            terms=terms,
            lang=_text_lang(page, locale, source_code),
        )

    places = []
    projects = list(pages(ProjectPage, "themes"))
    for project in projects:
        terms = in_language_all(project.themes.all(), locale, themes)
        places.append(page_place(project, "project", project.summary, terms))
    profiles = {}  # translation key → the profile's place: partners that have one are shown there
    for model in profile_types:
        for profile in pages(model, Prefetch("skills", queryset=skill_model.objects.order_by("name"))):
            terms = in_language_all(profile.skills.all(), locale, skills)
            profiles[profile.translation_key] = page_place(profile, model.kind, profile.role, terms)
            places.append(profiles[profile.translation_key])
    # A partner with a profile (Partner.profile) is one place: the profile, which
    # also lists the projects the partner works on.
    for profile_key, partner in _partner_places(projects, locale, source_code, request):
        profile = profiles.get(profile_key)
        if profile:
            profile.projects = partner.projects
        else:
            places.append(partner)
    until = None
    for source in place_sources:
        found, changes = source(locale, request, now)
        places.extend(found)
        until = min(filter(None, (until, changes)), default=None)
    # A malformed point stored before validation existed keeps that object off the map.
    return [place for place in places if place.point], themes, skills, until


def _partner_places(projects, locale, source_code, request):
    """The partners and funders of ``projects`` that have a map point, each with
    the projects it works on, in ``locale``'s language where translated: pairs of
    (the translation key of the partner's profile page or None, Place)."""
    projects_by_partner = {}
    for project in projects:
        for partner_id in partner_ids_in(project):
            projects_by_partner.setdefault(partner_id, {})[project.pk] = project
    if not projects_by_partner:
        return []
    # Every language's version of the chosen partners, in one query.
    chosen = Partner.objects.filter(pk__in=projects_by_partner).values("translation_key")
    partners = list(
        Partner.objects.filter(translation_key__in=chosen)
        .select_related("locale")
        .annotate(profile_key=F("profile__translation_key"))
    )
    originals, works_on, profile_keys = {}, {}, {}
    for partner in partners:
        key = partner.translation_key
        works_on.setdefault(key, {}).update(projects_by_partner.get(partner.pk, {}))
        profile_keys[key] = profile_keys.get(key) or partner.profile_key
        if partner.locale.language_code == source_code or key not in originals:
            originals[key] = partner
    # This language's version of each partner where it exists, else the English one.
    # (Without a point of its own a partner shows only at its profile's place.)
    versions = {
        partner.translation_key: partner
        for partner in in_language_all(originals.values(), locale, partners)
        if partner.locale_id == locale.pk or partner.locale.language_code == source_code
    }
    places = []
    for key, partner in sorted(versions.items(), key=lambda item: item[1].name):
        projects_of_partner = sorted(works_on[key].values(), key=lambda project: project.title)
        place = Place(
            id=f"partner-{partner.pk}",
            kind="partner",
            title=partner.name,
            url=partner.website,
            point=partner.point,
            place_name=partner.place_name,
            country=partner.country,
            summary=partner.description,
            projects=[(project.title, project.get_url(request)) for project in projects_of_partner],
            lang=partner.locale.language_code if partner.locale_id != locale.pk else "",
        )
        places.append((profile_keys[key], place))
    return places


def feature_collection(places, name="", request=None):
    return {"type": "FeatureCollection", "name": name, "features": [place.as_feature(request) for place in places]}


class MapFilterForm(FilterForm):
    """The map's filters, read from the query string; the list and the feed use the same."""

    kind = forms.ChoiceField(label=_("Show"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    theme = forms.ChoiceField(label=_("Project theme"), required=False)
    skill = forms.ChoiceField(label=_("Skill"), required=False)
    when = forms.ChoiceField(label=_("When"), required=False)

    def __init__(self, *args, countries=(), themes=(), skills=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("Everything")), *KIND_FILTER_LABELS.items()]
        self.fields["country"].choices = [("", _("Any country")), *country_choices(countries)]
        self.fields["theme"].choices = [("", _("Any theme"))] + [(theme.slug, theme.name) for theme in themes]
        self.fields["skill"].choices = [("", _("Any skill"))] + [(skill.slug, skill.name) for skill in skills]
        self.fields["when"].choices = [("", _("Any time")), *WHEN_LABELS.items()]

    def filter(self, places):
        data = self.cleaned_data
        if data.get("kind"):
            places = [place for place in places if place.kind == data["kind"]]
        if data.get("country"):
            places = [place for place in places if place.country == data["country"]]
        # Themes belong to projects and skills to people and organisations, dates to
        # workshops: each filter keeps only what carries that term or date.
        if data.get("when"):
            places = [place for place in places if place.status == data["when"]]
        for name in ("theme", "skill"):
            if data.get(name):
                places = [place for place in places if any(term.slug == data[name] for term in place.terms)]
        return places
