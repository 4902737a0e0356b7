"""The site's own pages, in English: the home page (and the projects it
features), the principles, the community map; the menu and the footer."""

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

# Shown on the home page, in this order.
FEATURED_PROJECTS = ["precious-plastic-albania", "vila-3", "rrogozhina-environmental-monitoring-youth"]

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

COMMUNITY_MAP = {
    "title": "Community map",
    "slug": "map",
    "introduction": (
        "Who the network is, and where: projects, organisations, people and partners. Find peers in the "
        "next town, or across the region."
    ),
}

MENU = ["principles", "projects", "hub", "resources", "people", "map"]
# Menu labels where the page's title is too long for the header's one row.
MENU_LABELS = {"hub": "The hub"}

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
