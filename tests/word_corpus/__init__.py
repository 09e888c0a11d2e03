"""A corpus of Word documents as councils write them, each with what a reader should make of it.

``build_corpus(template_en, template_cy)`` renders every story in its council's style (and fills
the site's own templates, downloaded by the caller) and returns ``CorpusDocument``s whose
``expected`` says where each paragraph belongs; ``placement(expected, found)`` scores a result.

Styles (the ``style`` of each document, the rows of the figures):
heading-styles, bold-lines, run-in, numbered, questions, label-table, font-size, metadata, welsh,
template, mess."""

from __future__ import annotations

import re

from tests.word_corpus import ooxml
from tests.word_corpus import stories_cy as cy
from tests.word_corpus import stories_en as en
from tests.word_corpus import stories_hard as hard
from tests.word_corpus import stories_more as more
from tests.word_corpus.model import CorpusDocument, Expected, Item, Misplaced, normalise, placement
from tests.word_corpus.render import (
    BILINGUAL_WORDS,
    COUNCIL_WORDS,
    LONG_WORDS,
    QUESTION_WORDS,
    TEMPLATE_WORDS,
    WELSH_WORDS,
    Look,
    render_story,
)
from tests.word_corpus.template import Filling, fill

__all__ = [
    "CorpusDocument",
    "Expected",
    "Item",
    "Misplaced",
    "build_corpus",
    "placement",
    "STYLES",
]

STYLES = (
    "heading-styles",
    "bold-lines",
    "run-in",
    "numbered",
    "questions",
    "label-table",
    "font-size",
    "metadata",
    "welsh",
    "template",
    "mess",
)


def words(**changes) -> dict[str, str]:
    return {**TEMPLATE_WORDS, **changes}


SHORT = words(
    solution="The solution",
    impact="The impact",
    sustainability="Sustainability",
    contact="Contact",
)

