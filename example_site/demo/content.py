"""The demo library's words: topics, programmes, councils, case studies and the COVID-19 hub.

Everything the demo shows is data here; ``load_demo_content`` only builds it. Councils are named
by GSS code and come from the package's council register (``casestudies_load_councils``), except
the few bodies the register does not cover (combined authorities, a fire and rescue authority, a
town council), which ``EXTRA_COUNCILS`` adds.

The library has two kinds of case study, both paraphrasing the kind of work on the LGA's public
case-study pages:

- ``CASE_STUDIES``: written out one by one, each with its own story;
- ``INITIATIVES`` × ``INITIATIVE_COUNCILS``: pieces of work that many councils really do (a
  behavioural-insights trial on council tax, a retrofit programme, a digital inclusion hub, …),
  written once with ``{council}`` and ``{short}`` placeholders and paired deterministically with
  the councils that did them. Figures vary by council through ``vary``, so the text reads as two
  councils' experiences, not one copied.

Add an entry to either list to grow the library; keys (``slug``) are stable, so re-running the
command adds only what is new.
"""

from __future__ import annotations

import hashlib

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
    ("Cyber Security Programme", "Funding and advice to make councils more cyber resilient."),
]

# Bodies the council register does not hold: (GSS code or None, name, short name, type, region).
EXTRA_COUNCILS = [
    (
        "E47000001",
        "Greater Manchester Combined Authority",
        "Greater Manchester",
        "combined_authority",
        "north_west",
    ),
    (
        "E47000007",
        "West Midlands Combined Authority",
        "West Midlands",
        "combined_authority",
        "west_midlands",
    ),
    (
        None,
        "Devon and Somerset Fire and Rescue Authority",
        "Devon and Somerset Fire and Rescue",
        "fire_and_rescue",
        "south_west",
    ),
    (None, "Frome Town Council", "Frome", "town_or_parish", "south_west"),
]

# People who answer other councils' questions; picked deterministically per case study.
CONTACT_NAMES = [
    ("Aisha", "Rahman"),
    ("Tom", "Hughes"),
    ("Niamh", "O'Neill"),
    ("Rhys", "Evans"),
    ("Priya", "Shah"),
    ("Callum", "Fraser"),
    ("Grace", "Okafor"),
    ("David", "Morgan"),
    ("Sian", "Williams"),
    ("Mark", "Thompson"),
    ("Fatima", "Begum"),
    ("Euan", "Macleod"),
    ("Helen", "Carter"),
    ("Joseph", "Adeyemi"),
    ("Lucy", "Barnes"),
    ("Ciaran", "Kelly"),
]
# A contact (and the officer quoted) works in the case study's own field: a housing lead on a
# bins case study would make a search for "housing" find it.
TOPIC_ROLES = {
    "Public health": "Director of Public Health",
    "Climate change": "Climate Change Manager",
    "Housing and planning": "Strategic Housing Lead",
    "Economic growth": "Economic Development Manager",
    "Adult social care": "Assistant Director, Adult Social Care",
    "Children and education": "Head of Children's Services",
    "Digital and cyber": "Head of Digital",
    "Artificial intelligence": "Head of Digital",
    "Culture and tourism": "Culture and Tourism Manager",
    "Community safety": "Community Safety Manager",
    "Waste and recycling": "Waste Services Manager",
    "Governance and decision-making": "Head of Democratic Services",
}
# For a case study whose main topic has no role above.
CONTACT_ROLES = [
    "Head of Policy and Partnerships",
    "Service Manager",
    "Programme Lead",
    "Head of Customer Services",
]


def vary(key: str, low: int, high: int) -> int:
    """A number between low and high that is fixed for ``key``: the same on every run."""
    digest = int(hashlib.sha256(key.encode()).hexdigest()[:8], 16)
    return low + digest % (high - low + 1)


# --- Case studies written one by one --------------------------------------------------------------
#
# Keys: slug, title, summary, councils (GSS codes, lead first), topics (main first), support_type,
# covid, date, challenge, solution, impact, sustained, lessons; optional: cost_saving,
# income_generated, figures_note, partners [(name, kind)], tags, series, quote (text, name, role),
# points [..], figures [(value, label)], context, document (title, description), embed (title),
# image (caption), action_plan [(area, action, start, due, barriers, outcome)], extra
# [(heading, paragraph)], related [slugs], hub ("testing" puts it in the Testing collection).

