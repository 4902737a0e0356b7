from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search import index

from mocisite import alttext
from mocisite.alttext import DescribedImages
from mocisite.blocks import story_field
from mocisite.cachekeys import expires_at
from mocisite.images import CARD_RENDITIONS
from mocisite.localise import in_language, in_language_all
from mocisite.memory import remember, remember_until
from mocisite.pages import MociPage
from mocisite.visibility import public_q


class HomePage(DescribedImages, MociPage):
    """The root of the site in each language."""

    described_images = ("hero_image",)

    hero_title = models.CharField(
        _("hero title"), max_length=160, help_text=_("The big sentence at the top of the home page.")
    )
    hero_text = models.TextField(
        _("hero text"), blank=True, help_text=_("One or two sentences under the big sentence.")
    )
    hero_image = alttext.image_field(
        _("A wide photo of people at work; shown beside the big sentence on large screens."), _("hero image")
    )
    hero_image_alt_text = alttext.alt_text_field()
    hero_image_decorative = alttext.decorative_field()
    hero_link = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The page the hero button leads to, e.g. the projects."),
        verbose_name=_("hero link"),
    )
    hero_link_text = models.CharField(
        _("hero link text"),
        max_length=60,
        blank=True,
        help_text=_("The words on the hero button, e.g. “See our projects”."),
    )
    introduction = RichTextField(
        _("introduction"), features=["bold", "italic", "link"], help_text=_("Who MOCI is, in a paragraph or two.")
    )
    featured_projects = StreamField(
        [("project", blocks.PageChooserBlock(page_type="projects.ProjectPage", label=_("Project")))],
        blank=True,
        max_num=6,
        help_text=_("Up to six projects to show on the home page. Empty: the most recent three."),
        verbose_name=_("featured projects"),
    )
    principles_teaser = models.TextField(
        _("principles teaser"),
        blank=True,
        help_text=_("A sentence that invites people to read the principles; shown with the first principles."),
    )
    body = story_field(_("Anything else the home page should say, after the projects."))

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("hero_title"),
                FieldPanel("hero_text"),
                *alttext.image_panels("hero_image"),
                FieldPanel("hero_link"),
                FieldPanel("hero_link_text"),
            ],
            heading=_("Hero"),
        ),
        FieldPanel("introduction"),
        FieldPanel("featured_projects"),
        FieldPanel("principles_teaser"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("hero_title"),
        index.SearchField("hero_text"),
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    search_label = _("Home")
    subpage_types = [
        "principles.PrinciplesPage",
        "projects.ProjectIndexPage",
        "people.PeopleIndexPage",
        "people.CommunityMapPage",
        "resources.ResourceIndexPage",
        "hub.HubPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    @property
    def hero_image_alt(self):
        return self.alt_text_for("hero_image")

    def get_featured_projects(self):
        from projects.models import ProjectPage

        images = get_image_model().objects.prefetch_renditions(*CARD_RENDITIONS)
        projects = (
            ProjectPage.objects.live()
            .filter(public_q())
            .defer_streamfields()
            .select_related("locale")
            .prefetch_related(Prefetch("image", queryset=images))
        )
        chosen = [block["value"] for block in self.featured_projects.raw_data if block["value"]]
        if chosen:
            # The chosen pages and their versions in this language, in one query.
            order = {pk: index for index, pk in enumerate(chosen)}  # a page chosen twice shows once, last
            featured = in_language_all(sorted(order, key=order.get), self.locale_id, projects, source_shown=True)
            return [project for project in featured if project is not None]
        return list(projects.filter(locale=self.locale).order_by("-first_published_at")[:3])

    def get_sections(self):
        """The principles, the community map and the project index under this home
        page (each None if missing): the same until the next publish, so remembered."""
        from hub.models import HubPage
        from people.models import CommunityMapPage
        from principles.models import PrinciplesPage
        from projects.models import ProjectIndexPage

        def find():
            return {
                name: model.objects.live().child_of(self).filter(public_q()).first()
                for name, model in (
                    ("principles_page", PrinciplesPage),
                    ("community_map", CommunityMapPage),
                    ("project_index", ProjectIndexPage),
                    ("hub_page", HubPage),
                )
            }

        return remember(("home-sections", self.pk), find)

    def get_hub_next(self, hub_page, request):
        """``(workshop, until)``: where the hub is next (None if no dates are announced)
        and the moment that changes with no publish (a workshop starts or ends); one
        query, remembered until then or the next publish."""
        from hub.models import WorkshopPage
        from hub.route import next_change

        def find():
            now = timezone.now()
            upcoming = list(
                WorkshopPage.objects.live()
                .child_of(hub_page)
                .filter(public_q(), ends_at__gt=now)
                .defer_streamfields()
                .order_by("-exact", "starts_at", "title")
            )
            return (upcoming[0] if upcoming else None), next_change(upcoming, now)

        return remember_until(("hub-next", hub_page.pk), find, request)

    def get_hero_link(self):
        """The hero button's page in this home page's language (else as chosen); one query."""
        return in_language(self.hero_link_id, self.locale_id, Page.objects.live())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # What the home page shows of other pages changes only when something is
        # published: read once per process and publish, not on every view.
        context.update(
            remember(
                ("home-page", self.pk),
                lambda: {"featured_projects": self.get_featured_projects(), "hero_link": self.get_hero_link()},
                request,
            )
        )
        sections = self.get_sections()
        context.update(sections)
        if sections["hub_page"] is not None:
            context["hub_next"], until = self.get_hub_next(sections["hub_page"], request)
            # The page cache keeps the home page until where the hub is next changes.
            expires_at(request, until)
        return context
