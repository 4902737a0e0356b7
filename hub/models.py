"""The hub on the road: the hub page (one per language tree) and the workshops
under it. When a workshop is, and how to say it: dates.py."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PageChooserPanel
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from mocisite import alttext
from mocisite.alttext import DescribedImages
from mocisite.blocks import story_field
from mocisite.cachekeys import expires_at
from mocisite.cachekeys import refuse as refuse_cache
from mocisite.images import CARD_RENDITIONS
from mocisite.localise import in_language, in_language_all
from mocisite.mixins import PlaceFields
from mocisite.models import terms_field
from mocisite.pages import MociPage
from mocisite.slugs import TranslatedSlug
from mocisite.utils import paginate, remembered_ancestors
from mocisite.visibility import public_q
from people.models import OrganisationPage, Skill
from projects.models import ProjectPage, Theme

from . import dates, route
from .dates import Precision
from .forms import WorkshopPageForm
from .signups import SignupRoutes, WorkshopSignup, signup_state

__all__ = ["HubPage", "WorkshopPage", "WorkshopSignup"]

PAST_PER_PAGE = 12


class HubPage(MociPage):
    """The travelling hub: where it is next, what is coming, and where it has been."""

    introduction = models.TextField(
        _("introduction"), blank=True, help_text=_("What the hub is and does, in a sentence or two.")
    )
    how_to_invite = models.TextField(
        _("how to ask the hub to come"),
        blank=True,
        help_text=_("How an organisation asks the hub to come to its town; shown while no dates are announced."),
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("how_to_invite")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["hub.WorkshopPage"]
    max_count_per_parent = 1
    search_label = _("The hub")

    class Meta:
        verbose_name = _("hub page")

    def get_workshops(self):
        """The live, public workshops under this page, ready for cards."""
        images = get_image_model().objects.prefetch_renditions(*CARD_RENDITIONS)
        return (
            WorkshopPage.objects.live()
            .child_of(self)
            .filter(public_q())
            .defer_streamfields()
            .select_related("locale")
            .prefetch_related(Prefetch("image", queryset=images))
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # What is upcoming changes with time, not only with publishing.
        now = timezone.now()
        workshops = self.get_workshops()
        upcoming = list(workshops.filter(ends_at__gt=now).order_by("-exact", "starts_at", "title"))
        past = paginate(request, workshops.filter(ends_at__lte=now).order_by("-starts_at", "title"), PAST_PER_PAGE)
        # A stop moves to the archive when it ends, with no publish to tell the page
        # cache: the cached page holds until the next start or end, no longer.
        expires_at(request, route.next_change(upcoming, now))
        context.update(
            next_stop=upcoming[0] if upcoming else None,
            upcoming=upcoming[1:],
            past=past,
            stops=route.stops(
                WorkshopPage.objects.live().child_of(self).filter(public_q()).defer_streamfields(),
                request,
                now,
                self.locale,
            ),
            route_map=route.map_settings(),
        )
        return context


class WorkshopPage(SignupRoutes, DescribedImages, PlaceFields, MociPage):
    """One stop of the hub: a workshop (or a series of them) in one place, and the
    sign-up for it (signups.py)."""

    kind = "workshop"
    described_images = ("image",)
    base_form_class = WorkshopPageForm

    summary = models.TextField(
        _("summary"),
        max_length=300,
        help_text=_("What people learn and do, in one or two sentences. Shown on cards and in search results."),
    )
    image = alttext.image_field(_("A landscape photo of the workshop or the place; cropped to fit cards."), _("image"))
    image_alt_text = alttext.alt_text_field()
    image_decorative = alttext.decorative_field()
    body = story_field(_("The programme, who it is for and what to bring."))
    date_precision = models.CharField(
        _("date precision"),
        max_length=6,
        choices=Precision.choices,
        default=Precision.EXACT,
        help_text=_(
            "Is the day known? If only the month or the season is, give any day in it: "
            "the site shows “October 2020” or “Autumn 2020”."
        ),
    )
    start_date = models.DateField(_("start date"), help_text=_("The first day, in the place's calendar."))
    start_time = models.TimeField(
        _("start time"), null=True, blank=True, help_text=_("On the place's clock; empty for an all-day workshop.")
    )
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("The last day; empty if it is one day.")
    )
    end_time = models.TimeField(_("end time"), null=True, blank=True, help_text=_("On the place's clock."))
    time_zone = models.CharField(
        _("time zone"),
        max_length=40,
        choices=dates.TIME_ZONES,
        default=dates.DEFAULT_TIME_ZONE,
        help_text=_("The place's time zone: the times above are read on its clocks."),
    )
    # When it starts and when it is over, as instants: set on save, to order and to tell past from upcoming.
    starts_at = models.DateTimeField(_("starts at"), editable=False, null=True, db_index=True)
    ends_at = models.DateTimeField(_("ends at"), editable=False, null=True, db_index=True)
    exact = models.BooleanField(_("exact date"), editable=False, default=True)
    host = models.ForeignKey(
        OrganisationPage,
        verbose_name=_("host"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The member organisation that hosts the workshop; its profile is linked."),
    )
    languages = models.JSONField(
        _("languages"), default=list, blank=True, help_text=_("The languages the workshop is held in.")
    )
    related_projects = terms_field(
        ProjectPage, "workshops", _("related projects"), _("The projects the workshop belongs to or grew from.")
    )
    themes = terms_field(Theme, "workshops", _("themes"), _("What the workshop is about."))
    skills = terms_field(Skill, "workshops", _("skills taught"), _("What people learn to do."))
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        help_text=_(
            "How many people can take part; empty if there is no limit. "
            "Beyond it, people who sign up go on a waiting list."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        *alttext.image_panels("image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("date_precision"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("start_time")]),
                FieldRowPanel([FieldPanel("end_date"), FieldPanel("end_time")]),
                FieldPanel("time_zone"),
            ],
            heading=_("When"),
        ),
        *PlaceFields.place_panels,
        MultiFieldPanel(
            [
                PageChooserPanel("host", "people.OrganisationPage"),
                FieldPanel("languages"),
                FieldPanel("capacity"),
                FieldPanel("related_projects", widget=forms.CheckboxSelectMultiple),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("skills", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Who and what"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        *PlaceFields.place_search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("starts_at"),
        index.FilterField("ends_at"),
    ]
    override_translatable_fields = [
        *TranslatedSlug.slug_translatable_fields,
        *PlaceFields.place_translatable_fields,
        SynchronizedField("date_precision", overridable=False),
        SynchronizedField("start_date", overridable=False),
        SynchronizedField("start_time", overridable=False),
        SynchronizedField("end_date", overridable=False),
        SynchronizedField("end_time", overridable=False),
        SynchronizedField("time_zone", overridable=False),
        SynchronizedField("capacity", overridable=False),
        SynchronizedField("host", overridable=False),
        SynchronizedField("languages", overridable=False),
        SynchronizedField("related_projects"),
        SynchronizedField("themes"),
        SynchronizedField("skills"),
    ]

    parent_page_types = ["hub.HubPage"]
    subpage_types = []
    search_label = _("Workshop")

    class Meta:
        verbose_name = _("workshop page")

    def clean(self):
        super().clean()
        errors = {}
        if self.end_date and self.start_date and self.end_date < self.start_date:
            errors["end_date"] = _("The end date cannot be before the start date.")
        elif (
            self.start_time
            and self.end_time
            and (self.end_date or self.start_date) == self.start_date
            and self.end_time < self.start_time
        ):
            errors["end_time"] = _("The workshop cannot end before it starts.")
        if self.date_precision != Precision.EXACT and (self.start_time or self.end_time):
            errors["date_precision"] = _("Times need a known day: choose “On the day” or leave the times empty.")
        if self.end_time and not self.start_time:
            errors["start_time"] = _("Give the start time too, or leave both times empty.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.set_instants()
        return super().save(*args, **kwargs)

    def set_instants(self):
        """``starts_at``, ``ends_at`` and ``exact`` from the day, times, precision and zone."""
        if not self.start_date:
            return
        zone = self.time_zone or dates.DEFAULT_TIME_ZONE
        first, after = dates.period(self.start_date, self.date_precision)
        self.exact = self.date_precision == Precision.EXACT
        self.starts_at = dates.instant(first, self.start_time if self.exact else None, zone)
        last_day = self.end_date or self.start_date
        if self.exact and self.end_time:
            self.ends_at = dates.instant(last_day, self.end_time, zone)
        else:
            self.ends_at = dates.instant(dates.period(last_day, self.date_precision)[1], None, zone)

    @property
    def when(self):
        """“Autumn 2020” or “Saturday 10 October 2020, 10:00–16:00 (Tirana time)”, in the active language."""
        return dates.describe(
            self.start_date, self.start_time, self.end_date, self.end_time, self.date_precision, self.time_zone
        )

    @property
    def year(self):
        return self.start_date.year

    @property
    def image_alt(self):
        return self.alt_text_for("image")

    def is_past(self, now=None):
        return self.ends_at is not None and self.ends_at <= (now or timezone.now())

    def get_language_names(self):
        names = dict(settings.MOCI_LANGUAGES)
        return [(code, names[code]) for code in self.languages if code in names]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        host = in_language(self.host, self.locale_id, OrganisationPage.objects.live().filter(public_q()))
        context.update(
            host=host if host is not None and host.live else None,
            themes=in_language_all(self.themes.all(), self.locale_id),
            skills=in_language_all(self.skills.all(), self.locale_id),
            related_projects=[
                project
                for project in in_language_all(
                    self.related_projects.all(), self.locale_id, ProjectPage.objects.live().filter(public_q())
                )
                if project.live
            ],
            languages=self.get_language_names(),
            hub_page=remembered_ancestors(self)[-1],
            is_past=self.is_past(),
            signup=signup_state(self),
        )
        if context["signup"]["open"] and context["signup"]["capacity"] is not None:
            # The places left change with each sign-up.
            refuse_cache(request)
        else:
            # What the page says of itself (upcoming, on now, past) changes when it starts and ends.
            expires_at(request, route.next_change([self], timezone.now()))
        return context
