"""More English case studies: those sent in on the site's template, and those that arrive with
all of Word's mess (text boxes, tracked changes, content controls, pictures)."""

# ruff: noqa: E501

from __future__ import annotations

from tests.word_corpus.model import B, Contact, P, Q, T
from tests.word_corpus.stories_en import MORE as MORE_FROM_EN
from tests.word_corpus.stories_en import story

BANES = story(
    "banes-warm-spaces",
    "Bath and North East Somerset Council: a network of warm spaces",
    "Bath and North East Somerset worked with churches, libraries and community groups to open 70 warm spaces during the winter, with advice on energy bills in every one.",
    Contact(
        "Josie Whitmore",
        "Community Resilience Officer",
        "josie_whitmore@bathnes.gov.uk",
        "01225 394 041",
    ),
    ["Bath and North East Somerset Council"],
    ["Public health", "Housing"],
    challenge=[
        P(
            "As energy prices rose in 2022, advice services in Bath and North East Somerset saw record numbers of residents who could not afford to heat their homes, many of them older people living alone and families in private rented homes."
        ),
        P(
            "Community groups wanted to help but did not have the money or the advice to open their buildings safely through the winter."
        ),
    ],
    solution=[
        P(
            "We offered grants of up to £1,500 to any group that opened a warm space at least once a week, and produced a simple guide covering safeguarding, food hygiene and accessibility.",
            breaks=(
                "We offered grants of up to £1,500 to any group that opened a warm space at least once a week,",
                "and produced a simple guide covering safeguarding, food hygiene and accessibility.",
            ),
        ),
        P(
            "Energy advisers from the Centre for Sustainable Energy visited every warm space on a rota, and a single online map showed residents where and when each one was open."
        ),
        B("70 warm spaces in libraries, churches, pubs and community halls"),
        B("Free hot drinks and a meal in most of them"),
        B("Advisers on bills, benefits and draught-proofing"),
    ],
    impact=[
        P(
            "Warm spaces recorded 41,000 visits over the winter. Energy advisers saw 1,900 residents and helped them claim or save an average of £310 each."
        ),
        P(
            "Groups told us the warm spaces reduced loneliness as much as cold, and many plan to keep opening all year round."
        ),
    ],
    sustainability=[
        P(
            "The network continues as a year-round community spaces programme with a smaller grant pot, and the guide and map are maintained by the council's community engagement team."
        ),
    ],
    lessons_learned=[
        P("Simple grants and a simple guide let small groups say yes quickly."),
        P(
            "Bringing advice into spaces people already trust reaches residents who would never phone a helpline."
        ),
    ],
)

EAST_DEVON = story(
    "east-devon-temporary-accommodation",
    "East Devon District Council: buying homes for temporary accommodation",
    "East Devon bought 30 homes to use as temporary accommodation, ending the use of bed and breakfast for families and saving £420,000 a year.",
    Contact("Martin Yeo", "Housing Options Manager", "myeo@eastdevon.gov.uk", "01395 571 500"),
    ["East Devon District Council"],
    ["Housing"],
    challenge=[
        P(
            "The number of households in temporary accommodation in East Devon tripled in three years, and families were placed in bed and breakfast rooms along the coast, often miles from schools and work."
        ),
        P(
            "Spending on nightly paid accommodation reached £780,000 a year, with no asset to show for it."
        ),
    ],
    solution=[
        P(
            "We used right to buy receipts and borrowing to buy 30 former holiday lets and small houses in the main towns, and let them as temporary homes managed by our own housing team."
        ),
        P("Each family has a support worker who helps them find a settled home within six months."),
    ],
    impact=[
        P(
            "No family has been placed in bed and breakfast since the homes were bought. The council saves £420,000 a year on nightly paid accommodation, and the homes have risen in value."
        ),
        P(
            "Families stay in their children's schools and close to work, and the average time in temporary accommodation has fallen from eleven to five months."
        ),
    ],
    sustainability=[
        P(
            "The homes are held in the housing revenue account and rents cover borrowing costs. A second phase of 20 homes has been approved."
        ),
    ],
    lessons_learned=[
        P(
            "Do the financial modelling carefully and early so that members can see the long-term savings."
        ),
        P("Buying homes is quicker than building them when the need is urgent."),
    ],
)