CASE_STUDIES = [
    {
        "slug": "ealing-covid-19-vaccine-working-group",
        "title": "Ealing: a data-led COVID-19 vaccine working group",
        "summary": (
            "Ealing's vaccine working group used uptake data to reach communities from low "
            "socio-economic groups and ethnic minority backgrounds."
        ),
        "councils": ["E09000009"],
        "topics": ["Public health"],
        "support_type": "Behavioural Insights",
        "covid": True,
        "date": "2021-09-14",
        "challenge": (
            "Vaccine uptake lagged in several wards, mostly among younger residents and "
            "some ethnic minority communities, and the gap was widening each week."
        ),
        "solution": (
            "A working group of the council, the NHS and community leaders met weekly, "
            "mapped uptake by ward and GP practice, and sent pop-up clinics to the places "
            "with the biggest gaps: mosques, gurdwaras, a Polish community centre and two "
            "supermarkets."
        ),
        "impact": (
            "First-dose uptake in the five lowest wards rose by eleven points in three "
            "months. Pop-up clinics gave more than 9,000 vaccinations."
        ),
        "sustained": "The group now meets monthly and covers flu and childhood immunisations.",
        "lessons": (
            "Share data early, in a form community leaders can use, and let them choose "
            "where clinics go."
        ),
        "partners": [("NHS North West London", "nhs"), ("Ealing Community Network", "charity")],
        "tags": ["vaccination", "data", "inequalities"],
        "quote": (
            "The data told us where to go; community leaders told us how to be welcome there.",
            "Anand Mehta",
            "Director of Public Health, Ealing",
        ),
        "figures": [
            ("11 points", "rise in first-dose uptake in the lowest wards"),
            ("9,000+", "vaccinations at pop-up clinics"),
            ("46", "pop-up clinics"),
        ],
        "related": ["belfast-testing-in-community-venues", "leeds-community-vaccine-champions"],
    },
    {
        "slug": "kensington-and-chelsea-lancaster-west-neighbourhood-team",
        "title": "Kensington and Chelsea: the Lancaster West neighbourhood team",
        "summary": (
            "A neighbourhood team set up after the Grenfell tragedy runs tenancy, repairs "
            "and community development for the 800 homes on the estate."
        ),
        "councils": ["E09000020"],
        "topics": ["Housing and planning", "Community safety"],
        "support_type": "Housing Advisers",
        "covid": False,
        "date": "2022-03-02",
        "challenge": (
            "Residents had lost trust in how the estate was managed, and the homes needed "
            "a major refurbishment."
        ),
        "solution": (
            "One local team, based on the estate, took over tenancy management, repairs "
            "and community development, and leads a multi-million-pound refurbishment designed "
            "with residents, block by block."
        ),
        "impact": (
            "Repairs are completed faster and residents co-design every phase of works. "
            "Satisfaction with the landlord rose from 38% to 71%."
        ),
        "sustained": "The model is written into the council's housing management plan.",
        "lessons": "Put decision-making close to residents and keep them in the room.",
        "tags": ["estate regeneration", "co-design"],
        "context": (
            "Lancaster West is an estate of 800 homes in North Kensington, home to many "
            "of the families affected by the Grenfell Tower fire in June 2017."
        ),
        "points": [
            "A single neighbourhood team on the estate",
            "Residents co-design every phase of the refurbishment",
            "Satisfaction with the landlord almost doubled",
        ],
    },
    {
        "slug": "cornwall-development-and-decision-wheel",
        "title": "Cornwall Council: the development and decision wheel",
        "summary": (
            "Cornwall has used a doughnut-economics decision wheel for cabinet decisions "
            "since 2019, showing each decision's social and environmental effects."
        ),
        "councils": ["E06000052"],
        "topics": ["Governance and decision-making", "Climate change"],
        "support_type": None,
        "covid": False,
        "date": "2022-11-21",
        "series": "Part of the climate emergency decision-making series",
        "challenge": (
            "Cabinet papers did not show the wider effects of decisions at a glance, so "
            "social and environmental trade-offs were easy to miss."
        ),
        "solution": (
            "Officers score each proposal on a wheel based on Doughnut Economics: twelve "
            "social foundations and seven ecological ceilings. The wheel goes on the front "
            "of every cabinet report."
        ),
        "impact": (
            "Members ask sharper questions, and several proposals were changed, mitigated or "
            "dropped. Three years on, a review found the wheel had shaped 140 decisions."
        ),
        "sustained": (
            "The wheel is part of every cabinet report template, and report writers are "
            "trained in using it."
        ),
        "lessons": "Keep the tool simple and train report writers, not just members.",
        "partners": [("University of Exeter", "university")],
        "tags": ["doughnut economics", "cabinet", "net zero"],
        "quote": (
            "The wheel does not make decisions for us. It makes sure we see what a decision does.",
            "Cllr Jane Pascoe",
            "Cabinet member, Cornwall Council",
        ),
        "points": [
            "A one-page wheel on every cabinet report",
            "Twelve social and seven environmental measures",
            "Reviewed after three years of use",
        ],
        "figures": [
            ("140", "cabinet decisions assessed"),
            ("3 years", "in use"),
            ("19", "measures on the wheel"),
        ],
        "context": (
            "Cornwall is a rural unitary council of 570,000 people, with a long coastline "
            "and an economy that depends on tourism, farming and the public sector."
        ),
        "image": "Officers scoring a proposal on the decision wheel",
        "embed": "How Cornwall uses its decision wheel",
        "document": (
            "Cabinet report: three years of the decision wheel",
            "The review presented to cabinet in 2022.",
        ),
        "action_plan": [
            (
                "Training",
                "Train every report author in scoring the wheel",
                "2022-01-10",
                "2022-06-30",
                "Time for training in busy teams",
                "All authors trained",
            ),
            (
                "Review",
                "Review wheel scores against outcomes",
                "2022-04-01",
                "2022-10-31",
                "Outcome data arrives late",
                "Review published",
            ),
        ],
        "extra": [
            (
                "What the wheel measures",
                "<p>The social foundations include housing, health, education and work; the "
                "ecological ceilings include climate change, biodiversity loss and air "
                "pollution.</p>",
            )
        ],
        "related": ["cheltenham-climate-impact-assessment-tool"],
    },
    {
        "slug": "exeter-works-employment-advice-hub",
        "title": "Exeter: Exeter Works, an employment advice hub",
        "summary": (
            "Exeter City Council and the chamber of commerce launched an online and "
            "physical hub giving skills and employment advice during the pandemic."
        ),
        "councils": ["E07000041", "E10000008"],
        "topics": ["Economic growth"],
        "support_type": "Economic Growth Advisers",
        "covid": True,
        "date": "2021-02-10",
        "challenge": (
            "Redundancies rose sharply as the pandemic hit hospitality and retail, and "
            "people did not know where to find help."
        ),
        "solution": (
            "One front door for advice, training and vacancies, online and in the city "
            "centre, with partners on hand: the chamber of commerce, the college and "
            "Jobcentre Plus."
        ),
        "impact": "Over 1,500 people were helped in the first year; 420 found work.",
        "sustained": "The hub is funded through the UK Shared Prosperity Fund to 2025.",
        "lessons": "Partners sharing one brand made the offer easier to find.",
        "partners": [("Exeter Chamber of Commerce", "business"), ("Exeter College", "university")],
        "tags": ["employment", "skills"],
    },
    {
        "slug": "cheltenham-climate-impact-assessment-tool",
        "title": "Cheltenham: a climate impact assessment tool",
        "summary": (
            "Cheltenham Borough Council built a climate impact assessment tool into its "
            "decision-making so projects are climate-friendly from day one."
        ),
        "councils": ["E07000078"],
        "topics": ["Climate change", "Governance and decision-making"],
        "support_type": None,
        "covid": False,
        "date": "2023-01-16",
        "challenge": "Climate effects were considered too late to change projects.",
        "solution": (
            "A short online tool scores each project and policy on its environmental and "
            "social effects before it is approved, and suggests mitigations."
        ),
        "impact": (
            "Every new project since 2022 has a climate assessment, and the capital "
            "programme's carbon was cut by an estimated 8%."
        ),
        "sustained": "The tool is maintained by the climate team and updated every year.",
        "lessons": "Start with a light-touch tool and improve it with its users.",
        "tags": ["net zero", "decision-making"],
        "document": (
            "Climate impact assessment tool: guidance for officers",
            "How to complete the assessment, with worked examples.",
        ),
    },
    {
        "slug": "thurrock-ai-app-co-produced-with-families",
        "title": "Thurrock: an AI app co-produced with families",
        "summary": (
            "Thurrock used artificial intelligence and co-produced an app with families and "
            "professionals on feeding, sleep, play and mental health."
        ),
        "councils": ["E06000034"],
        "topics": ["Artificial intelligence", "Children and education", "Digital and cyber"],
        "support_type": "Productivity Experts",
        "covid": False,
        "date": "2023-05-30",
        "challenge": (
            "Parents wanted trusted advice outside office hours, and health visitors were "
            "answering the same questions many times a day."
        ),
        "solution": (
            "A chat-based app answers questions on breast and bottle feeding, "
            "immunisations, sleep, play, mental health, diet and oral health, using only "
            "approved NHS and council content."
        ),
        "impact": (
            "The app answered 20,000 questions in its first six months; health visitors "
            "estimate it saves them 30 hours a week."
        ),
        "cost_saving": "48000",
        "figures_note": "A year of health visitor time, 2023/24 rates.",
        "sustained": "Health visitors review the content every quarter.",
        "lessons": "Co-production with parents shaped the tone as much as the content.",
        "partners": [("Essex Partnership University NHS Foundation Trust", "nhs")],
        "tags": ["chatbot", "early years", "co-production"],
        "quote": (
            "Parents told us they wanted an answer at 3am, not an appointment next week.",
            "Sarah Cole",
            "Head of Early Help, Thurrock Council",
        ),
    },
    {
        "slug": "south-staffordshire-shared-public-sector-headquarters",
        "title": "South Staffordshire: a shared public sector headquarters",
        "summary": (
            "Joint investment in South Staffordshire's headquarters co-located services "
            "from the public, health, private and voluntary sectors."
        ),
        "councils": ["E07000196", "E10000028"],
        "topics": ["Economic growth", "Housing and planning"],
        "support_type": "One Public Estate",
        "covid": False,
        "date": "2020-01-08",
        "challenge": "Public buildings in the district were under-used and costly to run.",
        "solution": (
            "Partners moved into the council offices in Codsall and share reception, "
            "meeting rooms and a community hub; two surplus buildings were sold for "
            "housing."
        ),
        "impact": "Running costs fell by £200,000 a year and the sites sold will provide 60 homes.",
        "cost_saving": "200000",
        "income_generated": "1350000",
        "figures_note": "Savings a year; income from the two sales.",
        "sustained": "A partnership board manages the building.",
        "lessons": "Agree the shared-cost model before anyone moves in.",
        "partners": [("Staffordshire Police", "public_body"), ("NHS Staffordshire", "nhs")],
        "tags": ["co-location", "asset management"],
        "series": "Part of the One Public Estate programme",
    },
    {
        "slug": "wigan-community-hubs-during-lockdown",
        "title": "Wigan: community hubs during lockdown",
        "summary": (
            "Wigan's community hubs coordinated volunteers to deliver food and medicines to "
            "shielding residents."
        ),
        "councils": ["E08000010"],
        "topics": ["Adult social care", "Community safety"],
        "support_type": None,
        "covid": True,
        "date": "2020-06-01",
        "challenge": "Thousands of residents were told to shield at short notice.",
        "solution": (
            "Seven hubs matched volunteers to requests through one phone line, building "
            "on the Wigan Deal's relationships with community groups."
        ),
        "impact": "Over 40,000 deliveries were made in the first three months.",
        "sustained": "The hubs became the council's community resilience network.",
        "lessons": "Trust local groups with decisions and resources.",
        "tags": ["volunteering", "shielding"],
        "points": [
            "One phone number for every request",
            "Seven neighbourhood hubs",
            "40,000 deliveries in three months",
        ],
    },
    {
        "slug": "cambridgeshire-cardiff-edinburgh-cyber-exercise-in-a-box",
        "title": "Cambridgeshire, Cardiff and Edinburgh: cyber exercise in a box",
        "summary": (
            "Three councils in three nations tested their cyber incident plans with a "
            "shared tabletop exercise."
        ),
        "councils": ["E10000003", "W06000015", "S12000036"],
        "topics": ["Digital and cyber"],
        "support_type": "Cyber Security Programme",
        "covid": False,
        "date": "2024-02-12",
        "challenge": "Incident plans had never been tested end to end.",
        "solution": (
            "A scripted exercise walked officers and members through a ransomware attack, "
            "from the first alert to restoring services and talking to residents."
        ),
        "impact": "Each council fixed gaps in backups, out-of-hours contacts and communications.",
        "sustained": "The exercise runs every year, with a new scenario.",
        "lessons": "Include communications and legal teams from the start.",
        "tags": ["ransomware", "resilience"],
        "action_plan": [
            (
                "Backups",
                "Test restoring a whole service from offline backups",
                "2024-03-01",
                "2024-06-30",
                "Downtime needed for the test",
                "Restore tested in 9 hours",
            ),
            (
                "Communications",
                "Prepare holding statements for residents",
                "2024-03-01",
                "2024-04-30",
                "",
                "Statements approved",
            ),
        ],
    },
    {
        "slug": "belfast-testing-in-community-venues",
        "title": "Belfast: testing sites in community venues",
        "summary": (
            "Belfast City Council opened COVID-19 testing sites in leisure centres and "
            "community halls."
        ),
        "councils": ["N09000003"],
        "topics": ["Public health"],
        "support_type": None,
        "covid": True,
        "date": "2021-04-19",
        "hub": "testing",
        "challenge": "Testing sites were far from some neighbourhoods.",
        "solution": (
            "Walk-in sites were set up in familiar community venues, staffed by council "
            "leisure staff who knew the area."
        ),
        "impact": "Testing rates rose in the neighbourhoods with the lowest uptake.",
        "sustained": "The venues are now part of the city's emergency plans.",
        "lessons": "Familiar places build trust.",
        "partners": [("Public Health Agency", "public_body")],
    },
    {
        "slug": "leeds-community-vaccine-champions",
        "title": "Leeds: community vaccine champions",
        "summary": (
            "Leeds trained 300 community champions to answer questions about the COVID-19 "
            "vaccine in their own languages."
        ),
        "councils": ["E08000035"],
        "topics": ["Public health"],
        "support_type": "Behavioural Insights",
        "covid": True,
        "date": "2021-05-20",
        "challenge": (
            "Misinformation about the vaccine spread quickly through social media and "
            "WhatsApp groups."
        ),
        "solution": (
            "Champions from faith groups, youth clubs and workplaces were trained by "
            "public health staff and given short videos and leaflets in 14 languages."
        ),
        "impact": "Champions held 2,600 conversations; uptake rose fastest where they worked.",
        "sustained": "The champions network now covers cancer screening and flu.",
        "lessons": "People trust people they know: train them and then get out of the way.",
        "tags": ["vaccination", "community champions"],
        "figures": [
            ("300", "champions trained"),
            ("14", "languages"),
            ("2,600", "conversations recorded"),
        ],
    },
    {
        "slug": "glasgow-testing-for-care-home-visitors",
        "title": "Glasgow: testing for care home visitors",
        "summary": (
            "Glasgow City Council helped care homes set up rapid testing so families could "
            "visit again."
        ),
        "councils": ["S12000049"],
        "topics": ["Adult social care", "Public health"],
        "support_type": None,
        "covid": True,
        "date": "2021-03-03",
        "hub": "testing",
        "challenge": "Families had not seen relatives in care homes for months.",
        "solution": (
            "The council's care team trained home staff in lateral flow testing, provided "
            "visiting pods and published a simple booking guide."
        ),
        "impact": "All 68 homes in the city had testing in place within five weeks.",
        "sustained": "Homes kept testing for outbreaks of flu and norovirus.",
        "lessons": "Care staff needed practical help more than guidance documents.",
    },
    {
        "slug": "birmingham-business-grants-in-ten-days",
        "title": "Birmingham: business grants paid in ten days",
        "summary": (
            "Birmingham redesigned its grant process to pay COVID-19 business grants within "
            "ten working days."
        ),
        "councils": ["E08000025"],
        "topics": ["Economic growth", "Digital and cyber"],
        "support_type": "Productivity Experts",
        "covid": True,
        "date": "2020-07-15",
        "challenge": (
            "Tens of thousands of firms needed grants at once, and the old process took six weeks."
        ),
        "solution": (
            "An online form checked against business rates records, automated fraud "
            "checks and a team redeployed from libraries handled the rest."
        ),
        "impact": "£300 million was paid to 25,000 businesses, most within ten working days.",
        "sustained": "The form and checks are reused for every new grant scheme.",
        "lessons": "Check data you already hold before asking businesses for it.",
        "tags": ["grants", "automation"],
    },
    {
        "slug": "newcastle-digital-devices-for-pupils",
        "title": "Newcastle: laptops and data for pupils learning at home",
        "summary": (
            "Newcastle City Council and local businesses gave 4,000 pupils a laptop and "
            "mobile data during school closures."
        ),
        "councils": ["E08000021"],
        "topics": ["Children and education", "Digital and cyber"],
        "support_type": None,
        "covid": True,
        "date": "2020-11-30",
        "challenge": "One in five pupils had no device of their own for remote lessons.",
        "solution": (
            "Schools identified pupils; businesses donated and refurbished laptops; the "
            "council paid for data and ran a helpline."
        ),
        "impact": "4,000 pupils were connected by January 2021.",
        "sustained": (
            "Devices stay with families, and the helpline became a digital inclusion service."
        ),
        "lessons": "A device is not enough without data and someone to call.",
        "partners": [("North East Business Partnership", "business")],
        "tags": ["digital inclusion", "schools"],
    },
    {
        "slug": "cardiff-test-trace-protect",
        "title": "Cardiff: a regional Test, Trace, Protect service",
        "summary": (
            "Cardiff and the Vale of Glamorgan ran contact tracing for 500,000 people from "
            "a single regional team."
        ),
        "councils": ["W06000015", "W06000014"],
        "topics": ["Public health"],
        "support_type": None,
        "covid": True,
        "date": "2020-10-12",
        "hub": "testing",
        "challenge": "Contact tracing had to start within weeks, with staff who had never done it.",
        "solution": (
            "Staff from libraries, parking and leisure were retrained as tracers, "
            "supported by environmental health officers and the health board."
        ),
        "impact": "Over 90% of cases were contacted within 24 hours.",
        "sustained": "The team became the region's health protection response service.",
        "lessons": "Redeployed council staff were good at it because they knew the area.",
        "partners": [("Cardiff and Vale University Health Board", "nhs")],
    },
    {
        "slug": "edinburgh-ai-for-planning-enquiries",
        "title": "Edinburgh: machine learning for planning enquiries",
        "summary": (
            "The City of Edinburgh Council used machine learning to sort planning "
            "enquiries, so officers spend their time on the complex ones."
        ),
        "councils": ["S12000036"],
        "topics": ["Artificial intelligence", "Housing and planning"],
        "support_type": "Planning Advisory Service",
        "covid": False,
        "date": "2024-06-18",
        "challenge": (
            "The planning service received 1,200 emailed enquiries a month, and simple "
            "ones waited behind complex ones."
        ),
        "solution": (
            "A model trained on three years of enquiries routes each email to a team and "
            "suggests a reply from the standard answers for simple questions."
        ),
        "impact": "Simple enquiries are answered in two days instead of twelve.",
        "sustained": "Officers correct the model's suggestions, and it is retrained every month.",
        "lessons": "Keep a person in the loop and be open with residents about it.",
        "tags": ["machine learning", "planning"],
        "points": [
            "Routes 1,200 enquiries a month",
            "Officers approve every reply",
            "Published in the algorithmic transparency register",
        ],
    },
    {
        "slug": "ards-and-north-down-coastal-erosion-plan",
        "title": "Ards and North Down: living with coastal erosion",
        "summary": (
            "Ards and North Down Borough Council worked with residents to plan for a "
            "coastline that is moving inland."
        ),
        "councils": ["N09000011"],
        "topics": ["Climate change", "Housing and planning"],
        "support_type": None,
        "covid": False,
        "date": "2023-09-05",
        "challenge": "Parts of the coast were eroding faster than defences could be built.",
        "solution": (
            "Community workshops used maps and models to agree where to defend, where to "
            "adapt and where to let nature take its course."
        ),
        "impact": "An agreed adaptation plan now guides planning decisions on the coast.",
        "sustained": "The plan is reviewed every five years with new survey data.",
        "lessons": "Be honest early about what cannot be protected.",
        "partners": [("Ulster University", "university")],
        "context": (
            "The borough has 115 miles of coastline, from Belfast Lough to Strangford Lough."
        ),
    },
    {
        "slug": "highland-mobile-library-as-digital-hub",
        "title": "Highland: the mobile library as a digital hub",
        "summary": (
            "The Highland Council turned its mobile libraries into digital hubs for remote "
            "communities, with wifi, laptops and help from staff."
        ),
        "councils": ["S12000017"],
        "topics": ["Culture and tourism", "Digital and cyber"],
        "support_type": None,
        "covid": False,
        "date": "2022-07-11",
        "challenge": (
            "Many remote communities have no broadband, and residents need to apply for "
            "services online."
        ),
        "solution": (
            "Mobile libraries were fitted with satellite wifi and laptops, and staff were "
            "trained as digital champions."
        ),
        "impact": "Over 2,000 digital help sessions in the first year, in 120 communities.",
        "sustained": "Digital help is now part of the mobile library timetable.",
        "lessons": "Use services people already trust to bring digital help to them.",
        "tags": ["libraries", "digital inclusion", "rural"],
        "image": "A mobile library parked beside a loch",
    },
    {
        "slug": "somerset-county-council-extra-care-housing",
        "title": "Somerset County Council: extra care housing in market towns",
        "summary": (
            "Before reorganisation, Somerset County Council and district councils built "
            "extra care housing so older people could stay in their towns."
        ),
        "councils": ["E10000027", "E07000187"],
        "topics": ["Adult social care", "Housing and planning"],
        "support_type": "Housing Advisers",
        "covid": False,
        "date": "2019-06-24",
        "challenge": "Older people in market towns had to move away when they needed care.",
        "solution": (
            "The county and districts pooled land and capital to build extra care schemes "
            "in four market towns, with care on site."
        ),
        "impact": "220 homes opened, and residential care placements fell by 12%.",
        "cost_saving": "1100000",
        "figures_note": "A year, compared with residential care for the same residents.",
        "sustained": "Somerset Council, which took over in April 2023, runs the schemes.",
        "lessons": "Agree nominations and care arrangements before building starts.",
        "partners": [("Abbeyfield", "charity")],
        "tags": ["extra care", "older people"],
    },
    {
        "slug": "allerdale-flood-resilience-grants",
        "title": "Allerdale: flood resilience grants for homes and businesses",
        "summary": (
            "After Storm Desmond, Allerdale Borough Council helped 900 homes and businesses "
            "fit flood doors, pumps and barriers."
        ),
        "councils": ["E07000026", "E10000006"],
        "topics": ["Climate change", "Community safety"],
        "support_type": None,
        "covid": False,
        "date": "2019-02-14",
        "challenge": (
            "Storm Desmond flooded thousands of properties in Cockermouth, Keswick and Workington."
        ),
        "solution": (
            "Surveyors assessed each property and grants of up to £5,000 paid for "
            "resilience measures fitted by approved installers."
        ),
        "impact": "900 properties were protected; many were dry in the 2021 floods.",
        "sustained": "Cumberland Council, which took over in 2023, keeps the installer scheme.",
        "lessons": "A survey for each property made the grants go further.",
        "tags": ["flooding", "resilience"],
    },
    {
        "slug": "greater-manchester-working-well",
        "title": "Greater Manchester: Working Well",
        "summary": (
            "Greater Manchester Combined Authority and its ten councils joined up health "
            "and employment support for people out of work with health conditions."
        ),
        "councils": ["E47000001", "E08000003", "E08000010", "E08000007"],
        "topics": ["Economic growth", "Public health"],
        "support_type": "Economic Growth Advisers",
        "covid": False,
        "date": "2022-05-09",
        "challenge": (
            "Many residents out of work had health conditions that national programmes "
            "did not address."
        ),
        "solution": (
            "Keyworkers coordinate health, skills, housing and debt support around each "
            "person, commissioned across the city region."
        ),
        "impact": "Over 25,000 people supported; one in three found work.",
        "sustained": "Working Well is commissioned by the combined authority to 2026.",
        "lessons": "A single keyworker who stays with the person makes the difference.",
        "partners": [("Greater Manchester Integrated Care", "nhs")],
    },
    {
        "slug": "west-midlands-retrofit-one-stop-shop",
        "title": "West Midlands: a one-stop shop for home retrofit",
        "summary": (
            "The West Midlands Combined Authority and Birmingham City Council set up a "
            "one-stop shop that takes homeowners from survey to finished retrofit."
        ),
        "councils": ["E47000007", "E08000025"],
        "topics": ["Climate change", "Housing and planning"],
        "support_type": None,
        "covid": False,
        "date": "2024-10-01",
        "challenge": "Homeowners did not know where to start or whom to trust with retrofit.",
        "solution": (
            "A single service offers a whole-house survey, vetted installers and access to "
            "grants and green loans."
        ),
        "impact": "1,800 homes surveyed and 640 retrofitted in the first year.",
        "sustained": "Fees from able-to-pay customers cover the advice service.",
        "lessons": "Trust is the product: vet installers and check their work.",
        "income_generated": "210000",
        "figures_note": "Fees in the first year.",
        "tags": ["retrofit", "net zero", "energy"],
    },
    {
        "slug": "devon-and-somerset-fire-safe-and-well-visits",
        "title": "Devon and Somerset Fire and Rescue: safe and well visits with councils",
        "summary": (
            "Firefighters and council staff combine home fire safety checks with help on "
            "falls, cold homes and loneliness."
        ),
        "councils": ["devon-and-somerset-fire-and-rescue-authority", "E10000008"],
        "topics": ["Community safety", "Adult social care"],
        "support_type": None,
        "covid": False,
        "date": "2023-03-14",
        "challenge": (
            "The people most at risk of fire were also at risk of falls and cold homes, "
            "but several services visited them separately."
        ),
        "solution": (
            "One visit covers fire safety, falls, warmth and social contact, with "
            "referrals straight into council services."
        ),
        "impact": "12,000 visits a year; referrals to adult social care doubled.",
        "sustained": "The visits are part of the fire service's prevention plan.",
        "lessons": "Agree referral routes before the first visit.",
    },
    {
        "slug": "frome-town-council-community-fridge",
        "title": "Frome Town Council: a community fridge and share shed",
        "summary": (
            "Frome Town Council backed a community fridge and a 'library of things' that "
            "keep food and goods out of landfill."
        ),
        "councils": ["frome-town-council", "E06000066"],
        "topics": ["Waste and recycling", "Climate change"],
        "support_type": None,
        "covid": False,
        "date": "2024-04-22",
        "challenge": "Good food from shops was thrown away while some residents went without.",
        "solution": (
            "A fridge in the town centre takes surplus food from shops and homes; a share "
            "shed lends tools and equipment."
        ),
        "impact": "Around 50 tonnes of food shared a year, and 3,000 loans from the share shed.",
        "sustained": "Volunteers run both, with a small grant from the town council.",
        "lessons": "Small councils can start things quickly and hand them to the community.",
        "tags": ["food waste", "reuse"],
    },
    {
        "slug": "derry-and-strabane-inclusive-growth-deal",
        "title": "Derry City and Strabane: an inclusive growth deal",
        "summary": (
            "Derry City and Strabane District Council built its city deal around skills and "
            "health as well as infrastructure."
        ),
        "councils": ["N09000005"],
        "topics": ["Economic growth", "Children and education"],
        "support_type": None,
        "covid": False,
        "date": "2021-11-23",
        "challenge": (
            "Growth in the past had not reached the neighbourhoods with the highest unemployment."
        ),
        "solution": (
            "The deal funds a medical school, a digital skills centre and outreach in "
            "schools, with targets for jobs for local residents."
        ),
        "impact": "£250 million of investment agreed, with 6,000 jobs expected.",
        "sustained": "A growth board of the council, universities and businesses oversees it.",
        "lessons": "Set inclusion targets at the start, not after the money is agreed.",
        "partners": [("Ulster University", "university")],
    },
    {
        "slug": "swansea-local-area-coordination",
        "title": "Swansea: local area coordination",
        "summary": (
            "Swansea's local area coordinators help people find support in their community "
            "before they need council services."
        ),
        "councils": ["W06000011"],
        "topics": ["Adult social care"],
        "support_type": None,
        "covid": False,
        "date": "2020-02-17",
        "challenge": "People reached social care only when they were in crisis.",
        "solution": (
            "Coordinators based in neighbourhoods walk alongside people, connecting them "
            "with neighbours, groups and services."
        ),
        "impact": "An evaluation found £2 to £3 of value for each £1 spent.",
        "sustained": "Coordinators now cover every area of the city.",
        "lessons": "Measure what people say matters to them, not only service use.",
    },
]

