"""Welsh and bilingual case studies, as Welsh councils write them under the Welsh language
standards: Welsh names of councils, Welsh headings and labels, and some with the English beside
the Welsh."""

# ruff: noqa: E501

from __future__ import annotations

from tests.word_corpus.model import B, Contact, P, Q
from tests.word_corpus.stories_en import story


def stori(*args, language="cy", **kwargs):
    """A story in Welsh (or, with ``language``, bilingual)."""
    return story(*args, language=language, **kwargs)


CAERDYDD = stori(
    "caerdydd-profi-olrhain-diogelu",
    "Cyngor Caerdydd: Profi, Olrhain, Diogelu yn y gymuned",
    "Sefydlodd Caerdydd a Bro Morgannwg wasanaeth olrhain cysylltiadau lleol a oedd yn cysylltu â naw o bob deg achos positif o fewn diwrnod.",
    Contact(
        "Rhian Prydderch",
        "Rheolwr Gwasanaeth Profi, Olrhain, Diogelu",
        "rhian.prydderch@caerdydd.gov.uk",
        "029 2087 2087",
    ),
    ["Cardiff Council"],
    ["COVID-19", "Public health"],
    challenge=[
        P(
            "Ym mis Mai 2020 roedd angen i Gaerdydd a Bro Morgannwg sefydlu gwasanaeth olrhain cysylltiadau o fewn ychydig wythnosau, ar gyfer poblogaeth o bron i hanner miliwn o bobl."
        ),
        P(
            "Roedd llawer o'r achosion cynnar ymhlith myfyrwyr ac mewn cymunedau lle nad Cymraeg na Saesneg oedd iaith gyntaf y trigolion, ac roedd angen i'r gwasanaeth ennill eu hymddiriedaeth."
        ),
    ],
    solution=[
        P(
            "Gweithiodd y cyngor gyda'r bwrdd iechyd prifysgol ac Iechyd Cyhoeddus Cymru i recriwtio 400 o olrheinwyr cysylltiadau, llawer ohonynt yn staff y cyngor a oedd wedi'u hadleoli o wasanaethau a oedd ar gau."
        ),
        P(
            "Cafodd y tîm ei hyfforddi i gynnig cymorth ymarferol hefyd, fel parseli bwyd, casglu presgripsiynau a thaliadau hunanynysu, a chyflogwyd olrheinwyr a oedd yn siarad Arabeg, Bengaleg, Pwyleg a Somalieg."
        ),
    ],
    impact=[
        P(
            "Llwyddodd y gwasanaeth i gysylltu â 92 y cant o achosion positif o fewn 24 awr a 88 y cant o'u cysylltiadau agos. Cafodd mwy na 160,000 o bobl eu cyrraedd yn ystod y pandemig."
        ),
        P(
            "Roedd y cymorth ymarferol yn golygu bod mwy o bobl yn gallu hunanynysu, yn enwedig y rhai a oedd yn gweithio ar gontractau dim oriau."
        ),
    ],
    sustainability=[
        P(
            "Mae'r tîm bellach yn rhan o wasanaeth diogelu iechyd rhanbarthol sy'n ymateb i achosion o glefydau heintus eraill, fel y frech goch a'r diciâu."
        ),
    ],
    lessons_learned=[
        P(
            "Mae staff llywodraeth leol yn gallu addasu'n gyflym iawn pan fo angen, ac mae eu gwybodaeth am y gymuned leol yn amhrisiadwy."
        ),
        P("Mae cynnig cymorth ymarferol yr un mor bwysig â gofyn i bobl hunanynysu."),
    ],
)

