"""English case studies, as councils tell them: the content only. How each is typed into Word is
decided in ``tests/word_corpus/__init__.py``. The councils are named as the register names them;
the people, figures and email addresses are made up."""

# ruff: noqa: E501  (prose reads better unbroken)

from __future__ import annotations

from tests.word_corpus.model import B, Contact, N, P, Q, Story, T


def story(
    key, title, summary, contact, councils, topics, language="en", partners=(), **sections
) -> Story:
    return Story(
        key=key,
        language=language,
        title=title,
        summary=summary,
        sections=sections,
        contact=contact,
        councils=list(councils),
        topics=list(topics),
        partners=list(partners),
    )


KENT = story(
    "kent-digital-front-door",
    "Kent County Council: a digital front door for adult social care",
    "Kent redesigned how residents first ask for help with care, so that most people now get advice or a service without waiting for an assessment.",
    Contact(
        "Priya Natarajan",
        "Head of Adult Social Care Transformation",
        "priya.natarajan@kent.gov.uk",
        "03000 416 222",
    ),
    ["Kent County Council"],
    ["Adult social care", "Digital"],
    challenge=[
        P(
            "Every month around 9,000 people contacted the council about adult social care, most of them by telephone. Callers waited on average 14 minutes to get through, and almost half of all contacts were passed to a social worker for an assessment that often ended in advice the contact centre could have given on the first day."
        ),
        P(
            "Staff told us the process felt like a funnel that only had one exit. Residents with simple needs, such as a grab rail or a blue badge question, queued behind people in crisis, and the waiting list for assessments had grown to more than 1,100 people by the spring of 2022."
        ),
    ],
    solution=[
        P(
            "We set up a small multidisciplinary team of social workers, occupational therapists, contact centre advisers and a user researcher, and gave them twelve weeks to test a new front door with real residents."
        ),
        P(
            "The team rebuilt the online self-assessment so that it asks plain questions in the order people think about their situation, and links straight to equipment, carers' support and community groups where those are the answer."
        ),
        B(
            "A call-back promise: anyone who starts online and gets stuck is phoned within one working day."
        ),
        B(
            "Advisers can book a same-day conversation with a therapist instead of opening a referral."
        ),
        B(
            "Community navigators in the twelve districts take the referrals that need a local answer."
        ),
    ],
    impact=[
        P(
            "In the first nine months the share of contacts resolved at the first point of contact rose from 38 per cent to 61 per cent, and the assessment waiting list fell to 420 people."
        ),
        P(
            "Average waiting time on the telephone fell to under four minutes. We estimate the avoided assessments are worth around £640,000 a year in practitioner time, which has been reinvested in reviews for people with complex needs."
        ),
    ],
    sustainability=[
        P(
            "The front door is now the standard model across the county and is written into the adult social care strategy for 2023 to 2026. The user researcher post has been made permanent and the team reviews the online journey every quarter with a panel of residents and carers."
        ),
    ],
    lessons_learned=[
        P(
            "Test with residents from the first week, not after the design is finished; the most useful changes came from watching people fill in the old form at their kitchen tables."
        ),
        P(
            "Give front-line staff permission to resolve things there and then, and back that permission with quick access to a therapist or social worker when they are unsure."
        ),
    ],
)

WIGAN = story(
    "wigan-community-hubs",
    "Wigan Council: community hubs that keep people well",
    "Wigan turned seven council buildings into community wellbeing hubs run with local groups, reducing repeat GP visits and isolation among older residents.",
    Contact("Gareth Lowe", "Community Wellbeing Manager", "g.lowe@wigan.gov.uk", "01942 489 013"),
    ["Wigan Council"],
    ["Public health"],
    challenge=[
        P(
            "Wigan has some of the highest rates of loneliness among older residents in Greater Manchester, and GPs in three of our neighbourhoods told us that a fifth of their appointments were with people whose main need was social rather than medical."
        ),
        P(
            "At the same time the council owned a number of libraries, day centres and offices that were open only part of the week and cost more than £900,000 a year to run."
        ),
    ],
    solution=[
        P(
            "Working with the voluntary sector infrastructure body and the primary care networks, we brought services into seven buildings and opened them six days a week as wellbeing hubs."
        ),
        P(
            "Each hub has a social prescribing link worker, a welfare rights adviser, a library service and a timetable of activities run by local groups, from walking football to a men's shed."
        ),
        Q(
            '"People come in for a coffee and leave with a benefits check, a walking group and a new friend," said Shirley Adams, who volunteers at the Hindley hub.'
        ),
    ],
    impact=[
        P(
            "In the first year the hubs recorded 48,000 visits. Among 600 residents referred by their GP, surgery attendances fell by 23 per cent over six months compared with the six months before referral."
        ),
        B("£310,000 a year saved by closing two buildings that were no longer needed"),
        B("1,200 welfare rights cases, bringing £2.1m of unclaimed benefits to local households"),
        B("41 community groups now running regular sessions from a hub"),
    ],
    sustainability=[
        P(
            "The hubs are funded jointly by the council and the integrated care board under a three-year agreement, and community groups pay a peppercorn rent in return for running sessions that are free to residents."
        ),
    ],
    lessons_learned=[
        P(
            "Let the community groups shape the timetable; the sessions we planned centrally were the least well attended."
        ),
        P(
            "Agree the measures with GPs at the start, so that they see the hubs as part of their own work rather than another referral route."
        ),
    ],
)

LEEDS = story(
    "leeds-home-plus",
    "Leeds City Council: Home Plus gets people home from hospital",
    "Leeds joined up home adaptations, handyperson repairs and hospital discharge so that older people can leave hospital sooner to homes that are safe and warm.",
    Contact("Hannah Okafor", "Service Manager, Home Plus", "hannah.okafor@leeds.gov.uk"),
    ["Leeds City Council"],
    ["Housing", "Adult social care"],
    challenge=[
        P(
            "Hospital discharge teams in Leeds regularly found that patients who were medically fit could not go home because the home itself was the problem: steep stairs, no heating, or clutter that made it unsafe to use a frame."
        ),
        P(
            "Repairs, adaptations and heating grants were run by three different services with separate forms, and a typical case needed four referrals before anything happened at the house."
        ),
    ],
    solution=[
        P(
            "We created Home Plus, a single service with one referral form that the hospital, GPs, social workers and residents themselves can use."
        ),
        P(
            "A caseworker visits within 48 hours of a referral from hospital and can order minor works, a deep clean, a key safe or a temporary heater on the spot, with larger adaptations following through the disabled facilities grant."
        ),
        P(
            "The service is delivered with Care and Repair Leeds and the two hospital trusts, and the caseworkers sit with the discharge hubs three days a week."
        ),
    ],
    impact=[
        P(
            "Delays in discharge caused by housing fell from an average of nine days to three. Over the last year 1,450 people were helped home, and 86 per cent were still living independently six months later."
        ),
        T(
            (
                ("Measure", "Before Home Plus", "After one year"),
                ("Average housing delay in days", "9", "3"),
                ("Referrals needed per case", "4", "1"),
                ("People helped home", "610", "1,450"),
            )
        ),
    ],
    sustainability=[
        P(
            "Home Plus is funded through the Better Care Fund and the disabled facilities grant, with a pooled budget agreed by the council and the NHS until 2026. The single referral form has become the standard way into all housing help for older people in the city."
        ),
    ],
    lessons_learned=[
        B(
            "Put housing caseworkers where the discharge decisions are made, not at the end of a referral chain."
        ),
        B("Small jobs done in a day unlock more discharges than large adaptations done in months."),
        B(
            "Share the data on delays every week so that both hospitals and council see the same picture."
        ),
    ],
)

CORNWALL = story(
    "cornwall-library-makerspaces",
    "Cornwall Council: makerspaces in rural libraries",
    "Cornwall added small makerspaces to nine rural libraries, giving young people and small businesses access to 3D printers, laser cutters and coding clubs close to home.",
    Contact(
        "Tamsin Pascoe",
        "Library Development Officer",
        "tamsin.pascoe@cornwall.gov.uk",
        "01872 322 480",
    ),
    ["Cornwall Council"],
    ["Culture and libraries", "Digital"],
    challenge=[
        P(
            "Many of Cornwall's market towns are more than an hour by bus from the nearest college or digital hub. Young people told us there was nowhere to try out design or engineering outside school, and small makers had to travel to Plymouth or Exeter to prototype a product."
        ),
        P(
            "Visits to our rural libraries had fallen by a third over ten years, and town councils were asking whether the buildings still had a future."
        ),
    ],
    solution=[
        P(
            "With funding from the shared prosperity fund, we converted a corner of nine libraries into makerspaces, each with a 3D printer, a vinyl cutter, a sewing machine and a set of laptops with design software."
        ),
        P(
            "Library staff were trained by Falmouth University to run beginners' sessions, and volunteers from local businesses run a weekly coding club for 10 to 16 year olds."
        ),
        B("Open access sessions on Saturdays for anyone with a library card"),
        B("Booked sessions for small businesses at £12 an hour"),
        B("School holiday challenges set with local employers"),
    ],
    impact=[
        P(
            "In the first 18 months the makerspaces were used 7,300 times. Library visits in the nine towns rose by 27 per cent and 140 young people completed a coding club course, 30 of them going on to a digital apprenticeship or college place."
        ),
        P(
            "Small businesses booking sessions generated £18,400 of income, which pays for materials and maintenance."
        ),
    ],
    sustainability=[
        P(
            "Income from business bookings and a small charge for materials cover the running costs. Town councils in four of the towns now contribute to staff hours, and the library service has written makerspaces into its ten-year plan."
        ),
    ],
    lessons_learned=[
        P(
            "Start with what people in the town want to make: the sewing machines were busier than the laser cutters."
        ),
        P(
            "Staff confidence matters more than the equipment, so budget for training before buying kit."
        ),
    ],
)