# (story, look): how each council's officer typed it.
RENDERED = [
    # 1. Heading styles with the template's wording.
    (
        en.KENT,
        Look(
            "heading-styles",
            header="Local Government Association case study - OFFICIAL",
            heading="heading1",
            meta=["Topics: Adult social care; Digital"],
        ),
    ),
    (en.LEEDS, Look("heading-styles", spaced=True, heading="heading2", title="heading1")),
    (en.CAMDEN, Look("heading-styles", heading="heading2", meta=["Topic: Climate change"])),
    (
        en.TOWER_HAMLETS,
        Look("heading-styles", heading="heading1", title="bold", contact="labelled"),
    ),
    (
        en.SOUTH_CAMBS,
        Look(
            "heading-styles",
            heading="heading2",
            summary_heading="Summary",
            meta=["Topic: Workforce"],
        ),
    ),
    # 2. Bold lines, councils' own wording.
    (
        en.WIGAN,
        Look("bold-lines", spaced=True, words=dict(COUNCIL_WORDS), heading="bold", title="bold"),
    ),
    (
        en.MANCHESTER,
        Look(
            "bold-lines",
            header="OFFICIAL - for publication on the LGA website",
            words=words(
                challenge="Background", lessons_learned="Lessons learnt", contact="Contact details"
            ),
            heading="bold",
            title="bold",
            contact="labelled",
        ),
    ),
    (
        en.PLYMOUTH,
        Look(
            "bold-lines",
            words=words(challenge="Overview"),
            heading="bold_colon",
            title="plain",
            contact="lines",
        ),
    ),
    (
        en.DEVON,
        Look("bold-lines", heading="caps_bold", title="bold", meta=["Topic: Adult social care"]),
    ),
    (
        en.NEWCASTLE,
        Look(
            "bold-lines",
            words=dict(COUNCIL_WORDS, solution="The solution"),
            heading="bold",
            title="plain",
        ),
    ),
    # 3. Run-in headings: a label and the text in the same paragraph.
    (en.NORFOLK, Look("run-in", words=dict(SHORT), heading="runin", title="bold")),
    (
        en.BARNSLEY,
        Look("run-in", heading="runin", title="title", meta=["Topics: Workforce; Economic growth"]),
    ),
    (
        en.LIVERPOOL,
        Look(
            "run-in",
            words={
                "challenge": "Challenge",
                "solution": "Solution",
                "impact": "Impact",
                "sustainability": "Sustainability",
                "lessons_learned": "Lessons learnt",
                "contact": "Contact",
            },
            heading="runin_dash",
            title="plain",
        ),
    ),
    (
        en.DERBY,
        Look("run-in", words=dict(SHORT), heading="runin_dash", title="bold", contact="labelled"),
    ),
    # 4. Numbered headings.
    (en.STOCKPORT, Look("numbered", heading="list_number", title="title")),
    (en.LINCOLNSHIRE, Look("numbered", heading="numpr", title="bold", meta=["Topic: COVID-19"])),
    (en.CAMBRIDGESHIRE, Look("numbered", heading="typed_number", title="plain")),
    (en.SHEFFIELD, Look("numbered", words=dict(LONG_WORDS), heading="list_number", title="bold")),
    # 5. Questions and long wordings.
    (
        en.ESSEX,
        Look(
            "questions", spaced=True, words=dict(QUESTION_WORDS), heading="heading2", title="title"
        ),
    ),
    (
        en.HACKNEY,
        Look(
            "questions",
            words=dict(QUESTION_WORDS),
            heading="bold",
            title="bold",
            meta=["Topic: Digital"],
        ),
    ),
    (
        en.NOTTS,
        Look(
            "questions",
            words=dict(LONG_WORDS),
            heading="heading2",
            title="title",
            contact="labelled",
        ),
    ),
    (en.BRADFORD, Look("questions", words=dict(LONG_WORDS), heading="bold", title="plain")),
    # 6. Label | answer tables.
    (en.CORNWALL, Look("label-table", heading="table")),
    (en.SOMERSET, Look("label-table", heading="table", meta=["Case study"])),
    (en.BRIGHTON, Look("label-table", heading="table", contact="labelled")),
    (cy.CONWY, Look("label-table", heading="table", contact="labelled_cy")),
    # 7. Font-size headings in the Normal style.
    (en.SUNDERLAND, Look("font-size", spaced=True, heading="font_size", title="big")),
    (
        en.SOUTHWARK,
        Look(
            "font-size",
            heading="font_size_bold",
            title="big",
            meta=["Topics: Climate change; Housing"],
        ),
    ),
    (
        en.OXFORDSHIRE,
        Look(
            "font-size",
            header="One Public Estate programme - case study draft v3",
            words=dict(SHORT),
            heading="font_size",
            title="plain",
        ),
    ),
    # 8. Metadata lines under the title.
    (
        en.EAST_SUFFOLK,
        Look(
            "metadata",
            spaced=True,
            heading="heading2",
            meta=[
                "Topics: Economic growth; Climate change",
                "Council: East Suffolk Council",
                "Date: March 2023",
            ],
        ),
    ),
    (
        en.SUFFOLK,
        Look(
            "metadata",
            heading="bold",
            title="bold",
            meta=[
                "Councils involved: Suffolk County Council, Mid Suffolk District Council and "
                "East Suffolk Council",
                "Topics: Waste and recycling; Climate change",
                "Date: 14 September 2022",
            ],
        ),
    ),
    (
        en.DERBYSHIRE_DALES,
        Look(
            "metadata",
            heading="heading2",
            meta=[
                "Lead authority: Derbyshire Dales District Council",
                "Partners: Openreach, Peak District National Park Authority",
                "Topics: Digital, Economic growth",
            ],
        ),
    ),
    (
        en.NE_LINCS,
        Look(
            "metadata",
            heading="bold",
            title="bold",
            meta=[
                "North East Lincolnshire Council",
                "Topic: Children and young people",
                "Partners: Humber and North Yorkshire Integrated Care Board, University of Lincoln",
                "Date: 12 January 2022",
            ],
        ),
    ),
    # 9. Welsh and bilingual.
    (
        cy.CAERDYDD,
        Look(
            "welsh",
            localised={"Heading1": "Pennawd1", "Heading2": "Pennawd2", "Title": "Teitl"},
            words=dict(WELSH_WORDS),
            heading="heading2",
            summary_heading="Crynodeb",
            contact="labelled_cy",
            meta=["Pwnc: COVID-19"],
        ),
    ),
    (
        cy.SIR_DDINBYCH,
        Look(
            "welsh",
            words=dict(WELSH_WORDS),
            heading="bold",
            title="bold",
            meta=["Cyngor Sir Ddinbych", "Dyddiad: Mawrth 2023"],
        ),
    ),
    (
        cy.GWYNEDD,
        Look(
            "welsh",
            words=dict(WELSH_WORDS),
            heading="bold_colon",
            title="plain",
            contact="labelled_cy",
            meta=["Cyngor: Cyngor Gwynedd", "Pwnc / Topic: Housing"],
        ),
    ),
    (
        cy.ABERTAWE,
        Look(
            "welsh",
            localised={"Heading1": "Pennawd1", "Heading2": "Pennawd2", "Title": "Teitl"},
            words=dict(BILINGUAL_WORDS),
            heading="heading2",
            title="title",
        ),
    ),
    (
        cy.RHONDDA,
        Look(
            "welsh",
            words=dict(BILINGUAL_WORDS),
            heading="bold",
            title="bold",
            contact="labelled_cy",
        ),
    ),
    # What trips readers up in real documents, in several of the styles above.
    (
        hard.BOLTON,
        Look(
            "bold-lines",
            heading="bold",
            title="bold",
            subheading="bold",
            contact="sentence",
            meta=["Topic: Customer services"],
            comments=[("solution", "Can we name the advice partner here? JB")],
            features=("bold sub-headings", "comment", "contact sentence"),
        ),
    ),
    (
        hard.GATESHEAD,
        Look(
            "heading-styles",
            heading="heading2",
            summary_label="Summary",
            contact="tabbed",
            features=("Heading 3 sub-headings", "run-in summary label", "tabbed contact"),
        ),
    ),
    (
        hard.SWINDON,
        Look(
            "bold-lines",
            words=words(challenge="Background"),
            heading="bold",
            title="plain",
            contact="labelled",
            meta=["Topic: Transport"],
            features=("no sustainability or lessons sections",),
        ),
    ),
    (
        hard.TORFAEN,
        Look(
            "welsh",
            words=dict(WELSH_WORDS),
            heading="heading2",
            contact="tabbed_cy",
            comments=[("impact", "Oes modd cadarnhau'r ffigur arbedion gyda'r adran gyllid? LP")],
            features=("comment", "tabbed contact"),
        ),
    ),
    # 11. All of Word's mess.
    (
        hard.WALSALL,
        Look(
            "mess",
            heading="banner",
            title="title",
            meta=["Topics: Public health; COVID-19"],
            comments=[("challenge", "Add the number of volunteers from the 2020 report?")],
            picture_in="solution",
            features=("banner-table headings", "comment", "picture"),
        ),
    ),
    (
        more.KINGS_LYNN,
        Look(
            "mess",
            spaced=True,
            heading="heading2",
            meta=["Topic: Economic growth"],
            text_box="solution",
            tracked="impact",
            picture_in="impact",
            link=("challenge", "https://www.west-norfolk.gov.uk/towndeal"),
            features=(
                "text box",
                "tracked changes",
                "picture",
                "hyperlink",
                "key points",
                "quote",
                "table",
            ),
        ),
    ),
    (
        more.WEST_OXON,
        Look(
            "mess",
            heading="bold",
            title="bold",
            meta=["Council: West Oxfordshire District Council", "Topics: Climate change; Housing"],
            content_control="solution",
            deleted=[
                (
                    "impact",
                    "This figure is still to be confirmed by the energy charity before we "
                    "publish it.",
                )
            ],
            link=("solution", "https://www.westoxon.gov.uk/retrofit"),
            features=("content control", "tracked deletion", "line breaks", "hyperlink"),
        ),
    ),
    (
        more.MID_DEVON,
        Look(
            "mess",
            heading="bold_colon",
            title="bold",
            meta=["Date: June 2023"],
            tracked="challenge",
            text_box="impact",
            picture_in="solution",
            features=("tracked changes", "text box", "picture", "key points"),
        ),
    ),
    (
        more.NORTH_LINCS,
        Look(
            "mess",
            header="North Lincolnshire Council | Economy and Skills",
            heading="heading1",
            meta=[
                "Lead authority: North Lincolnshire Council",
                "Topics: Economic growth; Workforce",
            ],
            content_control="challenge",
            tracked="lessons_learned",
            picture_in="sustainability",
            features=("content control", "line breaks", "tracked changes", "picture"),
        ),
    ),
]

