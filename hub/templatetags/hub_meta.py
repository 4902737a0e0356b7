"""What a workshop page tells search engines and link previews: schema.org
``Event`` data (JSON-LD) and OpenGraph. Load with ``{% load hub_meta %}``.

JSON-LD is a data block (``<script type="application/ld+json">``), not a
script: browsers never run it, and the Content-Security-Policy's
``script-src`` does not apply to it, so it needs no nonce (and asking for one
would put a nonce in every cached page's header). Its text is escaped as
Django's ``json_script`` escapes (``<``, ``>``, ``&`` as ``\\u003C`` …), so a
title cannot close the element.

Dates: a workshop on a known day has ``startDate``/``endDate`` with the
place's UTC offset (``2020-10-26T10:00:00+01:00``), or plain dates for an
all-day one (schema.org's ``endDate`` is the last day, inclusive). One dated
to a month or a season gets the ISO 8601 year and month of the period's first
and last months (``2020-09`` … ``2020-11`` for autumn 2020): valid reduced
precision that invents no day. There are no ``offers``: a workshop has no
sign-up to offer yet.
"""

import datetime
import json

from django import template
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, to_locale

from hub import dates
from hub.dates import Precision
from mocisite.sites import find_site

register = template.Library()

IMAGE_SPEC = "fill-1200x675|format-jpeg"  # one of the workshop page's own renditions
OG_LOCALES = {
    "en": "en_GB",
    "sq": "sq_AL",
    "de": "de_DE",
    "mk": "mk_MK",
    "sr-latn": "sr_RS",
    "hy": "hy_AM",
    "ka": "ka_GE",
}
JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def event_dates(page):
    """(startDate, endDate or None) as schema.org reads them."""
    zone = page.time_zone or dates.DEFAULT_TIME_ZONE
    last_day = page.end_date or page.start_date
    if page.date_precision != Precision.EXACT:
        first = dates.period(page.start_date, page.date_precision)[0]
        after = dates.period(last_day, page.date_precision)[1]
        return first.strftime("%Y-%m"), (after - datetime.timedelta(days=1)).strftime("%Y-%m")
    if page.start_time:
        start = dates.instant(page.start_date, page.start_time, zone).isoformat()
        if page.end_time:
            return start, dates.instant(last_day, page.end_time, zone).isoformat()
        return start, last_day.isoformat() if last_day != page.start_date else None
    return page.start_date.isoformat(), last_day.isoformat()


def absolute(request, url):
    """``url`` on the site's own address (as the page's canonical link is), not the request's."""
    if request is None or url.startswith(("http://", "https://")):
        return url
    site = find_site(request)
    return site.root_url + url if site is not None else request.build_absolute_uri(url)


def image_url(request, image):
    if image is None:
        return None
    return absolute(request, image.get_rendition(IMAGE_SPEC).url)


def event_data(page, request, host=None, signup=None):
    """schema.org ``Event`` data for ``page``; ``signup`` (hub/signups.py ``signup_state``)
    adds the free sign-up as an offer while it is open: in stock, or sold out when full."""
    start, end = event_dates(page)
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "description": page.summary,
        "url": page.get_full_url(request),
        "startDate": start,
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
    }
    if end:
        data["endDate"] = end
    location = {"@type": "Place", "name": page.place_label or page.title}
    address = {"@type": "PostalAddress"}
    if page.place_name:
        address["addressLocality"] = page.place_name
    if page.country:
        address["addressCountry"] = page.country
    location["address"] = address
    point = page.point
    if point is not None:
        location["geo"] = {"@type": "GeoCoordinates", "latitude": point.lat, "longitude": point.lng}
    data["location"] = location
    if host is not None:
        data["organizer"] = {"@type": "Organization", "name": host.title, "url": host.get_full_url(request)}
    else:
        home = reverse("wagtail_serve", args=[""])  # this language's home page
        data["organizer"] = {"@type": "Organization", "name": "MOCI", "url": absolute(request, home)}
    image = image_url(request, page.image) if page.image_alt is not None else None
    if image:
        data["image"] = [image]
    if signup and signup["open"]:
        data["isAccessibleForFree"] = True
        data["offers"] = {
            "@type": "Offer",
            "price": 0,
            "priceCurrency": "EUR",
            "url": absolute(request, page.signup_url(request)),
            "availability": "https://schema.org/SoldOut" if signup["full"] else "https://schema.org/InStock",
        }
    if page.languages:
        data["inLanguage"] = page.languages[0] if len(page.languages) == 1 else list(page.languages)
    return data


def json_ld(data):
    """``<script type="application/ld+json">`` with ``data``, safe inside HTML."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(JSON_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308 - escaped above


@register.simple_tag(takes_context=True)
def workshop_json_ld(context, page):
    return json_ld(event_data(page, context.get("request"), context.get("host"), context.get("signup")))


@register.simple_tag(takes_context=True)
def absolute_image_url(context, image):
    """The absolute address of the image's large JPEG rendition (for og:image)."""
    return image_url(context.get("request"), image) or ""


@register.simple_tag
def og_locale():
    """The active language as OpenGraph's ``language_TERRITORY``."""
    code = get_language() or "en"
    return OG_LOCALES.get(code, to_locale(code))