ESSEX = story(
    "essex-care-technology",
    "Essex County Council: care technology as the first offer",
    "Essex made care technology part of every care assessment, helping 9,000 people stay independent and delaying the need for home care.",
    Contact("Daniel Frost", "Care Technology Lead", "daniel.frost@essex.gov.uk", "0333 013 2470"),
    ["Essex County Council"],
    ["Adult social care", "Digital"],
    challenge=[
        P(
            "Demand for home care in Essex was rising by around six per cent a year, and providers could not recruit enough carers to meet it, particularly in the rural north of the county."
        ),
        P(
            "Care technology such as falls sensors and medication dispensers was available, but fewer than one in ten assessments considered it, and most practitioners saw it as an add-on for people who already had care."
        ),
    ],
    solution=[
        P(
            "We commissioned a partner to run a care technology service that any practitioner can refer to in two minutes, with installation within three days and a response service around the clock."
        ),
        P(
            "Every new assessment now asks whether technology could meet part or all of the need before a package of care is considered, and occupational therapists in each locality act as champions who coach colleagues."
        ),
        P(
            "We trialled new kit with small groups before rolling it out, including smart plugs that alert family members when a kettle has not been used by mid-morning."
        ),
    ],
    impact=[
        P(
            "More than 9,000 people now use care technology. For people whose assessment led to technology first, the start of home care was delayed by an average of 11 months."
        ),
        P(
            "The independent evaluation estimated net savings of £4.8m in the second year, after the cost of the service, and 91 per cent of users said they felt safer at home."
        ),
    ],
    sustainability=[
        P(
            "The service is commissioned on a seven-year contract with the savings tracked each quarter by finance and adult social care together. Care technology is part of the induction for every new practitioner."
        ),
    ],
    lessons_learned=[
        P(
            "Practitioners trust what they have seen work, so share individual stories as well as the figures."
        ),
        P(
            "Make referral easier than not referring: a two-minute form changed behaviour more than any policy."
        ),
        P("Involve families early, because they are often the ones who respond to an alert."),
    ],
)

CAMDEN = story(
    "camden-climate-assembly",
    "London Borough of Camden: a citizens' assembly on the climate crisis",
    "Camden asked a representative group of residents to recommend how the borough should respond to the climate emergency, and built its climate action plan on their proposals.",
    Contact("Ruth Abebe", "Climate Engagement Manager", "ruth.abebe@camden.gov.uk"),
    ["London Borough of Camden"],
    ["Climate change"],
    key_points=[
        B("Fifty residents chosen by lottery to reflect the borough"),
        B("Seventeen recommendations, all taken into the climate action plan"),
        B("Carbon emissions from council buildings down 43 per cent since 2019"),
    ],
    local_context=[
        P(
            "Camden is a dense inner London borough of 280,000 people, with a high share of private renters and many listed buildings that are hard to insulate."
        ),
    ],
    challenge=[
        P(
            "After declaring a climate emergency the council needed a plan that residents would support, including choices about streets, homes and spending that would affect people's daily lives."
        ),
        P(
            "Previous consultations had mostly heard from the same small group of engaged residents, and younger people and social tenants were under-represented."
        ),
    ],
    solution=[
        P(
            "We held the UK's first council-run citizens' assembly on the climate crisis. Fifty residents, chosen by lottery to match the borough's population, met over three weekends to hear from experts and from each other."
        ),
        P(
            "Participants were paid for their time and offered childcare, and sessions were facilitated by an independent organisation so that the council did not steer the discussion."
        ),
    ],
    impact=[
        P(
            "The assembly made 17 recommendations, from a community energy fund to car-free school streets. All of them were adopted in the climate action plan, and the council reports progress on each one to the assembly members every year."
        ),
        P(
            "Emissions from council buildings have fallen by 43 per cent since 2019, and a community energy fund has installed solar panels on 30 estates."
        ),
    ],
    sustainability=[
        P(
            "A standing climate panel of residents now reviews the action plan each year, and deliberative methods are used for other decisions, including the borough's approach to the cost of living."
        ),
    ],
    lessons_learned=[
        P(
            "Pay people and remove barriers to taking part, otherwise the assembly will not look like the borough."
        ),
        P("Commit in advance to respond to every recommendation, and then do so publicly."),
    ],
)

BRISTOL = story(
    "bristol-lateral-flow",
    "Bristol City Council: community testing that went to people",
    "Bristol took rapid COVID-19 testing to workplaces, mosques and markets with community partners, reaching residents who were least likely to use test sites.",
    Contact(
        "Nadia Rahman",
        "Consultant in Public Health",
        "nadia.rahman@bristol.gov.uk",
        "0117 922 2500",
    ),
    ["Bristol City Council"],
    ["COVID-19", "Public health"],
    challenge=[
        P(
            "In early 2021 take-up of rapid testing in Bristol was lowest in the wards with the highest rates of infection, where many residents worked in jobs that could not be done from home."
        ),
        P(
            "Fixed test sites in the city centre were busy with people who could easily travel to them, but hardly used by shift workers, people who did not speak English as a first language and people without a car."
        ),
    ],
    solution=[
        P(
            "We replaced two fixed sites with four mobile testing teams that went to where people already were: factory canteens at shift change, Friday prayers, the Saturday market and school gates."
        ),
        P(
            "Community organisations recruited and trained 60 testing champions who spoke eleven languages between them, and who explained testing and isolation support in their own words."
        ),
    ],
    impact=[
        P(
            "Mobile teams carried out 38,000 tests in six months, two thirds of them in the city's most deprived wards. Positive cases found through mobile testing were twice as likely to be among people who had never been tested before."
        ),
        P(
            "Applications for isolation support payments from the target wards trebled, which we believe helped more people to isolate."
        ),
    ],
    sustainability=[
        P(
            "The testing champions network now supports vaccination, health checks and cost of living advice, funded through the public health grant."
        ),
    ],
    lessons_learned=[
        P(
            "Trusted messengers matter more than the message; community partners should be paid and involved in planning."
        ),
        P("Go to people at times that suit them, even if that means early mornings and weekends."),
    ],
)

MANCHESTER = story(
    "manchester-rough-sleeping",
    "Manchester City Council: a bed every night for people sleeping rough",
    "Manchester's A Bed Every Night partnership offers emergency accommodation and support to anyone sleeping rough, and has helped more than 4,000 people into settled homes.",
    Contact("Marcus Doyle", "Strategic Lead for Homelessness", "marcus.doyle@manchester.gov.uk"),
    ["Manchester City Council"],
    ["Housing"],
    challenge=[
        P(
            "The number of people sleeping rough in Manchester rose tenfold between 2010 and 2017. Shelters were full most nights, and many people slept out because they had a dog, a partner or a history that shut them out of hostels."
        ),
        P(
            "Services were spread across the city and did not share information, so people told their story many times before getting help."
        ),
    ],
    solution=[
        P(
            "The council, the combined authority, faith groups and charities agreed a simple promise: anyone sleeping rough can have a bed tonight, with no conditions except respect for others."
        ),
        P(
            "We opened a mix of small shelters, hotel rooms and supported flats, with space for couples and pets, and a shared case management system so that workers in any service can see a person's plan."
        ),
        P(
            "Each person is given a named worker who helps with benefits, health and a move into a settled home."
        ),
    ],
    impact=[
        P(
            "Since it started, the scheme has supported more than 10,000 people, and over 4,000 have moved on to settled accommodation. Rough sleeping counts in the city fell by 57 per cent between 2018 and 2022."
        ),
        P(
            "Hospital admissions among people using the scheme fell, and the partnership estimates savings to public services of around £1.2m a year."
        ),
    ],
    sustainability=[
        P(
            "The scheme is funded jointly by the council, the combined authority and the government's rough sleeping initiative, and is part of the city's homelessness strategy until 2027."
        ),
    ],
    lessons_learned=[
        P(
            "Remove the rules that keep people out: allowing pets and couples brought in people who had refused every other offer."
        ),
        P("Shared information saves time for staff and spares people from retelling their trauma."),
    ],
)

