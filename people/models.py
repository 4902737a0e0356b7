from collections import defaultdict
from copy import copy

from django import forms
from django.conf import settings
from django.db import models
from django.db.models import Prefetch, Q, Value, prefetch_related_objects
from django.http import JsonResponse
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from mocisite import alttext
from mocisite.alttext import DescribedImages
from mocisite.cachekeys import refuse as refuse_cache
from mocisite.countries import NETWORK_REGION, collation_key, country_choices, country_sort_key
from mocisite.filters import FilterForm
from mocisite.images import DIRECTORY_RENDITIONS
from mocisite.memory import remember
from mocisite.mixins import PlaceFields
from mocisite.models import Term, source_locale_only
from mocisite.pages import MociPage
from mocisite.slugs import TranslatedSlug
from mocisite.utils import localized_version, paginate, remembered_ancestors
from mocisite.visibility import public_q
from projects.partnerships import projects_of


class Skill(Term):
    """Something people can do or teach, and that others may need: “Permaculture”."""

    # The query parameters that name a skill by its slug (mocisite/switching.py).
    filter_parameters = ("skill", "need")

    class Meta(Term.Meta):
        verbose_name = _("skill")
        verbose_name_plural = _("skills")


class ExternalLinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(max_length=80, help_text=_("e.g. “Website” or “Instagram”."))
    url = blocks.URLBlock(help_text=_("The full address, starting with https://."))

    class Meta:
        icon = "link-external"
        label = _("Link")


class ProfileFields(DescribedImages, PlaceFields):
    """What people and organisations share: who, where, what they offer and need."""

    described_images = ("photo",)

    @property
    def photo_alt(self):
        return self.alt_text_for("photo")

    role = models.CharField(
        _("role"),
        max_length=120,
        blank=True,
        help_text=_("What they do, in a few words, e.g. “Designer and maker” or “Cultural centre”."),
    )
    bio = models.TextField(
        _("short bio"),
        max_length=600,
        blank=True,
        help_text=_("A few sentences in the third person. Shown on the profile and in the directory."),
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A portrait or a logo; shown square."),
        verbose_name=_("photo"),
    )
    photo_alt_text = alttext.alt_text_field()
    photo_decorative = alttext.decorative_field()
    skills = ParentalManyToManyField(
        Skill,
        blank=True,
        related_name="%(class)s_offering",
        limit_choices_to=source_locale_only,
        verbose_name=_("skills"),
        help_text=_("What they can do or teach others."),
    )
    needs = ParentalManyToManyField(
        Skill,
        blank=True,
        related_name="%(class)s_needing",
        limit_choices_to=source_locale_only,
        verbose_name=_("needs"),
        help_text=_("What they are looking for from peers."),
    )
    challenges = StreamField(
        [("challenge", blocks.CharBlock(max_length=200, label=_("Challenge")))],
        blank=True,
        help_text=_("The challenges they face, one per item."),
        verbose_name=_("challenges"),
    )
    links = StreamField(
        [("link", ExternalLinkBlock())],
        blank=True,
        help_text=_("Website and social media."),
        verbose_name=_("links"),
    )

    profile_panels = [
        FieldPanel("role"),
        FieldPanel("bio"),
        *alttext.image_panels("photo"),
        *PlaceFields.place_panels,
        MultiFieldPanel(
            [
                FieldPanel("skills", widget=forms.CheckboxSelectMultiple),
                FieldPanel("needs", widget=forms.CheckboxSelectMultiple),
                FieldPanel("challenges"),
            ],
            heading=_("Skills, needs and challenges"),
        ),
        FieldPanel("links"),
    ]
    profile_search_fields = [
        *PlaceFields.place_search_fields,
        index.SearchField("role"),
        index.SearchField("bio"),
        index.SearchField("challenges"),
    ]
    override_translatable_fields = [
        *TranslatedSlug.slug_translatable_fields,
        *PlaceFields.place_translatable_fields,
        SynchronizedField("skills"),
        SynchronizedField("needs"),
    ]

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        skills, needs = list(self.skills.all()), list(self.needs.all())
        named = Skill.in_locale(skills + needs, self.locale_id)
        named_skills, named_needs = named[: len(skills)], named[len(skills) :]
        # Peers who have what this profile needs, and peers who need what it has.
        helpers, helped = matched_peers(
            self,
            {
                "skills": dict(zip((need.pk for need in needs), named_needs, strict=True)),
                "needs": dict(zip((skill.pk for skill in skills), named_skills, strict=True)),
            },
        )
        context.update(
            skills=named_skills,
            needs=named_needs,
            directory=remembered_ancestors(self)[-1],
            helpers=helpers,
            helped=helped,
            projects=projects_of(self, request),
        )
        return context