PARTNERS_EN = {
    "bristol": [
        ("Bristol Refugee and Asylum Seeker Partnership", "Charity or voluntary group", ""),
        (
            "NHS Bristol, North Somerset and South Gloucestershire",
            "NHS body",
            "https://bnssg.icb.nhs.uk",
        ),
    ],
    "banes": [
        ("Centre for Sustainable Energy", "Charity or voluntary group", "https://www.cse.org.uk")
    ],
}
# (story, language, how it was filled in)
FILLED = [
    (
        en.BRISTOL,
        "en",
        Filling(
            lead_council="Bristol City Council",
            partners=PARTNERS_EN["bristol"],
            publish_contact=True,
            features=("lead council typed", "partner rows", "contact published"),
        ),
    ),
    (
        more.BANES,
        "en",
        Filling(
            lead_council="Bath and North East Somerset Council",
            lead_keeps_grey=True,
            partners=PARTNERS_EN["banes"],
            publish_contact=True,
            overtype=("challenge", "solution"),
            content_control="impact",
            features=("typed over guidance", "line breaks", "content control", "grey lead council"),
        ),
    ),
    (
        more.EAST_DEVON,
        "en",
        Filling(
            other_councils="East Devon District Council",
            text_box="solution",
            tracked="impact",
            features=("councils cell", "text box", "tracked changes"),
        ),
    ),
    (
        more.NORTH_NORFOLK,
        "en",
        Filling(
            lead_council="North Norfolk District Council",
            other_councils="North Norfolk District Council\nNorfolk County Council",
            cost_saving="£1.2m",
            overtype=("lessons_learned",),
            tracked="challenge",
            publish_contact=True,
            features=(
                "two councils",
                "table in a section",
                "typed over guidance",
                "tracked changes",
            ),
        ),
    ),
    (
        hard.HERTFORDSHIRE,
        "en",
        Filling(
            lead_council="Hertfordshire County Council",
            partners=[("Fostering Network", "Charity or voluntary group", "")],
            cell_controls=True,
            delete_guidance=True,
            publish_contact=True,
            features=("content controls in cells", "guidance deleted"),
        ),
    ),
    (
        cy.CEREDIGION,
        "cy",
        Filling(
            lead_council="Cyngor Sir Ceredigion",
            partners=[
                ("Bwrdd Iechyd Prifysgol Hywel Dda", "Corff GIG", ""),
                ("Prifysgol Aberystwyth", "Prifysgol neu goleg", "https://www.aber.ac.uk"),
            ],
            publish_contact=True,
            content_control="solution",
            features=("Welsh template", "partner rows", "content control"),
        ),
    ),
    (
        cy.SIR_GAR,
        "cy",
        Filling(
            lead_council="Cyngor Sir Gâr",
            partners=[("Menter a Busnes", "Arall", "")],
            overtype=("challenge", "impact"),
            text_box="sustainability",
            features=("Welsh template", "typed over guidance", "text box"),
        ),
    ),
]