NORFOLK = story(
    "norfolk-electric-fleet",
    "Norfolk County Council: electrifying the council fleet",
    "Norfolk replaced 120 diesel vans and pool cars with electric vehicles, cutting fleet emissions by a third and running costs by £210,000 a year.",
    Contact(
        "Oliver Pike", "Fleet and Transport Manager", "oliver.pike@norfolk.gov.uk", "01603 223 940"
    ),
    ["Norfolk County Council"],
    ["Climate change", "Transport"],
    challenge=[
        P(
            "The council's fleet of around 400 vehicles was the largest single source of its direct carbon emissions after buildings, and many vans were more than ten years old and due for replacement."
        ),
        P(
            "Managers worried that electric vans would not cope with long rural journeys, and there were almost no public chargers in the west of the county."
        ),
    ],
    solution=[
        P(
            "We analysed a year of telematics data for every vehicle and found that 70 per cent of journeys were under 60 miles a day, well within the range of current electric vans."
        ),
        P(
            "We installed 96 charge points at 14 council depots and offices, replaced 120 vehicles in the first phase and gave drivers hands-on training and a charging card for longer trips."
        ),
    ],
    impact=[
        P(
            "Fleet emissions fell by 34 per cent in two years. Fuel and maintenance savings come to £210,000 a year, so the extra cost of the vehicles is paid back within their working life."
        ),
        P(
            "Drivers reported that the vans were quieter and easier to drive, and breakdowns fell by half."
        ),
    ],
    sustainability=[
        P(
            "All new cars and small vans will be electric from 2024 under the fleet replacement policy, and the charging network is being opened to partner organisations to share the cost."
        ),
    ],
    lessons_learned=[
        P("Use real journey data rather than assumptions; it answered most of the objections."),
        P("Put the chargers in first and train drivers before the vehicles arrive."),
    ],
)

SUNDERLAND = story(
    "sunderland-smart-city",
    "Sunderland City Council: full-fibre and 5G for a smart city",
    "Sunderland built a city-wide full-fibre and 5G network with a private partner, connecting every school and care home and attracting new digital businesses.",
    Contact("Liam Carr", "Smart City Programme Director", "liam.carr@sunderland.gov.uk"),
    ["Sunderland City Council"],
    ["Digital", "Economic growth"],
    challenge=[
        P(
            "Only 6 per cent of premises in Sunderland could get full-fibre broadband in 2019, well below the national average. Businesses cited connectivity as a reason not to locate in the city, and care providers could not use the technology they wanted to."
        ),
        P(
            "The council wanted to use sensors and data to manage traffic, street lighting and flooding, but had no network to carry them."
        ),
    ],
    solution=[
        P(
            "We entered a 20-year partnership with a digital infrastructure company to build a full-fibre and 5G network across the city, using council ducts, lamp posts and buildings to keep costs down."
        ),
        P(
            "The first phase connected every school, library and council building, followed by care homes and the city centre, and then homes across the city."
        ),
        B("Assistive technology trials in 15 care homes"),
        B("Smart sensors on gully covers to predict flooding"),
        B("Free public wifi in the city centre and on the seafront"),
    ],
    impact=[
        P(
            "Full-fibre coverage has risen to 85 per cent of premises. Forty new digital businesses have moved to the city, and the council expects the network to bring in £2.1m a year in income from the partnership by 2027."
        ),
        P("In care homes, acoustic monitoring at night reduced falls by 19 per cent in the trial."),
    ],
    sustainability=[
        P(
            "The partnership contract shares income between the council and the company, and a city-wide digital strategy, agreed with the university and the NHS trust, sets out the uses the network will support."
        ),
    ],
    lessons_learned=[
        P(
            "Councils own assets that network builders need; use them to get a better deal for residents."
        ),
        P(
            "Start with a clear list of public services that will use the network so that it is more than infrastructure."
        ),
    ],
)

PLYMOUTH = story(
    "plymouth-food-waste",
    "Plymouth City Council: a weekly food waste collection that residents use",
    "Plymouth introduced weekly food waste collections and redesigned its communications with residents, lifting recycling rates from 34 to 42 per cent in a year.",
    Contact("Jenna Hart", "Waste Strategy Officer", "jenna.hart@plymouth.gov.uk", "01752 668 000"),
    ["Plymouth City Council"],
    ["Waste and recycling", "Climate change"],
    challenge=[
        P(
            "Around a third of what Plymouth households put in their black bins was food waste, costing the council £1.9m a year in disposal and producing methane when it reached landfill."
        ),
        P(
            "An earlier trial of food waste caddies had failed because residents did not know what to put in them and crews were not given time to collect them."
        ),
    ],
    solution=[
        P(
            "We redesigned the rounds so that a separate small vehicle collects food waste weekly, while general waste moved to fortnightly collections. Every household received a kitchen caddy, an outdoor bin and a year's supply of liners."
        ),
        P(
            "Behavioural insights shaped the leaflets and bin stickers: a simple picture of what goes in, a message about the local anaerobic digestion plant, and a note on the bin when it was used correctly."
        ),
    ],
    impact=[
        P(
            "In the first year 9,400 tonnes of food waste were collected and turned into energy. The recycling rate rose from 34 to 42 per cent and disposal costs fell by £620,000."
        ),
        P(
            "Complaints about missed collections fell after the first three months as crews settled into the new rounds."
        ),
    ],
    sustainability=[
        P(
            "The service is now part of the council's waste strategy and is funded from the disposal savings. New build homes are given caddies when they are first occupied."
        ),
    ],
    lessons_learned=[
        P(
            "Change the residual bin frequency at the same time as you introduce food waste, or people will not change their habits."
        ),
        P("Thank people on their bins: positive feedback worked better than warnings."),
    ],
)

BARNSLEY = story(
    "barnsley-apprenticeships",
    "Barnsley Council: growing its own workforce through apprenticeships",
    "Barnsley used its apprenticeship levy to train 500 staff and local young people in hard-to-fill roles, from social work to engineering.",
    Contact("Kelly Marsh", "Workforce Development Manager", "kellymarsh@barnsley.gov.uk"),
    ["Barnsley Council"],
    ["Workforce", "Economic growth"],
    challenge=[
        P(
            "The council was paying over £1m a year into the apprenticeship levy but using less than half of it, while struggling to recruit social workers, planners, engineers and accountants."
        ),
        P(
            "A third of the workforce was over 55 and few young people from Barnsley saw the council as a place to build a career."
        ),
    ],
    solution=[
        P(
            "We set up an apprenticeship hub in human resources that matches every hard-to-fill vacancy with an apprenticeship route, from level 2 to degree level."
        ),
        P(
            "Existing staff can apply to retrain, and we ring-fence entry level apprenticeships for care leavers and young people from the borough's most deprived wards."
        ),
        P(
            "Unused levy funds are transferred to local small businesses and care providers so that the money stays in Barnsley."
        ),
    ],
    impact=[
        P(
            "Over four years 500 people started an apprenticeship with the council, including 38 social workers and 22 civil engineers. Levy use rose to 96 per cent, and £640,000 was transferred to 70 local employers."
        ),
        P("Agency spending in the targeted roles fell by £750,000 a year."),
    ],
    sustainability=[
        P(
            "Workforce plans for every directorate now identify which roles will be filled through apprenticeships, and the hub is funded from the savings on agency staff."
        ),
    ],
    lessons_learned=[
        P("Managers need help to redesign roles around an apprentice's time away for study."),
        P("Care leavers do well when they have a mentor outside their team."),
    ],
)

STOCKPORT = story(
    "stockport-early-help",
    "Stockport Council: family hubs for early help",
    "Stockport brought health visitors, early help workers and voluntary groups into eight family hubs, so that families get support before problems escalate.",
    Contact(
        "Amira Khan",
        "Head of Early Help and Prevention",
        "amira.khan@stockport.gov.uk",
        "0161 474 4321",
    ),
    ["Stockport Council"],
    ["Children and young people"],
    challenge=[
        P(
            "Referrals to children's social care in Stockport rose by a quarter in three years, and many of them came from families who had asked for help earlier and been told they did not meet a threshold."
        ),
        P(
            "Parents described a maze of services, each with its own assessment, and professionals did not always know what the others were doing with the same family."
        ),
    ],
    solution=[
        P(
            "We created eight family hubs, each serving a neighbourhood, where health visitors, early help workers, school nurses, debt advisers and voluntary groups work together."
        ),
        P(
            "Families have one lead practitioner and one plan, and any partner can start a request for help without a referral form."
        ),
        P(
            "A weekly team around the neighbourhood meeting brings the partners together to agree who is best placed to help each family."
        ),
    ],
    impact=[
        P(
            "Referrals to children's social care fell by 18 per cent in two years and the number of children becoming looked after fell for the first time in a decade."
        ),
        P(
            "Parents gave the hubs an average rating of 4.6 out of 5, and 3,200 families received early help in the last year compared with 1,900 before the hubs opened."
        ),
    ],
    sustainability=[
        P(
            "The hubs are funded through the council's budget, the family hubs programme and the integrated care board. The way of working is set out in the borough's early help strategy and is supported by a shared training programme for all partners."
        ),
    ],
    lessons_learned=[
        P("Co-location helps, but shared plans and a weekly meeting are what make the difference."),
        P("Ask parents to help design the hubs; they changed the opening hours and the name."),
    ],
)

