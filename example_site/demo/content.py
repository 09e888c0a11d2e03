"""The demo library's words: topics, programmes, councils and case studies.

Case studies paraphrase the kind of work on the LGA's public case-study pages; add an entry to
CASE_STUDIES to grow the library.
"""

TOPICS = [
    ("Public health", "Health protection, prevention and vaccination."),
    ("Climate change", "Net zero, adaptation and nature recovery."),
    ("Housing and planning", "Homes, regeneration and the planning system."),
    ("Economic growth", "Jobs, skills, town centres and business support."),
    ("Adult social care", "Care and support for adults and carers."),
    ("Children and education", "Schools, early years and children's services."),
    ("Digital and cyber", "Digital services, data and cyber security."),
    ("Artificial intelligence", "Machine learning and automation in council services."),
    ("Culture and tourism", "Libraries, museums, heritage and the visitor economy."),
    ("Community safety", "Policing partnerships, antisocial behaviour and resilience."),
    ("Waste and recycling", "Collections, disposal and the circular economy."),
    ("Governance and decision-making", "Cabinet decisions, scrutiny and transparency."),
]

SUPPORT_TYPES = [
    ("Behavioural Insights", "Trials that use behavioural science to improve services."),
    ("One Public Estate", "Public bodies working together on land and property."),
    ("Economic Growth Advisers", "Expert support for local economic growth."),
    ("Productivity Experts", "Expert help to redesign services and save money."),
    ("Housing Advisers", "Support to deliver homes that meet local needs."),
    ("Planning Advisory Service", "Help for councils' planning services."),
]

# (GSS code, name, short name, type, region): real councils, matching the register's data.
COUNCILS = [
    ("E09000009", "London Borough of Ealing", "Ealing", "london_borough", "london"),
    ("E09000020", "Royal Borough of Kensington and Chelsea", "Kensington and Chelsea",
     "london_borough", "london"),
    ("E06000052", "Cornwall Council", "Cornwall", "unitary", "south_west"),
    ("E07000041", "Exeter City Council", "Exeter", "district", "south_west"),
    ("E07000078", "Cheltenham Borough Council", "Cheltenham", "district", "south_west"),
    ("E06000034", "Thurrock Council", "Thurrock", "unitary", "east_of_england"),
    ("E07000196", "South Staffordshire Council", "South Staffordshire", "district",
     "west_midlands"),
    ("E08000010", "Wigan Council", "Wigan", "metropolitan_borough", "north_west"),
    ("E10000003", "Cambridgeshire County Council", "Cambridgeshire", "county",
     "east_of_england"),
    ("W06000015", "Cardiff Council", "Cardiff", "welsh_unitary", "wales"),
    ("S12000036", "City of Edinburgh Council", "Edinburgh", "scottish_council", "scotland"),
    ("N09000003", "Belfast City Council", "Belfast", "northern_irish_district",
     "northern_ireland"),
]