# --- Work many councils do, paired with the councils that did it ---------------------------------

INITIATIVES = [
    {
        "key": "council-tax-direct-debit",
        "title": "{short}: nudging residents to pay council tax by direct debit",
        "summary": (
            "{council} redesigned its council tax letters using behavioural insights, and "
            "{pct}% more households switched to direct debit."
        ),
        "topics": ["Governance and decision-making", "Digital and cyber"],
        "support_type": "Behavioural Insights",
        "challenge": (
            "Many households paid council tax late or by costly methods, and reminder "
            "letters were long and hard to act on."
        ),
        "solution": (
            "{short} trialled a shorter letter with a clear deadline, a personal tone and "
            "a QR code to set up a direct debit, against the old letter."
        ),
        "impact": "Direct debit sign-ups rose by {pct}%, and second reminders fell by a fifth.",
        "cost_saving": "{money}",
        "sustained": "The new letter is now the standard, and the team tests one change a year.",
        "lessons": "Test small changes against the old version before rolling them out.",
        "tags": ["council tax", "letters"],
        "series": "Part of the behavioural insights programme",
    },
    {
        "key": "missed-bins",
        "title": "{short}: fewer missed bins with in-cab technology",
        "summary": (
            "Crews at {council} report problems from the cab, and missed bin complaints "
            "fell by {pct}%."
        ),
        "topics": ["Waste and recycling", "Digital and cyber"],
        "support_type": "Productivity Experts",
        "challenge": (
            "Missed bins were the most common complaint, and the contact centre could not "
            "tell residents why a bin had been missed."
        ),
        "solution": (
            "Tablets in every vehicle let crews record blocked roads, contaminated bins "
            "and bins not out, and the website shows residents the record."
        ),
        "impact": "Missed bin complaints fell by {pct}% and calls about collections by a third.",
        "cost_saving": "{money}",
        "sustained": "The data now plans rounds and targets recycling advice.",
        "lessons": "Involve crews in choosing what they record.",
        "tags": ["bins", "in-cab technology"],
    },
    {
        "key": "food-waste-trial",
        "title": "{short}: a weekly food waste collection trial",
        "summary": (
            "{council} tested weekly food waste collections on {homes} homes before rolling "
            "them out."
        ),
        "topics": ["Waste and recycling", "Climate change"],
        "support_type": None,
        "challenge": (
            "Food made up a third of the general waste bin, and new national rules meant "
            "food waste collections were coming."
        ),
        "solution": (
            "A six-month trial on {homes} homes tested caddies, liners, leaflets and "
            "collection days, with a survey of residents."
        ),
        "impact": "Seven in ten trial homes took part, and general waste fell by {pct}%.",
        "sustained": "The trial's findings shaped the borough-wide service.",
        "lessons": "Free liners matter more than leaflets.",
        "tags": ["food waste"],
    },
    {
        "key": "home-retrofit",
        "title": "{short}: retrofitting council homes to net zero standards",
        "summary": (
            "{council} retrofitted {homes} council homes with insulation, heat pumps and "
            "solar panels, cutting tenants' bills."
        ),
        "topics": ["Climate change", "Housing and planning"],
        "support_type": "Housing Advisers",
        "challenge": (
            "Council homes were among the least efficient in the area, and tenants "
            "struggled with energy bills."
        ),
        "solution": (
            "A whole-house approach fitted insulation, air source heat pumps and solar "
            "panels, with a resident liaison officer for every street."
        ),
        "impact": (
            "Tenants' energy bills fell by an average of {pct}%, and carbon emissions by over half."
        ),
        "sustained": "Retrofit is built into the housing revenue account business plan.",
        "lessons": "Tenants' trust depends on good communication during the works.",
        "tags": ["retrofit", "heat pumps", "net zero"],
    },
    {
        "key": "empty-homes",
        "title": "{short}: bringing empty homes back into use",
        "summary": (
            "{council} brought {homes} long-term empty homes back into use with loans, "
            "advice and, rarely, enforcement."
        ),
        "topics": ["Housing and planning"],
        "support_type": "Housing Advisers",
        "challenge": "Hundreds of homes stood empty for years while families waited for housing.",
        "solution": (
            "An empty homes officer contacted every owner, offered interest-free loans for "
            "repairs and used enforcement only as a last resort."
        ),
        "impact": "{homes} homes back in use in three years.",
        "income_generated": "{money}",
        "figures_note": "New Homes Bonus and council tax over three years.",
        "sustained": "Loans are repaid into a fund that pays for the next ones.",
        "lessons": "Most owners want help, not enforcement.",
        "tags": ["empty homes"],
    },
    {
        "key": "digital-inclusion-hub",
        "title": "{short}: digital inclusion hubs in libraries",
        "summary": (
            "{council} opened digital help hubs in its libraries, lending devices and data "
            "and teaching skills."
        ),
        "topics": ["Digital and cyber", "Culture and tourism"],
        "support_type": None,
        "challenge": (
            "Residents who were offline struggled to apply for benefits, jobs and council services."
        ),
        "solution": (
            "Libraries lend tablets and data, and trained staff and volunteers run drop-in "
            "sessions."
        ),
        "impact": "{people} residents helped in the first year.",
        "sustained": "The hubs are part of the library service's core offer.",
        "lessons": "Start with what people want to do online, not with the device.",
        "tags": ["digital inclusion", "libraries"],
    },
    {
        "key": "cyber-phishing-training",
        "title": "{short}: building a cyber-aware workforce",
        "summary": (
            "Simulated phishing and short training cut the share of {council} staff who "
            "click on suspicious links by {pct}%."
        ),
        "topics": ["Digital and cyber"],
        "support_type": "Cyber Security Programme",
        "challenge": "Phishing emails were the most likely way into the council's systems.",
        "solution": (
            "Monthly simulated phishing emails, with five-minute training for anyone who "
            "clicked, and an easy way to report suspicious emails."
        ),
        "impact": "Clicks on simulated phishing fell by {pct}%, and reports rose fivefold.",
        "sustained": "The simulations run every month and the results go to the senior team.",
        "lessons": "Praise reporting; never shame clicking.",
        "tags": ["phishing", "training"],
    },
    {
        "key": "ai-contact-centre",
        "title": "{short}: an AI assistant in the contact centre",
        "summary": (
            "{council} uses an AI assistant to answer routine questions online, so advisers "
            "have more time for complex calls."
        ),
        "topics": ["Artificial intelligence", "Digital and cyber"],
        "support_type": "Productivity Experts",
        "challenge": (
            "Call waiting times were long, and most calls were routine questions answered "
            "on the website."
        ),
        "solution": (
            "An assistant on the website answers routine questions from council content "
            "and hands over to an adviser when it cannot help."
        ),
        "impact": "Routine calls fell by {pct}% and average waits by four minutes.",
        "cost_saving": "{money}",
        "sustained": "Advisers review the assistant's answers every week.",
        "lessons": "Publish how the assistant works and always offer a person.",
        "tags": ["chatbot", "customer services"],
    },
    {
        "key": "falls-prevention",
        "title": "{short}: preventing falls at home",
        "summary": (
            "{council} and the NHS offer strength and balance classes and home checks to "
            "older people at risk of falls."
        ),
        "topics": ["Adult social care", "Public health"],
        "support_type": None,
        "challenge": "Falls were a leading cause of hospital admission and loss of independence.",
        "solution": (
            "GPs and paramedics refer people to twelve-week classes and a home hazard "
            "check by a council occupational therapist."
        ),
        "impact": "Falls among participants fell by {pct}%.",
        "cost_saving": "{money}",
        "figures_note": "Estimated avoided hospital and care costs a year.",
        "sustained": "Commissioned jointly by the council and the integrated care board.",
        "lessons": "Make referral a single click for clinicians.",
        "partners": [("Local integrated care board", "nhs")],
        "tags": ["falls", "prevention"],
    },
    {
        "key": "carers-support",
        "title": "{short}: a carers' card and support line",
        "summary": (
            "{council} gave {people} unpaid carers a card that opens discounts, emergency "
            "planning and a support line."
        ),
        "topics": ["Adult social care"],
        "support_type": None,
        "challenge": "Many unpaid carers were unknown to the council until they reached crisis.",
        "solution": (
            "A carers' card with local discounts encouraged carers to register, and each "
            "registration starts an emergency plan."
        ),
        "impact": "{people} carers registered in two years.",
        "sustained": "Local businesses fund the discounts.",
        "lessons": "Carers registered for the card; they stayed for the support.",
        "tags": ["unpaid carers"],
    },
    {
        "key": "family-hubs",
        "title": "{short}: family hubs",
        "summary": (
            "{council} brought health visiting, early help and parenting support together "
            "in family hubs."
        ),
        "topics": ["Children and education", "Public health"],
        "support_type": None,
        "challenge": "Families were passed between services that did not share information.",
        "solution": (
            "Hubs in each locality host health visitors, midwives, early help workers and "
            "voluntary groups, with one shared front door."
        ),
        "impact": (
            "{people} families used the hubs in the first year, and referrals to children's "
            "social care fell by {pct}%."
        ),
        "sustained": (
            "The hubs are funded through the family hubs programme and the council's "
            "early help budget."
        ),
        "lessons": "Co-location helps, but shared information helps more.",
        "tags": ["family hubs", "early help"],
    },
    {
        "key": "school-streets",
        "title": "{short}: school streets",
        "summary": (
            "{council} closed roads outside {count} schools to traffic at drop-off and "
            "pick-up times."
        ),
        "topics": ["Children and education", "Climate change", "Community safety"],
        "support_type": None,
        "challenge": (
            "Traffic and pollution outside schools put children at risk and put families "
            "off walking."
        ),
        "solution": (
            "Timed closures, enforced by cameras, with exemptions for residents and blue "
            "badge holders."
        ),
        "impact": "Walking and cycling to school rose by {pct}% at the schools in the scheme.",
        "sustained": "Schools can apply to join every September.",
        "lessons": "Start with schools whose parents ask for it.",
        "tags": ["active travel", "air quality"],
    },
    {
        "key": "town-centre-regeneration",
        "title": "{short}: bringing empty shops back to life",
        "summary": (
            "{council} let empty town centre shops to start-ups and community groups on "
            "low-cost short leases."
        ),
        "topics": ["Economic growth", "Culture and tourism"],
        "support_type": "Economic Growth Advisers",
        "challenge": "One in five shops in the town centre stood empty.",
        "solution": (
            "The council leased empty units from landlords and sublet them to start-ups, "
            "artists and community groups, with business advice."
        ),
        "impact": "{count} units reopened, and footfall rose by {pct}%.",
        "income_generated": "{money}",
        "sustained": "Several start-ups moved to full commercial leases.",
        "lessons": "Landlords respond to a simple, standard lease.",
        "tags": ["high streets", "start-ups"],
    },
    {
        "key": "local-plan-engagement",
        "title": "{short}: a digital local plan consultation",
        "summary": (
            "{council} used an online map and short surveys to hear from {people} residents "
            "on its local plan."
        ),
        "topics": ["Housing and planning", "Governance and decision-making"],
        "support_type": "Planning Advisory Service",
        "challenge": "Local plan consultations heard from few people, mostly from older residents.",
        "solution": (
            "An interactive map let residents comment on sites; short surveys ran on "
            "social media and at events in schools and shopping centres."
        ),
        "impact": "{people} responses, three times the last consultation, many from under-35s.",
        "sustained": "The platform is used for every planning consultation.",
        "lessons": "Go to where people are, and keep questions short.",
        "tags": ["local plan", "consultation"],
    },
    {
        "key": "antisocial-behaviour-hub",
        "title": "{short}: a joint antisocial behaviour hub",
        "summary": (
            "{council}, the police and housing providers share one team to tackle "
            "antisocial behaviour."
        ),
        "topics": ["Community safety"],
        "support_type": None,
        "challenge": (
            "Residents reported antisocial behaviour to several agencies and were passed "
            "between them."
        ),
        "solution": (
            "A joint hub with council, police and housing staff takes every report, agrees "
            "one lead and keeps the resident informed."
        ),
        "impact": "Repeat reports fell by {pct}%, and residents' satisfaction rose.",
        "sustained": "Partners fund the hub jointly.",
        "lessons": "One named officer for each case matters most to residents.",
        "partners": [("Local police", "public_body")],
        "tags": ["antisocial behaviour", "partnership"],
    },
    {
        "key": "heritage-festival",
        "title": "{short}: a heritage festival that brings visitors all year",
        "summary": (
            "{council} turned a weekend event into a programme that brought {people} "
            "visitors outside the summer season."
        ),
        "topics": ["Culture and tourism", "Economic growth"],
        "support_type": None,
        "challenge": "Visitors came only in summer, and many businesses struggled in winter.",
        "solution": (
            "Museums, churches and businesses run events through the year under one brand, "
            "with a shared website and ticketing."
        ),
        "impact": (
            "{people} visitors outside the summer season, and a {pct}% rise in winter spending."
        ),
        "sustained": "A business improvement district now funds the programme.",
        "lessons": "Small venues gained most from the shared marketing.",
        "tags": ["heritage", "visitor economy"],
    },
    {
        "key": "warm-spaces",
        "title": "{short}: warm spaces and cost of living help",
        "summary": "{council} opened {count} warm spaces with advice on bills, benefits and debt.",
        "topics": ["Community safety", "Adult social care"],
        "support_type": None,
        "challenge": (
            "Rising energy and food prices left many households unable to heat their homes."
        ),
        "solution": (
            "Libraries, community centres and churches opened as warm spaces, with "
            "advisers visiting on a timetable."
        ),
        "impact": "{people} visits in one winter, and £{money_text} of unclaimed benefits found.",
        "sustained": "The advice sessions continue all year.",
        "lessons": "Advice in a warm, welcoming place reaches people who would never phone.",
        "tags": ["cost of living", "warm spaces"],
    },
    {
        "key": "one-public-estate-hub",
        "title": "{short}: a public service hub in the town centre",
        "summary": (
            "{council}, the NHS and the police moved into one building, freeing land for "
            "{homes} homes."
        ),
        "topics": ["Housing and planning", "Economic growth"],
        "support_type": "One Public Estate",
        "challenge": "Public services were spread over ageing buildings that cost a lot to run.",
        "solution": (
            "Partners designed a shared hub in the town centre and released their old "
            "sites for housing."
        ),
        "impact": "Running costs fell, and the released land will provide {homes} homes.",
        "cost_saving": "{money}",
        "figures_note": "A year, across the partners.",
        "sustained": "A joint board manages the hub and plans the next sites.",
        "lessons": "Agree how costs are shared before the design is fixed.",
        "series": "Part of the One Public Estate programme",
        "tags": ["co-location", "land release"],
    },
    {
        "key": "covid-business-support",
        "title": "{short}: helping businesses reopen safely",
        "summary": (
            "{council} visited {count} businesses to help them reopen safely after lockdown."
        ),
        "topics": ["Economic growth", "Public health"],
        "support_type": None,
        "covid": True,
        "challenge": "Businesses were unsure how to reopen safely and feared enforcement.",
        "solution": (
            "Environmental health officers and business advisers visited, gave advice "
            "and free signage, and answered a business helpline."
        ),
        "impact": "{count} businesses visited; most reopened within a month.",
        "sustained": "The advice-first approach continues in routine inspections.",
        "lessons": "Advice first made enforcement rarely necessary.",
        "tags": ["reopening", "business support"],
    },
    {
        "key": "covid-communications",
        "title": "{short}: COVID-19 communications in community languages",
        "summary": (
            "{council} worked with community groups to share COVID-19 guidance in "
            "{count} languages."
        ),
        "topics": ["Public health", "Governance and decision-making"],
        "support_type": "Behavioural Insights",
        "covid": True,
        "challenge": (
            "National guidance changed often and did not reach residents who speak little English."
        ),
        "solution": (
            "Community groups translated and recorded short messages, shared on WhatsApp, "
            "local radio and in places of worship."
        ),
        "impact": "Messages reached an estimated {people} residents each week.",
        "sustained": "The network is used for every public health campaign.",
        "lessons": "Trusted messengers matter more than polished materials.",
        "tags": ["communications", "community languages"],
    },
]

