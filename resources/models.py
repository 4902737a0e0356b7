"""The resources library: best practices, tutorials and guides that the network
shares, open to everyone, in every language of the site: the library (an index
page) and its resource pages. Their filter is in forms.py, the download block in
blocks.py."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from mocisite.blocks import story_field
from mocisite.indexes import FilteredIndexPage
from mocisite.localise import in_language_all
from mocisite.models import terms_field
from mocisite.pages import MociPage
from mocisite.slugs import TranslatedSlug
from mocisite.visibility import public_q
from projects.models import ProjectPage, Theme

from .blocks import DownloadBlock


class ResourceKind(models.TextChoices):
    BEST_PRACTICE = "best-practice", _("Best practice")
    TUTORIAL = "tutorial", _("Tutorial")
    GUIDE = "guide", _("Guide")


class ResourceIndexPage(FilteredIndexPage):
    """The library: every resource as a card, filterable by topic."""

    introduction = models.TextField(
        _("introduction"), blank=True, help_text=_("A sentence or two above the resources.")
    )

    subpage_types = ["resources.ResourcePage"]
    search_label = _("Resources")

    # The list (mocisite/indexes.py): the page cache's key holds only the form's fields and the page.
    filter_form = "resources.forms.ResourceFilterForm"
    cache_query_params = ("topic", "page")
    listing_name = "resources"
    listing_order = (models.F("first_published_at").desc(nulls_last=True), "title")

    class Meta:
        verbose_name = _("resource index page")

    def get_items(self):
        return super().get_items().select_related("locale").prefetch_related("topics")

    def get_filter_options(self, resources):
        # Only the topics some resource here has are offered; slugs are the same in every language.
        used = set(resources.order_by().values_list("topics__slug", flat=True).distinct())
        return {"topics": [theme for theme in Theme.for_locale(self.locale_id) if theme.slug in used]}

    def prepare_listing(self, resources, options):
        for resource in resources:
            resource.topic_list = in_language_all(resource.topics.all(), self.locale_id, options["topics"])
        return {}


class ResourcePage(MociPage):
    """One best practice, tutorial or guide."""

    summary = models.TextField(
        _("summary"),
        max_length=300,
        help_text=_("What people learn here, in one or two sentences. Shown on cards and in search results."),
    )
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=ResourceKind.choices,
        default=ResourceKind.BEST_PRACTICE,
        help_text=_("A best practice tells how someone did it; a tutorial teaches step by step; a guide explains."),
    )
    body = story_field(_("The resource itself."))
    downloads = StreamField(
        [("download", DownloadBlock())],
        blank=True,
        help_text=_("Files that go with the resource: worksheets, checklists, slides. Their type and size are shown."),
        verbose_name=_("downloads"),
    )
    topics = terms_field(Theme, "resources", _("topics"), _("What the resource is about; used by the topic filter."))
    related_projects = terms_field(
        ProjectPage,
        "resources",
        _("related projects"),
        _("The projects this resource comes from or helps; each of them links back to it."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("downloads"),
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                FieldPanel("related_projects", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Kind, topics and projects"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("kind"),
    ]
    override_translatable_fields = [
        *TranslatedSlug.slug_translatable_fields,
        SynchronizedField("topics"),
        SynchronizedField("related_projects"),
    ]

    parent_page_types = ["resources.ResourceIndexPage"]
    subpage_types = []
    search_label = _("Resource")

    class Meta:
        verbose_name = _("resource page")

    def get_topics(self):
        """The resource's topics, named in the page's language where translated."""
        return in_language_all(self.topics.all(), self.locale_id)

    def get_related_projects(self):
        """The related projects in the page's language where they exist there,
        else in the source language; one query for all of them."""
        chosen = [project.pk for project in self.related_projects.all()]
        projects = in_language_all(chosen, self.locale_id, ProjectPage.objects.live().filter(public_q()))
        return sorted((project for project in projects if project is not None), key=lambda project: project.title)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            topics=self.get_topics(),
            related_projects=self.get_related_projects(),
            # A download whose document was deleted is left out.
            downloads=[block for block in self.downloads if block.value.get("document")],
            index_page=self.get_parent(),
        )
        return context