NORTH_NORFOLK = story(
    "north-norfolk-coastal-transition",
    "North Norfolk District Council: helping communities adapt to coastal erosion",
    "North Norfolk worked with residents in two villages at risk from erosion to plan for the future, rolling back homes and a road from the cliff edge.",
    Contact("Rob Goodliffe", "Coastal Transition Manager", "rob.goodliffe@north-norfolk.gov.uk"),
    ["North Norfolk District Council", "Norfolk County Council"],
    ["Climate change"],
    challenge=[
        P(
            "Parts of the North Norfolk coast are losing several metres of cliff a year. In Happisburgh and Trimingham homes, a car park and a road were at risk within twenty years, and there was no national scheme to help communities move back from the edge."
        ),
    ],
    solution=[
        P(
            "Using funding from the coastal transition accelerator programme, we worked with residents to produce a plan for each village, including buying homes at risk, relocating the road and creating new homes further inland."
        ),
        P("Residents chose the sites for new homes and agreed which facilities should move first."),
        T(
            (
                ("Item", "Number", "Cost"),
                ("Homes bought and demolished before loss", "9", "£1.2m"),
                ("New homes built inland", "12", "£3.4m"),
                ("Road relocated", "800 metres", "£2.1m"),
            )
        ),
    ],
    impact=[
        P(
            "Nine homes at immediate risk have been bought and their owners rehoused. Twelve new homes are being built inland, and a section of road has been moved, keeping the villages connected."
        ),
        P(
            "Residents say they feel in control of what happens, and the approach is being used by other councils on the east coast."
        ),
    ],
    sustainability=[
        P(
            "The coastal transition plan is part of the local plan, and a coastal transition fund will continue to buy homes as the risk changes."
        ),
    ],
    lessons_learned=[
        P("Plan with residents, not for them; it takes longer but the plan lasts."),
        P("Act before homes fall into the sea, while there are still choices to make."),
    ],
)

KINGS_LYNN = story(
    "kings-lynn-town-deal",
    "Borough Council of King's Lynn and West Norfolk: a town deal for the riverfront",
    "King's Lynn used its town deal to bring derelict riverside buildings back into use as a learning centre, workspace and homes, with £25m of investment.",
    Contact(
        "Duncan Hall",
        "Regeneration Programmes Manager",
        "duncan.hall@west-norfolk.gov.uk",
        "01553 616 200",
    ),
    ["Borough Council of King's Lynn and West Norfolk"],
    ["Economic growth"],
    key_points=[
        B("£25m town deal for the historic riverfront"),
        B("Derelict warehouses brought back into use as workspace"),
        B("A new learning centre run with the college"),
    ],
    challenge=[
        P(
            "The historic riverfront of King's Lynn had some of the town's finest buildings, but many stood empty and the area was cut off from the town centre by a busy road."
        ),
        P(
            "Skills levels in the borough were below the national average, and young people left the town to study."
        ),
    ],
    solution=[
        P(
            "With the town deal board, we drew up a plan for the riverfront: a learning centre run with the college, workspace for small businesses in restored warehouses, and a new walking route from the town centre."
        ),
        P(
            "Local people helped choose the projects at public events and online, and the plan was agreed with Historic England."
        ),
        Q(
            '"The riverfront is where the town began, and now it is where its future is being built," said Councillor Jo Rust, Cabinet Member for Regeneration.'
        ),
    ],
    impact=[
        P(
            "Work has begun on all of the projects. The restored warehouses have 24 business units, of which 20 are let, and 12k square feet of new workspace is expected to support 150 jobs."
        ),
        T(
            (
                ("Project", "Investment"),
                ("Learning centre with the college", "£9.6m"),
                ("Riverfront workspace", "£7.2m"),
                ("Walking and cycling route", "£3.1m"),
            )
        ),
    ],
    sustainability=[
        P(
            "The council will own and manage the workspace, with rents covering running costs, and the town deal board continues to oversee the programme."
        ),
    ],
    lessons_learned=[
        P("Heritage buildings take longer and cost more; build in contingency from the start."),
        P(
            "Keep local people involved after the consultation, through open days and regular updates."
        ),
    ],
)

