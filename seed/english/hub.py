"""The travelling hub and the one workshop series the texts name (no other dates are known)."""

import datetime

HUB = {
    "title": "The hub on the road",
    "slug": "hub",
    "introduction": (
        "In the field MOCI is a Pop-Up space that travels around to deliver different workshops on creative "
        "skills and community building, to support local actors in developing their ideas for local impact "
        "and share challenges and solutions along the road."
    ),
    "how_to_invite": "Would you like the hub to come to your town? Write to the secretariat of the network.",
}

# Autumn 2020 is all the texts say: the date stands for the season.
WORKSHOPS = [
    {
        "title": "Permaculture and sustainable gardening in Pellumbas",
        "slug": "permaculture-in-pellumbas",
        "summary": "The first workshops on permaculture and sustainable gardening in Pellumbas, in autumn 2020.",
        "body": (
            "<p>With the support of the Robert Bosch Foundation and iac Berlin we implemented the first "
            "workshops on permaculture and sustainable gardening in Pellumbas in autumn 2020.</p>"
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
