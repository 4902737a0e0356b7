"""The projects, in English: their index, the themes they are about, their
partners and funders, and where they all are (``POINTS``, the organisations'
places too)."""

THEMES = [
    ("environment", "Environment"),
    ("recycling", "Recycling and circular design"),
    ("culture", "Culture and the arts"),
    ("community", "Community building"),
    ("youth", "Youth participation"),
    ("learning", "Skills and learning"),
    ("agriculture", "Sustainable agriculture"),
]

# Where the places are, as (latitude, longitude). The network's own projects are
# where the texts put them; the two without a place in the texts (Skills for
# Resilient Communities, the plants value chain) are run from the network's base
# in Tirana, until their editors set better places. The Rrogozhina youth group
# works from Rrogozhina, down the river to the Shkumbini delta.
POINTS = {
    "Tirana": (41.3275, 19.8187),
    "Rrogozhina": (41.0758, 19.6656),
    "Pellumbas": (41.2183, 19.8864),
    "Shullaz": (41.2952, 19.6983),
    "Berlin": (52.5200, 13.4050),
    "Stuttgart": (48.7758, 9.1829),
    "Bonn": (50.7374, 7.0982),
    "Amsterdam": (52.3676, 4.9041),
    "Brussels": (50.8503, 4.3517),
}

# key: (name, website, description, place name, country); the point is POINTS[place name].
PARTNERS = {
    "ecf": (
        "European Cultural Foundation",
        "https://culturalfoundation.eu/",
        "Supported the pilot phase of MOCI Balkans through its Culture of Solidarity grant.",
        "Amsterdam",
        "NL",
    ),
    "encc": (
        "European Network of Cultural Centres",
        "https://encc.eu/",
        "Runs Seeds of Sustainability (SOS), which invites cultural centres to take swift action on climate change.",
        "Brussels",
        "BE",
    ),
    "uzina": ("Hapesire Kulturore Uzina", "", "Runs Vila 3 in Tirana with us.", "Tirana", "AL"),
    "undp": ("UNDP Albania", "https://www.undp.org/albania", "", "Tirana", "AL"),
    "rrogozhina": ("Municipality of Rrogozhina", "", "", "Rrogozhina", "AL"),
    "bosch": ("Robert Bosch Foundation", "https://www.bosch-stiftung.de/en", "", "Stuttgart", "DE"),
    "iac": ("iac Berlin", "", "", "Berlin", "DE"),
    "giz": ("GIZ", "https://www.giz.de/en/", "Through its SRD programme.", "Bonn", "DE"),
}

# Partners that are also member organisations: partner key → the slug of their profile (ORGANISATIONS).
PARTNER_PROFILES = {"uzina": "hapesire-kulturore-uzina", "iac": "iac-berlin"}

PROJECT_INDEX = {
    "title": "Projects",
    "slug": "projects",
    "introduction": (
        "In the field MOCI is a pop-up space that travels around to deliver workshops on creative skills "
        "and community building, and to support local actors in developing their ideas for local impact."
    ),
}