DEVON = story(
    "devon-care-rounds",
    "Devon County Council: rural home care rounds that work",
    "Devon redesigned home care in two rural areas around small neighbourhood teams, cutting unmet hours of care by 80 per cent.",
    Contact(
        "Sophie Trelawny",
        "Commissioning Manager, Care at Home",
        "sophie.trelawny@devon.gov.uk",
        "01392 383 000",
    ),
    ["Devon County Council"],
    ["Adult social care"],
    challenge=[
        P(
            "In parts of rural Devon carers spent more time driving than caring, and providers handed back packages they could not staff. At one point more than 4,000 hours of assessed care a week could not be delivered."
        ),
        P(
            "People waited in hospital or went into residential care because no home care was available, and carers left the sector because the work was isolating and poorly paid."
        ),
    ],
    solution=[
        P(
            "We divided two pilot areas into small patches and commissioned one provider for each patch, paying for blocks of time rather than minutes of care so that travel was included."
        ),
        P(
            "Carers work in self-managing teams of eight to twelve, plan their own rounds and have the freedom to adjust visits with the person they support."
        ),
        P(
            "We paid a rural supplement and provided electric pool cars for carers who did not drive."
        ),
    ],
    impact=[
        P(
            "Unmet hours of care in the pilot areas fell by 80 per cent within a year. Carer turnover fell from 38 to 21 per cent, and people receiving care said they saw fewer different faces."
        ),
        P(
            "The cost per hour rose by 9 per cent, but this was outweighed by fewer hospital delays and residential placements, saving an estimated £1.3m."
        ),
    ],
    sustainability=[
        P(
            "The patch model is being extended to the rest of the county through the new home care framework, with block contracts and a rural supplement as standard."
        ),
    ],
    lessons_learned=[
        P("Pay for travel time properly; nothing else works until that is fixed."),
        P("Trust carers to plan their own rounds, because they know the roads and the people."),
    ],
)

HACKNEY = story(
    "hackney-cyber-recovery",
    "London Borough of Hackney: rebuilding after a cyber attack",
    "After a ransomware attack took its systems offline, Hackney rebuilt its core services in the cloud and now shares what it learned with other councils.",
    Contact("Tom Ashby", "Head of Information Security", "tom.ashby@hackney.gov.uk"),
    ["London Borough of Hackney"],
    ["Digital"],
    challenge=[
        P(
            "In October 2020 a ransomware attack encrypted many of the council's servers and backups. Housing benefit, planning, land charges and the housing register were unavailable for months, and some data could not be recovered."
        ),
        P(
            "Staff had to return to paper and spreadsheets while residents waited for decisions on benefits, repairs and planning applications."
        ),
    ],
    solution=[
        P(
            "We prioritised the services residents depended on most and rebuilt them in the cloud, choosing modern software and open standards rather than restoring old systems."
        ),
        P(
            "A new security operations service monitors the network around the clock, multi-factor authentication is required for every account, and backups are kept offline."
        ),
        P(
            "We worked closely with the National Cyber Security Centre and published regular updates for other councils."
        ),
    ],
    impact=[
        P(
            "All critical services were restored within a year. The new housing register and planning systems are faster than the ones they replaced, and residents can track applications online for the first time."
        ),
        P(
            "The council now passes independent security testing every year, and more than 60 councils have used the lessons we published."
        ),
    ],
    sustainability=[
        P(
            "Cyber security is a standing item for the audit committee, and every new system is assessed against the council's cloud and security principles before it is bought."
        ),
    ],
    lessons_learned=[
        P(
            "Practise your response before you need it, including how you will work without systems for weeks."
        ),
        P("Keep backups where an attacker cannot reach them, and test restoring them."),
        P("Be open with residents and other councils; it builds trust and helps everyone prepare."),
    ],
)

SOMERSET = story(
    "somerset-tenancy-sustainment",
    "Somerset Council: keeping tenancies going",
    "Somerset set up a countywide tenancy sustainment service that steps in when private tenants fall behind, preventing 700 evictions in its first two years.",
    Contact("Rachel Moore", "Homelessness Prevention Lead", "rachel.moore@somerset.gov.uk"),
    ["Somerset Council"],
    ["Housing"],
    challenge=[
        P(
            "The end of a private tenancy had become the most common reason for homelessness in Somerset, and by the time tenants approached the council the notice had usually expired."
        ),
        P(
            "Landlords said they had no one to call when a tenant fell behind, and some were leaving the market altogether."
        ),
    ],
    solution=[
        P(
            "We created a tenancy sustainment team that landlords and letting agents can contact as soon as rent arrears or other problems appear."
        ),
        P(
            "Officers visit within a week, check benefits, agree a repayment plan and can draw on a small fund to clear arrears where that keeps a tenancy going."
        ),
    ],
    impact=[
        P(
            "The team prevented 700 evictions in two years, and the average cost of a successful intervention was £1,150, compared with £9,500 for a household in temporary accommodation."
        ),
        P("Ninety landlords have signed up to the council's landlord charter."),
    ],
    sustainability=[
        P(
            "The service was extended across the new unitary council in 2023 and is funded from the homelessness prevention grant."
        ),
    ],
    lessons_learned=[
        P("Landlords are partners in prevention if you give them a quick way to ask for help."),
        P("A small fund used early saves much larger costs later."),
    ],
)

LINCOLNSHIRE = story(
    "lincolnshire-community-testing",
    "Lincolnshire County Council: testing for farm and food workers",
    "Lincolnshire set up COVID-19 testing at farms and food factories with employers and district councils, keeping the food supply chain running through the pandemic.",
    Contact(
        "Emma Birch",
        "Assistant Director, Public Health",
        "emma.birch@lincolnshire.gov.uk",
        "01522 552 222",
    ),
    ["Lincolnshire County Council"],
    ["COVID-19", "Public health"],
    challenge=[
        P(
            "Lincolnshire's food industry employs tens of thousands of people, many on temporary contracts and living in shared housing. Outbreaks in a single factory could spread quickly and threaten the food supply."
        ),
        P(
            "Many workers did not speak English as their first language and were worried about losing pay if they tested positive."
        ),
    ],
    solution=[
        P(
            "We worked with employers, the district councils and the NHS to set up testing on site at 40 farms and factories, with information in Polish, Romanian, Lithuanian and Bulgarian."
        ),
        P(
            "Employers agreed to pay workers who had to isolate, and district councils checked that shared housing was safe for isolation."
        ),
    ],
    impact=[
        P(
            "More than 120,000 tests were carried out at workplaces in 2021. Outbreaks were identified earlier, and no factory had to close for more than a few days."
        ),
        P(
            "Employers told us that the partnership improved their relationship with the council and with their workforce."
        ),
    ],
    sustainability=[
        P(
            "The employer network is now used for health checks, vaccination and seasonal flu clinics, and public health officers meet the main employers every quarter."
        ),
    ],
    lessons_learned=[
        P(
            "Employers can be powerful public health partners if the council makes it easy for them."
        ),
        P("Information in the right languages, from people workers trust, is essential."),
    ],
)

SOUTHWARK = story(
    "southwark-warm-homes",
    "London Borough of Southwark: warm homes on council estates",
    "Southwark retrofitted 1,200 council homes with insulation and heat pumps, cutting tenants' energy bills and the estates' carbon emissions.",
    Contact("Kwame Asante", "Head of Sustainable Housing", "kwame.asante@southwark.gov.uk"),
    ["London Borough of Southwark"],
    ["Climate change", "Housing"],
    challenge=[
        P(
            "Many of Southwark's council estates were built in the 1960s and 1970s with little insulation and ageing communal heating systems that leaked heat and broke down often."
        ),
        P(
            "Tenants faced rising energy bills, and the council had committed to net zero carbon by 2030."
        ),
    ],
    solution=[
        P(
            "We retrofitted 1,200 homes across six estates with external wall insulation, new windows and heat pumps, working with tenants' and residents' associations to plan the work and keep disruption low."
        ),
        P(
            "Residents' champions on each estate explained the work to neighbours, and a resident liaison officer was on site every day."
        ),
    ],
    impact=[
        P(
            "Tenants' heating bills fell by an average of £420 a year, and carbon emissions from the six estates fell by 58 per cent. Repairs to the old heating systems, which cost £300,000 a year, are no longer needed."
        ),
    ],
    sustainability=[
        P(
            "The retrofit programme is funded by the housing revenue account and government grants, and has a pipeline of 4,000 homes to 2030."
        ),
    ],
    lessons_learned=[
        P("Residents' champions built trust faster than any leaflet."),
        P("Plan the work estate by estate with residents, not block by block for contractors."),
    ],
)

