"""The workshops on the community map: :func:`map_places`, which hub/apps.py hands to
people/map.py (an app below this one) as one of its ``place_sources``."""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_supported_language_variant

from mocisite.visibility import public_q
from people.map import Place

from .models import WorkshopPage
from .route import next_change


def map_places(locale, request=None, now=None):
    """The workshops with a point in ``locale``'s language as places on the map,
    upcoming or past, and the next moment one of them moves from one to the other
    (or None). One query, whatever the number of workshops."""
    now = now or timezone.now()
    source_code = get_supported_language_variant(settings.LANGUAGE_CODE)
    workshops = list(
        WorkshopPage.objects.live()
        .filter(public_q(request), locale=locale)
        .exclude(location="")
        .defer_streamfields()
        .order_by("starts_at", "title")
    )
    places = [
        Place(
            id=f"workshop-{workshop.pk}",
            kind="workshop",
            title=workshop.title,
            url=workshop.get_url(request),
            point=workshop.point,
            place_name=workshop.place_name,
            country=workshop.country,
            summary=workshop.summary,
            # An alias shows the English page's text: say so, for lang attributes.
            lang=source_code if workshop.alias_of_id and locale.language_code != source_code else "",
            when=str(workshop.when),
            status="past" if workshop.is_past(now) else "upcoming",
        )
        for workshop in workshops
    ]
    return places, next_change(workshops, now)
