"""The hub's route and the moments it changes.

:func:`stops` gives the workshops that have a map point, in date order, as the
small records the hub page lists and hands to its map (route-map.js); one
query, whatever the number of stops. :func:`next_change` is the next moment
what is upcoming changes with no publish (a workshop starts or ends): the page
cache keeps pages that show it until then (mocisite/cachekeys.py, expires_at).
"""

from django.conf import settings
from django.utils.translation import get_supported_language_variant


def next_change(workshops, now):
    """The earliest start or end after ``now`` among ``workshops`` (None if none).
    Past workshops need not be given: their start and end are both behind ``now``."""
    moments = [
        moment for workshop in workshops for moment in (workshop.starts_at, workshop.ends_at) if moment and moment > now
    ]
    return min(moments, default=None)


def stops(workshops, request, now, locale=None):
    """``workshops`` (a queryset of live public workshops) with a point, oldest first,
    as dictionaries: title, url, when, place, lat, lng, whether it is past, and the
    language of the title when it is not the page's (an untranslated alias)."""
    source = get_supported_language_variant(settings.LANGUAGE_CODE)
    found = []
    for workshop in workshops.exclude(location="").order_by("starts_at", "title"):
        point = workshop.point
        if point is None:  # a malformed point keeps the stop off the route
            continue
        found.append(
            {
                "title": workshop.title,
                "url": workshop.get_url(request),
                "when": str(workshop.when),
                "place": str(workshop.place_label),
                "lat": point.lat,
                "lng": point.lng,
                "past": workshop.is_past(now),
                "lang": source if workshop.alias_of_id and locale and locale.language_code != source else "",
            }
        )
    return found


def map_settings():
    """What the route map needs from settings: the same tiles as the community map."""
    return {
        "tiles": settings.MAP_TILE_URL,
        "attribution": settings.MAP_TILE_ATTRIBUTION,
        "max_zoom": settings.MAP_MAX_ZOOM,
    }
