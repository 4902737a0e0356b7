"""The people and organisations of the network, in English: the directory, the
member organisations' profiles and the skills they offer and need."""

PEOPLE_INDEX = {
    "title": "People and organisations",
    "slug": "people",
    "introduction": (
        "MOCI highlights small initiatives and people, their skills, needs and challenges, to connect them "
        "to peers in the region."
    ),
}

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