WEST_OXON = story(
    "west-oxfordshire-retrofit-advice",
    "West Oxfordshire District Council: one-stop retrofit advice for homeowners",
    "West Oxfordshire offers homeowners a free home energy survey, a list of trusted installers and low-interest loans, and has helped 800 households improve their homes.",
    Contact("Harriet Blake", "Climate Action Officer", "harriet.blake@westoxon.gov.uk"),
    ["West Oxfordshire District Council"],
    ["Climate change", "Housing"],
    challenge=[
        P(
            "Homes account for more than a third of West Oxfordshire's carbon emissions, and many are old stone cottages that are hard to insulate. Homeowners told us they did not know where to start or which installers to trust."
        ),
    ],
    solution=[
        P(
            "We set up a one-stop service with a local energy charity. Homeowners get a free survey and a plan for their home, a list of accredited installers and access to low-interest loans.",
            breaks=(
                "We set up a one-stop service with a local energy charity.",
                "Homeowners get a free survey and a plan for their home, a list of accredited installers and access to low-interest loans.",
            ),
        ),
        P("Advisers stay in touch through the work and check the results afterwards."),
    ],
    impact=[
        P(
            "Eight hundred households have had a survey and 310 have completed improvements, saving an average of £12,500 over the life of the measures and 1.4 tonnes of carbon a year each."
        ),
    ],
    sustainability=[
        P(
            "The service is funded by the council's climate budget and a charge paid by installers on the trusted list."
        ),
    ],
    lessons_learned=[
        P("People need a trusted adviser more than a grant."),
        P("Old homes need specialist advice; generic advice can do harm."),
    ],
)

MID_DEVON = story(
    "mid-devon-garden-village",
    "Mid Devon District Council: planning a garden village with the community",
    "Mid Devon is planning Culm Garden Village with residents, landowners and infrastructure providers, so that schools, roads and health services arrive with the homes.",
    Contact(
        "Jenny Clifford",
        "Head of Planning, Economy and Regeneration",
        "jclifford@middevon.gov.uk",
        "01884 255 255",
    ),
    ["Mid Devon District Council"],
    ["Housing", "Economic growth"],
    key_points=[
        B("Up to 5,000 homes planned over 30 years"),
        B("Schools and a motorway junction funded before the first homes"),
    ],
    challenge=[
        P(
            "Mid Devon needs new homes, but residents in Cullompton were worried that development would come without the roads, schools and GP services to support it, as had happened before."
        ),
    ],
    solution=[
        P(
            "We secured garden village status and government funding, and worked with residents, landowners, the county council and the NHS on a masterplan and a delivery plan."
        ),
        P("A community panel meets monthly to review progress and has a say on design codes."),
    ],
    impact=[
        P(
            "The masterplan has been adopted, £35m has been secured for a new motorway junction and relief road, and the first primary school is funded. Residents' satisfaction with the council's approach to development rose from 31 to 54 per cent."
        ),
    ],
    sustainability=[
        P(
            "A delivery team will stay in place for the life of the project, funded by planning fees and government grants."
        ),
    ],
    lessons_learned=[
        P("Infrastructure first is what residents want to see; plan the money for it early."),
        P("Give the community panel real decisions to make."),
    ],
)

