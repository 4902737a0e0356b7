"""The resources library: best practices, tutorials and guides that the network
shares, open to everyone, in every language of the site."""

from django import forms
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from mocisite.blocks import StoryBlock
from mocisite.cachekeys import refuse as refuse_cache
from mocisite.filters import FilterForm
from mocisite.models import source_locale_only
from mocisite.pages import MociPage
from mocisite.slugs import TranslatedSlug
from mocisite.utils import localized_pages, paginate
from mocisite.visibility import public_q
from projects.models import ProjectPage, Theme


class ResourceKind(models.TextChoices):
    BEST_PRACTICE = "best-practice", _("Best practice")
    TUTORIAL = "tutorial", _("Tutorial")
    GUIDE = "guide", _("Guide")


class DownloadValue(blocks.StructValue):
    """What a download link shows: its words, the file type and the size."""

    def text(self):
        document = self.get("document")
        return self.get("label") or (document.title if document else "")

    def file_type(self):
        document = self.get("document")
        return document.file_extension.upper() if document else ""

    def file_size(self):
        """The size stored when the document was uploaded; read from the file
        (once, then stored) only for a document that has none."""
        document = self.get("document")
        if document is None:
            return None
        return document.file_size if document.file_size is not None else document.get_file_size()


class DownloadBlock(blocks.StructBlock):
    """A document visitors can download, e.g. a worksheet or a checklist."""

    document = DocumentChooserBlock(help_text=_("Choose or upload the file: PDF, an office document, a zip…"))
    label = blocks.CharBlock(
        required=False,
        max_length=120,
        help_text=_("The words people click, e.g. “Workshop checklist”. Leave empty to use the document's title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Download")
        template = "resources/includes/download.html"
        description = _("A file to download, with the words people click.")
        value_class = DownloadValue


class ResourceIndexPage(MociPage):
    """The library: every resource as a card, filterable by topic."""

    introduction = models.TextField(
        blank=True, help_text=_("A sentence or two above the resources."), verbose_name=_("introduction")
    )
    per_page = 12

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["resources.ResourcePage"]
    search_label = _("Resources")
    max_count_per_parent = 1

    # What the page (and its feed) reads from the query string: the page cache's key
    # holds only these (mocisite/cachekeys.py).
    cache_query_params = ("topic", "page")

    class Meta:
        verbose_name = _("resource index page")

    def get_resources(self):
        return (
            ResourcePage.objects.child_of(self)
            .live()
            .filter(public_q())
            .filter(locale_id=self.locale_id)
            .select_related("locale")
            .prefetch_related("topics")
            .order_by(models.F("first_published_at").desc(nulls_last=True), "title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        resources = self.get_resources()
        # Only the topics some resource here has are offered; slugs are the same in every language.
        used = set(resources.order_by().values_list("topics__slug", flat=True).distinct())
        themes = [theme for theme in Theme.for_locale(self.locale_id) if theme.slug in used]
        form = ResourceFilterForm(request.GET, topics=themes)
        # An unknown value lists nothing and is not stored in the page cache.
        if not form.is_valid():
            refuse_cache(request)
        page = paginate(request, form.apply(resources), self.per_page)
        names = {theme.translation_key: theme for theme in themes}
        for resource in page:
            resource.topic_list = [names.get(topic.translation_key, topic) for topic in resource.topics.all()]
        context.update(filter_form=form, resources=page, filtered=form.filtered)
        return context


class ResourceFilterForm(FilterForm):
    """The filter of the resource index, read from the query string."""

    topic = forms.ChoiceField(label=_("Topic"), required=False)

    def __init__(self, *args, topics=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].choices = [("", _("Any topic"))] + [(topic.slug, topic.name) for topic in topics]

    def filter(self, resources):
        data = self.cleaned_data
        if data.get("topic"):
            resources = resources.filter(topics__slug=data["topic"]).distinct()
        return resources


class ResourcePage(MociPage):
    """One best practice, tutorial or guide."""

    summary = models.TextField(
        max_length=300,
        help_text=_("What people learn here, in one or two sentences. Shown on cards and in search results."),
        verbose_name=_("summary"),
    )
    kind = models.CharField(
        max_length=20,
        choices=ResourceKind.choices,
        default=ResourceKind.BEST_PRACTICE,
        help_text=_("A best practice tells how someone did it; a tutorial teaches step by step; a guide explains."),
        verbose_name=_("kind"),
    )
    body = StreamField(StoryBlock(), blank=True, help_text=_("The resource itself."), verbose_name=_("body"))
    downloads = StreamField(
        [("download", DownloadBlock())],
        blank=True,
        help_text=_("Files that go with the resource: worksheets, checklists, slides. Their type and size are shown."),
        verbose_name=_("downloads"),
    )
    topics = ParentalManyToManyField(
        Theme,
        blank=True,
        related_name="resources",
        limit_choices_to=source_locale_only,
        verbose_name=_("topics"),
        help_text=_("What the resource is about; used by the topic filter."),
    )
    related_projects = ParentalManyToManyField(
        ProjectPage,
        blank=True,
        related_name="resources",
        limit_choices_to=source_locale_only,
        verbose_name=_("related projects"),
        help_text=_("The projects this resource comes from or helps; each of them links back to it."),
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
        return Theme.in_locale(self.topics.all(), self.locale_id)

    def get_related_projects(self):
        """The related projects in the page's language where they exist there,
        else in the source language; one query for all of them."""
        keys = [project.translation_key for project in self.related_projects.all()]
        projects = (
            ProjectPage.objects.live()
            .filter(public_q())
            .filter(Q(locale_id=self.locale_id) | Q(locale__language_code=settings.LANGUAGE_CODE))
        )
        return sorted(localized_pages(projects, keys, self.locale), key=lambda project: project.title)

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