SIR_DDINBYCH = stori(
    "sir-ddinbych-ailgylchu",
    "Cyngor Sir Ddinbych: casgliadau ailgylchu didoli wrth ymyl y ffordd",
    "Newidiodd Sir Ddinbych i gasgliadau ailgylchu wythnosol mewn cynhwysydd aml-adran, gan godi'r gyfradd ailgylchu i 67 y cant a gwella ansawdd y deunyddiau.",
    Contact(
        "Gwion Llywelyn",
        "Rheolwr Gwasanaethau Gwastraff",
        "gwion.llywelyn@sirddinbych.gov.uk",
        "01824 706 101",
    ),
    ["Denbighshire County Council"],
    ["Waste and recycling", "Climate change"],
    challenge=[
        P(
            "Roedd Sir Ddinbych yn casglu ailgylchu cymysg mewn un bin, ac roedd halogiad yn uchel. Roedd hynny'n lleihau gwerth y deunyddiau ac yn ei gwneud hi'n anodd cyrraedd targed Llywodraeth Cymru o 70 y cant erbyn 2025."
        ),
        P(
            "Roedd y cerbydau casglu hefyd yn hen ac yn defnyddio llawer o danwydd ar y ffyrdd gwledig."
        ),
    ],
    solution=[
        P(
            "Cyflwynodd y cyngor gasgliad wythnosol mewn cynhwysydd aml-adran, lle mae trigolion yn gwahanu papur, cardfwrdd, gwydr, caniau a phlastig. Mae gweithwyr yn didoli'r deunyddiau wrth ymyl y ffordd."
        ),
        P(
            "Adeiladwyd depo newydd yn Ninbych gyda phaneli solar a cherbydau trydan, a chafodd pob cartref ymweliad gan swyddog ailgylchu cyn y newid."
        ),
    ],
    impact=[
        P(
            "Cododd y gyfradd ailgylchu o 64 i 67 y cant yn y flwyddyn gyntaf, ac mae halogiad wedi gostwng i lai nag 1 y cant. Mae'r deunyddiau o ansawdd uwch yn dod ag incwm o tua £350,000 y flwyddyn."
        ),
    ],
    sustainability=[
        P(
            "Mae'r gwasanaeth newydd yn rhan o strategaeth wastraff y cyngor hyd at 2030, ac mae'r incwm o werthu deunyddiau yn talu am ran o'r costau."
        ),
    ],
    lessons_learned=[
        P("Mae siarad â phob cartref cyn newid yn werth yr amser a'r gost."),
        P("Rhaid i'r criwiau casglu fod yn rhan o gynllunio'r rowndiau newydd o'r dechrau."),
    ],
)

GWYNEDD = stori(
    "gwynedd-tai-lleol",
    "Cyngor Gwynedd: cartrefi i bobl leol mewn cymunedau Cymraeg",
    "Prynodd Gwynedd dai gwag ac ail gartrefi i'w gosod ar rent fforddiadwy i bobl leol, er mwyn cadw teuluoedd ifanc yn eu cymunedau.",
    Contact(
        "Dafydd Wyn Jones",
        "Pennaeth Adran Tai ac Eiddo",
        "dafyddwynjones@gwynedd.llyw.cymru",
        "01766 771 000",
    ),
    ["Gwynedd Council"],
    ["Housing"],
    challenge=[
        P(
            "Mewn rhai o bentrefi Gwynedd mae mwy na hanner y tai yn ail gartrefi neu'n llety gwyliau, ac mae prisiau tai wedi codi ymhell y tu hwnt i gyrraedd pobl ifanc leol."
        ),
        P(
            "Roedd teuluoedd ifanc yn gadael eu cymunedau, ac roedd hynny'n bygwth dyfodol ysgolion lleol a'r iaith Gymraeg."
        ),
    ],
    solution=[
        P(
            "Fel rhan o Gynllun Gweithredu Tai y cyngor, prynwyd tai gwag ac ail gartrefi a oedd ar werth, eu hadnewyddu i safon uchel o ran ynni, a'u gosod ar rent fforddiadwy i bobl â chysylltiad lleol."
        ),
        P(
            "Cyflwynwyd premiwm treth gyngor o 150 y cant ar ail gartrefi, ac mae'r incwm yn cael ei ddefnyddio i ariannu'r cynllun."
        ),
        B("Cynllun prynu cartref cyntaf gyda benthyciadau di-log"),
        B("Grantiau i ddod â thai gwag yn ôl i ddefnydd"),
    ],
    impact=[
        P(
            "Mae 110 o gartrefi wedi'u prynu neu eu hadnewyddu, ac mae 95 o deuluoedd lleol wedi cael cartref. Mae'r premiwm treth gyngor yn codi tua £3m y flwyddyn ar gyfer tai fforddiadwy."
        ),
    ],
    sustainability=[
        P(
            "Mae'r Cynllun Gweithredu Tai yn rhedeg tan 2027 gyda chyllideb o £140m, ac mae'r premiwm yn sicrhau incwm parhaus."
        ),
    ],
    lessons_learned=[
        P(
            "Mae angen sawl ymyrraeth ar yr un pryd; ni fydd un polisi ar ei ben ei hun yn datrys y broblem."
        ),
        P("Mae gwrando ar gymunedau lleol wedi helpu i dargedu'r pentrefi lle mae'r angen fwyaf."),
    ],
)

