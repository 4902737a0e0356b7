"""The Albanian of the people and organisations (``seed/english/profiles.py``):
the skills, the directory and the member organisations' profiles."""

CATALOGUE = {
    # Skills (snippets). “Community building” is a theme too: its Albanian is in projects.py.
    "Environmental monitoring": "Monitorimi mjedisor",
    "Marketing and business skills": "Marketingu dhe aftësitë e biznesit",
    "Permaculture and sustainable gardening": "Permakultura dhe kopshtaria e qëndrueshme",
    "Plastic recycling": "Riciklimi i plastikës",
    "Running a cultural space": "Drejtimi i një hapësire kulturore",
    "Workshop facilitation": "Lehtësimi i punëtorive",
    "Youth organising": "Organizimi rinor",
    # People and organisations
    "People and organisations": "Njerëz dhe organizata",
    (
        "MOCI highlights small initiatives and people, their skills, needs and challenges, to connect them "
        "to peers in the region."
    ): (
        "MOCI nxjerr në pah nisma të vogla dhe njerëz, aftësitë, nevojat dhe sfidat e tyre, për t'i lidhur "
        "me njerëz e nisma të ngjashme në rajon."
    ),
    "Cultural space": "Hapësirë kulturore",
    (
        "Together with MOCI, Hapesire Kulturore Uzina turned an old villa at the heart of Tirana into Vila "
        "3, an open, self-managed cultural and social centre."
    ): (
        "Së bashku me MOCI-n, Hapesire Kulturore Uzina e shndërroi një vilë të vjetër në zemër të Tiranës në "
        "Vilën 3, një qendër kulturore dhe sociale të hapur dhe të vetëmenaxhuar."
    ),
    "Tirana and Albania lack civic and cultural spaces.": (
        "Tiranës dhe Shqipërisë u mungojnë hapësirat qytetare dhe kulturore."
    ),
    "Partner organisation": "Organizatë partnere",
    (
        "With the support of the Robert Bosch Foundation, iac Berlin and MOCI held the first workshops on "
        "permaculture and sustainable gardening in Pellumbas in autumn 2020."
    ): (
        "Me mbështetjen e Fondacionit Robert Bosch, iac Berlin dhe MOCI zhvilluan punëtoritë e para për "
        "permakulturën dhe kopshtarinë e qëndrueshme në Pëllumbas, në vjeshtën e vitit 2020."
    ),
}