# Each initiative with the councils that did it (GSS codes; the lead council first in each tuple).
INITIATIVE_COUNCILS = {
    "council-tax-direct-debit": [("E09000033",), ("E07000240",), ("S12000047",)],
    "missed-bins": [("E08000034",), ("E07000082",)],
    "food-waste-trial": [("E07000008", "E10000003"), ("W06000002",)],
    "home-retrofit": [("E06000018",), ("E09000028",)],
    "empty-homes": [("E06000010",), ("E07000134",)],
    "digital-inclusion-hub": [("E08000024",), ("S12000042",)],
    "cyber-phishing-training": [("E10000016",), ("N09000007",)],
    "ai-contact-centre": [("E06000054",), ("E09000012",)],
    "falls-prevention": [("E06000047",), ("E10000020",)],
    "carers-support": [("E06000051",), ("E10000029",)],
    "family-hubs": [("E08000012",), ("E06000026",)],
    "school-streets": [("E09000007",), ("E06000043",)],
    "town-centre-regeneration": [("E07000110",), ("E06000016",)],
    "local-plan-engagement": [("E07000178",), ("E06000019",)],
    "antisocial-behaviour-hub": [("E08000037",), ("W06000022",)],
    "heritage-festival": [("E07000148",), ("S12000033",)],
    "warm-spaces": [("E09000023",), ("E10000017",)],
    "one-public-estate-hub": [("E06000057",), ("E10000032",)],
    "covid-business-support": [("E06000023",), ("E07000042",), ("E10000012",)],
    "covid-communications": [("E09000003",), ("E08000039",)],
}