ABERTAWE = stori(
    "abertawe-llyfrgelloedd-cynnes",
    "Cyngor Abertawe / Swansea Council: llyfrgelloedd fel canolfannau cymunedol / libraries as community hubs",
    "Trodd Abertawe ei llyfrgelloedd yn ganolfannau cymunedol gyda chyngor ar arian a thai. Swansea turned its libraries into community hubs offering advice on money and housing.",
    Contact(
        "Catrin Morgan",
        "Rheolwr Llyfrgelloedd / Libraries Manager",
        "catrin.morgan@abertawe.gov.uk",
        "01792 636 000",
    ),
    ["Swansea Council"],
    ["Culture and libraries"],
    language="bilingual",
    challenge=[
        P(
            "Roedd nifer yr ymwelwyr â llyfrgelloedd Abertawe wedi gostwng, tra bod trigolion yn ei chael hi'n anodd dod o hyd i gyngor wyneb yn wyneb ar fudd-daliadau a thai."
        ),
        P(
            "Visits to Swansea's libraries had fallen, while residents found it hard to get face-to-face advice on benefits and housing."
        ),
    ],
    solution=[
        P(
            "Mae swyddogion cyngor ar arian, tai a chyflogaeth bellach yn gweithio o 17 llyfrgell ar ddyddiau penodol, ac mae staff y llyfrgell wedi'u hyfforddi i gyfeirio pobl atyn nhw."
        ),
        P(
            "Money, housing and employment advisers now work from 17 libraries on set days, and library staff are trained to refer people to them."
        ),
    ],
    impact=[
        P(
            "Cododd nifer yr ymweliadau 22 y cant mewn blwyddyn, a chafodd 3,400 o bobl gyngor. Visits rose by 22 per cent in a year and 3,400 people received advice."
        ),
    ],
    sustainability=[
        P(
            "Mae'r model yn rhan o strategaeth llyfrgelloedd y cyngor. The model is part of the council's library strategy."
        ),
    ],
    lessons_learned=[
        P(
            "Mae pobl yn ymddiried yn y llyfrgell. People trust the library as a place to ask for help."
        ),
    ],
)

