"""The projects of the network: the project index and project pages, and the
snippets they name, themes and partners. Their filters are in forms.py, the
partner block in blocks.py, partners' profile pages in partner_profiles.py."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from mocisite import alttext
from mocisite.alttext import DescribedImages
from mocisite.blocks import story_field
from mocisite.images import CARD_RENDITIONS
from mocisite.indexes import FilteredIndexPage
from mocisite.localise import in_language_all
from mocisite.mixins import PlaceFields
from mocisite.models import Term, terms_field
from mocisite.pages import MociPage
from mocisite.slugs import TranslatedSlug
from mocisite.utils import remembered_ancestors

from .blocks import PartnerBlock
from .partner_profiles import PROFILE_KINDS, PROFILE_PAGE_TYPES, link_profiles


class Theme(Term):
    """What a project is about, e.g. “Environment” or “Culture and the arts”."""

    # The query parameters that name a theme by its slug (mocisite/switching.py).
    filter_parameters = ("theme", "topic")

    class Meta(Term.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")


class Partner(PlaceFields, TranslatableMixin, index.Indexed, models.Model):
    """An organisation MOCI works with or is funded by; on the community map where it has a point."""

    name = models.CharField(_("name"), max_length=160, help_text=_("The organisation's name, as it writes it."))
    website = models.URLField(_("website"), blank=True, help_text=_("The organisation's website."))
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("One sentence on who they are, e.g. the programme through which they support us."),
    )
    profile = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("profile"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Their profile page, if they are also a member of the network: "
            "projects link to it, and it lists their projects."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("website"),
        FieldPanel("description"),
        PageChooserPanel("profile", PROFILE_PAGE_TYPES),
        *PlaceFields.place_panels,
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    # The profile is the same page in every language (each links to its own language's version).
    override_translatable_fields = [
        *PlaceFields.place_translatable_fields,
        SynchronizedField("profile", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("partner or funder")
        verbose_name_plural = _("partners and funders")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.profile_id and getattr(self.profile.specific_class, "kind", None) not in PROFILE_KINDS:
            raise ValidationError({"profile": _("Choose an organisation's or a person's profile page.")})


class ProjectStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ONGOING = "ongoing", _("Ongoing")
    COMPLETED = "completed", _("Completed")


class ProjectIndexPage(FilteredIndexPage):
    """All projects, as cards, filterable by country, theme and status."""

    introduction = models.TextField(_("introduction"), blank=True, help_text=_("A sentence or two above the projects."))

    subpage_types = ["projects.ProjectPage"]
    search_label = _("Projects")

    # The list (mocisite/indexes.py): the page cache's key holds only the form's fields and the page.
    filter_form = "projects.forms.ProjectFilterForm"
    cache_query_params = ("country", "theme", "status", "page")
    listing_name = "projects"
    listing_order = (models.F("start_date").desc(nulls_last=True), "title")

    class Meta:
        verbose_name = _("project index page")

    def get_items(self):
        images = get_image_model().objects.prefetch_renditions(*CARD_RENDITIONS)
        return (
            super().get_items().select_related("locale").prefetch_related(Prefetch("image", queryset=images), "themes")
        )

    def get_filter_options(self, projects):
        return {
            "countries": set(projects.exclude(country="").values_list("country", flat=True)),
            "themes": Theme.for_locale(self.locale_id),
        }

    def prepare_listing(self, projects, options):
        for project in projects:
            project.theme_list = in_language_all(project.themes.all(), self.locale_id, options["themes"])
        return {}


class ProjectPage(DescribedImages, PlaceFields, MociPage):
    """One project of the network."""

    kind = "project"
    described_images = ("image",)

    summary = models.TextField(
        _("summary"),
        max_length=300,
        help_text=_("What the project does, in one or two sentences. Shown on cards and in search results."),
    )
    image = alttext.image_field(_("A landscape photo of the project; cropped to fit cards."), _("image"))
    image_alt_text = alttext.alt_text_field()
    image_decorative = alttext.decorative_field()
    body = story_field(_("The story of the project."))
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=ProjectStatus.choices,
        default=ProjectStatus.ONGOING,
        help_text=_("Is the project planned, ongoing or completed?"),
    )
    start_date = models.DateField(
        _("start date"), null=True, blank=True, help_text=_("When the project started or starts.")
    )
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("When it ended or ends; empty if it has no end date.")
    )
    themes = terms_field(Theme, "projects", _("themes"), _("What the project is about; used by the theme filter."))
    partners = StreamField(
        [("partner", PartnerBlock())],
        blank=True,
        help_text=_("The organisations the project works with and the funders that support it."),
        verbose_name=_("partners"),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        *alttext.image_panels("image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Status and themes"),
        ),
        *PlaceFields.place_panels,
        FieldPanel("partners"),
    ]
    search_fields = [
        *Page.search_fields,
        *PlaceFields.place_search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("status"),
    ]
    override_translatable_fields = [
        *TranslatedSlug.slug_translatable_fields,
        *PlaceFields.place_translatable_fields,
        SynchronizedField("themes"),
    ]

    parent_page_types = ["projects.ProjectIndexPage"]
    subpage_types = []
    search_label = _("Project")

    class Meta:
        verbose_name = _("project page")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date cannot be before the start date.")})

    @property
    def image_alt(self):
        return self.alt_text_for("image")

    def get_themes(self):
        """The project's themes, named in the page's language where translated."""
        return in_language_all(self.themes.all(), self.locale_id)

    def partners_by_role(self):
        """{role: [partners named in the page's language where translated]}; the
        translations of all of them in one query."""
        chosen = [(block.value["role"], block.value["partner"]) for block in self.partners if block.value["partner"]]
        named = in_language_all([partner for _role, partner in chosen], self.locale_id)
        partners = {"partner": [], "funder": []}
        for (role, _chosen), partner in zip(chosen, named, strict=True):
            partners.setdefault(role, []).append(partner)
        return partners

    def partners_with_profiles(self, request=None):
        """:meth:`partners_by_role`, each partner with the ``profile_url`` of its
        profile in the page's language (two more queries, whatever their number)."""
        partners = self.partners_by_role()
        link_profiles([partner for group in partners.values() for partner in group], self.locale, request)
        return partners

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        partners = self.partners_with_profiles(request)
        context.update(
            themes=self.get_themes(),
            partners=partners["partner"],
            funders=partners["funder"],
            index_page=remembered_ancestors(self)[-1],
        )
        return context