# --- The COVID-19 hub --------------------------------------------------------------------------

HUB = {
    "title": "COVID-19 case studies",
    "slug": "covid-19",
    "introduction": (
        "<p>Councils have been at the forefront of the response to the COVID-19 "
        "pandemic. These case studies share good council practice, so others can "
        "learn from it. New case studies were published in batches as the response "
        "developed.</p>"
    ),
    "how_to_submit": (
        "<p>If your council has done something others could learn from, send it to "
        "us using the case study template.</p>"
    ),
    "featured": ["ealing-covid-19-vaccine-working-group", "wigan-community-hubs-during-lockdown"],
    # (heading, introduction, entries): an entry is a case-study slug, or a dict for an external
    # entry (title, council, summary, link).
    "themes": [
        (
            "Communications",
            "<p>Keeping residents informed as guidance changed.</p>",
            ["covid-communications-e09000003", "covid-communications-e08000039"],
        ),
        (
            "Adult social care",
            "",
            [
                "glasgow-testing-for-care-home-visitors",
                {
                    "title": "Care home support teams",
                    "council": "various",
                    "summary": (
                        "Councils set up teams to help care homes with infection control, "
                        "staffing and PPE."
                    ),
                    "link": "https://www.local.gov.uk/",
                },
            ],
        ),
        ("Children and education", "", ["newcastle-digital-devices-for-pupils"]),
        (
            "Public health and vaccination",
            "<p>From contact tracing to vaccine uptake.</p>",
            [
                "ealing-covid-19-vaccine-working-group",
                "leeds-community-vaccine-champions",
                "cardiff-test-trace-protect",
            ],
        ),
        (
            "Business support",
            "",
            [
                "birmingham-business-grants-in-ten-days",
                "exeter-works-employment-advice-hub",
                "covid-business-support-e06000023",
            ],
        ),
        (
            "Volunteering and community hubs",
            "",
            [
                "wigan-community-hubs-during-lockdown",
                {
                    "title": "Supporting mutual aid groups",
                    "council": "various",
                    "summary": (
                        "Councils gave mutual aid groups small grants, DBS checks and a "
                        "contact in the council."
                    ),
                    "link": "https://www.local.gov.uk/",
                },
            ],
        ),
    ],
    "collections": [
        {
            "key": "testing",
            "title": "Testing case studies",
            "slug": "testing",
            "introduction": (
                "<p>How councils set up local testing: community venues, care homes "
                "and regional contact tracing.</p>"
            ),
            "themes": [
                (
                    "Community testing",
                    "",
                    [
                        "belfast-testing-in-community-venues",
                        "glasgow-testing-for-care-home-visitors",
                    ],
                ),
                ("Contact tracing", "", ["cardiff-test-trace-protect"]),
            ],
        },
    ],
}