RHONDDA = stori(
    "rhondda-cynon-taf-gofal-ychwanegol",
    "Cyngor Rhondda Cynon Taf: tai gofal ychwanegol / extra care housing",
    "Mae Rhondda Cynon Taf yn adeiladu 300 o fflatiau gofal ychwanegol fel bod pobl hŷn yn gallu byw'n annibynnol gyda gofal ar y safle.",
    Contact(
        "Owain Bevan", "Pennaeth Comisiynu / Head of Commissioning", "owain.bevan@rctcbc.gov.uk"
    ),
    ["Rhondda Cynon Taf County Borough Council"],
    ["Adult social care", "Housing"],
    language="bilingual",
    challenge=[
        P(
            "Roedd llawer o bobl hŷn yn symud i gartrefi gofal yn gynt nag oedd angen oherwydd nad oedd eu cartrefi yn addas ac nad oedd dewis arall yn lleol."
        ),
        P(
            "Many older people were moving into care homes sooner than they needed to, because their homes were not suitable and there was no local alternative."
        ),
    ],
    solution=[
        P(
            "Mewn partneriaeth â chymdeithas dai, mae'r cyngor yn adeiladu pum cynllun gofal ychwanegol ar draws y fwrdeistref, gyda staff gofal ar y safle ddydd a nos."
        ),
        P(
            "Working with a housing association, the council is building five extra care schemes across the borough, with care staff on site day and night."
        ),
        Q(
            '"Mae gen i fy nrws ffrynt fy hun a help pan fydd ei angen," meddai Mrs Eirlys Davies, un o\'r tenantiaid cyntaf yn Aberpennar.'
        ),
    ],
    impact=[
        P(
            "Mae'r ddau gynllun cyntaf yn llawn, ac mae lleoliadau newydd mewn cartrefi gofal wedi gostwng 12 y cant. The first two schemes are full and new care home placements have fallen by 12 per cent."
        ),
    ],
    sustainability=[
        P(
            "Mae'r rhaglen wedi'i chynnwys yng nghynllun corfforaethol y cyngor tan 2030. The programme is in the council's corporate plan to 2030."
        ),
    ],
    lessons_learned=[
        P(
            "Dylid cynnwys pobl hŷn wrth ddylunio'r adeiladau. Involve older people in designing the buildings."
        ),
    ],
)

CONWY = stori(
    "conwy-gofal-cartref",
    "Cyngor Bwrdeistref Sirol Conwy: gofal cartref mewn timau bach",
    "Mae Conwy wedi trefnu gofal cartref mewn timau bach lleol sy'n cynllunio eu rowndiau eu hunain, gan leihau'r amser aros am ofal.",
    Contact(
        "Elen Hughes",
        "Rheolwr Gwasanaeth Gofal Cartref",
        "elen.hughes@conwy.gov.uk",
        "01492 574 000",
    ),
    ["Conwy County Borough Council"],
    ["Adult social care"],
    challenge=[
        P(
            "Roedd dros 200 o bobl yn aros am becyn gofal cartref yng Nghonwy, yn enwedig yn yr ardaloedd gwledig yn Nyffryn Conwy, ac roedd darparwyr yn ei chael hi'n anodd recriwtio gofalwyr."
        ),
    ],
    solution=[
        P(
            "Sefydlodd y cyngor dimau bach o ofalwyr ym mhob ardal, gyda'r rhyddid i gynllunio eu rowndiau eu hunain ac i addasu'r gofal gyda'r person."
        ),
        P("Mae gofalwyr yn cael eu talu am amser teithio ac yn cael cyflog byw gwirioneddol."),
        B("Wyth tîm lleol o ofalwyr"),
        B("Cerbydau trydan i ofalwyr nad oes ganddyn nhw gar"),
    ],
    impact=[
        P(
            "Mae'r rhestr aros wedi gostwng o 200 i 45 o bobl, ac mae trosiant staff wedi gostwng o 35 i 18 y cant."
        ),
    ],
    sustainability=[
        P(
            "Mae'r model wedi'i gynnwys yn y fframwaith comisiynu gofal cartref newydd, a bydd yn cael ei ymestyn i'r sir gyfan."
        ),
    ],
    lessons_learned=[
        P(
            "Mae ymddiried mewn gofalwyr i drefnu eu gwaith eu hunain yn gwella gofal ac yn cadw staff."
        ),
    ],
)

