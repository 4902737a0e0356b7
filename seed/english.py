"""The MOCI site's first content, in English (the source language).

Copied from the texts the organisation gave for its site (the network and
its principles, the hub and its projects, "who we are" in English and
Albanian), with obvious typing slips mended; those texts are not kept in the
repository, this module (with ``resources.py`` and ``albanian.py`` beside it)
is their copy. ``load_moci_content`` builds the site tree from it.
Rich-text values are HTML as Wagtail stores it.
"""

THEMES = [
    ("environment", "Environment"),
    ("recycling", "Recycling and circular design"),
    ("culture", "Culture and the arts"),
    ("community", "Community building"),
    ("youth", "Youth participation"),
    ("learning", "Skills and learning"),
    ("agriculture", "Sustainable agriculture"),
]

SKILLS = [
    ("permaculture", "Permaculture and sustainable gardening"),
    ("plastic-recycling", "Plastic recycling"),
    ("workshop-facilitation", "Workshop facilitation"),
    ("running-a-cultural-space", "Running a cultural space"),
    ("environmental-monitoring", "Environmental monitoring"),
    ("youth-organising", "Youth organising"),
    ("marketing", "Marketing and business skills"),
    ("community-building", "Community building"),
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

HOME = {
    "title": "MOCI – Mobile Open Culture and Innovation",
    "seo_title": "Mobile Open Culture and Innovation",
    "hero_title": "Community builders working together for just and equal societies",
    "hero_text": (
        "MOCI is a regional network of cultural, civic and youth organisations in the Western Balkans "
        "and the South Caucasus: a mobile pop-up hub on the road and a platform where peers find each other."
    ),
    "hero_link_text": "See our projects",
    "introduction": (
        "<p>The Mobile Open Culture and Innovation Hub is a long-term initiative that we launch with our "
        "partners from Montenegro, Kosovo and Germany. MOCI is a cultural mobile hub on the roads of the "
        "Balkans and a community platform for open culture and creative production.</p>"
        "<p>In the field MOCI is a pop-up space that travels around to deliver workshops on creative "
        "skills and community building, to support local actors in developing their ideas for local "
        "impact and to share challenges and solutions along the road.</p>"
        "<p>In the digital world MOCI is a platform that highlights small initiatives and people, their "
        "skills, needs and challenges, to connect them to peers in the region. It also offers a growing "
        "set of best practices and tutorials in local languages that is open for everyone.</p>"
    ),
    "principles_teaser": (
        "We are an emergent network of organisations who stand together for an evolving set of "
        "principles that guide our common actions."
    ),
    "body": [
        ("heading", {"text": "Who we are", "level": "h2"}),
        (
            "paragraph",
            "<p>MOCI – Mobile Open Culture and Innovation was initiated and co-created by a pan-European "
            "team of cultural, social and youth organisations shaping an informal network. Starting in 2019 "
            "in the Western Balkans and in 2020 in the South Caucasus, we seek to connect and transcend "
            "cultural constraints, eliminating digital divides, creating common vocabularies and access to "
            "open knowledge within and across our regions.</p>"
            "<p>MOCI seeks to support sustainable and hybrid forms of social innovation and creative "
            "activism by a selected variety of actions and tools for empowering young citizens. We believe "
            "that exchange and co-creation are of fundamental importance in moving towards free and open "
            "societies. Our particular focus is on identifying and designing mechanisms that enable "
            "well-being, reconciliation, and foster resilience in (post-)conflict and transitional "
            "post-socialist societies.</p>",
        ),
    ],
    "search_description": (
        "MOCI is a regional network of community builders in the Western Balkans and the South Caucasus: "
        "a mobile pop-up hub, projects, and a platform where peers find each other."
    ),
}

PRINCIPLES_PAGE = {
    "title": "Our principles",
    "slug": "principles",
    "introduction": (
        "<p>Mobile Open Culture and Innovation (MOCI) Balkans is a regional network of community builders "
        "working collaboratively toward just and equal societies in which everyone can thrive. We "
        "encourage and contribute towards the creation and the development of sustainable and resilient "
        "communities in the Balkans.</p>"
        "<p>We are an emergent network of organisations in the Balkans who stand together for an evolving "
        "set of principles that guide our common actions. In order to preserve the flexibility and energy "
        "of the network we periodically review and further develop this set of principles we depart "
        "from.</p>"
    ),
    "principles": [
        ("Co-creation", "Co-creation is fundamental for generating meaningful regional activities."),
        ("Transparency", "Transparency is the basis for continued and trustful collaboration."),
        (
            "Flexibility",
            "Flexibility is key for accommodating multiple visions and perspectives and for the "
            "development of a diverse and peaceful region.",
        ),
        (
            "Horizontal dynamics",
            "Dynamics between member organisations are horizontal in order to enable contributions from "
            "all members of the network and to create an inclusive space for collaboration.",
        ),
        ("Diversity", "Disciplinary and thematic diversity is the basis for innovation and inclusivity."),
        (
            "Interculturality",
            "Interculturality and openness to other ways of life are essential for acquiring a deeper "
            "understanding of the region and its particularities.",
        ),
        (
            "Learning together",
            "Sharing experiences and learning together are the basis for common understandings of the "
            "challenges the region faces and for identifying resources and impactful and innovative "
            "solutions.",
        ),
        (
            "Spaces for understanding",
            "Co-creating spaces where we can express ourselves and have the patience to understand each "
            "other is essential in regards to all strategic and specific activities of MOCI; therefore we "
            "aspire to periodically co-create such a space for reviewing and further developing this set "
            "of principles.",
        ),
        (
            "Open resources",
            "Open and co-created resources are vital for the empowerment and capacity building of our "
            "network members and their communities.",
        ),
    ],
    "how_we_function": (
        "<p>MOCI is an evolving regional network providing space for diverse organisations, initiatives, "
        "and changemakers. We value the interaction among our members and co-create flexible formats of "
        "working together.</p>"
        "<p>We strive to maintain a lean organisational and digital structure that is based on minimum "
        "requirements (basic communication, secretariat, emerging circles) for functioning and further "
        "development of the network.</p>"
        "<p>We align our individual and collective needs and objectives and self-organise in circles "
        "around them to design and develop commons.</p>"
    ),
    "what_we_do": (
        "<p>MOCI works toward a more connected Balkan region by facilitating mobility and exchange. In "
        "keeping with that spirit, MOCI aims at strengthening CSOs and community capacities, through "
        "peer-learning, supporting various forms of engagement, collaboration, and co-creation.</p>"
        "<p>We create and share resources within the network and provide open access to the broader "
        "public through different formats. We explore ways of collaboration and development of regional "
        "ties within local civil societies to address collective traumas, fostering peace-building "
        "initiatives and further work on prevention of conflicts.</p>"
    ),
    "what_we_do_link_text": "Have a look at the MOCI community to find out who we are!",
    "body": [
        ("heading", {"text": "Helping in our growth and development", "level": "h2"}),
        (
            "paragraph",
            "<p>MOCI seeks to support sustainable and hybrid forms of social innovation and creative "
            "activism by a selected variety of actions and tools for empowering young citizens. We believe "
            "that exchange and co-creation are of fundamental importance in moving towards free and open "
            "societies. Our particular focus is on identifying and designing mechanisms that enable "
            "well-being, reconciliation, and foster resilience in (post-)conflict and transitional "
            "post-socialist societies.</p>"
            "<p>The pilot phase of MOCI Balkans was supported by the Culture of Solidarity Grant of the "
            "European Cultural Foundation.</p>"
            "<p>The project phase in the Balkans is implemented in collaboration with the Seeds of "
            "Sustainability (SOS) project by the European Network of Cultural Centres. This project invites "
            "cultural centres to take swift action on climate change and shares inspiring projects and "
            "initiatives.</p>",
        ),
    ],
    "search_description": ("The nine principles the MOCI network stands for, how we function and what we do."),
}

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

# Shown on the home page, in this order.
FEATURED_PROJECTS = ["precious-plastic-albania", "vila-3", "rrogozhina-environmental-monitoring-youth"]

PEOPLE_INDEX = {
    "title": "People and organisations",
    "slug": "people",
    "introduction": (
        "MOCI highlights small initiatives and people, their skills, needs and challenges, to connect them "
        "to peers in the region."
    ),
}

ORGANISATIONS = [
    {
        "title": "Hapesire Kulturore Uzina",
        "slug": "hapesire-kulturore-uzina",
        "role": "Cultural space",
        "bio": (
            "Together with MOCI, Hapesire Kulturore Uzina turned an old villa at the heart of Tirana into "
            "Vila 3, an open, self-managed cultural and social centre."
        ),
        "place_name": "Tirana",
        "country": "AL",
        "skills": ["running-a-cultural-space", "community-building"],
        # What the texts show each needs from peers: workshops for the space, a space for the workshops.
        "needs": ["workshop-facilitation"],
        "challenges": ["Tirana and Albania lack civic and cultural spaces."],
    },
    {
        "title": "iac Berlin",
        "slug": "iac-berlin",
        "role": "Partner organisation",
        "bio": (
            "With the support of the Robert Bosch Foundation, iac Berlin and MOCI held the first workshops "
            "on permaculture and sustainable gardening in Pellumbas in autumn 2020."
        ),
        "place_name": "Berlin",
        "country": "DE",
        "skills": ["permaculture", "workshop-facilitation"],
        "needs": ["running-a-cultural-space"],
        "challenges": [],
    },
]

COMMUNITY_MAP = {
    "title": "Community map",
    "slug": "map",
    "introduction": (
        "Who the network is, and where: projects, organisations, people and partners. Find peers in the "
        "next town, or across the region."
    ),
}

MENU = ["principles", "projects", "resources", "people", "map"]

FOOTER = {
    "about": (
        "MOCI – Mobile Open Culture and Innovation is a network of cultural, civic and youth organisations "
        "in the Western Balkans and the South Caucasus."
    ),
    "acknowledgement": (
        "<p>The pilot phase of MOCI Balkans was supported by the Culture of Solidarity Grant of the "
        '<a href="https://culturalfoundation.eu/">European Cultural Foundation</a>.</p>'
        "<p>This project is implemented in collaboration with the Seeds of Sustainability (SOS) project by "
        'the <a href="https://encc.eu/">European Network of Cultural Centres</a>. This project invites '
        "cultural centres to take swift action on climate change and shares inspiring projects and "
        "initiatives.</p>"
    ),
}
