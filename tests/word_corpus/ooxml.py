"""What Word writes that python-docx does not: text boxes, tracked changes, content controls,
numbering on a plain paragraph, and a deterministic package."""

from __future__ import annotations

import copy
import io
import re
import zipfile
from itertools import count

from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_ids = count(100)
AUTHOR = "Sam Officer"
DATE = "2023-03-14T10:12:00Z"
FIXED_ZIP_TIME = (2023, 3, 14, 10, 12, 0)


def reset_ids() -> None:
    """Number the tracked changes, text boxes and content controls of each document from the
    same start, so that building the corpus twice gives the same bytes."""
    global _ids
    _ids = count(100)


def to_bytes(document) -> bytes:
    """The document saved, its zip entries dated alike, so the same corpus gives the same bytes."""
    document.core_properties.author = AUTHOR
    document.core_properties.last_modified_by = AUTHOR
    buffer = io.BytesIO()
    document.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    target = io.BytesIO()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in source.infolist():
            fixed = zipfile.ZipInfo(item.filename, FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            data = source.read(item.filename)
            if item.filename == "word/comments.xml":  # python-docx dates a comment now
                data = re.sub(rb'w:date="[^"]*"', f'w:date="{DATE}"'.encode(), data)
            archive.writestr(fixed, data)
    return target.getvalue()


def run_element(text: str, *, bold=False, italic=False, deleted=False, size=None):
    run = OxmlElement("w:r")
    if bold or italic or size:
        properties = OxmlElement("w:rPr")
        if bold:
            properties.append(OxmlElement("w:b"))
        if italic:
            properties.append(OxmlElement("w:i"))
        if size:
            size_element = OxmlElement("w:sz")
            size_element.set(qn("w:val"), str(size * 2))
            properties.append(size_element)
        run.append(properties)
    text_element = OxmlElement("w:delText" if deleted else "w:t")
    text_element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    text_element.text = text
    run.append(text_element)
    return run


def add_insertion(paragraph, text: str) -> None:
    """Text typed with Track Changes on, not yet accepted."""
    insertion = OxmlElement("w:ins")
    insertion.set(qn("w:id"), str(next(_ids)))
    insertion.set(qn("w:author"), AUTHOR)
    insertion.set(qn("w:date"), DATE)
    insertion.append(run_element(text))
    paragraph._p.append(insertion)


def add_deletion(paragraph, text: str) -> None:
    """Text struck out with Track Changes on: Word no longer shows it once accepted."""
    deletion = OxmlElement("w:del")
    deletion.set(qn("w:id"), str(next(_ids)))
    deletion.set(qn("w:author"), AUTHOR)
    deletion.set(qn("w:date"), DATE)
    deletion.append(run_element(text, deleted=True))
    paragraph._p.append(deletion)


def tracked_paragraph(paragraph, pieces) -> None:
    """``pieces``: ("keep"|"ins"|"del", text), in order, into one paragraph."""
    for how, text in pieces:
        if how == "keep":
            paragraph.add_run(text)
        elif how == "ins":
            add_insertion(paragraph, text)
        else:
            add_deletion(paragraph, text)


def deleted_paragraph(document, text: str):
    """A whole paragraph deleted with Track Changes on (its mark too)."""
    paragraph = document.add_paragraph()
    properties = paragraph._p.get_or_add_pPr()
    run_properties = OxmlElement("w:rPr")
    mark = OxmlElement("w:del")
    mark.set(qn("w:id"), str(next(_ids)))
    mark.set(qn("w:author"), AUTHOR)
    mark.set(qn("w:date"), DATE)
    run_properties.append(mark)
    properties.append(run_properties)
    add_deletion(paragraph, text)
    return paragraph


def wrap_in_content_control(paragraphs, tag: str, alias: str) -> None:
    """Block-level content control (w:sdt) round consecutive paragraphs, as a form-like template
    or a copy-paste from one gives them."""
    first = paragraphs[0]._p
    sdt = OxmlElement("w:sdt")
    properties = OxmlElement("w:sdtPr")
    alias_element = OxmlElement("w:alias")
    alias_element.set(qn("w:val"), alias)
    tag_element = OxmlElement("w:tag")
    tag_element.set(qn("w:val"), tag)
    id_element = OxmlElement("w:id")
    id_element.set(qn("w:val"), str(next(_ids) * 7919))
    properties.extend([alias_element, tag_element, id_element])
    content = OxmlElement("w:sdtContent")
    first.addprevious(sdt)
    sdt.append(properties)
    sdt.append(content)
    for paragraph in paragraphs:
        content.append(paragraph._p)


def inline_content_control(paragraph, text: str, tag: str) -> None:
    """A run-level content control (a plain-text box inside a line)."""
    sdt = OxmlElement("w:sdt")
    properties = OxmlElement("w:sdtPr")
    tag_element = OxmlElement("w:tag")
    tag_element.set(qn("w:val"), tag)
    properties.append(tag_element)
    content = OxmlElement("w:sdtContent")
    content.append(run_element(text))
    sdt.append(properties)
    sdt.append(content)
    paragraph._p.append(sdt)


_TEXT_BOX = """<w:r xmlns:w="{w}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
 xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
 xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
 xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
 xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office">
<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>
<wp:anchor distT="45720" distB="45720" distL="114300" distR="114300" simplePos="0"
 relativeHeight="251659264" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">
<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset>
</wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset>
</wp:positionV><wp:extent cx="5400000" cy="1400000"/><wp:effectExtent l="0" t="0" r="0" b="0"/>
<wp:wrapTopAndBottom/><wp:docPr id="{id}" name="Text Box {id}"/><wp:cNvGraphicFramePr/>
<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/>
<a:ext cx="5400000" cy="1400000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>
</wps:spPr><wps:txbx><w:txbxContent>{paragraphs}</w:txbxContent></wps:txbx><wps:bodyPr/>
</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>
<mc:Fallback><w:pict><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202"
 path="m,l,21600r21600,l21600,xe"/><v:shape id="Text Box {id}" o:spid="_x0000_s{id}"
 type="#_x0000_t202" style="position:absolute;width:425pt;height:110pt">
<v:textbox><w:txbxContent>{paragraphs}</w:txbxContent></v:textbox></v:shape></w:pict>
</mc:Fallback></mc:AlternateContent></w:r>"""


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def add_text_box(paragraph, texts: list[str]) -> None:
    """A text box anchored in ``paragraph`` holding one paragraph per text, as Word saves it: the
    drawing for new Word and the same text again in the VML fallback for old readers."""
    inner = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{_escape(text)}</w:t></w:r></w:p>' for text in texts
    )
    paragraph._p.append(parse_xml(_TEXT_BOX.format(w=W_NS, id=next(_ids), paragraphs=inner)))