CEREDIGION = stori(
    "ceredigion-canolfannau-llesiant",
    "Cyngor Sir Ceredigion: canolfannau llesiant yn Aberystwyth a Llanbedr Pont Steffan",
    "Mae Ceredigion wedi dod â hamdden, iechyd a gwasanaethau cymdeithasol at ei gilydd mewn canolfannau llesiant, gan helpu pobl i aros yn iach ac yn annibynnol yn hirach.",
    Contact(
        "Sioned Evans",
        "Swyddog Datblygu Llesiant",
        "sioned.evans@ceredigion.gov.uk",
        "01545 570 881",
    ),
    ["Ceredigion County Council"],
    ["Public health", "Adult social care"],
    partners=["Bwrdd Iechyd Prifysgol Hywel Dda", "Prifysgol Aberystwyth"],
    challenge=[
        P(
            "Mae gan Geredigion un o'r poblogaethau hynaf yng Nghymru, ac mae'r galw am ofal cymdeithasol yn cynyddu bob blwyddyn. Roedd canolfannau hamdden y cyngor yn hen ac yn costio llawer i'w rhedeg."
        ),
        P(
            "Roedd gwasanaethau iechyd, hamdden a gofal yn gweithio ar wahân, ac roedd pobl yn gorfod teithio'n bell i gael help."
        ),
    ],
    solution=[
        P(
            "Trodd y cyngor ddwy ganolfan hamdden yn ganolfannau llesiant, lle mae ffisiotherapyddion, therapyddion galwedigaethol a hyfforddwyr ymarfer corff yn gweithio ochr yn ochr."
        ),
        P(
            "Gall meddygon teulu a gweithwyr cymdeithasol gyfeirio pobl at raglen ymarfer corff i atal cwympiadau, ac mae'r bwrdd iechyd yn cynnal clinigau yno."
        ),
    ],
    impact=[
        P(
            "Mae 1,800 o bobl wedi cwblhau'r rhaglen atal cwympiadau, ac mae derbyniadau i'r ysbyty oherwydd cwympiadau wedi gostwng 17 y cant. Mae'r canolfannau'n arbed tua £180,000 y flwyddyn i'r cyngor."
        ),
    ],
    sustainability=[
        P(
            "Mae'r canolfannau'n cael eu hariannu ar y cyd gan y cyngor a'r bwrdd iechyd drwy'r gronfa integreiddio rhanbarthol."
        ),
    ],
    lessons_learned=[
        P(
            "Mae'n haws newid y ffordd o weithio pan fo staff o wahanol sefydliadau yn rhannu'r un adeilad."
        ),
        P("Rhaid mesur yr effaith o'r dechrau er mwyn sicrhau cyllid tymor hir."),
    ],
)

SIR_GAR = stori(
    "sir-gar-bwyd-ysgol",
    "Cyngor Sir Gâr: prydau ysgol am ddim gyda bwyd lleol",
    "Wrth gyflwyno prydau ysgol am ddim i bob plentyn cynradd, prynodd Sir Gâr fwy o fwyd gan ffermwyr a chynhyrchwyr lleol.",
    Contact("Meinir Thomas", "Rheolwr Arlwyo", "mthomas@sirgar.gov.uk", "01267 234 567"),
    ["Carmarthenshire County Council"],
    ["Children and young people", "Economic growth"],
    partners=["Menter a Busnes"],
    challenge=[
        P(
            "Roedd angen i'r cyngor ddarparu 12,000 o brydau ychwanegol bob dydd pan gyflwynwyd prydau ysgol am ddim i bob plentyn cynradd, a hynny heb golli ansawdd."
        ),
        P("Dim ond 20 y cant o'r bwyd a brynwyd ar gyfer ysgolion oedd yn dod o Gymru."),
    ],
    solution=[
        P(
            "Rhannwyd contractau bwyd yn lotiau llai fel bod cynhyrchwyr lleol yn gallu gwneud cais, a chynhaliwyd sesiynau i helpu ffermwyr a chwmnïau bach i ddeall y broses dendro."
        ),
        P(
            "Cafodd ceginau ysgol offer newydd, a chafodd staff arlwyo hyfforddiant ar goginio gyda chynnyrch ffres."
        ),
    ],
    impact=[
        P(
            "Mae 45 y cant o'r bwyd a brynir ar gyfer ysgolion bellach yn dod o Gymru, ac mae £2.4m y flwyddyn yn cael ei wario gyda chynhyrchwyr lleol. Mae nifer y plant sy'n bwyta cinio ysgol wedi codi i 86 y cant."
        ),
    ],
    sustainability=[
        P(
            "Mae'r polisi caffael bwyd newydd yn gofyn am ystyried cynhyrchwyr lleol ym mhob contract."
        ),
    ],
    lessons_learned=[
        P("Mae contractau llai yn agor y drws i fusnesau lleol."),
        P("Mae staff arlwyo yn allweddol; rhaid buddsoddi yn eu sgiliau."),
    ],
)