INDEX = {
    "title": "Innovation in local government",
    "slug": "case-studies",
    "introduction": (
        "<p>Innovation in local government is about improving the lives of the "
        "people in our communities. Browse through our case studies to see the many "
        "innovative programmes councils are involved in.</p>"
    ),
    "submission_guidance": (
        "<p>If you have a case study you'd like to share here, please get in "
        "touch. Please use our case study template when submitting a case "
        "study.</p>"
    ),
    "covid_promo_text": (
        "Councils are doing remarkable work to address the challenges brought by "
        "coronavirus. Good council practice related to the COVID-19 outbreak can "
        "be found on our dedicated web hub."
    ),
}

# --- Welsh (cy) ----------------------------------------------------------------------------------
# The site runs in English and Welsh (settings.LANGUAGES). The Welsh library is a translation of
# the English one, made as an editor makes it with "Translate" (Wagtail's copy_for_translation):
# the home page, the hub and the submission page, the topics and support programmes (same slugs,
# so a filter means the same in both languages), and the case studies whose lead council is
# Welsh. Placeholders are those of the English text: {council} and {short} are the lead
# council's Welsh name and short name, the figures are the English case study's.

WELSH_LANGUAGE_CODE = "cy"

WELSH_TOPICS = {
    "Public health": ("Iechyd y cyhoedd", "Diogelu iechyd, atal salwch a brechu."),
    "Climate change": ("Newid hinsawdd", "Sero net, addasu ac adfer natur."),
    "Housing and planning": ("Tai a chynllunio", "Cartrefi, adfywio a'r system gynllunio."),
    "Economic growth": ("Twf economaidd", "Swyddi, sgiliau, canol trefi a chymorth i fusnesau."),
    "Adult social care": (
        "Gofal cymdeithasol i oedolion",
        "Gofal a chymorth i oedolion ac i ofalwyr.",
    ),
    "Children and education": (
        "Plant ac addysg",
        "Ysgolion, y blynyddoedd cynnar a gwasanaethau plant.",
    ),
    "Digital and cyber": ("Digidol a seiber", "Gwasanaethau digidol, data a seiberddiogelwch."),
    "Artificial intelligence": (
        "Deallusrwydd artiffisial",
        "Dysgu peirianyddol ac awtomeiddio yng ngwasanaethau'r cyngor.",
    ),
    "Culture and tourism": (
        "Diwylliant a thwristiaeth",
        "Llyfrgelloedd, amgueddfeydd, treftadaeth a'r economi ymwelwyr.",
    ),
    "Community safety": (
        "Diogelwch cymunedol",
        "Partneriaethau plismona, ymddygiad gwrthgymdeithasol a chydnerthedd.",
    ),
    "Waste and recycling": ("Gwastraff ac ailgylchu", "Casgliadau, gwaredu a'r economi gylchol."),
    "Governance and decision-making": (
        "Llywodraethu a gwneud penderfyniadau",
        "Penderfyniadau'r cabinet, craffu a thryloywder.",
    ),
}

