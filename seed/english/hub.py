"""The travelling hub and the one workshop series the texts name (no other dates are known)."""

import datetime

HUB = {
    "title": "The hub on the road",
    "slug": "hub",
    # The sentence the home page's story says it in (seed/english/pages.py), so it is translated once.
    "introduction": (
        "In the field MOCI is a pop-up space that travels around to deliver workshops on creative skills and "
        "community building, to support local actors in developing their ideas for local impact and to share "
        "challenges and solutions along the road."
    ),
    "how_to_invite": "Would you like the hub to come to your town? Write to the secretariat of the network.",
}

# Autumn 2020 is all the texts say: the date stands for the season.
WORKSHOPS = [
    {
        "title": "Permaculture and sustainable gardening in Pellumbas",
        "slug": "permaculture-in-pellumbas",
        "summary": "The first workshops on permaculture and sustainable gardening in Pellumbas, in autumn 2020.",
        # The sentence iac Berlin's profile says it in (seed/english/profiles.py).
        "body": (
            "<p>With the support of the Robert Bosch Foundation, iac Berlin and MOCI held the first workshops on "
            "permaculture and sustainable gardening in Pellumbas in autumn 2020.</p>"
        ),
        "start_date": datetime.date(2020, 9, 1),
        "date_precision": "season",
        "time_zone": "Europe/Tirane",
        "place_name": "Pellumbas",
        "country": "AL",
        "host": "iac-berlin",
        "projects": ["permaculture-in-pellumbas"],
        "themes": ["agriculture", "environment"],
    },
]
