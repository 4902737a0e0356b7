"""The Albanian of the projects (``seed/english/projects.py``): the themes,
the partners and funders and their places, the project index and the projects."""

CATALOGUE = {
    # Themes (snippets)
    "Community building": "Ndërtimi i komunitetit",
    "Culture and the arts": "Kultura dhe artet",
    "Environment": "Mjedisi",
    "Recycling and circular design": "Riciklimi dhe dizajni qarkor",
    "Skills and learning": "Aftësitë dhe të nxënit",
    "Sustainable agriculture": "Bujqësia e qëndrueshme",
    "Youth participation": "Pjesëmarrja rinore",
    # Partners and funders (snippets). Organisations keep the name they write themselves, unless they
    # have an Albanian one (UNDP Shqipëri, Bashkia Rrogozhinë, Fondacioni Robert Bosch).
    "European Cultural Foundation": "European Cultural Foundation",
    "Supported the pilot phase of MOCI Balkans through its Culture of Solidarity grant.": (
        "Mbështeti fazën pilot të MOCI Ballkan përmes grantit Culture of Solidarity."
    ),
    "European Network of Cultural Centres": "European Network of Cultural Centres",
    "Runs Seeds of Sustainability (SOS), which invites cultural centres to take swift action on climate change.": (
        "Drejton projektin Seeds of Sustainability (SOS), i cili fton qendrat kulturore të ndërmarrin "
        "veprime të shpejta mbi ndryshimet klimatike."
    ),
    "GIZ": "GIZ",
    "Through its SRD programme.": "Përmes programit të saj SRD.",
    "Hapesire Kulturore Uzina": "Hapesire Kulturore Uzina",
    "Runs Vila 3 in Tirana with us.": "Drejton bashkë me ne Vilën 3 në Tiranë.",
    "Municipality of Rrogozhina": "Bashkia Rrogozhinë",
    "Robert Bosch Foundation": "Fondacioni Robert Bosch",
    "UNDP Albania": "UNDP Shqipëri",
    "iac Berlin": "iac Berlin",
    # Partners' places (the projects' are with their projects below)
    "Berlin": "Berlin",
    "Stuttgart": "Shtutgart",
    "Bonn": "Bon",
    "Amsterdam": "Amsterdam",
    "Brussels": "Bruksel",
    # Projects
    "Projects": "Projektet",
    (
        "In the field MOCI is a pop-up space that travels around to deliver workshops on creative skills and "
        "community building, and to support local actors in developing their ideas for local impact."
    ): (
        "Në terren, MOCI është një hapësirë pop-up që udhëton nga një vend në tjetrin për të zhvilluar "
        "punëtori për aftësitë krijuese dhe ndërtimin e komunitetit, si dhe për të mbështetur aktorët "
        "vendorë të zhvillojnë idetë e tyre me ndikim në komunitet."
    ),
    "Precious Plastic Albania": "Precious Plastic Albania",
    "Tirana": "Tiranë",
    (
        "The first DIY recycling workspace in Albania, growing into a social enterprise for unique design "
        "items made from 100% locally sourced plastic waste."
    ): (
        "Punishtja e parë e riciklimit DIY në Shqipëri, që po rritet në një ndërmarrje sociale për objekte "
        "unike dizajni, të prodhuara 100% nga mbetje plastike të mbledhura në vend."
    ),
    (
        "With Precious Plastic Albania we created the first DIY-Recycling Workspace in Albania that we grow "
        "into a Social Enterprise for unique design items made from 100% locally sourced plastic waste."
    ): (
        "Me Precious Plastic Albania krijuam punishten e parë të riciklimit DIY („bëje vetë”) në Shqipëri, "
        "të cilën po e rritim në një ndërmarrje sociale për objekte unike dizajni, të prodhuara 100% nga "
        "mbetje plastike të mbledhura në vend."
    ),
    (
        "We offer free educational workshops for schools, youth groups and any interested individual and "
        "build a community of collection points and active citizens tackling plastic waste pollution in "
        "Albania."
    ): (
        "Ofrojmë punëtori edukative falas për shkollat, grupet e të rinjve dhe këdo që është i interesuar, "
        "dhe ndërtojmë një komunitet pikash grumbullimi dhe qytetarësh aktivë që luftojnë ndotjen nga "
        "mbetjet plastike në Shqipëri."
    ),
    "Vila 3 – Cultural and Social Space": "Vila 3 – Hapësirë kulturore dhe sociale",
    (
        "An old villa at the heart of Tirana turned into an open, self-managed cultural and social centre "
        "for independent culture, social exchange and learning."
    ): (
        "Një vilë e vjetër në zemër të Tiranës, e shndërruar në një qendër kulturore dhe sociale të hapur "
        "dhe të vetëmenaxhuar, për kulturën e pavarur, shkëmbimin social dhe të mësuarit."
    ),
    (
        "Together with Hapesire Kulturore Uzina we turned an old Vila at the heart of Tirana into an open "
        "cultural and social center. As Tirana and Albania lack civic and cultural spaces we provide a space "
        "for independent culture and arts, social exchange and learning."
    ): (
        "Së bashku me Hapesire Kulturore Uzina e shndërruam një vilë të vjetër në zemër të Tiranës në një "
        "qendër kulturore dhe sociale të hapur. Meqë Tiranës dhe Shqipërisë u mungojnë hapësirat qytetare "
        "dhe kulturore, ne ofrojmë një hapësirë për kulturën dhe artet e pavarura, për shkëmbimin social dhe "
        "të mësuarit."
    ),
    (
        "The Vila 3 is a self-managed space open to all creatives, social actors, independent groups and every citizen."
    ): (
        "Vila 3 është një hapësirë e vetëmenaxhuar, e hapur për të gjithë krijuesit, aktorët socialë, grupet "
        "e pavarura dhe për çdo qytetar."
    ),
    "Rrogozhina Environmental Monitoring Youth": "Të rinjtë e Rrogozhinës monitorojnë mjedisin",
    "Rrogozhina": "Rrogozhinë",
    (
        "The first self-organised youth group in Rrogozhina: high-school students monitor pollution between "
        "Rrogozhina and the Shkumbini Delta and campaign for better waste management."
    ): (
        "Grupi i parë rinor i vetorganizuar në Rrogozhinë: nxënës të shkollave të mesme monitorojnë ndotjen "
        "mes Rrogozhinës dhe Deltës së Shkumbinit dhe bëjnë fushata për një menaxhim më të mirë të mbetjeve."
    ),
    (
        "With the support of UNDP Albania and the municipality of Rrogozhina we are creating the first "
        "self-organised youth group in Rrogozhina. Together with students from two high schools we will "
        "start monitoring environmental pollution between Rrogozhina and the Shkumbini Delta."
    ): (
        "Me mbështetjen e UNDP Shqipëri dhe të Bashkisë Rrogozhinë po krijojmë grupin e parë rinor të "
        "vetorganizuar në Rrogozhinë. Së bashku me nxënës nga dy shkolla të mesme do të nisim monitorimin e "
        "ndotjes së mjedisit mes Rrogozhinës dhe Deltës së Shkumbinit."
    ),
    (
        "Students will learn how to self-organise and create their own activities as well as campaign and "
        "advocate for better waste management and environmental protection."
    ): (
        "Nxënësit do të mësojnë si të vetorganizohen dhe të krijojnë aktivitetet e tyre, si dhe të bëjnë "
        "fushata dhe avokim për një menaxhim më të mirë të mbetjeve dhe për mbrojtjen e mjedisit."
    ),
    "Shullaz mushroom bunkers": "Bunkerët e kërpudhave në Shullaz",
    "Shullaz": "Shullaz",
    "Growing mushrooms in the bunkers of Shullaz.": "Kultivimi i kërpudhave në bunkerët e Shullazit.",
    "More about this project will follow soon.": "Së shpejti do të tregojmë më shumë për këtë projekt.",
    "Skills for Resilient Communities": "Aftësi për komunitete rezistente",
    (
        "Community building and non-formal learning journeys around local challenges, growing a team of "
        "young peer-educators who support each other's projects."
    ): (
        "Ndërtim komuniteti dhe rrugëtime të edukimit joformal rreth sfidave vendore, për të rritur një ekip "
        "edukatorësh të rinj bashkëmoshatarë që mbështesin projektet e njëri-tjetrit."
    ),
    (
        "Together with members of our international networks and local young volunteers we create formats of "
        "community building and non-formal learning journeys around local challenges."
    ): (
        "Së bashku me anëtarë të rrjeteve tona ndërkombëtare dhe vullnetarë të rinj vendorë krijojmë formate "
        "për ndërtimin e komunitetit dhe rrugëtime të edukimit joformal rreth sfidave vendore."
    ),
    (
        "We want to create a team of young experts and practitioners that deepen their knowledge and "
        "practical experience in different fields to become peer-educators and action-driven teams in the "
        "future, that support each other's small projects and communities in need through collective action "
        "and project development."
    ): (
        "Duam të krijojmë një ekip ekspertësh dhe praktikuesish të rinj që thellojnë njohuritë dhe përvojën "
        "e tyre praktike në fusha të ndryshme, për t'u bërë në të ardhmen edukatorë bashkëmoshatarë dhe "
        "ekipe të orientuara drejt veprimit, që mbështesin projektet e vogla të njëri-tjetrit dhe "
        "komunitetet në nevojë përmes veprimit kolektiv dhe zhvillimit të projekteve."
    ),
    "Permaculture in Pellumbas": "Permakulturë në Pëllumbas",
    "Pellumbas": "Pëllumbas",
    "The first workshops on permaculture and sustainable gardening in Pellumbas, in autumn 2020.": (
        "Punëtoritë e para për permakulturën dhe kopshtarinë e qëndrueshme në Pëllumbas, në vjeshtën e vitit 2020."
    ),
    (
        "With the support of the Robert Bosch Foundation and iac Berlin we implemented the first workshops "
        "on permaculture and sustainable gardening in Pellumbas in autumn 2020."
    ): (
        "Me mbështetjen e Fondacionit Robert Bosch dhe të iac Berlin zhvilluam punëtoritë e para për "
        "permakulturën dhe kopshtarinë e qëndrueshme në Pëllumbas, në vjeshtën e vitit 2020."
    ),
    "Medicinal and Aromatic Plants value chain": "Zinxhiri i vlerës së bimëve mjekësore dhe aromatike",
    (
        "Young farmers in the medicinal and aromatic plants value chain improve their marketing and business "
        "skills and grow together as a community."
    ): (
        "Fermerë të rinj në zinxhirin e vlerës së bimëve mjekësore dhe aromatike përmirësojnë aftësitë e "
        "tyre në marketing dhe biznes dhe rriten së bashku si komunitet."
    ),
    (
        "As part of the GIZ SRD Program we enable a group of young farmers in the Medicinal and Aromatic "
        "Plants Value Chain to improve their marketing and business diversification skills and to grow "
        "together as a community by identifying and addressing shared needs and challenges."
    ): (
        "Si pjesë e programit SRD të GIZ-it, i mundësojmë një grupi fermerësh të rinj në zinxhirin e vlerës "
        "së bimëve mjekësore dhe aromatike të përmirësojnë aftësitë e tyre në marketing dhe në "
        "diversifikimin e biznesit, si dhe të rriten së bashku si komunitet, duke identifikuar dhe trajtuar "
        "nevojat dhe sfidat e përbashkëta."
    ),
}
