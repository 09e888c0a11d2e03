"""Send each corpus document through the package's three ways in for Word, as a black box, and
read back what each stored: the raw-body intake, the form page's upload, and the import command.

Each measurement runs in a savepoint that is rolled back, so the paths never see each other's
submissions or pages; the outcome is plain data, cached for the session."""

from __future__ import annotations

import hashlib
import io
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings

from tests.word_corpus.model import CorpusDocument, Misplaced, normalise, placement

PATHS = ("raw_body", "form_upload", "import")
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
RICH = ("challenge", "solution", "impact", "sustainability", "lessons_learned")
# Topics the register holds while the corpus is measured (English names; the Welsh template
# lists them as they are).
TOPICS = (
    "Adult social care",
    "Children and young people",
    "Climate change",
    "COVID-19",
    "Culture and libraries",
    "Customer services",
    "Digital",
    "Economic growth",
    "Housing",
    "Public health",
    "Transport",
    "Waste and recycling",
    "Workforce",
)
# Councils the documents do not name but a careless match could take (same words, other place).
DISTRACTORS = (
    "Newcastle-under-Lyme Borough Council",
    "North Somerset Council",
    "South Norfolk Council",
    "West Suffolk Council",
    "North Devon Council",
    "Vale of Glamorgan Council",
    "Newport City Council",
)


@dataclass
class Outcome:
    path: str
    name: str
    style: str
    stored: bool
    detail: str = ""
    right: int = 0
    total: int = 0
    misplaced: list[Misplaced] = field(default_factory=list)
    title: str = ""
    summary: str = ""
    councils: list[str] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    consent_publish_contact: bool | None = None
    leaks: list[str] = field(default_factory=list)
    found: dict[str, str] = field(default_factory=dict)

    def __repr__(self) -> str:  # short in assertion messages; the found text is long
        return f"Outcome({self.path}, {self.name}, stored={self.stored}, {self.right}/{self.total})"

    @property
    def ratio(self) -> float:
        return self.right / self.total if self.total else 0.0


# --- The world the corpus needs -----------------------------------------------------------------


def register_records(names):
    """The shipped register's records for ``names`` and the councils they hang from."""
    from wagtail_casestudies.councils.data import records_by_code

    by_code = records_by_code()
    by_name = {record.name: record for record in by_code.values()}
    wanted, queue = {}, [by_name[name].gss_code for name in names]
    while queue:
        code = queue.pop()
        if code in wanted or code not in by_code:
            continue
        record = by_code[code]
        wanted[code] = record
        queue += [record.parent, record.successor, *record.successors]
    return tuple(wanted.values())


def create_topics() -> None:
    from tests import factories

    for topic in TOPICS:
        factories.make_topic(topic)


def create_councils(corpus: list[CorpusDocument]) -> None:
    """The councils the corpus names (from the shipped register, with their Welsh names and
    spellings) plus a few it does not."""
    from wagtail_casestudies.councils.register import load_councils

    names = {name for doc in corpus for name in doc.expected.councils} | set(DISTRACTORS)
    load_councils(records=register_records(sorted(names)))


def create_pages() -> None:
    """The case-study index (the import's parent) and the submission form page below it."""
    from tests import factories
    from wagtail_casestudies.models import CaseStudySubmissionPage

    index = factories.make_index_page(title="Corpus case studies")
    page = CaseStudySubmissionPage(title="Send us a case study", slug="submit")
    index.add_child(instance=page)
    page.save_revision().publish()


def tear_down_world() -> None:
    from wagtail_casestudies.models import CaseStudyIndexPage, Council, Topic

    for index in CaseStudyIndexPage.objects.all():
        index.delete()

    Council.objects.update(parent=None, successor=None)
    Council.objects.all().delete()
    Topic.objects.all().delete()


def download_templates() -> tuple[bytes, bytes]:
    """The English and the Welsh template, as the site serves them (Welsh by Accept-Language
    on a site that speaks both)."""
    from django.conf import settings

    cache.clear()
    client = Client()
    english = client.get("/casestudies/template.docx")
    assert english.status_code == 200, english.status_code
    middleware = [
        *settings.MIDDLEWARE[:1],
        "django.middleware.locale.LocaleMiddleware",
        *settings.MIDDLEWARE[1:],
    ]
    with override_settings(LANGUAGES=[("en", "English"), ("cy", "Welsh")], MIDDLEWARE=middleware):
        cache.clear()
        # A new client: a client's handler loads the middleware once, at its first request.
        welsh = Client().get("/casestudies/template.docx", headers={"Accept-Language": "cy"})
    cache.clear()
    assert welsh.status_code == 200, welsh.status_code
    assert b"Yr her" in _document_xml(welsh.content), "the template did not come out in Welsh"
    return english.content, welsh.content