WELSH_SUPPORT_TYPES = {
    "Behavioural Insights": (
        "Mewnwelediadau Ymddygiadol",
        "Treialon sy'n defnyddio gwyddor ymddygiad i wella gwasanaethau.",
    ),
    "One Public Estate": ("Un Ystâd Gyhoeddus", "Cyrff cyhoeddus yn cydweithio ar dir ac eiddo."),
    "Economic Growth Advisers": (
        "Cynghorwyr Twf Economaidd",
        "Cymorth arbenigol ar gyfer twf economaidd lleol.",
    ),
    "Productivity Experts": (
        "Arbenigwyr Cynhyrchiant",
        "Help arbenigol i ailgynllunio gwasanaethau ac arbed arian.",
    ),
    "Housing Advisers": (
        "Cynghorwyr Tai",
        "Cymorth i ddarparu cartrefi sy'n diwallu anghenion lleol.",
    ),
    "Planning Advisory Service": (
        "Gwasanaeth Cynghori ar Gynllunio",
        "Help i wasanaethau cynllunio cynghorau.",
    ),
    "Cyber Security Programme": (
        "Rhaglen Seiberddiogelwch",
        "Cyllid a chyngor i wneud cynghorau'n fwy cydnerth rhag ymosodiadau seiber.",
    ),
}