LIVERPOOL = story(
    "liverpool-school-streets",
    "Liverpool City Council: school streets",
    "Liverpool closed the roads outside 30 primary schools to traffic at drop-off and pick-up times, and more children now walk, cycle or scoot to school.",
    Contact("Sean Byrne", "Active Travel Manager", "sean.byrne@liverpool.gov.uk", "0151 233 3000"),
    ["Liverpool City Council"],
    ["Transport", "Children and young people"],
    challenge=[
        P(
            "Parents and head teachers told us that traffic outside school gates was dangerous and polluting, and air quality monitoring showed high levels of nitrogen dioxide at drop-off time."
        ),
        P("Only 41 per cent of children at the schools walked, cycled or scooted to school."),
    ],
    solution=[
        P(
            "We introduced school streets, where the road outside a school is closed to through traffic for 45 minutes at the start and end of the school day, with exemptions for residents and blue badge holders."
        ),
        P(
            "Schools, parents and volunteers staffed the closures at first, and cameras now enforce them. Each school has a travel plan and cycle training for pupils."
        ),
    ],
    impact=[
        P(
            "At the 30 schools the share of children walking, cycling or scooting rose to 58 per cent, and nitrogen dioxide at the school gates fell by up to 23 per cent during closures."
        ),
        P("Nine out of ten parents support the closures."),
    ],
    sustainability=[
        P(
            "School streets are now part of the city's transport plan, and any primary school can apply. Enforcement income pays for the cameras."
        ),
    ],
    lessons_learned=[
        P("Start with schools that want it and let their success persuade others."),
        P("Talk to residents on the street before the closure, not after."),
    ],
)

CAMBRIDGESHIRE = story(
    "cambridgeshire-reablement",
    "Cambridgeshire County Council: reablement that starts in hospital",
    "Cambridgeshire moved its reablement team into the hospitals so that people start regaining independence before they go home, and fewer need long-term care.",
    Contact("Helen Garside", "Head of Reablement", "helen.garside@cambridgeshire.gov.uk"),
    ["Cambridgeshire County Council"],
    ["Adult social care"],
    challenge=[
        P(
            "Older people leaving hospital often went home with a large package of care that was never reviewed, or into a care home because reablement was not available in time."
        ),
        P(
            "The reablement service had capacity, but referrals arrived late and often without the information the team needed."
        ),
    ],
    solution=[
        P(
            "Reablement workers now join ward rounds in the three acute hospitals, meet patients before discharge and set goals with them and their families."
        ),
        P(
            "Therapists and reablement workers share one plan, and the first visit at home happens on the day of discharge."
        ),
    ],
    impact=[
        P(
            "Seventy-two per cent of people completing reablement needed no further care, up from 55 per cent. Long-term care packages started after discharge fell by 15 per cent, saving an estimated £2.3m in the first year."
        ),
    ],
    sustainability=[
        P(
            "The model is funded through the Better Care Fund and written into the discharge agreement between the council and the hospital trusts."
        ),
    ],
    lessons_learned=[
        P("Reablement works best when it starts before the person leaves the ward."),
        P("Set goals with the person, not for them."),
    ],
)

NOTTS = story(
    "nottinghamshire-digital-inclusion",
    "Nottinghamshire County Council: libraries as digital inclusion centres",
    "Nottinghamshire's libraries lend laptops and data, and run digital champions sessions, helping 6,000 residents get online in two years.",
    Contact(
        "Lucy Barton",
        "Libraries Digital Lead",
        "lucy.barton@inspireculture.org.uk",
        "01623 677 200",
        "Inspire: Culture, Learning and Libraries",
    ),
    ["Nottinghamshire County Council"],
    ["Culture and libraries", "Digital"],
    challenge=[
        P(
            "Around one in ten adults in Nottinghamshire had never used the internet, and many more lacked the skills or the equipment to apply for jobs, manage benefits or see a GP online."
        ),
        P(
            "During lockdown, library staff took calls from residents who could not get online to book a test or order food."
        ),
    ],
    solution=[
        P(
            "With our library partner Inspire, we turned all 60 libraries into digital inclusion centres. Residents can borrow a laptop or tablet with six months of free data, and volunteer digital champions offer one-to-one help."
        ),
        P(
            "The council's customer service centre refers callers who struggle online, and housing associations and job centres refer their customers too."
        ),
    ],
    impact=[
        P(
            "In two years 6,000 residents received help, and 1,400 devices were loaned. Follow-up surveys found that 78 per cent of people helped were still using the internet six months later."
        ),
    ],
    sustainability=[
        P(
            "Digital inclusion is part of the library service's core offer, funded by the council with donated devices from local businesses."
        ),
    ],
    lessons_learned=[
        P(
            "People need a device, data and confidence; missing any one of them stops them getting online."
        ),
        P("Volunteers who are patient are worth more than volunteers who are technical."),
    ],
)

BRIGHTON = story(
    "brighton-council-tax-chatbot",
    "Brighton and Hove City Council: a chatbot for council tax",
    "Brighton and Hove introduced a webchat assistant for council tax questions, answering 60 per cent of queries without staff and freeing advisers for complex cases.",
    Contact("Zoe Whitfield", "Customer Experience Manager", "zoe.whitfield@brighton-hove.gov.uk"),
    ["Brighton and Hove City Council"],
    ["Customer services", "Digital"],
    challenge=[
        P(
            "The council tax team received 250,000 calls a year, with peaks after bills were sent in March, and callers often waited more than 20 minutes. Most calls were simple questions about payment dates, discounts and moving home."
        ),
    ],
    solution=[
        P(
            "We introduced a webchat assistant trained on the questions residents actually asked, written in plain English and tested with residents. It can look up a balance, set up a direct debit and pass the conversation to an adviser when it cannot help."
        ),
        B("Built in 14 weeks with an in-house team"),
        B("Tested with 40 residents before launch"),
        B("Available around the clock"),
    ],
    impact=[
        P(
            "The assistant handles 12,000 conversations a month and answers 60 per cent of them without an adviser. Calls to the council tax team fell by 35 per cent, saving an estimated £280,000 a year."
        ),
    ],
    sustainability=[
        P(
            "The digital team reviews unanswered questions every week and updates the assistant's answers. The same approach is now being used for parking and waste."
        ),
    ],
    lessons_learned=[
        P("Start from the questions residents ask, not the structure of the service."),
        P("Make it easy to reach a person; it increases trust in the chatbot."),
    ],
)

SHEFFIELD = story(
    "sheffield-street-trees",
    "Sheffield City Council: a street tree partnership",
    "After a long dispute over felling street trees, Sheffield agreed a partnership strategy with campaigners and residents that protects trees and plans new planting.",
    Contact("Ian Weatherall", "Street Tree Partnership Manager", "ian.weatherall@sheffield.gov.uk"),
    ["Sheffield City Council"],
    ["Climate change"],
    challenge=[
        P(
            "A highways contract led to thousands of street trees being felled and replaced, and a dispute with residents and campaigners that lasted years and damaged trust in the council."
        ),
        P(
            "An independent inquiry found that the council had not listened to residents or been open about the contract."
        ),
    ],
    solution=[
        P(
            "We formed the Sheffield Street Tree Partnership with campaigners, the Woodland Trust, the highways contractor and residents, and wrote a new street tree strategy together."
        ),
        P(
            "Decisions on felling are now made in the open, with independent advice and a presumption in favour of keeping healthy trees."
        ),
    ],
    impact=[
        P(
            "Felling of healthy street trees has stopped, 2,000 new trees have been planted, and the partnership publishes a report every year. Campaigners now sit on the panel that reviews decisions."
        ),
    ],
    sustainability=[
        P(
            "The strategy runs to 2032 and is supported by a dedicated budget for tree maintenance and planting."
        ),
    ],
    lessons_learned=[
        N("Admit mistakes publicly; it was the start of rebuilding trust."),
        N("Bring critics into the room and give them real influence."),
        N("Be open with information from the beginning of any contract."),
    ],
)

TOWER_HAMLETS = story(
    "tower-hamlets-vaccine-champions",
    "London Borough of Tower Hamlets: vaccine champions",
    "Tower Hamlets trained 300 community vaccine champions who answered questions in their own languages, closing the gap in COVID-19 vaccine take-up.",
    Contact(
        "Farida Begum",
        "Community Engagement Manager",
        "farida.begum@towerhamlets.gov.uk",
        "020 7364 5000",
    ),
    ["London Borough of Tower Hamlets"],
    ["COVID-19", "Public health"],
    challenge=[
        P(
            "Early in the vaccination programme take-up in Tower Hamlets was among the lowest in London, especially among Bangladeshi and Somali residents and younger adults."
        ),
        P(
            "Misinformation spread quickly through social media and messaging groups, and many residents did not trust official sources."
        ),
    ],
    solution=[
        P(
            "We recruited and trained 300 vaccine champions from community groups, mosques, schools and workplaces, who answered questions in Bengali, Somali, Urdu and other languages."
        ),
        P(
            "Pop-up clinics were held in mosques, markets and community centres, and GPs joined live question and answer sessions on local radio and social media."
        ),
        Q(
            '"People trusted us because we are their neighbours," said Abdul Karim, a vaccine champion from Shadwell.'
        ),
    ],
    impact=[
        P(
            "The gap between the borough's take-up and the London average closed from 14 to 4 percentage points within six months."
        ),
        T(
            (
                ("Group", "March 2021", "September 2021"),
                ("Bangladeshi residents over 50", "61%", "85%"),
                ("Somali residents over 50", "42%", "74%"),
                ("All adults in the borough", "48%", "71%"),
            )
        ),
    ],
    sustainability=[
        P(
            "The champions network continues as a health champions programme, funded through the public health grant, and now covers cancer screening and mental health."
        ),
    ],
    lessons_learned=[
        P(
            "Invest in community relationships before a crisis, because they cannot be built overnight."
        ),
        P("Champions need regular, honest updates so that they can answer hard questions."),
    ],
)