MWY = {
    "conwy-gofal-cartref": {
        "challenge": [
            P(
                "Roedd gofalwyr yn treulio oriau yn teithio rhwng ymweliadau byr, ac roedd llawer yn gadael y sector ar ôl ychydig fisoedd oherwydd pwysau'r gwaith a'r diffyg cefnogaeth."
            ),
        ],
        "solution": [
            P(
                "Mae pob tîm yn cyfarfod bob wythnos i drafod y bobl y maen nhw'n eu cefnogi, ac mae ganddyn nhw fynediad uniongyrchol at therapydd galwedigaethol a nyrs ardal."
            ),
        ],
        "impact": [
            P(
                "Mae pobl sy'n derbyn gofal yn dweud eu bod yn gweld llai o wynebau gwahanol, a bod y gofalwyr yn eu hadnabod yn well. Mae'r cyngor wedi arbed tua £240,000 ar ofal asiantaeth."
            ),
        ],
        "lessons_learned": [
            P(
                "Mae talu am amser teithio yn hanfodol os ydych chi am gadw gofalwyr mewn ardaloedd gwledig."
            ),
        ],
    },
    "sir-gar-bwyd-ysgol": {
        "solution": [
            P(
                "Gweithiodd y cyngor gyda Menter a Busnes i helpu cynhyrchwyr bach i gael yr achrediadau diogelwch bwyd sydd eu hangen i gyflenwi ysgolion."
            ),
        ],
        "impact": [
            P(
                "Mae cogyddion ysgol yn dweud bod y plant yn bwyta mwy o lysiau, ac mae rhieni wedi croesawu'r bwydlenni newydd."
            ),
        ],
    },
    "ceredigion-canolfannau-llesiant": {
        "solution": [
            P(
                "Mae gwasanaethau ar gael yn Gymraeg ac yn Saesneg, ac mae trafnidiaeth gymunedol yn dod â phobl o'r pentrefi gwledig i'r canolfannau."
            ),
        ],
    },
    "abertawe-llyfrgelloedd-cynnes": {
        "challenge": [
            P(
                "Roedd swyddfeydd cyngor ar bopeth wedi cau yn rhai o'r cymunedau, a doedd gan lawer o bobl ddim ffordd o fynd i ganol y ddinas."
            ),
            P(
                "Advice offices had closed in several communities, and many people had no way of getting to the city centre."
            ),
        ],
        "impact": [
            P(
                "Cafodd trigolion gymorth i hawlio £1.1m o fudd-daliadau nad oedden nhw wedi'u hawlio o'r blaen. Residents were helped to claim £1.1m of benefits they had not claimed before."
            ),
        ],
        "lessons_learned": [
            P(
                "Mae angen hyfforddi staff y llyfrgell i gyfeirio pobl yn hyderus. Library staff need training to refer people with confidence."
            ),
        ],
    },
    "rhondda-cynon-taf-gofal-ychwanegol": {
        "impact": [
            P(
                "Mae tenantiaid yn dweud eu bod yn teimlo'n llai unig, ac mae llai o alwadau brys i'r gwasanaeth ambiwlans o'r cynlluniau. Tenants say they feel less lonely, and there are fewer emergency calls to the ambulance service from the schemes."
            ),
        ],
    },
    "sir-ddinbych-ailgylchu": {
        "solution": [
            P(
                "Cafodd trigolion mewn fflatiau a thai heb le i storio cynwysyddion gynnig sachau y gellir eu hailddefnyddio yn eu lle."
            ),
        ],
    },
    "gwynedd-tai-lleol": {},
    "caerdydd-profi-olrhain-diogelu": {},
}

for _stori in (CAERDYDD, SIR_DDINBYCH, GWYNEDD, ABERTAWE, RHONDDA, CONWY, CEREDIGION, SIR_GAR):
    for _key, _blocks in MWY.get(_stori.key, {}).items():
        _stori.sections.setdefault(_key, []).extend(_blocks)