_TOPIC_LINE = re.compile(r"^(topics?|pwnc)\b", re.IGNORECASE)


def _check(document: CorpusDocument) -> None:
    """The yardstick's own honesty: every snippet names one item of its document only."""
    items = [item for item in document.expected.items if item.kind != "field"]
    texts = [normalise(item.text) for item in items]
    from tests.word_corpus.model import snippet

    for index, item in enumerate(items):
        if item.place == "title":
            continue
        needle = snippet(item.text)
        others = [t for i, t in enumerate(texts) if i != index and needle in t]
        assert not others, f"{document.name}: {needle!r} is not distinctive"


def build_corpus(template_en: bytes, template_cy: bytes) -> list[CorpusDocument]:
    corpus = []
    for index, (story, look) in enumerate(RENDERED):
        ooxml.reset_ids()
        # Every other document as Word saves it after a few edits: runs cut, headings marked.
        look.word_saved = index % 2 == 0
        if look.word_saved and "split runs" not in look.features:
            look.features = (*look.features, "split runs")
        document = render_story(story, look, story.key)
        if look.style != "label-table":
            # The topics a document gives are those its "Topic:" line names, if it has one.
            lines = " ".join(m for m in look.meta if _TOPIC_LINE.match(m)).casefold()
            document.expected.topics = [t for t in story.topics if t.casefold() in lines]
        corpus.append(document)
    for story, language, how in FILLED:
        template = template_en if language == "en" else template_cy
        ooxml.reset_ids()
        corpus.append(fill(template, story, language, how, f"template-{story.key}"))
    for document in corpus:
        _check(document)
    return corpus


def document_names() -> list[tuple[str, str]]:
    """(name, style) of every document, without building them (for test ids at collection)."""
    return [(story.key, look.style) for story, look in RENDERED] + [
        (f"template-{story.key}", "template") for story, _language, _how in FILLED
    ]