def add_link(paragraph, text: str, url: str) -> None:
    rel_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    hyperlink = OxmlElement("w:hyperlink")
    hyperlink.set(qn("r:id"), rel_id)
    run = run_element(text)
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    properties = OxmlElement("w:rPr")
    properties.append(style)
    run.insert(0, properties)
    hyperlink.append(run)
    paragraph._p.append(hyperlink)


def number_paragraph(document, paragraph, level: int = 0) -> None:
    """Word's automatic numbering on a Normal paragraph (w:numPr), using the numbering the
    'List Number' style points at."""
    style_numbering = document.styles["List Number"].element.find(qn("w:pPr")).find(qn("w:numPr"))
    num_id = style_numbering.find(qn("w:numId")).get(qn("w:val"))
    properties = paragraph._p.get_or_add_pPr()
    numbering = OxmlElement("w:numPr")
    level_element = OxmlElement("w:ilvl")
    level_element.set(qn("w:val"), str(level))
    id_element = OxmlElement("w:numId")
    id_element.set(qn("w:val"), num_id)
    numbering.extend([level_element, id_element])
    properties.insert(0, numbering)


def grey_italic(run) -> None:
    run.italic = True
    run.font.color.rgb = RGBColor(0x50, 0x50, 0x50)


def sized(run, points: float, bold: bool = False) -> None:
    run.font.size = Pt(points)
    if bold:
        run.bold = True


def insert_paragraph_after(paragraph, text: str = "", style=None):
    """A new paragraph straight after ``paragraph`` (pressing Enter at its end)."""
    from docx.text.paragraph import Paragraph

    new = OxmlElement("w:p")
    paragraph._p.addnext(new)
    created = Paragraph(new, paragraph._parent)
    if text:
        created.add_run(text)
    if style is not None:
        created.style = style
    return created


def split_runs(document) -> None:
    """Runs cut where Word cuts them (a spelling check, an edit on another day: each keeps its
    formatting and gets a revision id), and a bookmark on each heading, as a table of contents
    leaves them. The text and its look are unchanged."""
    body = document.element.body
    for number, paragraph in enumerate(body.iter(qn("w:p"))):
        paragraph.set(qn("w:rsidR"), f"00{number:06X}")
        for run in list(paragraph.iterchildren(qn("w:r"))):
            texts = run.findall(qn("w:t"))
            plain = all(child.tag in (qn("w:rPr"), qn("w:t")) for child in run)
            if len(texts) != 1 or not plain or len(texts[0].text or "") < 8:
                continue  # only a run of text alone (a break or tab stays where it is)
            text = texts[0].text
            cut = len(text) // 2
            twin = copy.deepcopy(run)
            texts[0].text = text[:cut]
            twin.find(qn("w:t")).text = text[cut:]
            for part in (run, twin):
                part.find(qn("w:t")).set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            twin.set(qn("w:rsidR"), f"00A{number:05X}")
            run.addnext(twin)
        style = paragraph.find(qn("w:pPr") + "/" + qn("w:pStyle"))
        if style is not None and style.get(qn("w:val"), "").startswith("Heading"):
            mark = next(_ids)
            start = OxmlElement("w:bookmarkStart")
            start.set(qn("w:id"), str(mark))
            start.set(qn("w:name"), f"_Toc{mark:09d}")
            end = OxmlElement("w:bookmarkEnd")
            end.set(qn("w:id"), str(mark))
            properties = paragraph.find(qn("w:pPr"))
            properties.addnext(start)
            paragraph.append(end)


def localise_styles(document, ids: dict[str, str]) -> None:
    """Style ids as a Word in another language saves them (Welsh Word: 'Pennawd1' for Heading 1);
    the names stay Word's built-in English ones, in lower case, as Word writes them."""
    styles = document.styles.element
    for style in styles.iterchildren(qn("w:style")):
        old = style.get(qn("w:styleId"))
        if old in ids:
            style.set(qn("w:styleId"), ids[old])
            name = style.find(qn("w:name"))
            if name is not None and name.get(qn("w:val"), "").startswith("Heading"):
                name.set(qn("w:val"), name.get(qn("w:val")).lower())
        for tag in ("w:basedOn", "w:link", "w:next"):
            reference = style.find(qn(tag))
            if reference is not None and reference.get(qn("w:val")) in ids:
                reference.set(qn("w:val"), ids[reference.get(qn("w:val"))])
    for reference in document.element.body.iter(qn("w:pStyle")):
        if reference.get(qn("w:val")) in ids:
            reference.set(qn("w:val"), ids[reference.get(qn("w:val"))])