OXFORDSHIRE = story(
    "oxfordshire-one-public-estate",
    "Oxfordshire County Council: sharing public buildings through One Public Estate",
    "Oxfordshire brought councils, the NHS and emergency services together to share buildings, releasing land for 1,200 homes and saving £3m a year in running costs.",
    Contact("Mark Feeney", "One Public Estate Programme Manager", "mark.feeney@oxfordshire.gov.uk"),
    ["Oxfordshire County Council"],
    ["Economic growth", "Housing"],
    challenge=[
        P(
            "Public bodies in Oxfordshire owned hundreds of buildings, many under-used and expensive to maintain, while the county faced a serious shortage of land for homes."
        ),
        P(
            "Each organisation planned its estate separately, so opportunities to share or release sites were missed."
        ),
    ],
    solution=[
        P(
            "Through the One Public Estate programme, the county council, the district councils, the NHS, the police and the fire service created a single partnership board and a shared database of every public building."
        ),
        P(
            "The partnership moved services into shared hubs in Bicester, Didcot and Witney and released surplus sites for housing."
        ),
    ],
    impact=[
        P(
            "Running costs fell by £3m a year, £18m of capital receipts were raised, and released land will provide 1,200 homes, 40 per cent of them affordable."
        ),
    ],
    sustainability=[
        P(
            "The partnership board continues to meet every quarter, and every partner must check the shared database before buying or disposing of property."
        ),
    ],
    lessons_learned=[
        P(
            "A shared database of buildings is the foundation; it shows opportunities no one knew about."
        ),
        P("Senior sponsorship from every partner keeps projects moving."),
    ],
)

DERBY = story(
    "derby-careers-for-carers",
    "Derby City Council: a route into care work",
    "Derby's care academy gives new recruits paid training, a guaranteed job with a local provider and a clear route to progress, filling 400 care vacancies.",
    Contact(
        "Paul Hendry",
        "Adult Social Care Workforce Lead",
        "paul.hendry@derby.gov.uk",
        "01332 640 000",
    ),
    ["Derby City Council"],
    ["Workforce", "Adult social care"],
    challenge=[
        P(
            "Care providers in Derby had a vacancy rate of 12 per cent, and half of new recruits left in their first year. Many applicants had no experience of care and did not know what the job involved."
        ),
    ],
    solution=[
        P(
            "We set up a care academy with the college and local providers. New recruits receive two weeks of paid training, shadow experienced carers and are guaranteed an interview with a provider."
        ),
        P(
            "Carers who stay for a year can take a funded qualification and apply for senior roles, and the academy runs refresher training for existing staff."
        ),
    ],
    impact=[
        P(
            "The academy has trained 550 recruits, 400 of whom are now working in care. Retention after one year is 74 per cent, compared with 50 per cent before."
        ),
        P("Providers' spending on agency staff fell by £1.1m."),
    ],
    sustainability=[
        P(
            "The academy is funded jointly by the council and providers, and is now being used for recruits to the council's own reablement service."
        ),
    ],
    lessons_learned=[
        P(
            "Be honest about what care work involves; the people who stay are the ones who knew what to expect."
        ),
        P("A career path matters as much as pay."),
    ],
)

EAST_SUFFOLK = story(
    "east-suffolk-coastal-business",
    "East Suffolk Council: supporting businesses on a changing coast",
    "East Suffolk helped 300 coastal businesses plan for erosion, flooding and the energy projects coming to the coast, with grants and one-to-one advice.",
    Contact(
        "Claire Wainwright", "Economic Development Manager", "claire.wainwright@eastsuffolk.gov.uk"
    ),
    ["East Suffolk Council"],
    ["Economic growth", "Climate change"],
    challenge=[
        P(
            "East Suffolk's coast is eroding faster than almost anywhere in Europe, and several major energy projects are planned nearby. Small tourism and fishing businesses were uncertain about their future and found it hard to get advice."
        ),
    ],
    solution=[
        P(
            "We set up a coastal business support programme with advice on adapting to coastal change, grants of up to £10,000 for improvements, and help to win contracts from the energy projects."
        ),
        P(
            "Advisers visited businesses in person and held drop-in sessions in harbours and villages along the coast."
        ),
    ],
    impact=[
        P(
            "Three hundred businesses received advice, 85 received grants totalling £560,000, and 40 have won contracts worth £4.2m from the energy projects."
        ),
    ],
    sustainability=[
        P(
            "The programme is now part of the council's economic strategy, and the energy companies have agreed to fund it until 2028."
        ),
    ],
    lessons_learned=[
        P("Go to businesses where they are; few had time to come to the council."),
        P("Link support for adapting to change with new opportunities, so that it feels hopeful."),
    ],
)

BRADFORD = story(
    "bradford-healthy-weight",
    "Bradford Council: a whole-system approach to healthy weight",
    "Bradford brought together schools, food businesses, planners and health services to make healthy choices easier, and childhood obesity has started to fall.",
    Contact("Asha Patel", "Public Health Manager", "asha.patel@bradford.gov.uk", "01274 432 000"),
    ["Bradford Council"],
    ["Public health", "Children and young people"],
    challenge=[
        P(
            "One in four children in Bradford was overweight or obese by the time they left primary school, and rates were highest in the most deprived areas."
        ),
        P("Programmes that focused on individual families had limited and short-lived effects."),
    ],
    solution=[
        P(
            "We adopted a whole-system approach: planning policy limits new hot food takeaways near schools, schools take part in the daily mile, and food businesses are supported to offer healthier options."
        ),
        P(
            "Researchers from the Born in Bradford study help us test what works and share the findings with partners."
        ),
    ],
    impact=[
        P(
            "Obesity among children in their last year of primary school fell from 24.5 to 22.1 per cent in four years, while rates in comparable areas rose. Ninety schools run the daily mile."
        ),
    ],
    sustainability=[
        P(
            "Healthy weight is a priority in the health and wellbeing strategy, and every directorate has a named lead."
        ),
    ],
    lessons_learned=[
        P("No single programme will change obesity; the system needs to change."),
        P("Research partners help you know what is working and stop what is not."),
    ],
)

NEWCASTLE = story(
    "newcastle-homelessness-prevention",
    "Newcastle City Council: active inclusion to prevent homelessness",
    "Newcastle works with housing providers, advice services and the jobcentre to spot residents at risk of homelessness early, preventing homelessness for 9 out of 10 households it helps.",
    Contact("Neil Robson", "Active Inclusion Manager", "neil.robson@newcastle.gov.uk"),
    ["Newcastle City Council"],
    ["Housing"],
    challenge=[
        P(
            "Welfare reform and rising living costs put thousands of Newcastle households at risk of losing their homes, and services were working in isolation."
        ),
    ],
    solution=[
        P(
            "We built an active inclusion partnership of council services, housing providers, advice agencies and the jobcentre, with shared training and a common way to spot risk early."
        ),
        P(
            "Partners use a simple checklist that flags rent arrears, debt or a change in benefits, and refer to a named contact in the homelessness prevention team."
        ),
    ],
    impact=[
        P(
            "Homelessness was prevented for 9 out of 10 households helped, and the use of bed and breakfast for families fell to zero. Evictions by the main social landlord fell by 60 per cent."
        ),
    ],
    sustainability=[
        P(
            "The partnership is part of the city's homelessness strategy, and training on the checklist is given to all new front-line staff."
        ),
    ],
    lessons_learned=[
        P("Prevention is everyone's job, so give every partner a simple way to act."),
        P("Data shared across partners shows where the risks are growing."),
    ],
)

