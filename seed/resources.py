"""The first resources of the library, built from the organisation's own texts
about its projects (as ``seed/english/projects.py`` gives them: Precious Plastic Albania, the
permaculture workshops in Pellumbas, the youth group in Rrogozhina, Skills for
Resilient Communities).

Each resource is a short practical guide that retells what those texts say;
the steps restate what the projects did and add no facts of their own.
``ALBANIAN`` translates every English string these pages have, segment by
segment as wagtail-localize extracts them (rich text per paragraph or list
item, headings, titles, summaries), for ``seed/albanian/``.
``load_resources`` is called by ``load_moci_content``.

Here, with the other seed texts, rather than in the ``resources`` app: the
app holds the library's models, this module the library's first content.
"""

RESOURCE_INDEX = {
    "title": "Resources",
    "slug": "resources",
    "introduction": "A growing set of best practices and tutorials in local languages that is open for everyone.",
}

# Sentences of the project pages (seed/english/projects.py), quoted as they are there.
PLASTIC_STORY = (
    "<p>With Precious Plastic Albania we created the first DIY-Recycling Workspace in Albania that we grow into "
    "a Social Enterprise for unique design items made from 100% locally sourced plastic waste.</p>"
    "<p>We offer free educational workshops for schools, youth groups and any interested individual and build "
    "a community of collection points and active citizens tackling plastic waste pollution in Albania.</p>"
)
PELLUMBAS_STORY = (
    "<p>With the support of the Robert Bosch Foundation and iac Berlin we implemented the first workshops on "
    "permaculture and sustainable gardening in Pellumbas in autumn 2020.</p>"
)
RROGOZHINA_STORY = (
    "<p>With the support of UNDP Albania and the municipality of Rrogozhina we are creating the first "
    "self-organised youth group in Rrogozhina. Together with students from two high schools we will start "
    "monitoring environmental pollution between Rrogozhina and the Shkumbini Delta.</p>"
    "<p>Students will learn how to self-organise and create their own activities as well as campaign and "
    "advocate for better waste management and environmental protection.</p>"
)


def _heading(text):
    return ("heading", {"text": text, "level": "h2"})


def _steps(*steps):
    return ("paragraph", "<ol>" + "".join(f"<li>{step}</li>" for step in steps) + "</ol>")


# topics: Theme slugs (english.THEMES); projects: ProjectPage slugs (english.PROJECTS), in seed/english/projects.py.
RESOURCES = [
    {
        "title": "Setting up a DIY recycling workspace",
        "slug": "diy-recycling-workspace",
        "kind": "best-practice",
        "summary": (
            "How Precious Plastic Albania set up the first DIY recycling workspace in Albania and opened it to "
            "schools, youth groups and anyone interested through free workshops."
        ),
        "body": [
            _heading("What Precious Plastic Albania did"),
            ("paragraph", PLASTIC_STORY),
            _heading("Steps you can take"),
            _steps(
                "Work with plastic waste that is collected locally: it is the raw material of every item.",
                "Open the workspace with free educational workshops for schools, youth groups and anyone interested.",
                "Set up collection points with the people you meet, so that the community brings the plastic to you.",
                "Once the workspace runs, make unique design items from the plastic and grow into a social enterprise.",
            ),
        ],
        "topics": ["recycling", "environment", "learning"],
        "projects": ["precious-plastic-albania"],
    },
    {
        "title": "Workshops on permaculture and sustainable gardening",
        "slug": "permaculture-workshops",
        "kind": "best-practice",
        "summary": (
            "How the first workshops on permaculture and sustainable gardening came to Pellumbas in autumn "
            "2020, with iac Berlin and the support of the Robert Bosch Foundation."
        ),
        "body": [
            _heading("What we did"),
            ("paragraph", PELLUMBAS_STORY),
            _heading("Bringing such workshops to your community"),
            _steps(
                "Find a partner organisation that knows the subject, as we found iac Berlin.",
                "Look for a funder that shares the aim; in Pellumbas it was the Robert Bosch Foundation.",
                "Hold the workshops in the community itself, as the first ones were held in Pellumbas.",
                "Share what participants learn, so that others in the region can learn from it too.",
            ),
            _heading("Find peers"),
            (
                "paragraph",
                "<p>iac Berlin is in the MOCI directory of people and organisations. Look there for peers who "
                "can teach permaculture and sustainable gardening, or who need it.</p>",
            ),
        ],
        "topics": ["agriculture", "environment", "learning"],
        "projects": ["permaculture-in-pellumbas"],
    },
    {
        "title": "Starting a self-organised youth group",
        "slug": "self-organised-youth-group",
        "kind": "guide",
        "summary": (
            "A guide drawn from the first self-organised youth group in Rrogozhina, where students from two "
            "high schools start monitoring environmental pollution and campaign for better waste management."
        ),
        "body": [
            _heading("The example of Rrogozhina"),
            ("paragraph", RROGOZHINA_STORY),
            _heading("Steps for your own group"),
            _steps(
                "Find support: in Rrogozhina it comes from UNDP Albania and the municipality.",
                "Start with students from local high schools.",
                "Choose a shared task close to home, such as monitoring environmental pollution in your area.",
                "Let the students create their own activities, and campaign and advocate for what matters to "
                "them, such as better waste management.",
                "Let the group grow into young peer-educators who support each other's small projects.",
            ),
        ],
        "topics": ["youth", "environment", "community"],
        "projects": ["rrogozhina-environmental-monitoring-youth", "skills-for-resilient-communities"],
    },
]

