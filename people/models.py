"""The people of the network: the directory (an index page) and the profiles in
it, people's and member organisations', with the skills they offer and need; and
the community map's page. The directory's filters are in forms.py, the links
block in blocks.py, peer suggestions in peers.py, the map's places, filters and
feed in map.py."""

from collections import defaultdict

from django import forms
from django.conf import settings
from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.http import Http404, JsonResponse
from django.utils.translation import gettext_lazy as _

from wagtail import blocks, hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from mocisite import alttext
from mocisite.alttext import DescribedImages
from mocisite.cachekeys import expires_at
from mocisite.cachekeys import refuse as refuse_cache
from mocisite.countries import NETWORK_REGION, collation_key, country_sort_key
from mocisite.images import DIRECTORY_RENDITIONS
from mocisite.indexes import FilteredIndexPage
from mocisite.localise import in_language, in_language_all
from mocisite.memory import remember
from mocisite.mixins import PlaceFields
from mocisite.models import Term, terms_field
from mocisite.pages import MociPage
from mocisite.slugs import TranslatedSlug
from mocisite.utils import remembered_ancestors
from mocisite.visibility import public_q
from projects.partnerships import projects_of

from .blocks import ExternalLinkBlock
from .map import KINDS, MapFilterForm, collect_places, feature_collection
from .peers import matched_peers


class Skill(Term):
    """Something people can do or teach, and that others may need: “Permaculture”."""

    # The query parameters that name a skill by its slug (mocisite/switching.py).
    filter_parameters = ("skill", "need")

    class Meta(Term.Meta):
        verbose_name = _("skill")
        verbose_name_plural = _("skills")


# The sub-address of a profile where peers write to it (``/<lang>/people/<slug>/contact/``).
CONTACT_ROUTE = "contact/"


class ProfileFields(RoutablePageMixin, DescribedImages, PlaceFields):
    """What people's and organisations' pages share: who, where, what they offer and
    need, how search finds them, and their place in the directory; and how peers
    write to them (the form at ``contact/`` comes from the connect app, through the
    ``serve_profile_contact`` hook, so that this app does not import it)."""

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
    photo = alttext.image_field(_("A portrait or a logo; shown square."), _("photo"))
    photo_alt_text = alttext.alt_text_field()
    photo_decorative = alttext.decorative_field()
    skills = terms_field(Skill, "%(class)s_offering", _("skills"), _("What they can do or teach others."))
    needs = terms_field(Skill, "%(class)s_needing", _("needs"), _("What they are looking for from peers."))
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
    # Private: never shown, never a translation segment, the same in every language.
    contact_email = models.EmailField(
        _("contact e-mail address"),
        blank=True,
        help_text=_(
            "Private: never shown on the site. Peers write to it through a form, without seeing it. "
            "Leave it empty and no form is offered."
        ),
    )
    accepts_messages = models.BooleanField(
        _("accepts messages"),
        default=True,
        help_text=_("Unticked when they follow the link to stop receiving messages; then no form is offered."),
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
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("accepts_messages")],
            heading=_("Private contact"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        *PlaceFields.place_search_fields,
        index.SearchField("role"),
        index.SearchField("bio"),
        index.SearchField("challenges"),
    ]
    parent_page_types = ["people.PeopleIndexPage"]
    subpage_types = []
    override_translatable_fields = [
        *TranslatedSlug.slug_translatable_fields,
        *PlaceFields.place_translatable_fields,
        SynchronizedField("skills"),
        SynchronizedField("needs"),
        SynchronizedField("contact_email", overridable=False),
        SynchronizedField("accepts_messages", overridable=False),
    ]

    class Meta:
        abstract = True

    @property
    def reachable(self):
        """Whether peers may write to this profile: it has a contact address and did not opt out."""
        return bool(self.contact_email) and self.accepts_messages

    @path(CONTACT_ROUTE, name="contact")
    def contact(self, request):
        """The form to write to this profile, or a 404 when it takes no messages."""
        if not self.reachable:
            raise Http404
        for view in hooks.get_hooks("serve_profile_contact"):
            return view(request, self)
        raise Http404

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        skills, needs = list(self.skills.all()), list(self.needs.all())
        named = in_language_all(skills + needs, self.locale_id)
        named_skills, named_needs = named[: len(skills)], named[len(skills) :]
        # Peers who have what this profile needs, and peers who need what it has.
        helpers, helped = matched_peers(
            self,
            {
                "skills": dict(zip((need.pk for need in needs), named_needs, strict=True)),
                "needs": dict(zip((skill.pk for skill in skills), named_skills, strict=True)),
            },
            among=(PersonPage, OrganisationPage),
        )
        context.update(
            skills=named_skills,
            needs=named_needs,
            directory=remembered_ancestors(self)[-1],
            helpers=helpers,
            helped=helped,
            projects=projects_of(self, request),
            contact_url=self.get_url(request) + self.reverse_subpage("contact") if self.reachable else None,
        )
        return context