def matched_peers(profile, wanted, limit=6):
    """For each relation of ``wanted`` ({"skills" or "needs": {skill id: skill
    named in the profile's language}}), the live public profiles in the profile's
    language whose relation shares a term with it, most shared terms first. Each
    peer carries ``kind`` and ``matched``, the shared terms. Skills are
    synchronised across languages, so matching is by the source-language terms.
    Two queries whatever the size of the network: the matching rows of the four
    tables at once, then the pages."""
    relations = [relation for relation in ("skills", "needs") if wanted.get(relation)]
    if not relations:
        return [[] for _relation in ("skills", "needs")]
    rows = [
        getattr(model, relation)
        .through.objects.filter(skill_id__in=wanted[relation])
        .annotate(relation=Value(relation))
        .values_list(f"{model._meta.model_name}_id", "skill_id", "relation")
        for relation in relations
        for model in (PersonPage, OrganisationPage)
    ]
    shared = {relation: defaultdict(set) for relation in ("skills", "needs")}
    for page_id, skill_id, relation in rows[0].union(*rows[1:], all=True):
        if page_id != profile.pk:
            shared[relation][page_id].add(skill_id)
    pages = {
        page.pk: page
        for page in Page.objects.live()
        .filter(public_q())
        .filter(pk__in={pk for found in shared.values() for pk in found}, locale_id=profile.locale_id)
        .only("id", "title", "url_path", "content_type", "locale_id")
    }
    result = []
    for relation in ("skills", "needs"):
        terms, found = wanted.get(relation) or {}, shared[relation]
        peers = sorted(
            (copy(pages[pk]) for pk in found if pk in pages), key=lambda peer: (-len(found[peer.pk]), peer.title)
        )[:limit]
        for peer in peers:
            peer.kind = peer.specific_class.kind
            peer.matched = [terms[skill_id] for skill_id in terms if skill_id in found[peer.pk]]
        result.append(peers)
    return result


class PeopleIndexPage(MociPage):
    """The directory of the people and member organisations of the network."""

    introduction = models.TextField(
        blank=True, help_text=_("A sentence or two above the directory."), verbose_name=_("introduction")
    )
    per_page = 24

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["people.PersonPage", "people.OrganisationPage"]
    search_label = _("Directory")
    max_count_per_parent = 1

    # What the page (and its feed) reads from the query string: the page cache's key
    # holds only these (mocisite/cachekeys.py).
    cache_query_params = ("kind", "country", "skill", "need", "page")

    class Meta:
        verbose_name = _("people index page")

    def get_profiles(self):
        return (
            Page.objects.child_of(self).live().filter(public_q()).type(PersonPage, OrganisationPage).order_by("title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        profiles = self.get_profiles()
        skills = Skill.for_locale(self.locale_id)
        countries = remember(
            ("directory-countries", self.pk),
            # Of the profiles the directory lists: not drafts, not private ones.
            lambda: {
                country
                for model in (PersonPage, OrganisationPage)
                for country in model.objects.child_of(self).live().filter(public_q()).values_list("country", flat=True)
            },
        )
        form = DirectoryFilterForm(request.GET, countries=countries, skills=skills)
        # An unknown value lists nothing and is not stored in the page cache.
        if not form.is_valid():
            refuse_cache(request)
        page = paginate(request, form.apply(profiles), self.per_page)
        items = list(page.object_list.specific())
        images = get_image_model().objects.prefetch_renditions(*DIRECTORY_RENDITIONS)
        prefetch_related_objects(items, Prefetch("photo", queryset=images))
        # Both kinds' skills in one query; the skills themselves are remembered.
        rows = [
            model.skills.through.objects.filter(
                **{f"{model._meta.model_name}_id__in": [item.pk for item in items]}
            ).values_list(f"{model._meta.model_name}_id", "skill_id")
            for model in (PersonPage, OrganisationPage)
        ]
        skill_ids = defaultdict(list)
        for page_id, skill_id in rows[0].union(rows[1], all=True):
            skill_ids[page_id].append(skill_id)
        every_skill = remember("skills-by-id", lambda: {skill.pk: skill for skill in Skill.objects.all()})
        names = {skill.translation_key: skill for skill in skills}
        for item in items:
            item_skills = (every_skill[pk] for pk in skill_ids[item.pk] if pk in every_skill)
            item.skill_list = sorted(
                (names.get(skill.translation_key, skill) for skill in item_skills), key=lambda skill: skill.name
            )
        context.update(filter_form=form, profiles=page, items=items, filtered=form.filtered)
        return context


class DirectoryFilterForm(FilterForm):
    kind = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[
            ("", _("Everyone")),
            ("person", _("People")),
            ("organisation", _("Organisations")),
        ],
    )
    country = forms.ChoiceField(label=_("Country"), required=False)
    skill = forms.ChoiceField(label=_("Skill"), required=False)
    need = forms.ChoiceField(label=_("Needs"), required=False)

    def __init__(self, *args, countries=(), skills=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("Any country")), *country_choices(countries)]
        self.fields["skill"].choices = [("", _("Any skill"))] + [(skill.slug, skill.name) for skill in skills]
        self.fields["need"].choices = [("", _("Any need"))] + [(skill.slug, skill.name) for skill in skills]

    def filter(self, profiles):
        data = self.cleaned_data
        if data.get("kind") == "person":
            profiles = profiles.type(PersonPage)
        elif data.get("kind") == "organisation":
            profiles = profiles.type(OrganisationPage)
        if data.get("country"):
            country = data["country"]
            profiles = profiles.filter(Q(personpage__country=country) | Q(organisationpage__country=country))
        if data.get("skill"):
            skill = data["skill"]
            profiles = profiles.filter(
                Q(personpage__skills__slug=skill) | Q(organisationpage__skills__slug=skill)
            ).distinct()
        if data.get("need"):
            need = data["need"]
            profiles = profiles.filter(
                Q(personpage__needs__slug=need) | Q(organisationpage__needs__slug=need)
            ).distinct()
        return profiles