# Every English string above → Albanian (same register as seed/albanian/:
# plain standard Albanian, addressing the reader with "ti"). The sentences quoted from
# the project pages are translated once, in the site catalogue (seed/albanian/projects.py).
ALBANIAN = {
    # The index
    "Resources": "Burime",
    "A growing set of best practices and tutorials in local languages that is open for everyone.": (
        "Një koleksion në rritje me praktika të mira dhe udhëzues në gjuhët vendore, i hapur për këdo."
    ),
    # Setting up a DIY recycling workspace
    "Setting up a DIY recycling workspace": "Ngritja e një punishteje riciklimi DIY",
    (
        "How Precious Plastic Albania set up the first DIY recycling workspace in Albania and opened it to "
        "schools, youth groups and anyone interested through free workshops."
    ): (
        "Si e ngriti Precious Plastic Albania punishten e parë të riciklimit DIY në Shqipëri dhe si e hapi "
        "atë për shkollat, grupet e të rinjve dhe këdo që është i interesuar, përmes punëtorive falas."
    ),
    "What Precious Plastic Albania did": "Çfarë bëri Precious Plastic Albania",
    "Steps you can take": "Hapa që mund të ndërmarrësh",
    "Work with plastic waste that is collected locally: it is the raw material of every item.": (
        "Puno me mbetje plastike të mbledhura në vend: ato janë lënda e parë e çdo objekti."
    ),
    ("Open the workspace with free educational workshops for schools, youth groups and anyone interested."): (
        "Hape punishten me punëtori edukative falas për shkollat, grupet e të rinjve dhe këdo që është i interesuar."
    ),
    ("Set up collection points with the people you meet, so that the community brings the plastic to you."): (
        "Ngri pika grumbullimi bashkë me njerëzit që takon, në mënyrë që komuniteti të ta sjellë plastikën."
    ),
    ("Once the workspace runs, make unique design items from the plastic and grow into a social enterprise."): (
        "Kur punishtja të funksionojë, prodho objekte unike dizajni nga plastika dhe rrite punën në një "
        "ndërmarrje sociale."
    ),
    # Workshops on permaculture and sustainable gardening
    "Workshops on permaculture and sustainable gardening": ("Punëtori për permakulturën dhe kopshtarinë e qëndrueshme"),
    (
        "How the first workshops on permaculture and sustainable gardening came to Pellumbas in autumn 2020, "
        "with iac Berlin and the support of the Robert Bosch Foundation."
    ): (
        "Si erdhën në Pëllumbas, në vjeshtën e vitit 2020, punëtoritë e para për permakulturën dhe "
        "kopshtarinë e qëndrueshme, me iac Berlin dhe me mbështetjen e Fondacionit Robert Bosch."
    ),
    "What we did": "Çfarë bëmë",
    "Bringing such workshops to your community": "Si t'i sjellësh punëtori të tilla në komunitetin tënd",
    "Find a partner organisation that knows the subject, as we found iac Berlin.": (
        "Gjej një organizatë partnere që e njeh mirë temën, siç gjetëm ne iac Berlin."
    ),
    "Look for a funder that shares the aim; in Pellumbas it was the Robert Bosch Foundation.": (
        "Kërko një financues që ka të njëjtin qëllim; në Pëllumbas ishte Fondacioni Robert Bosch."
    ),
    "Hold the workshops in the community itself, as the first ones were held in Pellumbas.": (
        "Zhvilloji punëtoritë në vetë komunitetin, ashtu si u zhvilluan të parat në Pëllumbas."
    ),
    "Share what participants learn, so that others in the region can learn from it too.": (
        "Ndaj me të tjerët atë që mësojnë pjesëmarrësit, që të mund të mësojnë prej tij edhe të tjerë në rajon."
    ),
    "Find peers": "Gjej njerëz e nisma të ngjashme",
    (
        "iac Berlin is in the MOCI directory of people and organisations. Look there for peers who can teach "
        "permaculture and sustainable gardening, or who need it."
    ): (
        "iac Berlin është në listën e njerëzve dhe organizatave të MOCI-t. Kërko aty njerëz e nisma që mund "
        "të japin mësim për permakulturën dhe kopshtarinë e qëndrueshme, ose që kanë nevojë për to."
    ),
    # Starting a self-organised youth group
    "Starting a self-organised youth group": "Nisja e një grupi rinor të vetorganizuar",
    (
        "A guide drawn from the first self-organised youth group in Rrogozhina, where students from two high "
        "schools start monitoring environmental pollution and campaign for better waste management."
    ): (
        "Një udhëzues i mbështetur te grupi i parë rinor i vetorganizuar në Rrogozhinë, ku nxënës nga dy "
        "shkolla të mesme nisin monitorimin e ndotjes së mjedisit dhe bëjnë fushata për një menaxhim më të "
        "mirë të mbetjeve."
    ),
    "The example of Rrogozhina": "Shembulli i Rrogozhinës",
    "Steps for your own group": "Hapa për grupin tënd",
    "Find support: in Rrogozhina it comes from UNDP Albania and the municipality.": (
        "Gjej mbështetje: në Rrogozhinë ajo vjen nga UNDP Shqipëri dhe nga bashkia."
    ),
    "Start with students from local high schools.": "Nis me nxënës nga shkollat e mesme të zonës.",
    "Choose a shared task close to home, such as monitoring environmental pollution in your area.": (
        "Zgjidh një detyrë të përbashkët pranë shtëpisë, si monitorimi i ndotjes së mjedisit në zonën tënde."
    ),
    (
        "Let the students create their own activities, and campaign and advocate for what matters to them, "
        "such as better waste management."
    ): (
        "Lëri nxënësit të krijojnë aktivitetet e tyre dhe të bëjnë fushata e avokim për atë që ka rëndësi "
        "për ta, si një menaxhim më i mirë i mbetjeve."
    ),
    "Let the group grow into young peer-educators who support each other's small projects.": (
        "Ndihmoje grupin të rritet në një ekip edukatorësh të rinj bashkëmoshatarë që mbështesin projektet e "
        "vogla të njëri-tjetrit."
    ),
}


def load_resources(command, home, projects_index):
    """Create the library under ``home`` and its resources (idempotent, through
    the content command's ``save_page``), and return the index page."""
    # Imported here so that the texts above can be read without the app registry.
    from projects.models import ProjectPage, Theme
    from resources.models import ResourceIndexPage, ResourcePage

    index = command.save_page(
        home,
        ResourceIndexPage,
        RESOURCE_INDEX["slug"],
        {"title": RESOURCE_INDEX["title"], "introduction": RESOURCE_INDEX["introduction"]},
    )
    themes = {theme.slug: theme for theme in Theme.objects.filter(locale=command.locale)}
    projects = {project.slug: project for project in ProjectPage.objects.child_of(projects_index)}
    for data in RESOURCES:
        fields = {
            "title": data["title"],
            "summary": data["summary"],
            "kind": data["kind"],
            "body": data["body"],
            "topics": [themes[slug] for slug in data["topics"]],
            "related_projects": [projects[slug] for slug in data["projects"]],
        }
        command.save_page(index, ResourcePage, data["slug"], fields)
    return index
