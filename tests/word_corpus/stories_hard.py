"""Case studies with what trips readers up in real documents: sub-headings inside a section,
reviewers' comments left in, a contact written as a sentence or with tabs, banner headings in
shaded one-cell tables, a document that stops before its last sections, and content controls in
the template's cells."""

# ruff: noqa: E501

from __future__ import annotations

from tests.word_corpus.model import B, Contact, H, P
from tests.word_corpus.stories_cy import stori
from tests.word_corpus.stories_en import story

BOLTON = story(
    "bolton-debt-advice",
    "Bolton Council: one front door for residents in debt",
    "Bolton joined up council tax recovery, housing benefit and independent debt advice so that residents who fall behind are offered help before enforcement, and collection rates have held up.",
    Contact(
        "Imran Siddiqui",
        "Revenues and Benefits Manager",
        "imran.siddiqui@bolton.gov.uk",
        "01204 333 333",
    ),
    ["Bolton Council"],
    ["Customer services"],
    challenge=[
        P(
            "As living costs rose, the number of Bolton households behind with council tax grew by a third in two years. Many of them also owed rent, energy suppliers and catalogue companies, and the first contact they had with the council was often an enforcement letter."
        ),
        P(
            "Residents told us the letters frightened them into ignoring the council altogether, and advice agencies said that by the time people reached them the debts had doubled with costs."
        ),
    ],
    solution=[
        H("Phase one: listening to residents"),
        P(
            "We interviewed 40 residents who had been through enforcement and mapped every letter and phone call they received. The review found eleven separate letters from four teams, none of which mentioned free advice."
        ),
        H("Phase two: one front door"),
        P(
            "We rewrote the letters in plain English with the help of residents, put the debt advice number on every one, and trained revenues officers to offer a referral to Citizens Advice Bolton on the first call."
        ),
        P(
            "Residents who are struggling are offered a breathing space of 60 days with no recovery action while they get advice, and payment plans are set at what they can afford."
        ),
    ],
    impact=[
        P(
            "Referrals to debt advice rose from 90 to 1,300 a year. Cases passed to enforcement agents fell by 45 per cent, while the in-year collection rate stayed within half a point of the year before."
        ),
        P(
            "Advisers helped residents claim £780,000 of benefits and discounts, which in turn helped them pay their council tax."
        ),
    ],
    sustainability=[
        P(
            "The approach is now part of the council's corporate debt policy, which covers every team that collects money from residents, and the advice service is funded through the household support fund and the council's own budget."
        ),
    ],
    lessons_learned=[
        P(
            "Read your own letters as a resident would; ours were written for auditors, not for people."
        ),
        P(
            "Collection does not fall when you offer help first, because people who get advice start paying again."
        ),
    ],
)

GATESHEAD = story(
    "gateshead-hospital-discharge-hub",
    "Gateshead Council: a discharge hub with the hospital",
    "Gateshead and the Queen Elizabeth Hospital set up a joint discharge hub that plans each patient's return home from the day they are admitted, cutting delayed discharges by 60 per cent.",
    Contact(
        "Louise Armstrong",
        "Integrated Discharge Lead",
        "louisearmstrong@gateshead.gov.uk",
        "0191 433 3000",
    ),
    ["Gateshead Council"],
    ["Adult social care"],
    challenge=[
        P(
            "In the winter of 2021 more than 60 patients a day at the Queen Elizabeth Hospital were medically fit to leave but waiting for care, equipment or a decision about where they would live."
        ),
        P(
            "Ward staff, social workers and the community health teams each had their own lists, and patients often waited while one team waited for another."
        ),
    ],
    solution=[
        P(
            "We brought social workers, discharge nurses, therapists and a housing officer together in one hub on the hospital site, with one list of patients and a daily huddle at nine o'clock."
        ),
        H("Planning from the day of admission"),
        P(
            "Every patient over 65 has an expected discharge date and a plan for going home agreed within 48 hours of arriving on a ward, so that care and equipment can be arranged before they are fit to leave."
        ),
        H("One assessment that providers accept"),
        P(
            "Care homes and home care providers accept the hub's assessment instead of sending their own assessor, which used to add two or three days to every discharge."
        ),
    ],
    impact=[
        P(
            "Delayed discharges fell by 60 per cent in the first year, freeing around 35 beds a day. Patients spend less time in hospital, and fewer lose their mobility while waiting."
        ),
        H("What it has saved"),
        P(
            "The hospital trust estimates that the beds freed are worth £2.8m a year, and the council has reduced spending on short-term residential placements by £400,000."
        ),
    ],
    sustainability=[
        P(
            "The hub is funded jointly through the Better Care Fund, and its staff are employed by the council and the trust under a partnership agreement that runs until 2027."
        ),
    ],
    lessons_learned=[
        P("One list and one daily meeting did more than any new system or extra staff."),
        P(
            "Trusted assessment needs time to build trust; we started with two providers and expanded as confidence grew."
        ),
    ],
)