class OrganisationPage(ProfileFields, MociPage):
    """A member organisation of the network."""

    kind = "organisation"
    search_label = _("Organisation")

    content_panels = [*Page.content_panels, *ProfileFields.profile_panels]
    search_fields = [*Page.search_fields, *ProfileFields.profile_search_fields]

    parent_page_types = ["people.PeopleIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("member organisation page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The link to the organisation is synchronised across languages, so
        # members are found by the organisation's translation key.
        context["members"] = (
            PersonPage.objects.live()
            .filter(public_q())
            .filter(locale_id=self.locale_id, organisation__translation_key=self.translation_key)
            .order_by("title")
        )
        return context


class PersonPage(ProfileFields, MociPage):
    """A person in the network."""

    kind = "person"
    search_label = _("Person")

    organisation = models.ForeignKey(
        OrganisationPage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The member organisation they are part of, if any."),
        verbose_name=_("organisation"),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("organisation"),
        *ProfileFields.profile_panels,
    ]
    search_fields = [*Page.search_fields, *ProfileFields.profile_search_fields]

    parent_page_types = ["people.PeopleIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("person page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["organisation"] = localized_version(OrganisationPage, self.organisation_id, self.locale_id)
        return context


class CommunityMapPage(RoutablePageMixin, MociPage):
    """The community map: projects, organisations, people and partners, where they are.

    The map reads the GeoJSON feed at ``geojson/`` under this page (in
    the page's language, filtered like the list); below it the same places
    are listed, grouped by country, for readers without JavaScript or a map."""

    introduction = models.TextField(
        blank=True, help_text=_("A sentence or two above the map."), verbose_name=_("introduction")
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    search_label = _("Map")
    max_count_per_parent = 1

    # What the page (and its feed) reads from the query string: the page cache's key
    # holds only these (mocisite/cachekeys.py).
    cache_query_params = ("kind", "country", "theme", "skill")

    class Meta:
        verbose_name = _("community map page")

    def get_places(self, request):
        """``(form, places)``: the filter form and the places it lets through."""
        from .map import MapFilterForm, collect_places

        places, themes, skills = collect_places(self.locale, request)
        countries = {place.country for place in places if place.country}
        form = MapFilterForm(request.GET, countries=countries, themes=themes, skills=skills)
        if not form.is_valid():
            refuse_cache(request)
        return form, form.apply(places)

    @path("")
    def index_route(self, request, *args, **kwargs):
        return self.render(request)

    @path("geojson/", name="feed")
    def feed(self, request):
        from .map import feature_collection

        _form, places = self.get_places(request)
        response = JsonResponse(
            feature_collection(places, name=self.title, request=request),
            content_type="application/geo+json",
            json_dumps_params={"ensure_ascii": False, "separators": (",", ":")},
        )
        response["Access-Control-Allow-Origin"] = "*"  # a public feed that others can reuse
        return response

    def get_context(self, request, *args, **kwargs):
        from .map import KINDS

        context = super().get_context(request, *args, **kwargs)
        form, places = self.get_places(request)
        by_country = {}
        # The network's own region first, then by name in the visitor's language.
        for place in sorted(
            places, key=lambda place: (country_sort_key(place.country), collation_key(place.place_name), place.title)
        ):
            by_country.setdefault(place.country_name, []).append(place)
        context.update(
            filter_form=form,
            places=places,
            places_by_country=by_country,
            kinds=KINDS,
            filtered=form.filtered,
            map={
                "tiles": settings.MAP_TILE_URL,
                "attribution": settings.MAP_TILE_ATTRIBUTION,
                "max_zoom": settings.MAP_MAX_ZOOM,
                "centre": settings.MAP_CENTRE,
                "zoom": settings.MAP_ZOOM,
                # The first view fits these countries' places (community-map.js).
                "region": " ".join(sorted(NETWORK_REGION)),
            },
        )
        return context
