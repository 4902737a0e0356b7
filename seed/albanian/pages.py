"""The Albanian of the site's own pages (``seed/english/pages.py``): the menu
and the footer, the home page, the principles and the community map."""

CATALOGUE = {
    # Navigation and footer (snippets); their titles are for editors only
    "Main navigation": "Navigimi kryesor",
    "The hub": "Hubi",
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
    # The community map
    "Community map": "Harta e komunitetit",
    (
        "Who the network is, and where: projects, organisations, people and partners. Find peers in the "
        "next town, or across the region."
    ): (
        "Kush është rrjeti dhe ku ndodhet: projekte, organizata, njerëz dhe partnerë. Gjeni bashkëpunëtorë në "
        "qytetin fqinj ose në mbarë rajonin."
    ),
}
