"""Site-wide pieces editors manage as snippets: the main navigation and the
footer. Both are translatable and read through ``.localized``."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import TranslatableMixin
from wagtail.search import index

from .blocks import LinkBlock


class SiteSnippetMixin(TranslatableMixin):
    """One instance per language; ``for_request`` returns the visitor's."""

    @classmethod
    def current(cls):
        """The instance in the active language, falling back to the source language."""
        source = cls.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
        return source.localized if source else None

    class Meta(TranslatableMixin.Meta):
        abstract = True


class NavigationMenu(SiteSnippetMixin, index.Indexed, models.Model):
    title = models.CharField(
        max_length=100,
        default="Main navigation",
        help_text=_("For editors only: the name of this menu in the admin."),
    )
    items = StreamField(
        [("link", LinkBlock())],
        help_text=_("The links in the header, in order. Keep it short: five or six links fit on a phone."),
    )

    panels = [FieldPanel("title"), FieldPanel("items")]
    search_fields = [index.SearchField("title")]

    class Meta(SiteSnippetMixin.Meta):
        verbose_name = _("navigation menu")
        verbose_name_plural = _("navigation menus")

    def __str__(self):
        return self.title


class Footer(SiteSnippetMixin, index.Indexed, models.Model):
    title = models.CharField(
        max_length=100,
        default="Footer",
        help_text=_("For editors only: the name of this footer in the admin."),
    )
    about = models.TextField(
        blank=True,
        help_text=_("One or two sentences about MOCI, shown at the start of the footer."),
    )
    acknowledgement = RichTextField(
        features=["bold", "italic", "link"],
        help_text=_("Who supports MOCI: the funders' acknowledgement, as the funders ask for it."),
    )
    links = StreamField(
        [("link", LinkBlock())],
        blank=True,
        help_text=_("Links at the foot of every page: contact, imprint, social media."),
    )

    panels = [FieldPanel("title"), FieldPanel("about"), FieldPanel("acknowledgement"), FieldPanel("links")]
    search_fields = [index.SearchField("title"), index.SearchField("acknowledgement")]

    class Meta(SiteSnippetMixin.Meta):
        verbose_name = _("footer")
        verbose_name_plural = _("footers")

    def __str__(self):
        return self.title