WALSALL = story(
    "walsall-resilient-communities",
    "Walsall Council: resilient communities after the pandemic",
    "Walsall kept the community networks built during the pandemic going as resilient communities hubs, which now support 5,000 residents a year with food, advice and company.",
    Contact("Harjit Sandhu", "Resilient Communities Manager", "harjit.sandhu@walsall.gov.uk"),
    ["Walsall Council"],
    ["Public health", "COVID-19"],
    challenge=[
        P(
            "During the pandemic thousands of Walsall residents volunteered to deliver food, collect prescriptions and phone isolated neighbours. As restrictions ended the council wanted to keep that energy and those relationships rather than let them fade."
        ),
        P(
            "Many of the residents supported during lockdown still needed help, especially older people living alone and families on low incomes."
        ),
    ],
    solution=[
        P(
            "We set up six resilient communities hubs, each run by a local voluntary organisation with a small council grant, a community connector employed by the council and a pool of volunteers."
        ),
        P(
            "Each hub offers a community pantry, benefits and debt advice, digital help and social activities, and takes referrals from GPs, housing officers and schools."
        ),
        B("Six hubs, one in each locality"),
        B("A shared referral form and phone line"),
        B("Monthly meetings of hub leads to share what works"),
    ],
    impact=[
        P(
            "The hubs supported 5,000 residents last year, and 800 volunteers gave an estimated 40,000 hours. Residents using the pantries saved an average of £15 a week on food."
        ),
    ],
    sustainability=[
        P(
            "Grants to the hubs are agreed for three years at a time, and the community connectors are part of the council's permanent establishment."
        ),
    ],
    lessons_learned=[
        P("Fund local organisations to lead; the council's job is to connect and support them."),
        P("Keep the referral route simple, or busy professionals will not use it."),
    ],
)

SWINDON = story(
    "swindon-bus-partnership",
    "Swindon Borough Council: an enhanced bus partnership",
    "Swindon agreed an enhanced partnership with bus operators that brought simpler fares and more frequent evening services.",
    Contact("Neil Haddock", "Public Transport Manager", "nhaddock@swindon.gov.uk", "01793 463 000"),
    ["Swindon Borough Council"],
    ["Transport"],
    challenge=[
        P(
            "Bus use in Swindon had fallen by a quarter in ten years. Residents complained of confusing fares between operators, buses that stopped running early in the evening and unreliable journey times on the main corridors."
        ),
        P(
            "Without better buses, the council's plans for new housing to the east of the town would add thousands of car journeys to roads that were already congested."
        ),
    ],
    solution=[
        P(
            "The council and the two main operators formed an enhanced partnership, agreeing a single multi-operator ticket, a fare cap of £2 for a single journey and evening services every 30 minutes until 11pm on the main routes."
        ),
        P(
            "In return the council is building bus lanes on two corridors and has given buses priority at 20 traffic signals."
        ),
        P(
            "A passenger charter sets out what residents can expect, from real-time information at the busiest stops to refunds when a bus does not turn up, and a bus users' panel meets the partnership board twice a year."
        ),
    ],
    impact=[
        P(
            "Passenger numbers rose by 14 per cent in the first year, and sales of the multi-operator ticket exceeded the operators' expectations by half. Journey times on the first corridor with bus priority fell by four minutes at peak times."
        ),
    ],
)