class PeopleIndexPage(FilteredIndexPage):
    """The directory of the people and member organisations of the network."""

    introduction = models.TextField(
        _("introduction"), blank=True, help_text=_("A sentence or two above the directory.")
    )
    per_page = 24

    subpage_types = ["people.PersonPage", "people.OrganisationPage"]
    search_label = _("Directory")

    # The list (mocisite/indexes.py): the page cache's key holds only the form's fields and the page.
    filter_form = "people.forms.DirectoryFilterForm"
    cache_query_params = ("kind", "country", "skill", "need", "page")
    listing_name = "profiles"

    class Meta:
        verbose_name = _("people index page")

    def get_filter_options(self, profiles):
        countries = remember(
            ("directory-countries", self.pk),
            # Of the profiles the directory lists: not drafts, not private ones.
            lambda: {
                country
                for model in (PersonPage, OrganisationPage)
                for country in model.objects.child_of(self).live().filter(public_q()).values_list("country", flat=True)
            },
        )
        return {"countries": countries, "skills": Skill.for_locale(self.locale_id)}

    def prepare_listing(self, profiles, options):
        # The listed pages as people and organisations, with their photos' renditions.
        profiles.object_list = items = list(profiles.object_list.specific())
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
        for item in items:
            item_skills = [every_skill[pk] for pk in skill_ids[item.pk] if pk in every_skill]
            item.skill_list = sorted(
                in_language_all(item_skills, self.locale_id, options["skills"]), key=lambda skill: skill.name
            )
        return {}


class OrganisationPage(ProfileFields, MociPage):
    """A member organisation of the network."""

    kind = "organisation"
    search_label = _("Organisation")

    content_panels = [*Page.content_panels, *ProfileFields.profile_panels]

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

    class Meta:
        verbose_name = _("person page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["organisation"] = in_language(self.organisation_id, self.locale_id, OrganisationPage.objects.live())
        return context


class CommunityMapPage(RoutablePageMixin, MociPage):
    """The community map: projects, organisations, people and partners, where they are.

    The map reads the GeoJSON feed at ``geojson/`` under this page (in
    the page's language, filtered like the list); below it the same places
    are listed, grouped by country, for readers without JavaScript or a map."""

    introduction = models.TextField(_("introduction"), blank=True, help_text=_("A sentence or two above the map."))

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    search_label = _("Map")
    max_count_per_parent = 1

    # What the page (and its feed) reads from the query string: the page cache's key
    # holds only these (mocisite/cachekeys.py).
    cache_query_params = ("kind", "country", "theme", "skill", "when")

    class Meta:
        verbose_name = _("community map page")

    def get_places(self, request):
        """``(form, places)``: the filter form and the places it lets through."""
        places, themes, skills, until = collect_places(
            self.locale, request, profile_types=(OrganisationPage, PersonPage), skill_model=Skill
        )
        # Workshops move from upcoming to past with time: cached until the next one starts or ends.
        expires_at(request, until)
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
        _form, places = self.get_places(request)
        response = JsonResponse(
            feature_collection(places, name=self.title, request=request),
            content_type="application/geo+json",
            json_dumps_params={"ensure_ascii": False, "separators": (",", ":")},
        )
        response["Access-Control-Allow-Origin"] = "*"  # a public feed that others can reuse
        return response

    def get_context(self, request, *args, **kwargs):
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