PROJECTS = [
    {
        "title": "Precious Plastic Albania",
        "slug": "precious-plastic-albania",
        "summary": (
            "The first DIY recycling workspace in Albania, growing into a social enterprise for unique "
            "design items made from 100% locally sourced plastic waste."
        ),
        "body": (
            "<p>With Precious Plastic Albania we created the first DIY-Recycling Workspace in Albania that "
            "we grow into a Social Enterprise for unique design items made from 100% locally sourced plastic "
            "waste.</p>"
            "<p>We offer free educational workshops for schools, youth groups and any interested individual "
            "and build a community of collection points and active citizens tackling plastic waste "
            "pollution in Albania.</p>"
        ),
        "place_name": "Tirana",
        "country": "AL",
        "status": "ongoing",
        "themes": ["recycling", "environment", "learning"],
        "partners": [],
    },
    {
        "title": "Vila 3 – Cultural and Social Space",
        "slug": "vila-3",
        "summary": (
            "An old villa at the heart of Tirana turned into an open, self-managed cultural and social "
            "centre for independent culture, social exchange and learning."
        ),
        "body": (
            "<p>Together with Hapesire Kulturore Uzina we turned an old Vila at the heart of Tirana into an "
            "open cultural and social center. As Tirana and Albania lack civic and cultural spaces we "
            "provide a space for independent culture and arts, social exchange and learning.</p>"
            "<p>The Vila 3 is a self-managed space open to all creatives, social actors, independent groups "
            "and every citizen.</p>"
        ),
        "place_name": "Tirana",
        "country": "AL",
        "status": "ongoing",
        "themes": ["culture", "community"],
        "partners": [("uzina", "partner")],
    },
    {
        "title": "Rrogozhina Environmental Monitoring Youth",
        "slug": "rrogozhina-environmental-monitoring-youth",
        "summary": (
            "The first self-organised youth group in Rrogozhina: high-school students monitor pollution "
            "between Rrogozhina and the Shkumbini Delta and campaign for better waste management."
        ),
        "body": (
            "<p>With the support of UNDP Albania and the municipality of Rrogozhina we are creating the "
            "first self-organised youth group in Rrogozhina. Together with students from two high schools "
            "we will start monitoring environmental pollution between Rrogozhina and the Shkumbini "
            "Delta.</p>"
            "<p>Students will learn how to self-organise and create their own activities as well as "
            "campaign and advocate for better waste management and environmental protection.</p>"
        ),
        "place_name": "Rrogozhina",
        "country": "AL",
        "status": "ongoing",
        "themes": ["environment", "youth"],
        "partners": [("undp", "funder"), ("rrogozhina", "partner")],
    },
    {
        "title": "Shullaz mushroom bunkers",
        "slug": "shullaz-mushroom-bunkers",
        "summary": "Growing mushrooms in the bunkers of Shullaz.",
        "body": "<p>More about this project will follow soon.</p>",
        "place_name": "Shullaz",
        "country": "AL",
        "status": "ongoing",
        "themes": ["agriculture"],
        "partners": [],
    },
    {
        "title": "Skills for Resilient Communities",
        "slug": "skills-for-resilient-communities",
        "summary": (
            "Community building and non-formal learning journeys around local challenges, growing a team "
            "of young peer-educators who support each other's projects."
        ),
        "body": (
            "<p>Together with members of our international networks and local young volunteers we create "
            "formats of community building and non-formal learning journeys around local challenges.</p>"
            "<p>We want to create a team of young experts and practitioners that deepen their knowledge and "
            "practical experience in different fields to become peer-educators and action-driven teams in "
            "the future, that support each other's small projects and communities in need through "
            "collective action and project development.</p>"
        ),
        "place_name": "Tirana",
        "country": "AL",
        "status": "ongoing",
        "themes": ["community", "learning", "youth"],
        "partners": [],
    },
    {
        "title": "Permaculture in Pellumbas",
        "slug": "permaculture-in-pellumbas",
        "summary": "The first workshops on permaculture and sustainable gardening in Pellumbas, in autumn 2020.",
        "body": (
            "<p>With the support of the Robert Bosch Foundation and iac Berlin we implemented the first "
            "workshops on permaculture and sustainable gardening in Pellumbas in autumn 2020.</p>"
        ),
        "place_name": "Pellumbas",
        "country": "AL",
        "status": "completed",
        "themes": ["agriculture", "environment", "learning"],
        "partners": [("bosch", "funder"), ("iac", "partner")],
    },
    {
        "title": "Medicinal and Aromatic Plants value chain",
        "slug": "medicinal-and-aromatic-plants",
        "summary": (
            "Young farmers in the medicinal and aromatic plants value chain improve their marketing and "
            "business skills and grow together as a community."
        ),
        "body": (
            "<p>As part of the GIZ SRD Program we enable a group of young farmers in the Medicinal and "
            "Aromatic Plants Value Chain to improve their marketing and business diversification skills "
            "and to grow together as a community by identifying and addressing shared needs and "
            "challenges.</p>"
        ),
        "place_name": "Tirana",
        "country": "AL",
        "status": "ongoing",
        "themes": ["agriculture", "learning"],
        "partners": [("giz", "funder")],
    },
]