def _document_xml(content: bytes) -> bytes:
    import zipfile

    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return archive.read("word/document.xml")


# --- Reading what a path stored -----------------------------------------------------------------


def _text(value) -> str:
    from wagtail_casestudies.submissions.sanitise import html_to_text

    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "\n".join(_text(v) for v in value)
    if isinstance(value, dict):
        return "\n".join(_text(v) for v in value.values())
    return html_to_text(str(value))


def _table_text(rows) -> str:
    return "\n".join(" | ".join(str(cell) for cell in row) for row in rows or ())


def found_in_submission(submission) -> dict[str, str]:
    data = submission.data or {}
    imported = data.get("imported") or {}
    found = {"title": submission.title or "", "summary": submission.summary or ""}
    for key in RICH:
        found[key] = _text(data.get(key))
    found["key_points"] = _text(imported.get("key_points"))
    found["local_context"] = _text(imported.get("local_context"))
    contact = {
        key[len("contact_") :]: str(data.get(key) or "")
        for key in data
        if key.startswith("contact_")
    }
    found["contact"] = "\n".join(contact.values())
    for key, value in contact.items():
        found[f"contact_{key}"] = value
    for section, rows in imported.get("tables") or ():
        place = section if section in found else "unplaced"
        found[place] = found.get(place, "") + "\n" + _table_text(rows)
    unplaced = []
    for entry in imported.get("unplaced") or ():
        kind, value = (entry[0], entry[1]) if isinstance(entry, list | tuple) else ("", entry)
        unplaced.append(_table_text(value) if kind == "table" else _text(value))
    found["unplaced"] = "\n".join(unplaced)
    known = {"key_points", "local_context", "tables", "unplaced", "document_sha256"}
    found["other"] = "\n".join(_text(v) for k, v in imported.items() if k not in known)
    return found


SECTION_BLOCKS = (*RICH, "local_context", "key_points")


def found_in_page(page) -> dict[str, str]:
    found = {"title": page.title or "", "summary": page.summary or ""}
    pieces: dict[str, list[str]] = {}
    current = None
    for block in page.body:
        kind, value = block.block_type, block.value
        if kind in SECTION_BLOCKS:
            current = kind
            if kind == "key_points":
                text = "\n".join(str(point) for point in value.get("points") or ())
            else:
                text = _text(value["text"].source if value.get("text") else "")
            pieces.setdefault(kind, []).append(text)
        elif kind == "contact":
            current = "contact"
            for key in ("name", "job_title", "email", "phone", "organisation"):
                found[f"contact_{key}"] = str(value.get(key) or "")
            pieces.setdefault("contact", []).append(
                "\n".join(found[f"contact_{k}"] for k in ("name", "job_title", "email", "phone"))
            )
        elif kind in ("paragraph", "heading"):
            current = "unplaced"
            source = value.source if hasattr(value, "source") else str(value)
            pieces.setdefault("unplaced", []).append(_text(source))
        elif kind == "table":
            pieces.setdefault(current or "unplaced", []).append(_table_text(value.get("rows")))
        elif kind == "quote":
            text = " ".join(str(value.get(k) or "") for k in ("text", "name", "role"))
            pieces.setdefault(current or "unplaced", []).append(text)
        elif kind in ("image", "document", "embed"):
            continue
        else:
            pieces.setdefault("other", []).append(_text(str(value)))
    for place, texts in pieces.items():
        found[place] = "\n".join(texts)
    return found


def leaks(document: CorpusDocument, found: dict[str, str]) -> list[str]:
    """Text that should have landed nowhere (tracked deletions, the template's guidance)."""
    everything = normalise("\n".join(v for k, v in found.items() if not k.startswith("contact_")))
    return [text for text in document.expected.absent if normalise(text)[:60] in everything]


def _score(outcome: Outcome, document: CorpusDocument, found: dict[str, str]) -> Outcome:
    outcome.found = found
    outcome.right, outcome.total, outcome.misplaced = placement(document.expected, found)
    outcome.title, outcome.summary = found.get("title", ""), found.get("summary", "")
    outcome.leaks = leaks(document, found)
    return outcome