SOUTH_CAMBS = story(
    "south-cambridgeshire-four-day-week",
    "South Cambridgeshire District Council: a four-day week trial",
    "South Cambridgeshire trialled a four-day week for office staff and bin crews, keeping performance steady and making hard-to-fill posts easier to recruit.",
    Contact(
        "Anna Ferris",
        "Head of Transformation, HR and Corporate Services",
        "anna.ferris@scambs.gov.uk",
    ),
    ["South Cambridgeshire District Council"],
    ["Workforce"],
    challenge=[
        P(
            "The council was struggling to recruit and keep staff, particularly planners and environmental health officers, and was spending more than £2m a year on agency staff."
        ),
        P("Competition for staff from private employers in and around Cambridge was intense."),
    ],
    solution=[
        P(
            "We trialled a four-day week, in which staff do 100 per cent of their work in 80 per cent of the time, first for office staff and later for the waste service."
        ),
        P(
            "Performance was monitored throughout by academics from the universities of Cambridge and Salford, using the same measures as before the trial."
        ),
    ],
    impact=[
        P(
            "Most performance measures stayed the same or improved. Staff turnover fell by 39 per cent, applications for jobs more than doubled and the council saved £371,500 in the first year through lower agency spending."
        ),
    ],
    sustainability=[
        P(
            "The council has agreed to continue the four-day week while it is monitored, and reports performance to members every quarter."
        ),
    ],
    lessons_learned=[
        P("Measure performance independently and publish it."),
        P("Involve the teams in designing how the week will work for them."),
    ],
)

SUFFOLK = story(
    "suffolk-joint-waste",
    "Suffolk councils: one recycling message for the whole county",
    "Suffolk's councils run a joint waste partnership that agreed one list of what can be recycled, cutting contamination and saving £400,000 a year.",
    Contact("Graham Pettit", "Suffolk Waste Partnership Manager", "graham.pettit@suffolk.gov.uk"),
    ["Suffolk County Council", "Mid Suffolk District Council", "East Suffolk Council"],
    ["Waste and recycling", "Climate change"],
    challenge=[
        P(
            "Each district council in Suffolk had its own list of what could go in the recycling bin, and residents moving between districts or reading national advice were confused."
        ),
        P(
            "Contamination in recycling was running at 14 per cent, costing the partnership money and lowering the value of the materials."
        ),
    ],
    solution=[
        P(
            "The county council and the districts agreed one list of what can be recycled anywhere in Suffolk, one set of bin stickers and one website, and the county's materials recovery facility was upgraded to handle it."
        ),
        P(
            "Crews check bins and leave a tag explaining what was wrong, and the partnership runs campaigns on the most common mistakes."
        ),
    ],
    impact=[
        P(
            "Contamination fell from 14 to 9 per cent in two years, saving the partnership around £400,000 a year. Residents' understanding of what can be recycled rose in every district."
        ),
    ],
    sustainability=[
        P(
            "The partnership agreement runs until 2030, and any change to the list must be agreed by all councils."
        ),
    ],
    lessons_learned=[
        P("Agree the message together, even if it takes longer."),
        P("Feedback at the bin works better than a leaflet."),
    ],
)

DERBYSHIRE_DALES = story(
    "derbyshire-dales-rural-broadband",
    "Derbyshire Dales District Council: getting remote villages connected",
    "Derbyshire Dales used vouchers and community fibre partnerships to bring gigabit broadband to 40 remote villages left out of national roll-outs.",
    Contact("Robert Ellis", "Economic Development Officer", "robert.ellis@derbyshiredales.gov.uk"),
    ["Derbyshire Dales District Council"],
    ["Digital", "Economic growth"],
    partners=["Openreach", "Peak District National Park Authority"],
    challenge=[
        P(
            "Dozens of villages in the Peak District had broadband speeds below 10 megabits a second, and commercial providers had no plans to upgrade them. Farmers, home workers and holiday businesses were held back."
        ),
    ],
    solution=[
        P(
            "Working with Openreach, the national park authority and other network providers, we helped villages form community fibre partnerships, pooling government gigabit vouchers with a council top-up of up to £1,500 per home."
        ),
        P("A digital officer visited every village to explain the scheme and collect sign-ups."),
    ],
    impact=[
        P(
            "Forty villages and 3,100 premises now have gigabit broadband. A survey of businesses found that 60 per cent had increased their turnover since connecting."
        ),
    ],
    sustainability=[
        P(
            "The remaining villages are included in the national gigabit programme, and the digital officer post is funded until the roll-out is complete."
        ),
    ],
    lessons_learned=[
        P("Village champions make the difference; every successful scheme had one."),
        P("Explain the vouchers simply, because the rules put people off."),
    ],
)

NE_LINCS = story(
    "north-east-lincolnshire-youth",
    "North East Lincolnshire Council: youth workers in schools",
    "North East Lincolnshire placed youth workers in secondary schools to support young people at risk of exclusion, halving permanent exclusions in two years.",
    Contact(
        "Stacey Wilkins", "Youth Service Manager", "stacey.wilkins@nelincs.gov.uk", "01472 313 131"
    ),
    ["North East Lincolnshire Council"],
    ["Children and young people"],
    partners=["Humber and North Yorkshire Integrated Care Board", "University of Lincoln"],
    challenge=[
        P(
            "Permanent exclusions from secondary schools in North East Lincolnshire were among the highest in England, and excluded young people were at greater risk of exploitation and youth offending."
        ),
    ],
    solution=[
        P(
            "We placed a youth worker in every secondary school, working with pastoral teams to support young people at risk of exclusion, with mentoring, group work and links to activities outside school."
        ),
        P(
            "Youth workers also work in the evenings in the same neighbourhoods, so that young people see a familiar face outside school."
        ),
    ],
    impact=[
        P(
            "Permanent exclusions halved in two years, and 82 per cent of the young people supported improved their attendance. First-time entrants to the youth justice system fell by 30 per cent."
        ),
    ],
    sustainability=[
        P(
            "Schools now contribute half the cost of their youth worker, and the programme is part of the council's early help strategy."
        ),
    ],
    lessons_learned=[
        P("Youth workers bring a different relationship from teachers; protect that difference."),
        P("Joint working in and out of school is what makes the difference."),
    ],
)


# --- The fuller versions: what officers add once they get going -------------------------------