NORTH_LINCS = story(
    "north-lincolnshire-steel-skills",
    "North Lincolnshire Council: skills for the steel transition",
    "North Lincolnshire worked with employers and colleges to retrain steelworkers for green industries, helping 400 people move into new jobs.",
    Contact(
        "Dean Walsh",
        "Skills and Employment Manager",
        "dean.walsh@northlincs.gov.uk",
        "01724 297 000",
    ),
    ["North Lincolnshire Council"],
    ["Economic growth", "Workforce"],
    challenge=[
        P(
            "Thousands of jobs in North Lincolnshire depend on the Scunthorpe steelworks, and changes to the industry put many of them at risk. Workers had skills that were in demand elsewhere but no clear route into new industries."
        ),
    ],
    solution=[
        P(
            "We set up a skills hub with the college, the university and employers in energy, logistics and manufacturing, offering short courses, careers advice and job matching.",
            breaks=(
                "We set up a skills hub with the college, the university and employers in energy, logistics and manufacturing,",
                "offering short courses, careers advice and job matching.",
            ),
        ),
        P(
            "The hub is open in the evenings and at weekends so that people can use it while still in work."
        ),
    ],
    impact=[
        P(
            "Four hundred people have moved into new jobs, and 1,100 have completed courses. The programme cost £1.2m and is estimated to have added £8m to the local economy in wages."
        ),
    ],
    sustainability=[
        P(
            "Employers fund places on courses, and the hub is part of the council's economic growth plan."
        ),
    ],
    lessons_learned=[
        P("Start before the redundancies; people make better choices when they are not in crisis."),
        P("Employers must be involved in designing the courses."),
    ],
)


MORE = {
    "north-lincolnshire-steel-skills": {
        "challenge": [
            P(
                "Many steelworkers had been with the same employer for decades, had never written a CV and did not hold formal qualifications for skills they used every day."
            ),
        ],
        "solution": [
            P(
                "Advisers from the hub held sessions in the works canteen at shift change, and trade unions helped us reach members who were nervous about being seen to look for other work."
            ),
            P(
                "Short courses cover welding to offshore standards, electrical safety, heavy goods vehicle licences and project management, each designed with employers who have vacancies."
            ),
        ],
        "impact": [
            P(
                "Employers in the energy sector say the hub has become their first stop for recruitment, and average wages for people moving into new jobs were higher than in their previous roles."
            ),
        ],
    },
    "west-oxfordshire-retrofit-advice": {
        "challenge": [
            P(
                "Some homeowners had already paid for work that caused damp in solid stone walls, and the bad experiences spread by word of mouth through villages."
            ),
        ],
        "solution": [
            P(
                "Installers on the trusted list must show experience with traditional buildings, and the advisers review every quote before work starts if the homeowner asks them to."
            ),
        ],
        "impact": [
            P(
                "Satisfaction with the service is high, with 94 per cent of homeowners saying they would recommend it, and installers report that customers referred by the service are better prepared and easier to work with."
            ),
        ],
        "sustainability": [
            P(
                "We are now extending the service to small landlords, who own a large share of the district's least efficient homes."
            ),
        ],
    },
    "east-devon-temporary-accommodation": {
        "solution": [
            P(
                "The homes are spread across Exmouth, Honiton and Axminster so that families can stay near their schools and work, and each one is furnished and ready to move into at short notice."
            ),
        ],
    },
    "north-norfolk-coastal-transition": {
        "challenge": [
            P(
                "Homeowners at risk could not sell or insure their homes, and many were elderly residents who had lived in the villages all their lives and did not want to leave."
            ),
        ],
        "impact": [
            P(
                "The council's approach has informed national policy on coastal adaptation, and officers have advised councils in Yorkshire and Suffolk."
            ),
        ],
    },
    "mid-devon-garden-village": {},
    "kings-lynn-town-deal": {},
    "banes-warm-spaces": {},
}

for _story in (BANES, EAST_DEVON, NORTH_NORFOLK, KINGS_LYNN, WEST_OXON, MID_DEVON, NORTH_LINCS):
    for _more in (MORE, MORE_FROM_EN):
        for _key, _blocks in _more.get(_story.key, {}).items():
            _story.sections.setdefault(_key, []).extend(_blocks)