WELSH_INDEX = {
    "title": "Arloesi mewn llywodraeth leol",
    "introduction": (
        "<p>Mae arloesi mewn llywodraeth leol yn ymwneud â gwella bywydau'r bobl yn ein "
        "cymunedau. Porwch drwy ein hastudiaethau achos i weld y rhaglenni arloesol niferus "
        "y mae cynghorau'n rhan ohonynt.</p>"
    ),
    "submission_guidance": (
        "<p>Os oes gennych astudiaeth achos yr hoffech ei rhannu yma, cysylltwch â ni. "
        "Defnyddiwch ein templed astudiaeth achos wrth gyflwyno astudiaeth achos.</p>"
    ),
    "covid_promo_heading": "Astudiaethau achos COVID-19",
    "covid_promo_text": (
        "Mae cynghorau'n gwneud gwaith rhyfeddol i ymateb i'r heriau a ddaeth gyda'r "
        "coronafeirws. Mae arferion da cynghorau yn ystod COVID-19 ar ein hyb pwrpasol."
    ),
}

WELSH_HUB = {
    "title": "Astudiaethau achos COVID-19",
    "introduction": (
        "<p>Mae cynghorau wedi bod ar flaen y gad yn yr ymateb i bandemig COVID-19. Mae'r "
        "astudiaethau achos hyn yn rhannu arferion da cynghorau, er mwyn i eraill ddysgu "
        "ohonynt.</p>"
    ),
    "how_to_submit": (
        "<p>Os yw eich cyngor wedi gwneud rhywbeth y gallai eraill ddysgu ohono, anfonwch ef "
        "atom gan ddefnyddio'r templed astudiaeth achos.</p>"
    ),
    "collections": {
        "testing": {
            "title": "Astudiaethau achos profi",
            "introduction": (
                "<p>Sut y trefnodd cynghorau brofion lleol: lleoliadau cymunedol, cartrefi "
                "gofal ac olrhain cysylltiadau rhanbarthol.</p>"
            ),
        },
    },
}

WELSH_SUBMISSION_PAGE = {
    "title": "Cyflwyno astudiaeth achos",
    "introduction": (
        "<p>Cynghorau: dywedwch wrthym am eich gwaith gan ddefnyddio'r templed astudiaeth "
        "achos. Mae golygydd yn adolygu pob cyflwyniad cyn ei gyhoeddi.</p>"
    ),
    "thank_you_text": (
        "<p>Diolch. Byddwn mewn cysylltiad cyn i'ch astudiaeth achos gael ei chyhoeddi.</p>"
    ),
}

# Headings and fixed words of the optional blocks, as body_for writes them in English.
WELSH_BLOCK_WORDS = {
    "Key figures": "Ffigurau allweddol",
    "Key points": "Pwyntiau allweddol",
    "Action plan": "Cynllun gweithredu",
    "change in the headline measure": "newid yn y prif fesur",
    "teams or sites involved": "o dimau neu safleoedd yn rhan o'r gwaith",
    "We tested it small, listened to residents and staff, and only then rolled it out. That is "
    "why it has stuck.": (
        "Fe wnaethom ei brofi ar raddfa fach, gwrando ar breswylwyr a staff, a dim ond wedyn ei "
        "gyflwyno ym mhobman. Dyna pam mae wedi para."
    ),
}

# The Welsh text of a case study (by slug) or of an initiative (by key): every template section.
WELSH_CASE_STUDIES = {
    "cardiff-test-trace-protect": {
        "title": "Caerdydd: gwasanaeth Profi, Olrhain, Diogelu rhanbarthol",
        "summary": (
            "Fe wnaeth Caerdydd a Bro Morgannwg olrhain cysylltiadau ar gyfer 500,000 o bobl "
            "gydag un tîm rhanbarthol."
        ),
        "challenge": (
            "Roedd rhaid dechrau olrhain cysylltiadau o fewn wythnosau, gyda staff nad oedd "
            "erioed wedi gwneud y gwaith."
        ),
        "solution": (
            "Cafodd staff o'r llyfrgelloedd, y gwasanaeth parcio a chanolfannau hamdden eu "
            "hailhyfforddi i olrhain cysylltiadau, gyda chymorth swyddogion iechyd yr "
            "amgylchedd a'r bwrdd iechyd."
        ),
        "impact": "Cysylltwyd â dros 90% o achosion o fewn 24 awr.",
        "sustained": "Daeth y tîm yn wasanaeth diogelu iechyd y rhanbarth.",
        "lessons": (
            "Roedd staff y cyngor a symudwyd i'r gwaith yn dda am ei wneud am eu bod yn "
            "adnabod yr ardal."
        ),
    },
    "swansea-local-area-coordination": {
        "title": "Abertawe: cydlynu ardaloedd lleol",
        "summary": (
            "Mae cydlynwyr ardaloedd lleol Abertawe yn helpu pobl i ddod o hyd i gymorth yn eu "
            "cymuned cyn bod angen gwasanaethau'r cyngor arnynt."
        ),
        "challenge": (
            "Dim ond pan oedden nhw mewn argyfwng yr oedd pobl yn cyrraedd gofal cymdeithasol."
        ),
        "solution": (
            "Mae cydlynwyr sydd wedi'u lleoli mewn cymdogaethau yn cerdded ochr yn ochr â "
            "phobl, gan eu cysylltu â chymdogion, grwpiau a gwasanaethau."
        ),
        "impact": "Canfu gwerthusiad werth o £2 i £3 am bob £1 a wariwyd.",
        "sustained": "Mae cydlynwyr bellach yn gweithio ym mhob ardal o'r ddinas.",
        "lessons": (
            "Mesurwch yr hyn y mae pobl yn dweud sy'n bwysig iddyn nhw, nid defnydd o "
            "wasanaethau yn unig."
        ),
    },
    "food-waste-trial": {
        "title": "{short}: treialu casgliadau gwastraff bwyd wythnosol",
        "summary": (
            "Fe wnaeth {council} brofi casgliadau gwastraff bwyd wythnosol mewn {homes} o "
            "gartrefi cyn eu cyflwyno ym mhobman."
        ),
        "challenge": (
            "Roedd bwyd yn draean o'r bin gwastraff cyffredinol, ac roedd rheolau cenedlaethol "
            "newydd yn golygu bod casgliadau gwastraff bwyd ar y ffordd."
        ),
        "solution": (
            "Fe wnaeth treial chwe mis mewn {homes} o gartrefi brofi cadis, leinwyr, taflenni "
            "a diwrnodau casglu, gydag arolwg o breswylwyr."
        ),
        "impact": (
            "Cymerodd saith o bob deg cartref yn y treial ran, a gostyngodd y gwastraff "
            "cyffredinol {pct}%."
        ),
        "sustained": "Fe wnaeth canfyddiadau'r treial lunio'r gwasanaeth ar draws y sir.",
        "lessons": "Mae leinwyr am ddim yn bwysicach na thaflenni.",
    },
    "antisocial-behaviour-hub": {
        "title": "{short}: hyb ar y cyd i fynd i'r afael ag ymddygiad gwrthgymdeithasol",
        "summary": (
            "Mae {council}, yr heddlu a darparwyr tai yn rhannu un tîm i fynd i'r afael ag "
            "ymddygiad gwrthgymdeithasol."
        ),
        "challenge": (
            "Roedd preswylwyr yn rhoi gwybod am ymddygiad gwrthgymdeithasol i sawl asiantaeth "
            "ac yn cael eu pasio o un i'r llall."
        ),
        "solution": (
            "Mae hyb ar y cyd gyda staff y cyngor, yr heddlu a thai yn derbyn pob adroddiad, "
            "yn cytuno ar un arweinydd ac yn rhoi gwybod i'r preswylydd beth sy'n digwydd."
        ),
        "impact": ("Gostyngodd adroddiadau mynych {pct}%, a chododd bodlonrwydd preswylwyr."),
        "sustained": "Mae'r partneriaid yn ariannu'r hyb ar y cyd.",
        "lessons": "Un swyddog penodol ar gyfer pob achos sydd bwysicaf i breswylwyr.",
    },
}