MORE = {
    "derbyshire-dales-rural-broadband": {
        "challenge": [
            P(
                "During the pandemic the problem became urgent. Children in outlying farms could not join online lessons, and several holiday cottage owners told us guests were cancelling because they could not work remotely during their stay."
            ),
        ],
        "solution": [
            P(
                "The council paid for a broadband surveyor to map which properties were not covered by any planned upgrade, so that every village knew where it stood before it started collecting pledges."
            ),
        ],
        "lessons_learned": [
            P(
                "Allow much longer than you expect for wayleaves across farmland; the engineering is rarely the slowest part of a rural scheme."
            ),
        ],
    },
    "north-east-lincolnshire-youth": {
        "solution": [
            P(
                "Each youth worker is managed by the youth service rather than the school, which keeps their independence, but they attend the school's pastoral meetings and share a single plan with the head of year."
            ),
        ],
        "impact": [
            P(
                "Teachers told us that classroom disruption fell, and young people said they had someone to talk to who was not there to tell them off. Several schools have asked for a second youth worker."
            ),
        ],
        "lessons_learned": [
            P(
                "Agree at the start what information will be shared between the youth worker and the school, and what stays between the worker and the young person."
            ),
        ],
    },
    "east-suffolk-coastal-business": {
        "challenge": [
            P(
                "Many of these businesses are run by one or two people who have never had contact with the council except for licensing and business rates, and some were wary of us."
            ),
        ],
        "impact": [
            P(
                "Businesses that received grants used them for flood resilience, moving equipment away from the cliff edge and marketing to visitors outside the summer season. Survey results show confidence among coastal businesses rising for the first time in five years."
            ),
        ],
        "lessons_learned": [
            P(
                "A named adviser who knows the coast is worth more than a website, however good the website is."
            ),
        ],
    },
    "bradford-healthy-weight": {
        "solution": [
            P(
                "We also worked with the city's takeaways on a healthier options award, offering free training on smaller portions and healthier cooking oils, and with community groups to run cooking clubs in children's centres and mosques."
            ),
        ],
        "impact": [
            P(
                "Fifty-four takeaways have signed up to the healthier options award, and four out of five families attending cooking clubs said they now cook from scratch more often."
            ),
        ],
        "sustainability": [
            P(
                "The planning policy on hot food takeaways has been written into the local plan, so it will apply to every application for years to come."
            ),
        ],
    },
    "newcastle-homelessness-prevention": {
        "challenge": [
            P(
                "By the time many households came to the council they had already received a notice to quit or a court date, and the options left to us were expensive and disruptive, such as temporary accommodation far from children's schools."
            ),
        ],
        "solution": [
            P(
                "We also set up a money and debt advice line for residents that any partner can refer to directly, and we share monthly information on arrears and benefit changes so that partners can contact residents before problems grow."
            ),
        ],
        "impact": [
            P(
                "Partners tell us that the shared approach has changed their culture. Front-line staff in the housing providers now see prevention as part of their job, not something to pass on to the council."
            ),
        ],
    },
    "south-cambridgeshire-four-day-week": {
        "solution": [
            P(
                "Teams agreed their own rotas so that services remained open five days a week, and residents could still contact the council in the same hours as before. We published monthly performance data throughout the trial."
            ),
        ],
        "impact": [
            P(
                "Staff health and wellbeing improved on every measure in the staff survey, and sickness absence fell. Residents' complaints did not rise, and the planning service processed applications as quickly as before."
            ),
        ],
        "lessons_learned": [
            P(
                "Expect national attention and plan your communications for it, so that the story is told with the evidence rather than without it."
            ),
        ],
    },
    "cambridgeshire-reablement": {
        "challenge": [
            P(
                "Staff across health and social care agreed that the system was not working for people, but each organisation measured its own part of the journey and no one owned the whole of it."
            ),
        ],
        "solution": [
            P(
                "A joint manager from the council and the hospital trusts leads the service, and the team uses a simple shared board that shows every person from the day they are referred to the day reablement ends."
            ),
            P(
                "Families are invited to the first goal-setting conversation so that they understand what the person is working towards and can support them at home."
            ),
        ],
        "lessons_learned": [
            P(
                "One manager across the organisations removes arguments about whose patient someone is."
            ),
        ],
    },
    "oxfordshire-one-public-estate": {
        "challenge": [
            P(
                "Several buildings were in poor condition and would have needed major investment within five years, while services such as libraries and police front counters were struggling to justify their own buildings."
            ),
        ],
        "solution": [
            P(
                "Each project was led by the partner with the most to gain, with a small programme team from the county council supporting business cases and bids for government funding."
            ),
        ],
        "impact": [
            P(
                "Residents in Bicester can now see a police officer, borrow a book, get advice on benefits and book a health appointment in one building in the town centre, open six days a week."
            ),
        ],
    },
    "sheffield-street-trees": {
        "solution": [
            P(
                "We commissioned an independent survey of every street tree in the city and published it, so that everyone is working from the same information about the health of the trees and the damage to pavements."
            ),
            P(
                "Where a tree is damaging a pavement, engineers must now consider a range of solutions, such as flexible paving or re-routing the kerb, before felling is considered."
            ),
        ],
        "impact": [
            P(
                "The partnership has become a model for other councils, and residents' satisfaction with the management of street trees has risen from 22 to 61 per cent."
            ),
        ],
    },
    "suffolk-joint-waste": {
        "challenge": [
            P(
                "Councils also bought bins, stickers and leaflets separately, paying more than they needed to and giving residents different messages in neighbouring streets."
            ),
        ],
        "impact": [
            P(
                "Buying bins and printing together saved a further £60,000 in the first year. The joint website is now the most visited waste page in the county, and complaints about confusing advice have almost stopped."
            ),
        ],
        "lessons_learned": [
            P(
                "A shared partnership manager, funded by all of the councils, keeps the work moving between meetings."
            ),
        ],
    },
    "southwark-warm-homes": {
        "challenge": [
            P(
                "Damp and mould were among the most common repair complaints on the estates, and some tenants were rationing heating during the coldest months."
            ),
        ],
        "solution": [
            P(
                "Before starting, we fitted sensors in a sample of homes to measure temperature and humidity, so that we could show tenants the difference the work made and learn which measures worked best."
            ),
        ],
        "impact": [
            P(
                "Complaints about damp and mould on the six estates fell by 70 per cent, and tenants' satisfaction with their homes rose from 48 to 79 per cent."
            ),
        ],
    },
    "mid-devon-garden-village": {
        "challenge": [
            P(
                "The town centre already suffered from congestion on the main road, and the nearest motorway junction could not take more traffic without major works that had no funding."
            ),
        ],
        "solution": [
            P(
                "The council set up a delivery team with planners, engineers and a community engagement officer, and agreed a memorandum of understanding with the main landowners so that infrastructure would be paid for fairly."
            ),
        ],
        "impact": [
            P(
                "The first planning applications have been approved with agreements that fund a new primary school, a health centre site and a network of walking and cycling routes."
            ),
        ],
    },
    "somerset-tenancy-sustainment": {
        "challenge": [
            P(
                "Households placed in temporary accommodation cost the councils in Somerset more than £3m a year, and families were often moved away from their schools and support networks."
            ),
        ],
        "solution": [
            P(
                "We promoted the service through landlord forums, letting agents and the residential landlords' association, and made the phone number and email address easy to find on every letter the council sends to landlords."
            ),
        ],
        "impact": [
            P(
                "Landlords say they are more willing to rent to tenants receiving benefits because they know the council will help if things go wrong."
            ),
        ],
    },
    "nottinghamshire-digital-inclusion": {
        "challenge": [
            P(
                "Staff in the libraries had the goodwill to help but no time set aside for it, and the laptops in libraries were often booked for other uses."
            ),
        ],
        "solution": [
            P(
                "We recruited 120 volunteer digital champions through the libraries and the voluntary sector, and trained them using a short course built with the county's adult learning service."
            ),
        ],
        "impact": [
            P(
                "People helped told us they use the internet for health appointments, shopping, job searches and keeping in touch with family. Calls to the customer service centre from people who could not get online fell by a quarter."
            ),
        ],
    },
    "derby-careers-for-carers": {
        "challenge": [
            P(
                "Providers competed with supermarkets and warehouses that paid similar wages for work with fewer responsibilities, and many new carers were not prepared for lone working or for caring for people at the end of life."
            ),
        ],
        "impact": [
            P(
                "Providers say the recruits from the academy are better prepared and more confident, and some are already working as senior carers and mentors to newer recruits."
            ),
        ],
        "lessons_learned": [
            P(
                "Involve providers in the academy from the beginning so that they trust the training and offer the jobs."
            ),
        ],
    },
    "brighton-council-tax-chatbot": {
        "challenge": [
            P(
                "Advisers spent most of their time answering the same questions, and residents with complex problems, such as debt or a change in circumstances, waited as long as everyone else."
            ),
        ],
        "solution": [
            P(
                "The team looked at a year of call recordings and emails to find the fifty questions residents asked most often, and wrote answers to them in plain English before any technology was chosen."
            ),
        ],
        "impact": [
            P(
                "Advisers now spend more time with residents who are in debt or in difficulty, and the number of residents setting up payment plans before enforcement rose by 18 per cent."
            ),
        ],
    },
    "liverpool-school-streets": {
        "challenge": [
            P(
                "Head teachers had tried leaflets and parking enforcement for years, but the problem returned as soon as the enforcement officers left."
            ),
        ],
        "impact": [
            P(
                "Head teachers say that pupils arrive calmer and more ready to learn, and the closures have created space for parents to talk at the gates."
            ),
        ],
        "lessons_learned": [
            P(
                "Planters and signs at the closure point help to make it feel permanent and welcoming."
            ),
        ],
    },
    "tower-hamlets-vaccine-champions": {
        "solution": [
            P(
                "Each champion received training from public health doctors, a weekly briefing on the latest evidence and a direct line to the public health team for questions they could not answer."
            ),
        ],
        "impact": [
            P(
                "Champions held more than 4,000 conversations in the first three months, many of them with people who said they had not planned to be vaccinated."
            ),
        ],
    },
    "lincolnshire-community-testing": {
        "solution": [
            P(
                "Public health officers visited every site to advise on ventilation, shift patterns and canteens, and employers shared information on outbreaks quickly so that contact tracing could start the same day."
            ),
        ],
        "impact": [
            P(
                "Employers reported that absence fell once workers knew they would be paid while isolating, and several sites asked to continue testing beyond the end of the national programme."
            ),
        ],
    },
    "barnsley-apprenticeships": {
        "solution": [
            P(
                "Each apprentice has a workplace mentor and a named contact in the hub, who checks in every month and helps resolve problems with study time or workload."
            ),
        ],
        "impact": [
            P(
                "Eighty-seven per cent of apprentices completed their programme, and most of those who finished have stayed with the council in a permanent role."
            ),
        ],
    },
    "plymouth-food-waste": {
        "solution": [
            P(
                "Crews were involved in designing the new rounds, and each round was tested for a month before the full launch so that problems with narrow streets and flats could be solved early."
            ),
        ],
    },
    "stockport-early-help": {
        "challenge": [
            P(
                "Many families only received help once things had reached crisis point, by which time the support needed was more intensive and more expensive."
            ),
        ],
    },
    "norfolk-electric-fleet": {
        "solution": [
            P(
                "Drivers were given the chance to try the vehicles for a week before the change, and their feedback shaped which models we bought and where chargers were placed."
            ),
        ],
    },
    "sunderland-smart-city": {},
    "essex-care-technology": {},
    "hackney-cyber-recovery": {},
    "manchester-rough-sleeping": {},
    "devon-care-rounds": {},
    "leeds-home-plus": {},
    "wigan-community-hubs": {},
    "camden-climate-assembly": {},
    "cornwall-library-makerspaces": {},
    "kent-digital-front-door": {},
    "bristol-lateral-flow": {
        "solution": [
            P(
                "Teams used a simple booking system that worked on any phone, and anyone could also turn up without booking. Results were sent by text message in the resident's chosen language."
            ),
        ],
    },
}


def extend(stories, more) -> None:
    for story_ in stories:
        for key, blocks in more.get(story_.key, {}).items():
            story_.sections.setdefault(key, []).extend(blocks)


extend([value for value in list(globals().values()) if isinstance(value, Story)], MORE)