# --- The three paths ----------------------------------------------------------------------------


def _from_submission(outcome, document, submission) -> Outcome:
    outcome.councils = [council.name for council in submission.councils_in_order()]
    outcome.unmatched = list(submission.unmatched_council_names or [])
    outcome.topics = sorted(topic.name for topic in submission.topics.all())
    outcome.partners = [
        partner.get("name", "") if isinstance(partner, dict) else str(partner)
        for partner in (submission.data or {}).get("partners") or ()
    ]
    outcome.consent_publish_contact = submission.consent_publish_contact
    return _score(outcome, document, found_in_submission(submission))


def raw_body(document: CorpusDocument) -> Outcome:
    from wagtail_casestudies.models import CaseStudySubmission

    response = Client().post(
        "/casestudies/submit/",
        data=document.content,
        content_type=DOCX,
        headers={"Content-Disposition": f'attachment; filename="{document.name}.docx"'},
    )
    outcome = Outcome("raw_body", document.name, document.style, stored=False)
    outcome.detail = f"{response.status_code} {response.content[:300].decode(errors='replace')}"
    if response.status_code not in (200, 201):
        return outcome
    submission = CaseStudySubmission.objects.get(reference=response.json()["reference"])
    outcome.stored = True
    return _from_submission(outcome, document, submission)


def form_upload(document: CorpusDocument) -> Outcome:
    from wagtail_casestudies.models import CaseStudySubmission, CaseStudySubmissionPage

    page = CaseStudySubmissionPage.objects.get()
    response = Client().post(
        page.url,
        {
            "word_document": SimpleUploadedFile(f"{document.name}.docx", document.content),
            "consent_publish": "on",
        },
    )
    outcome = Outcome("form_upload", document.name, document.style, stored=False)
    submission = CaseStudySubmission.objects.first()
    if submission is None:
        html = response.content.decode(errors="replace")
        start = html.find("There is a problem")
        outcome.detail = f"{response.status_code} {html[start : start + 300] if start >= 0 else ''}"
        return outcome
    outcome.stored = True
    outcome.detail = str(response.status_code)
    return _from_submission(outcome, document, submission)


def import_command(document: CorpusDocument) -> Outcome:
    from wagtail_casestudies.models import CaseStudyImportSource

    outcome = Outcome("import", document.name, document.style, stored=False)
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / f"{document.name}.docx").write_bytes(document.content)
        out, err = io.StringIO(), io.StringIO()
        call_command("casestudies_import", folder, stdout=out, stderr=err, verbosity=0)
    outcome.detail = (out.getvalue() + err.getvalue()).strip()[:300]
    digest = hashlib.sha256(document.content).hexdigest()
    source = CaseStudyImportSource.objects.filter(source=f"sha256:{digest}").first()
    if source is None:
        return outcome
    page = source.page.get_latest_revision_as_object()
    outcome.stored = not source.page.live
    outcome.councils = [link.council.name for link in page.council_links.all() if link.council]
    outcome.topics = sorted(topic.name for topic in page.topics.all())
    outcome.partners = [partner.name for partner in page.partners.all()]
    contacts = [block.value for block in page.body if block.block_type == "contact"]
    outcome.consent_publish_contact = (
        bool(contacts[0].get("publish_contact_details")) if contacts else None
    )
    return _score(outcome, document, found_in_page(page))


RUNNERS = {"raw_body": raw_body, "form_upload": form_upload, "import": import_command}
_outcomes: dict[tuple[str, str], Outcome] = {}


class _Rollback(Exception):
    pass


def measure(document: CorpusDocument, path: str) -> Outcome:
    """The outcome of ``document`` on ``path``, measured once per process."""
    key = (document.name, path)
    if key not in _outcomes:
        result = {}
        try:
            with transaction.atomic():
                cache.clear()
                try:
                    result["outcome"] = RUNNERS[path](document)
                except Exception as error:  # a crash is an outcome too: the document is lost
                    result["outcome"] = Outcome(
                        path, document.name, document.style, stored=False, detail=repr(error)
                    )
                raise _Rollback
        except _Rollback:
            pass
        finally:
            cache.clear()
        _outcomes[key] = result["outcome"]
    return _outcomes[key]
