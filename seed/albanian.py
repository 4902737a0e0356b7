"""The Albanian (sq) translation of the MOCI site, for wagtail-localize.

``CATALOGUE`` maps every English string segment of the site built by
``load_moci_content`` (pages and the snippets visitors see) to its Albanian
translation; ``seed.translation.translate_site`` stores them as
wagtail-localize translations. Keys are the source strings exactly as
wagtail-localize extracts them: rich text is split per paragraph, and inline
links appear as ``<a id="a1">…</a>``, which the translation must keep.

Page slugs are not listed: the Albanian pages keep the English slugs, so
/sq/… mirrors /en/…. When an English text in ``english.py`` changes, add its
new version here: ``translate_site`` refuses to leave a string in English
(``MissingTranslations`` lists what is missing) and tests/test_albanian.py
checks that nothing is.

The "about" paragraphs follow the network's own Albanian "who we are" (one of
the organisation's texts, see ``english.py``), with its typing slips mended (eliminuar, bashkëkrijimi,
nxitin, "(pas)konfliktuale"). Elsewhere the register is that of an Albanian
youth NGO: plain standard Albanian, addressing the reader with "ti".
"""

from seed.resources import ALBANIAN as RESOURCES_ALBANIAN

CATALOGUE = {
    # Themes (snippets)
    "Community building": "Ndërtimi i komunitetit",
    "Culture and the arts": "Kultura dhe artet",
    "Environment": "Mjedisi",
    "Recycling and circular design": "Riciklimi dhe dizajni qarkor",
    "Skills and learning": "Aftësitë dhe të nxënit",
    "Sustainable agriculture": "Bujqësia e qëndrueshme",
    "Youth participation": "Pjesëmarrja rinore",
    # Skills (snippets)
    "Environmental monitoring": "Monitorimi mjedisor",
    "Marketing and business skills": "Marketingu dhe aftësitë e biznesit",
    "Permaculture and sustainable gardening": "Permakultura dhe kopshtaria e qëndrueshme",
    "Plastic recycling": "Riciklimi i plastikës",
    "Running a cultural space": "Drejtimi i një hapësire kulturore",
    "Workshop facilitation": "Lehtësimi i punëtorive",
    "Youth organising": "Organizimi rinor",
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
    # Navigation and footer (snippets); their titles are for editors only
    "Main navigation": "Navigimi kryesor",
    "Footer": "Fundfaqja",
    (
        "MOCI – Mobile Open Culture and Innovation is a network of cultural, civic and youth organisations "
        "in the Western Balkans and the South Caucasus."
    ): (
        "MOCI – Mobile Open Culture and Innovation është një rrjet organizatash kulturore, qytetare dhe "
        "rinore në Ballkanin Perëndimor dhe në Kaukazin Jugor."
    ),
    (
        "The pilot phase of MOCI Balkans was supported by the Culture of Solidarity Grant of the "
        '<a id="a1">European Cultural Foundation</a>.'
    ): (
        "Faza pilot e MOCI Ballkan u mbështet nga granti Culture of Solidarity i "
        '<a id="a1">European Cultural Foundation</a>.'
    ),
    (
        "This project is implemented in collaboration with the Seeds of Sustainability (SOS) project by the "
        '<a id="a1">European Network of Cultural Centres</a>. This project invites cultural centres to take '
        "swift action on climate change and shares inspiring projects and initiatives."
    ): (
        "Ky projekt zbatohet në bashkëpunim me projektin Seeds of Sustainability (SOS) nga "
        '<a id="a1">European Network of Cultural Centres</a>. Ky projekt fton qendrat kulturore të '
        "ndërmarrin veprime të shpejta mbi ndryshimet klimatike dhe ndan projekte dhe nisma frymëzuese."
    ),
    # Home page. “Who we are” is the official Albanian text of the network.
    "MOCI – Mobile Open Culture and Innovation": "MOCI – Mobile Open Culture and Innovation",
    "Mobile Open Culture and Innovation": "MOCI – Kulturë e hapur dhe inovacion në lëvizje",
    (
        "MOCI is a regional network of community builders in the Western Balkans and the South Caucasus: a "
        "mobile pop-up hub, projects, and a platform where peers find each other."
    ): (
        "MOCI është një rrjet rajonal ndërtuesish komunitetesh në Ballkanin Perëndimor dhe në Kaukazin "
        "Jugor: një qendër e lëvizshme pop-up, projekte dhe një platformë ku njerëz me interesa të "
        "përbashkëta gjejnë njëri-tjetrin."
    ),
    "Community builders working together for just and equal societies": (
        "Ndërtues komunitetesh që punojnë së bashku për shoqëri të drejta dhe të barabarta"
    ),
    (
        "MOCI is a regional network of cultural, civic and youth organisations in the Western Balkans and "
        "the South Caucasus: a mobile pop-up hub on the road and a platform where peers find each other."
    ): (
        "MOCI është një rrjet rajonal organizatash kulturore, qytetare dhe rinore në Ballkanin Perëndimor "
        "dhe në Kaukazin Jugor: një qendër e lëvizshme pop-up që udhëton nëpër rajon dhe një platformë ku "
        "njerëz me interesa të përbashkëta gjejnë njëri-tjetrin."
    ),
    "See our projects": "Shiko projektet tona",
    (
        "The Mobile Open Culture and Innovation Hub is a long-term initiative that we launch with our "
        "partners from Montenegro, Kosovo and Germany. MOCI is a cultural mobile hub on the roads of the "
        "Balkans and a community platform for open culture and creative production."
    ): (
        "Mobile Open Culture and Innovation Hub është një nismë afatgjatë që e ndërmarrim së bashku me "
        "partnerët tanë nga Mali i Zi, Kosova dhe Gjermania. MOCI është një qendër kulturore e lëvizshme në "
        "rrugët e Ballkanit dhe një platformë komunitare për kulturën e hapur dhe krijimtarinë."
    ),
    (
        "In the field MOCI is a pop-up space that travels around to deliver workshops on creative skills and "
        "community building, to support local actors in developing their ideas for local impact and to share "
        "challenges and solutions along the road."
    ): (
        "Në terren, MOCI është një hapësirë pop-up që udhëton nga një vend në tjetrin për të zhvilluar "
        "punëtori për aftësitë krijuese dhe ndërtimin e komunitetit, për të mbështetur aktorët vendorë të "
        "zhvillojnë idetë e tyre me ndikim në komunitet dhe për të ndarë sfida e zgjidhje gjatë rrugës."
    ),
    (
        "In the digital world MOCI is a platform that highlights small initiatives and people, their skills, "
        "needs and challenges, to connect them to peers in the region. It also offers a growing set of best "
        "practices and tutorials in local languages that is open for everyone."
    ): (
        "Në botën dixhitale, MOCI është një platformë që nxjerr në pah nisma të vogla dhe njerëz, aftësitë, "
        "nevojat dhe sfidat e tyre, për t'i lidhur me njerëz e nisma të ngjashme në rajon. Ajo ofron "
        "gjithashtu një koleksion në rritje me praktika të mira dhe udhëzues në gjuhët vendore, të hapur për "
        "këdo."
    ),
    (
        "We are an emergent network of organisations who stand together for an evolving set of principles "
        "that guide our common actions."
    ): (
        "Jemi një rrjet organizatash në formim, që qëndrojnë së bashku pas një grupi parimesh në zhvillim, "
        "të cilat udhëheqin veprimet tona të përbashkëta."
    ),
    "Who we are": "Kush jemi",
    (
        "MOCI – Mobile Open Culture and Innovation was initiated and co-created by a pan-European team of "
        "cultural, social and youth organisations shaping an informal network. Starting in 2019 in the "
        "Western Balkans and in 2020 in the South Caucasus, we seek to connect and transcend cultural "
        "constraints, eliminating digital divides, creating common vocabularies and access to open knowledge "
        "within and across our regions."
    ): (
        "MOCI – Mobile Open Culture and Innovation u inicua dhe u krijua nga një ekip pan-evropian i "
        "organizatave kulturore, sociale dhe rinore që formuan një rrjet joformal. Duke filluar me 2019 në "
        "Ballkanin Perëndimor dhe 2020 në Kaukazin Jugor, ne kërkojmë të lidhim dhe tejkalojmë kufizimet "
        "kulturore, duke eliminuar ndarjet dixhitale, duke krijuar fjalorë të përbashkët dhe qasje në "
        "njohuri të hapura brenda dhe përtej rajoneve tona."
    ),
    (
        "MOCI seeks to support sustainable and hybrid forms of social innovation and creative activism by a "
        "selected variety of actions and tools for empowering young citizens. We believe that exchange and "
        "co-creation are of fundamental importance in moving towards free and open societies. Our particular "
        "focus is on identifying and designing mechanisms that enable well-being, reconciliation, and foster "
        "resilience in (post-)conflict and transitional post-socialist societies."
    ): (
        "MOCI kërkon të mbështesë format e qëndrueshme dhe hibride të inovacionit social dhe aktivizmit "
        "krijues me një larmi veprimesh dhe mjetesh të zgjedhura për fuqizimin e qytetarëve të rinj. Ne "
        "besojmë se shkëmbimi dhe bashkëkrijimi janë të një rëndësie themelore në lëvizjen drejt shoqërive "
        "të lira dhe të hapura. Fokusi ynë i veçantë është në identifikimin dhe hartimin e mekanizmave që "
        "mundësojnë mirëqenien, pajtimin dhe nxitin qëndrueshmërinë në shoqëritë (pas)konfliktuale dhe "
        "kalimtare post-socialiste."
    ),
    # Principles page
    "Our principles": "Parimet tona",
    "The nine principles the MOCI network stands for, how we function and what we do.": (
        "Nëntë parimet për të cilat qëndron rrjeti MOCI, si funksionojmë dhe çfarë bëjmë."
    ),
    (
        "Mobile Open Culture and Innovation (MOCI) Balkans is a regional network of community builders "
        "working collaboratively toward just and equal societies in which everyone can thrive. We encourage "
        "and contribute towards the creation and the development of sustainable and resilient communities in "
        "the Balkans."
    ): (
        "Mobile Open Culture and Innovation (MOCI) Ballkan është një rrjet rajonal ndërtuesish komunitetesh "
        "që punojnë së bashku drejt shoqërive të drejta dhe të barabarta, ku secili mund të lulëzojë. Ne "
        "nxitim dhe kontribuojmë në krijimin dhe zhvillimin e komuniteteve të qëndrueshme dhe rezistente në "
        "Ballkan."
    ),
    (
        "We are an emergent network of organisations in the Balkans who stand together for an evolving set "
        "of principles that guide our common actions. In order to preserve the flexibility and energy of the "
        "network we periodically review and further develop this set of principles we depart from."
    ): (
        "Jemi një rrjet organizatash në formim në Ballkan, që qëndrojnë së bashku pas një grupi parimesh në "
        "zhvillim, të cilat udhëheqin veprimet tona të përbashkëta. Për të ruajtur fleksibilitetin dhe "
        "energjinë e rrjetit, ne e rishikojmë periodikisht dhe e zhvillojmë më tej këtë grup parimesh nga të "
        "cilat nisemi."
    ),
    "Co-creation": "Bashkëkrijimi",
    "Co-creation is fundamental for generating meaningful regional activities.": (
        "Bashkëkrijimi është themelor për të krijuar veprimtari rajonale kuptimplota."
    ),
    "Transparency": "Transparenca",
    "Transparency is the basis for continued and trustful collaboration.": (
        "Transparenca është baza e një bashkëpunimi të vazhdueshëm dhe plot besim."
    ),
    "Flexibility": "Fleksibiliteti",
    (
        "Flexibility is key for accommodating multiple visions and perspectives and for the development of a "
        "diverse and peaceful region."
    ): (
        "Fleksibiliteti është çelësi për të përfshirë vizione dhe këndvështrime të shumta dhe për zhvillimin "
        "e një rajoni të larmishëm dhe paqësor."
    ),
    "Horizontal dynamics": "Dinamikat horizontale",
    (
        "Dynamics between member organisations are horizontal in order to enable contributions from all "
        "members of the network and to create an inclusive space for collaboration."
    ): (
        "Dinamikat mes organizatave anëtare janë horizontale, që të gjithë anëtarët e rrjetit të mund të "
        "kontribuojnë dhe të krijohet një hapësirë gjithëpërfshirëse për bashkëpunim."
    ),
    "Diversity": "Diversiteti",
    "Disciplinary and thematic diversity is the basis for innovation and inclusivity.": (
        "Diversiteti i disiplinave dhe i temave është baza për inovacion dhe gjithëpërfshirje."
    ),
    "Interculturality": "Ndërkulturaliteti",
    (
        "Interculturality and openness to other ways of life are essential for acquiring a deeper "
        "understanding of the region and its particularities."
    ): (
        "Ndërkulturaliteti dhe hapja ndaj mënyrave të tjera të jetesës janë thelbësore për të kuptuar më "
        "thellë rajonin dhe veçantitë e tij."
    ),
    "Learning together": "Të mësuarit së bashku",
    (
        "Sharing experiences and learning together are the basis for common understandings of the challenges "
        "the region faces and for identifying resources and impactful and innovative solutions."
    ): (
        "Ndarja e përvojave dhe të mësuarit së bashku janë baza për një kuptim të përbashkët të sfidave me "
        "të cilat përballet rajoni dhe për gjetjen e burimeve dhe të zgjidhjeve novatore me ndikim."
    ),
    "Spaces for understanding": "Hapësira për mirëkuptim",
    (
        "Co-creating spaces where we can express ourselves and have the patience to understand each other is "
        "essential in regards to all strategic and specific activities of MOCI; therefore we aspire to "
        "periodically co-create such a space for reviewing and further developing this set of principles."
    ): (
        "Bashkëkrijimi i hapësirave ku mund të shprehemi dhe të kemi durimin për ta kuptuar njëri-tjetrin "
        "është thelbësor për të gjitha veprimtaritë strategjike dhe specifike të MOCI-t; prandaj synojmë të "
        "bashkëkrijojmë periodikisht një hapësirë të tillë për ta rishikuar dhe zhvilluar më tej këtë grup "
        "parimesh."
    ),
    "Open resources": "Burime të hapura",
    (
        "Open and co-created resources are vital for the empowerment and capacity building of our network "
        "members and their communities."
    ): (
        "Burimet e hapura dhe të bashkëkrijuara janë jetike për fuqizimin dhe ngritjen e kapaciteteve të "
        "anëtarëve të rrjetit tonë dhe të komuniteteve të tyre."
    ),
    (
        "MOCI is an evolving regional network providing space for diverse organisations, initiatives, and "
        "changemakers. We value the interaction among our members and co-create flexible formats of working "
        "together."
    ): (
        "MOCI është një rrjet rajonal në zhvillim, që u jep hapësirë organizatave, nismave dhe njerëzve të "
        "ndryshëm që sjellin ndryshim. Ne e vlerësojmë ndërveprimin mes anëtarëve tanë dhe bashkëkrijojmë "
        "mënyra fleksibile për të punuar së bashku."
    ),
    (
        "We strive to maintain a lean organisational and digital structure that is based on minimum "
        "requirements (basic communication, secretariat, emerging circles) for functioning and further "
        "development of the network."
    ): (
        "Përpiqemi të ruajmë një strukturë organizative dhe dixhitale të thjeshtë, të bazuar në kërkesat "
        "minimale (komunikimi bazë, sekretariati, rrathët që lindin gjatë punës) për funksionimin dhe "
        "zhvillimin e mëtejshëm të rrjetit."
    ),
    (
        "We align our individual and collective needs and objectives and self-organise in circles around "
        "them to design and develop commons."
    ): (
        "Ne i harmonizojmë nevojat dhe objektivat tona individuale dhe kolektive dhe vetorganizohemi në "
        "rrathë rreth tyre, për të projektuar dhe zhvilluar të mira të përbashkëta."
    ),
    (
        "MOCI works toward a more connected Balkan region by facilitating mobility and exchange. In keeping "
        "with that spirit, MOCI aims at strengthening CSOs and community capacities, through peer-learning, "
        "supporting various forms of engagement, collaboration, and co-creation."
    ): (
        "MOCI punon për një rajon ballkanik më të lidhur, duke lehtësuar lëvizshmërinë dhe shkëmbimin. Në "
        "këtë frymë, MOCI synon të forcojë organizatat e shoqërisë civile dhe kapacitetet e komuniteteve "
        "përmes të mësuarit nga njëri-tjetri, duke mbështetur forma të ndryshme angazhimi, bashkëpunimi dhe "
        "bashkëkrijimi."
    ),
    (
        "We create and share resources within the network and provide open access to the broader public "
        "through different formats. We explore ways of collaboration and development of regional ties within "
        "local civil societies to address collective traumas, fostering peace-building initiatives and "
        "further work on prevention of conflicts."
    ): (
        "Ne krijojmë dhe ndajmë burime brenda rrjetit dhe i bëjmë ato të hapura për publikun e gjerë në "
        "formate të ndryshme. Eksplorojmë mënyra bashkëpunimi dhe forcimi të lidhjeve rajonale brenda "
        "shoqërive civile vendore për të trajtuar traumat kolektive, duke nxitur nisma për ndërtimin e paqes "
        "dhe duke vazhduar punën për parandalimin e konflikteve."
    ),
    '<a id="a1">Have a look at the MOCI community to find out who we are!</a>': (
        '<a id="a1">Hidhi një sy komunitetit MOCI për të zbuluar kush jemi!</a>'
    ),
    "Helping in our growth and development": "Mbështetje për rritjen dhe zhvillimin tonë",
    (
        "The pilot phase of MOCI Balkans was supported by the Culture of Solidarity Grant of the European "
        "Cultural Foundation."
    ): "Faza pilot e MOCI Ballkan u mbështet nga granti Culture of Solidarity i European Cultural Foundation.",
    (
        "The project phase in the Balkans is implemented in collaboration with the Seeds of Sustainability "
        "(SOS) project by the European Network of Cultural Centres. This project invites cultural centres to "
        "take swift action on climate change and shares inspiring projects and initiatives."
    ): (
        "Faza e projektit në Ballkan zbatohet në bashkëpunim me projektin Seeds of Sustainability (SOS) nga "
        "European Network of Cultural Centres. Ky projekt fton qendrat kulturore të ndërmarrin veprime të "
        "shpejta mbi ndryshimet klimatike dhe ndan projekte dhe nisma frymëzuese."
    ),
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
    "Berlin": "Berlin",
    "Stuttgart": "Shtutgart",
    "Bonn": "Bon",
    "Amsterdam": "Amsterdam",
    "Brussels": "Bruksel",
    # The community map
    "Community map": "Harta e komunitetit",
    (
        "Who the network is, and where: projects, organisations, people and partners. Find peers in the "
        "next town, or across the region."
    ): (
        "Kush është rrjeti dhe ku ndodhet: projekte, organizata, njerëz dhe partnerë. Gjeni bashkëpunëtorë në "
        "qytetin fqinj ose në mbarë rajonin."
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

# The resources library's seed texts carry their own translations (seed/resources.py);
# where a sentence is quoted from another page, the translation above is the one kept.
CATALOGUE = {**RESOURCES_ALBANIAN, **CATALOGUE}
