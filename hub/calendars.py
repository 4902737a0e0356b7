"""The hub's calendars (RFC 5545, written with the ``icalendar`` package).

- ``/<lang>/hub/calendar.ics``: the workshops of that language's hub page that
  are upcoming or ended within the last :data:`RECENT_DAYS` days, in a
  calendar app's "subscribe" (a past stop stays a while, then leaves);
- ``/<lang>/hub/<workshop>/calendar.ics``: one workshop, for "Add to calendar".

Only workshops with an exact day are in a calendar: one dated to a month or a
season has no day a calendar could show, and its own ``.ics`` is a 404.

Each event is written in the place's time zone (``DTSTART;TZID=Europe/Tirane``
with the zone's ``VTIMEZONE``), or as all-day ``DATE`` values whose ``DTEND`` is
the day after the last (exclusive, as RFC 5545 says). Its ``UID`` is made of the
workshop's translation key, its language and the site's host name: the same
across edits, moves and new slugs, so a calendar app updates the event instead
of adding it twice; and different in each language, because each language's
calendar is a calendar of its own (someone subscribed to two should see both).
The texts (``SUMMARY``, ``DESCRIPTION``, ``LOCATION``) are the visitor's
language's (a workshop not yet translated has its English title and summary,
marked ``LANGUAGE=en``); ``DTSTAMP`` and ``LAST-MODIFIED`` are the last publish, so the same
calendar is the same bytes until someone publishes.
"""

import datetime

import icalendar

from django.conf import settings
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from mocisite.cachekeys import refuse as refuse_cache
from mocisite.routing import route
from mocisite.sites import find_site
from mocisite.templatetags.moci_languages import shows_source_text
from mocisite.visibility import public_q, restricted_pages

from . import dates
from .models import HubPage, WorkshopPage

# A stop stays in the subscribed calendar this many days after it ends.
RECENT_DAYS = 90
PRODUCT_ID = "-//MOCI//The hub on the road//EN"
CONTENT_TYPE = "text/calendar; charset=utf-8"


def event_uid(workshop, host):
    """Stable across edits and slugs; one per workshop and language."""
    language = workshop.locale.language_code
    return f"workshop-{workshop.translation_key}-{language}@{host}"


def _event(workshop, request, host):
    event = icalendar.Event()
    event.add("uid", event_uid(workshop, host))
    published = workshop.last_published_at or workshop.latest_revision_created_at or timezone.now()
    event.add("dtstamp", published)
    event.add("last-modified", published)
    # A workshop not yet translated shows its English text: said so, as the page and the feeds do.
    text = {"LANGUAGE": settings.LANGUAGE_CODE} if shows_source_text(workshop) else {}
    event.add("summary", workshop.title, parameters=text)
    if workshop.summary:
        event.add("description", workshop.summary, parameters=text)
    last_day = workshop.end_date or workshop.start_date
    if workshop.start_time:
        zone = workshop.time_zone or dates.DEFAULT_TIME_ZONE
        event.add("dtstart", dates.instant(workshop.start_date, workshop.start_time, zone))
        # Without an end time, the workshop lasts until the end of its last day.
        end_time = workshop.end_time
        end_day = last_day if end_time else last_day + datetime.timedelta(days=1)
        event.add("dtend", dates.instant(end_day, end_time, zone))
    else:
        event.add("dtstart", workshop.start_date)
        event.add("dtend", last_day + datetime.timedelta(days=1))
    if workshop.place_label:
        event.add("location", workshop.place_label)
    point = workshop.point
    if point is not None:
        event.add("geo", (point.lat, point.lng))
    event.add("url", workshop.get_full_url(request))
    event.add("status", "CONFIRMED")
    return event


def build_calendar(workshops, request, name=None):
    """The VCALENDAR of ``workshops`` (exact-dated ones only), with the zones they use."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if name:
        calendar.add("x-wr-calname", name)
    site = find_site(request)
    host = site.hostname if site is not None else request.get_host()
    workshops = [workshop for workshop in workshops if workshop.exact]
    for workshop in workshops:
        calendar.add_component(_event(workshop, request, host))
    if any(workshop.start_time for workshop in workshops):
        # Each zone's rules over the years its events are in (not 1970 to 2038).
        first = min(workshop.start_date for workshop in workshops)
        last = max(workshop.end_date or workshop.start_date for workshop in workshops)
        calendar.add_missing_timezones(
            first_date=datetime.date(first.year, 1, 1), last_date=datetime.date(last.year + 1, 1, 1)
        )
    return calendar


def calendar_response(calendar, filename):
    response = HttpResponse(calendar.to_ical(), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def hub_calendar(request, hub):
    """The hub page's calendar: its upcoming and recent exact-dated workshops."""
    since = timezone.now() - datetime.timedelta(days=RECENT_DAYS)
    workshops = list(
        WorkshopPage.objects.live()
        .child_of(hub)
        .filter(public_q(request), exact=True, ends_at__gt=since)
        .defer_streamfields()
        .select_related("locale")
        .order_by("starts_at", "title")
    )
    if workshops:
        # Stops leave the calendar with time, not with a publish: not kept by the page cache.
        refuse_cache(request)
    name = _("MOCI: workshops of the hub")
    return calendar_response(build_calendar(workshops, request, name), f"moci-hub-{get_language()}.ics")


def workshop_calendar(request, workshop):
    """One workshop's event; a workshop without an exact day has none."""
    if not workshop.exact:
        raise Http404("A workshop dated to a month or a season has no calendar entry.")
    # A slug may be in any script; a file name in a header is best plain ASCII.
    filename = slugify(workshop.slug) or "workshop"
    return calendar_response(build_calendar([workshop], request), f"{filename}.ics")


def calendar_view(request, path=""):
    """``<page address>calendar.ics``: the calendar of a hub page or of a workshop."""
    found = route(request, path)
    if found is None:
        raise Http404
    page = found[0]
    # A private page (or one under a private page, in any language) has no public calendar.
    if not page.live or any(
        page.path.startswith(path) and page.depth >= depth for path, depth in restricted_pages(request)
    ):
        raise Http404
    if isinstance(page, HubPage):
        return hub_calendar(request, page)
    if isinstance(page, WorkshopPage):
        return workshop_calendar(request, page)
    raise Http404