TORFAEN = stori(
    "torfaen-hybiau-cymunedol",
    "Cyngor Bwrdeistref Sirol Torfaen: hybiau cymunedol yn y llyfrgelloedd",
    "Mae Torfaen wedi troi ei llyfrgelloedd yn hybiau cymunedol lle gall trigolion dalu biliau, cael cyngor a defnyddio gwasanaethau'r cyngor wyneb yn wyneb.",
    Contact(
        "Llinos Powell", "Rheolwr Hybiau Cymunedol", "llinos.powell@torfaen.gov.uk", "01495 762 200"
    ),
    ["Torfaen County Borough Council"],
    ["Customer services", "Culture and libraries"],
    challenge=[
        P(
            "Roedd swyddfa gwasanaethau cwsmeriaid y cyngor ym Mhont-y-pŵl yn anodd ei chyrraedd i lawer o drigolion yng Nghwmbrân a Blaenafon, ac roedd nifer yr ymwelwyr â'r llyfrgelloedd yn gostwng."
        ),
        P(
            "Roedd trigolion hŷn yn arbennig yn ei chael hi'n anodd defnyddio gwasanaethau ar-lein, ac yn teimlo bod y cyngor wedi symud yn rhy bell oddi wrthyn nhw."
        ),
    ],
    solution=[
        P(
            "Symudodd y cyngor ei wasanaethau cwsmeriaid i'r tair llyfrgell, gan hyfforddi staff y llyfrgelloedd a'r gwasanaethau cwsmeriaid i weithio fel un tîm."
        ),
        P(
            "Mae'r hybiau ar agor am chwe diwrnod yr wythnos, ac mae sefydliadau fel Cyngor ar Bopeth a'r undeb credyd yn cynnal sesiynau yno bob wythnos."
        ),
        B("Talu biliau a gwneud cais am fathodynnau glas"),
        B("Cymorth digidol gan wirfoddolwyr"),
        B("Gofod cynnes a diogel yn ystod y gaeaf"),
    ],
    impact=[
        P(
            "Mae nifer yr ymweliadau â'r llyfrgelloedd wedi dyblu, ac mae'r cyngor wedi arbed £150,000 y flwyddyn drwy gau'r hen swyddfa. Mae 96 y cant o'r trigolion a holwyd yn fodlon ar y gwasanaeth."
        ),
    ],
    sustainability=[
        P(
            "Mae'r hybiau'n rhan o strategaeth gwasanaethau cwsmeriaid y cyngor, ac mae'r arbedion yn talu am yr oriau agor ychwanegol."
        ),
    ],
    lessons_learned=[
        P("Mae angen amser i ddau dîm ddod yn un; roedd hyfforddiant ar y cyd yn hanfodol."),
        P("Mae pobl yn ymddiried yn y llyfrgell, felly mae'n lle da i gynnig gwasanaethau eraill."),
    ],
)

HERTFORDSHIRE = story(
    "hertfordshire-foster-carer-recruitment",
    "Hertfordshire County Council: recruiting foster carers with foster carers",
    "Hertfordshire asked its own foster carers to lead recruitment in their communities, and the number of new fostering households rose by 40 per cent in a year.",
    Contact(
        "Yvonne Clarke", "Head of Fostering", "yvonne.clarke@hertfordshire.gov.uk", "01992 555 555"
    ),
    ["Hertfordshire County Council"],
    ["Children and young people"],
    challenge=[
        P(
            "Like most councils, Hertfordshire did not have enough foster carers, especially for teenagers, sibling groups and children with disabilities. More children were placed with independent agencies far from home, at higher cost."
        ),
        P(
            "Advertising campaigns brought many enquiries, but few turned into approved carers, and most people who enquired dropped out during the long assessment."
        ),
    ],
    solution=[
        P(
            "We recruited twelve experienced foster carers as paid fostering ambassadors, who speak at community events, answer questions from people thinking about fostering and stay in touch with them through the assessment."
        ),
        P(
            "We also shortened the assessment from eight months to five by running training and checks at the same time, and offered every new carer a buddy from the ambassador group."
        ),
    ],
    impact=[
        P(
            "The number of new fostering households rose from 35 to 49 in a year, and the share of enquiries that led to an application doubled. Twenty of the new carers offer homes to teenagers."
        ),
        P(
            "Placing children with our own carers rather than agencies saves an average of £22,000 per child per year."
        ),
    ],
    sustainability=[
        P(
            "The ambassador roles are permanent and paid from the savings on agency placements, and the shorter assessment is now the standard process."
        ),
    ],
    lessons_learned=[
        P(
            "Foster carers are the most convincing recruiters; people want to hear from someone who has done it."
        ),
        P(
            "Keep in touch with people during the assessment, because silence is when they drop out."
        ),
    ],
)
