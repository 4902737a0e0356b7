"""Under each language (mocisite/urls.py, before the pages): the hub's calendars
(hub/calendars.py). A page address ending in ``calendar.ics`` is the calendar of
the hub page or workshop at that address."""

from django.urls import re_path

from .calendars import calendar_view

urlpatterns = [
    re_path(r"^(?P<path>(?:[\w\-]+/)*)calendar\.ics$", calendar_view, name="hub_calendar"),
]
