"""When a workshop is, in the visitor's language and the place's time zone.

A workshop's day and times are what people at the place read on their clocks:
stored as a date and wall-clock times with the place's IANA zone, and turned
into instants (:func:`instant`) only to order and to tell past from upcoming.
Where the day is not known yet, the date stands for its month or its season
(meteorological, as in the region: autumn is September to November; a winter
runs from December into the next year and is named by both years).
"""

import datetime
from zoneinfo import ZoneInfo

from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class Precision(models.TextChoices):
    EXACT = "exact", _("On the day")
    MONTH = "month", _("Month only")
    SEASON = "season", _("Season only")


# The region's zones, each named by the city people there know (Kosovo keeps Belgrade's time).
TIME_ZONES = [
    ("Europe/Tirane", _("Tirana time")),
    ("Europe/Skopje", _("Skopje time")),
    ("Europe/Belgrade", _("Belgrade time")),
    ("Europe/Podgorica", _("Podgorica time")),
    ("Europe/Sarajevo", _("Sarajevo time")),
    ("Asia/Tbilisi", _("Tbilisi time")),
    ("Asia/Yerevan", _("Yerevan time")),
    ("Europe/Berlin", _("Berlin time")),
]
DEFAULT_TIME_ZONE = "Europe/Tirane"

# The first month of each season; December's winter ends in the next year.
SEASON_STARTS = {3: "spring", 6: "summer", 9: "autumn", 12: "winter"}
SEASON_NAMES = {
    "spring": _("Spring %(year)s"),
    "summer": _("Summer %(year)s"),
    "autumn": _("Autumn %(year)s"),
    "winter": _("Winter %(year)s"),
}
DAY_FORMAT = "l j F Y"
TIME_FORMAT = "H:i"


def season_start(day):
    """The first day of the season ``day`` is in."""
    month = day.month - (day.month % 3)  # 3, 6, 9 or 12 (0 for January and February: last December)
    if month == 0:
        return datetime.date(day.year - 1, 12, 1)
    return datetime.date(day.year, month, 1)


def period(day, precision):
    """(first day, the day after the last) of the day, month or season that ``day`` stands for."""
    if precision == Precision.MONTH:
        first = day.replace(day=1)
        return first, _months_later(first, 1)
    if precision == Precision.SEASON:
        first = season_start(day)
        return first, _months_later(first, 3)
    return day, day + datetime.timedelta(days=1)


def _months_later(first, months):
    month = first.month - 1 + months
    return datetime.date(first.year + month // 12, month % 12 + 1, 1)


def instant(day, time, zone):
    """The aware datetime of ``day`` at ``time`` (midnight if None) in the IANA ``zone``."""
    return datetime.datetime.combine(day, time or datetime.time(0), tzinfo=ZoneInfo(zone))


def season_label(day):
    """“Autumn 2020”, “Winter 2020/21”, in the active language."""
    first = season_start(day)
    name = SEASON_STARTS[first.month]
    year = f"{first.year}/{(first.year + 1) % 100:02d}" if name == "winter" else str(first.year)
    return gettext(SEASON_NAMES[name]) % {"year": year}


def month_label(day):
    """“October 2020”, in the active language's own way of writing a month."""
    return date_format(day, "YEAR_MONTH_FORMAT")


def zone_label(zone):
    """“Tirana time” in the active language; the zone's name for a zone not in the list."""
    return str(dict(TIME_ZONES).get(zone, zone))


def describe(start_date, start_time=None, end_date=None, end_time=None, precision=Precision.EXACT, zone=None):
    """When something is, for people: “Autumn 2020”, “October 2020”, or
    “Saturday 10 October 2020, 10:00–16:00 (Tirana time)” in the active language."""
    if precision == Precision.SEASON:
        first, last = season_label(start_date), season_label(end_date) if end_date else None
        return first if not last or last == first else f"{first} – {last}"
    if precision == Precision.MONTH:
        first, last = month_label(start_date), month_label(end_date) if end_date else None
        return first if not last or last == first else f"{first} – {last}"
    start = date_format(start_date, DAY_FORMAT)
    one_day = not end_date or end_date == start_date
    end = "" if one_day else date_format(end_date, DAY_FORMAT)
    if not start_time:
        return start if one_day else f"{start} – {end}"
    times = date_format(start_time, TIME_FORMAT)
    if one_day:
        text = f"{start}, {times}" + (f"–{date_format(end_time, TIME_FORMAT)}" if end_time else "")
    else:
        text = f"{start}, {times} – {end}" + (f", {date_format(end_time, TIME_FORMAT)}" if end_time else "")
    return f"{text} ({zone_label(zone)})" if zone else text