# Each case study: title, summary, councils (GSS codes, lead first), topics (main first),
# support type (or None), COVID-19 flag, publication date, and the template sections.
CASE_STUDIES = [
    {
        "title": "Ealing: a data-led COVID-19 vaccine working group",
        "summary": "Ealing's vaccine working group used uptake data to reach communities from low "
                   "socio-economic groups and ethnic minority backgrounds.",
        "councils": ["E09000009"],
        "topics": ["Public health"],
        "support_type": "Behavioural Insights",
        "covid": True,
        "date": "2021-09-14",
        "challenge": "Vaccine uptake lagged in several wards, mostly among younger residents and "
                     "some ethnic minority communities.",
        "solution": "A working group of the council, the NHS and community leaders met weekly, "
                    "mapped uptake by ward and sent pop-up clinics where the gaps were.",
        "impact": "First-dose uptake in the lowest wards rose by eleven points in three months.",
        "sustained": "The group now meets monthly and covers flu and childhood immunisations.",
        "lessons": "Share data early and let community leaders choose where clinics go.",
    },
    {
        "title": "Kensington and Chelsea: the Lancaster West neighbourhood team",
        "summary": "A neighbourhood team set up after the Grenfell tragedy runs tenancy, repairs and "
                   "community development for the 800 homes on the estate.",
        "councils": ["E09000020"],
        "topics": ["Housing and planning"],
        "support_type": "Housing Advisers",
        "covid": False,
        "date": "2022-03-02",
        "challenge": "Residents had lost trust in how the estate was managed.",
        "solution": "One local team, based on the estate, took over management and a "
                    "multi-million-pound refurbishment designed with residents.",
        "impact": "Repairs are completed faster and residents co-design every phase of works.",
        "sustained": "The model is written into the council's housing management plan.",
        "lessons": "Put decision-making close to residents and keep them in the room.",
    },
    {
        "title": "Cornwall Council: the development and decision wheel",
        "summary": "Cornwall has used a doughnut-economics decision wheel for cabinet decisions "
                   "since 2019, showing each decision's social and environmental effects.",
        "councils": ["E06000052"],
        "topics": ["Governance and decision-making", "Climate change"],
        "support_type": None,
        "covid": False,
        "date": "2022-11-21",
        "challenge": "Cabinet papers did not show the wider effects of decisions at a glance.",
        "solution": "Officers score each proposal on a wheel of social and ecological measures.",
        "impact": "Members ask sharper questions and several proposals were changed or dropped.",
        "sustained": "The wheel is part of every cabinet report template.",
        "lessons": "Keep the tool simple and train report writers, not just members.",
    },
    {
        "title": "Exeter: Exeter Works, an employment advice hub",
        "summary": "Exeter City Council and the chamber of commerce launched an online and physical "
                   "hub giving skills and employment advice during the pandemic.",
        "councils": ["E07000041"],
        "topics": ["Economic growth"],
        "support_type": "Economic Growth Advisers",
        "covid": True,
        "date": "2021-02-10",
        "challenge": "Redundancies rose sharply as the pandemic hit hospitality and retail.",
        "solution": "One front door for advice, training and vacancies, with partners on hand.",
        "impact": "Over 1,500 people were helped in the first year.",
        "sustained": "The hub is funded through the shared prosperity fund to 2025.",
        "lessons": "Partners sharing one brand made the offer easier to find.",
        "partners": [("Exeter Chamber of Commerce", "business")],
    },
    {
        "title": "Cheltenham: a climate impact assessment tool",
        "summary": "Cheltenham Borough Council built a climate impact assessment tool into its "
                   "decision-making so projects are climate-friendly from day one.",
        "councils": ["E07000078"],
        "topics": ["Climate change"],
        "support_type": None,
        "covid": False,
        "date": "2023-01-16",
        "challenge": "Climate effects were considered too late to change projects.",
        "solution": "A short online tool scores each project before it is approved.",
        "impact": "Every new project since 2022 has a climate assessment.",
        "sustained": "The tool is maintained by the climate team and updated yearly.",
        "lessons": "Start with a light-touch tool and improve it with users.",
    },
    {
        "title": "Thurrock: an AI app co-produced with families",
        "summary": "Thurrock used artificial intelligence and co-produced an app with families and "
                   "professionals on feeding, sleep, play and mental health.",
        "councils": ["E06000034"],
        "topics": ["Artificial intelligence", "Children and education", "Digital and cyber"],
        "support_type": "Productivity Experts",
        "covid": False,
        "date": "2023-05-30",
        "challenge": "Parents wanted trusted advice outside office hours.",
        "solution": "A chat-based app answers questions using approved NHS and council content.",
        "impact": "The app answered 20,000 questions in its first six months.",
        "sustained": "Health visitors review the content every quarter.",
        "lessons": "Co-production with parents shaped the tone as much as the content.",
    },
    {
        "title": "South Staffordshire: a shared public sector headquarters",
        "summary": "Joint investment in South Staffordshire's headquarters co-located services from "
                   "the public, health, private and voluntary sectors.",
        "councils": ["E07000196"],
        "topics": ["Economic growth", "Housing and planning"],
        "support_type": "One Public Estate",
        "covid": False,
        "date": "2020-07-08",
        "challenge": "Public buildings in the district were under-used and costly.",
        "solution": "Partners moved into the council offices and shared reception and meeting "
                    "space.",
        "impact": "Running costs fell by £200,000 a year.",
        "sustained": "A partnership board manages the building.",
        "lessons": "Agree the shared-cost model before anyone moves in.",
    },
    {
        "title": "Wigan: community hubs during lockdown",
        "summary": "Wigan's community hubs coordinated volunteers to deliver food and medicines to "
                   "shielding residents.",
        "councils": ["E08000010"],
        "topics": ["Adult social care", "Community safety"],
        "support_type": None,
        "covid": True,
        "date": "2020-06-01",
        "challenge": "Thousands of residents were told to shield at short notice.",
        "solution": "Seven hubs matched volunteers to requests through one phone line.",
        "impact": "Over 40,000 deliveries were made in the first three months.",
        "sustained": "The hubs became the council's community resilience network.",
        "lessons": "Trust local groups with decisions and resources.",
    },
    {
        "title": "Cambridgeshire, Cardiff and Edinburgh: cyber exercise in a box",
        "summary": "Three councils tested their cyber incident plans with a shared tabletop "
                   "exercise.",
        "councils": ["E10000003", "W06000015", "S12000036"],
        "topics": ["Digital and cyber"],
        "support_type": None,
        "covid": False,
        "date": "2024-02-12",
        "challenge": "Incident plans had never been tested end to end.",
        "solution": "A scripted exercise walked officers and members through a ransomware attack.",
        "impact": "Each council fixed gaps in backups and communications.",
        "sustained": "The exercise runs every year.",
        "lessons": "Include communications and legal teams from the start.",
    },
    {
        "title": "Belfast: testing sites in community venues",
        "summary": "Belfast City Council opened COVID-19 testing sites in leisure centres and "
                   "community halls.",
        "councils": ["N09000003"],
        "topics": ["Public health"],
        "support_type": None,
        "covid": True,
        "date": "2021-04-19",
        "challenge": "Testing sites were far from some neighbourhoods.",
        "solution": "Walk-in sites were set up in familiar community venues.",
        "impact": "Testing rates rose in the neighbourhoods with the lowest uptake.",
        "sustained": "The venues are now part of the city's emergency plans.",
        "lessons": "Familiar places build trust.",
    },
]
