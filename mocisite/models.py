"""Site-wide pieces editors manage as snippets: the main navigation and the
footer. Both are translatable and read through ``.localized``; and the
abstract ``Term`` (themes, skills), named in a page's language with
``mocisite.localise.in_language_all``."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from .blocks import LinkBlock


def source_locale_only():
    """Editors choose terms (themes, skills) in the source language; translations follow."""
    return models.Q(locale__language_code=settings.LANGUAGE_CODE)


def terms_field(to, related_name, verbose_name, help_text):
    """Pages tagged with terms (or other translatable things) chosen in the source
    language: each translation of the page shows each term's translation."""
    return ParentalManyToManyField(
        to,
        blank=True,
        related_name=related_name,
        limit_choices_to=source_locale_only,
        verbose_name=verbose_name,
        help_text=help_text,
    )


class Term(TranslatableMixin, index.Indexed, models.Model):
    """A translatable word that pages are tagged with and filtered by (a theme, a skill).

    The slug is the same in every language, so filters in addresses work everywhere.
    A subclass names its filters' query parameters in ``filter_parameters``, so
    the language switcher carries a filter by the term's translation."""

    filter_parameters = ()

    name = models.CharField(_("name"), max_length=80, help_text=_("As visitors read it."))
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        help_text=_("Used in filter addresses such as ?theme=environment; the same in every language."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    override_translatable_fields = [SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_%(app_label)s_%(class)s_slug_per_locale")
        ]

    def __str__(self):
        return self.name

    def clean(self):
        # The unique constraint involves the locale, which is not in the admin form,
        # so Django would not check it there: check it here, as a form error.
        super().clean()
        duplicates = type(self).objects.filter(locale_id=self.locale_id, slug=self.slug).exclude(pk=self.pk)
        if self.locale_id and duplicates.exists():
            raise ValidationError({"slug": _("This slug is already used in this language; choose another.")})

    @classmethod
    def for_locale(cls, locale_id):
        """All terms in the given language, or in the source language if none are
        translated (the filters' choices: remembered until the next publish)."""
        from .memory import remember

        return remember(
            ("terms", cls._meta.label, locale_id),
            lambda: list(cls.objects.filter(locale_id=locale_id)) or list(cls.objects.filter(source_locale_only())),
        )


class SiteSnippetMixin(TranslatableMixin):
    """One instance per language; ``current()`` returns the one in the active language."""

    @classmethod
    def current(cls):
        """The instance in the active language, falling back to the source language."""
        source = cls.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
        return source.localized if source else None

    class Meta(TranslatableMixin.Meta):
        abstract = True


class NavigationMenu(SiteSnippetMixin, index.Indexed, models.Model):
    title = models.CharField(
        _("title"),
        max_length=100,
        default="Main navigation",
        help_text=_("For editors only: the name of this menu in the admin."),
    )
    items = StreamField(
        [("link", LinkBlock())],
        help_text=_("The links in the header, in order. Keep it short: five or six links fit on a phone."),
        verbose_name=_("items"),
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
        _("title"),
        max_length=100,
        default="Footer",
        help_text=_("For editors only: the name of this footer in the admin."),
    )
    about = models.TextField(
        _("about"), blank=True, help_text=_("One or two sentences about MOCI, shown at the start of the footer.")
    )
    acknowledgement = RichTextField(
        _("acknowledgement"),
        features=["bold", "italic", "link"],
        help_text=_("Who supports MOCI: the funders' acknowledgement, as the funders ask for it."),
    )
    links = StreamField(
        [("link", LinkBlock())],
        blank=True,
        help_text=_("Links at the foot of every page: contact, imprint, social media."),
        verbose_name=_("links"),
    )

    panels = [FieldPanel("title"), FieldPanel("about"), FieldPanel("acknowledgement"), FieldPanel("links")]
    search_fields = [index.SearchField("title"), index.SearchField("acknowledgement")]

    class Meta(SiteSnippetMixin.Meta):
        verbose_name = _("footer")
        verbose_name_plural = _("footers")

    def __str__(self):
        return self.title
