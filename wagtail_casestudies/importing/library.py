"""Import many case studies at once: Word files, or an export from another system.

``casestudies_import`` and the admin's "Import from Word" are thin over :func:`import_case_studies`.
Each source is read by :mod:`.word` or :mod:`.html`, its councils are resolved through the
register's matcher (one index for the whole run), and it becomes a draft (or, asked, a live) case
study under the index page. A source imported before (the same URL, or the same Word file) is
skipped, so running an import twice changes nothing.
"""

from __future__ import annotations

import csv
import datetime
import hashlib
import json
import logging
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.coreutils import find_available_slug
from wagtail.images import get_image_model

from ..conf import settings as casestudy_settings
from ..councils import CouncilIndex
from ..models import CaseStudyCouncil, CaseStudyPage, CaseStudyPartner, CaseStudySubmission, Topic
from ..submissions.files import IMAGE, check_image, stored_copy
from ..submissions.privacy import private_collection, unguessable_name
from ..submissions.sanitise import clean_text, html_to_text
from ..submissions.services import build_body
from .document import ImportedCaseStudy
from .html import read_html
from .intake import page_partners, resolve
from .models import CaseStudyImportSource, source_key
from .word import read_word
from .word_file import check_word_file

WORD_SUFFIXES = {".docx"}
EXPORT_SUFFIXES = {".jsonl", ".ndjson", ".csv"}
LIST_SEPARATORS = (";", "|")
# How many source keys one "already imported?" query asks about.
KEY_BATCH = 500

logger = logging.getLogger(__name__)

CREATED = "created"
WOULD_CREATE = "would create"
ALREADY_IMPORTED = "already imported"
FAILED = "failed"


# --- Sources ------------------------------------------------------------------------------------


@dataclass
class Source:
    """One case study to import: where it came from and how to read it."""

    label: str  # a file name, or "export.jsonl line 12", for the report
    source: str  # the old URL, or "sha256:<hash>" of a Word file or an export row
    read: Callable[[], ImportedCaseStudy]
    council_names: list[str] | None = None  # an export's column; Word documents say themselves
    topic_names: list[str] = field(default_factory=list)
    date: str = ""
    error: str = ""  # a source refused before reading
    # An export row was a public page on another site: all of it may be public here too. A Word
    # document's text that could not be placed may be an email's headers or a marking.
    was_public: bool = False


def word_source(content: bytes, name: str) -> Source:
    source = Source(
        name, f"sha256:{hashlib.sha256(content).hexdigest()}", lambda: read_word(content, name)
    )
    try:
        check_word_file(content, name)
    except ValidationError as error:
        source.error = error.messages[0]
    return source


def _as_list(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return [clean_text(str(item)) for item in value if str(item).strip()]
    text = str(value)
    for separator in LIST_SEPARATORS:
        if separator in text:
            return [clean_text(item) for item in text.split(separator) if item.strip()]
    return [clean_text(text)] if text.strip() else []


def row_source(row: dict, label: str) -> Source:
    """A case study from an export row: title, summary, body (HTML with the template's headings),
    councils, topics, date, url."""
    row = {str(key).strip().lower(): value for key, value in row.items() if key is not None}
    body = str(row.get("body") or row.get("body_html") or "")
    title = clean_text(str(row.get("title") or ""))
    summary = clean_text(str(row.get("summary") or ""))
    url = str(row.get("url") or "").strip()
    identity = (
        url
        or "sha256:"
        + hashlib.sha256(json.dumps(row, sort_keys=True, default=str).encode()).hexdigest()
    )
    return Source(
        label,
        identity,
        lambda: read_html(body, title=title, summary=summary),
        council_names=_as_list(row.get("councils") or row.get("council")),
        topic_names=_as_list(row.get("topics")),
        date=str(row.get("date") or "").strip(),
        was_public=True,
    )


def export_sources(path: Path) -> Iterator[Source]:
    """Each row of a JSON Lines or CSV export."""
    if path.suffix.lower() == ".csv":
        with path.open(newline="", encoding="utf-8-sig") as handle:
            for number, row in enumerate(csv.DictReader(handle), start=2):
                yield row_source(row, f"{path.name} line {number}")
        return
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            label = f"{path.name} line {number}"
            try:
                row = json.loads(line)
            except ValueError:
                yield Source(label, f"{path}:{number}", ImportedCaseStudy, error=_("Not JSON."))
                continue
            if not isinstance(row, dict):
                yield Source(
                    label, f"{path}:{number}", ImportedCaseStudy, error=_("Not an object.")
                )
                continue
            yield row_source(row, label)


def sources_from_paths(paths: Iterable[str | Path]) -> list[Source]:
    """Every case study in the given files and folders (.docx, .jsonl, .csv), in name order."""
    found: list[Source] = []
    for path in map(Path, paths):
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            suffix = file.suffix.lower()
            if suffix in WORD_SUFFIXES and not file.name.startswith("~$"):
                found.append(word_source(file.read_bytes(), file.name))
            elif suffix in EXPORT_SUFFIXES:
                found.extend(export_sources(file))
            elif not path.is_dir():
                raise ValueError(
                    _("%(path)s is not a .docx, .jsonl or .csv file.") % {"path": file}
                )
    return found


# --- The report ---------------------------------------------------------------------------------


@dataclass
class Outcome:
    label: str
    status: str
    title: str = ""
    page: CaseStudyPage | None = None
    sections: list[str] = field(default_factory=list)
    councils: list[str] = field(default_factory=list)
    unmatched_councils: list[str] = field(default_factory=list)
    ambiguous_councils: list[str] = field(default_factory=list)
    has_unplaced: bool = False
    images: int = 0
    message: str = ""
    # Asked to publish, but kept as a draft: some of its text could not be placed.
    kept_as_draft: bool = False


@dataclass
class ImportReport:
    outcomes: list[Outcome] = field(default_factory=list)
    matched: Counter = field(default_factory=Counter)
    unmatched: Counter = field(default_factory=Counter)
    ambiguous: Counter = field(default_factory=Counter)

    def count(self, status: str) -> int:
        return sum(1 for outcome in self.outcomes if outcome.status == status)


# --- Importing ----------------------------------------------------------------------------------


def _summary(parsed: ImportedCaseStudy) -> str:
    """The summary, or the opening of the first section when there is none; kept to the
    summary's limit at a sentence end (the full text then stays among what was not placed)."""
    limit = casestudy_settings.SUMMARY_MAX_LENGTH
    summary = parsed.summary
    if not summary:
        first = next(iter(parsed.sections.values()), "") or (
            parsed.unplaced[0][1]
            if parsed.unplaced and parsed.unplaced[0][0] == "paragraph"
            else ""
        )
        summary = " ".join(html_to_text(first).split())
    if len(summary) <= limit:
        return summary
    if parsed.summary:
        parsed.unplaced.insert(0, ("paragraph", f"<p>{escape(parsed.summary)}</p>"))
    cut = summary[:limit]
    end = max(cut.rfind(". "), cut.rfind("? "), cut.rfind("! "))
    return cut[: end + 1] if end > 0 else cut[: limit - 1].rsplit(" ", 1)[0] + "…"


def _keep_nameless_contact(parsed: ImportedCaseStudy) -> None:
    """A contact block needs a name: contact details without one are kept with what was not
    placed, so an email or phone number is not lost."""
    details = [value for name, value in parsed.fields.items() if name.startswith("contact_")]
    if details and not parsed.fields.get("contact_name"):
        parsed.unplaced.append(("paragraph", f"<p>{escape(', '.join(details))}</p>"))


# How a date is written on a document's "Date:" line (a month alone means its first day).
DATE_FORMATS = ("%d %B %Y", "%d %b %Y", "%B %Y", "%b %Y", "%d/%m/%Y", "%d.%m.%Y")


def _date(text: str) -> datetime.date | None:
    """An export's ISO date, or a date as written under a document's title ("March 2023")."""
    text = " ".join((text or "").replace(",", " ").split())
    if not text:
        return None
    try:
        return datetime.date.fromisoformat(text[:10])
    except ValueError:
        pass
    for date_format in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, date_format).date()
        except ValueError:
            continue
    return None


def _image_blocks(parsed: ImportedCaseStudy, title: str, user, created: list) -> list:
    """Image blocks for the document's pictures, each saved as a Wagtail image in the private
    collection under an unguessable file name (``submissions.privacy``) until the case study is
    published; ``created`` collects the images saved."""
    blocks = []
    collection = private_collection()
    for number, image in enumerate(parsed.images, start=1):
        upload = ContentFile(image.content, name=image.name)
        upload.size = len(upload)
        try:
            checked = check_image(upload)
        except ValidationError:
            continue  # Not a picture we accept (an EMF drawing, say): it stays in the document.
        # As every stored image: without its metadata (where a photo was taken, the camera).
        upload = ContentFile(stored_copy(IMAGE, upload, checked).read())
        upload.name = unguessable_name(image.name)
        wagtail_image = get_image_model()(
            title=f"{title[:240]} ({number})",
            file=upload,
            uploaded_by_user=user,
            collection=collection,
        )
        wagtail_image.save()
        created.append(wagtail_image)
        blocks.append(
            ("image", {"image": wagtail_image, "alt_text": "", "caption": "", "credit": ""})
        )
    return blocks


def _page_data(parsed: ImportedCaseStudy) -> dict:
    """What ``build_body`` reads, shaped like a submission's ``data``."""
    return {**parsed.sections, **parsed.fields, "imported": parsed.extras()}


def _create_page(
    parsed,
    summary,
    councils,
    topics,
    date,
    *,
    parent,
    user,
    publish,
    images,
    partners=(),
    publish_contact=False,
):
    title = parsed.title
    page = CaseStudyPage(
        title=title,
        slug=find_available_slug(parent, slugify(title)[:200] or "case-study"),
        summary=summary,
        publication_date=date,
        live=False,
        owner=user,
    )
    body = build_body(
        CaseStudySubmission(data=_page_data(parsed), consent_publish_contact=publish_contact),
        councils[0] if councils else None,
        [],
        flag_unplaced=not publish,
    )
    page.body = body + _image_blocks(parsed, title, user, images)
    for order, council in enumerate(councils):
        page.council_links.add(CaseStudyCouncil(council=council, sort_order=order))
    for order, partner in enumerate(partners):
        page.partners.add(CaseStudyPartner(sort_order=order, **partner))
    page.topics = topics
    page.main_topic = topics[0] if topics else None
    parent.add_child(instance=page)
    revision = page.save_revision(user=user, log_action=True)
    return page, revision


def _after_creating(page, revision, *, user, publish) -> None:
    """Publish the new page, or start its moderation workflow (not in a dry run: that would
    tell moderators of a page that is never kept)."""
    if publish:
        revision.publish(user=user)
    else:
        workflow = page.get_workflow()
        if workflow is not None:
            workflow.start(page, user)


def import_case_studies(
    sources: list[Source],
    *,
    parent,
    user=None,
    publish: bool = False,
    dry_run: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    """Import each source as a case study under ``parent`` (drafts, in the moderation workflow if
    there is one; live with ``publish``), skipping sources imported before. With ``dry_run``
    everything is read and matched but nothing is saved."""
    report = ImportReport()
    index = CouncilIndex.build()
    # Every topic in every language: resolve() matches a name in any, then takes the topic of
    # the document's language.
    topics = list(Topic.objects.all())
    keys = [source_key(source.source) for source in sources]
    imported = set()
    for start in range(0, len(keys), KEY_BATCH):
        batch = keys[start : start + KEY_BATCH]
        imported.update(
            CaseStudyImportSource.objects.filter(key__in=batch).values_list("key", flat=True)
        )
    total = len(sources)
    for done, (source, key) in enumerate(zip(sources, keys, strict=True), start=1):
        report.outcomes.append(
            _import_one(
                source,
                key,
                imported,
                index,
                topics,
                report,
                parent=parent,
                user=user,
                publish=publish,
                dry_run=dry_run,
            )
        )
        if progress is not None:
            progress(done, total)
    return report


def _import_one(source, key, imported, index, all_topics, report, **options) -> Outcome:
    outcome = Outcome(source.label, FAILED)
    if source.error:
        outcome.message = source.error
        return outcome
    if key in imported:
        outcome.status = ALREADY_IMPORTED
        return outcome
    try:
        parsed = source.read()
    except ValidationError as error:
        outcome.message = "; ".join(error.messages)
        return outcome
    outcome.title = parsed.title
    outcome.sections = [heading_key for _text, heading_key in parsed.headings]
    outcome.has_unplaced = parsed.has_unplaced
    outcome.images = len(parsed.images)
    if not parsed.title:
        outcome.message = _("No title was found.")
        return outcome
    # The same councils, topics, partners and consents as the intake reads (intake.resolve).
    resolved = resolve(
        parsed,
        index=index,
        council_names=source.council_names,
        topic_names=source.topic_names,
        topics=all_topics,
    )
    councils, topics = resolved.councils, resolved.topics
    outcome.councils = [council.name for council in councils]
    outcome.unmatched_councils = list(resolved.unmatched)
    outcome.ambiguous_councils = list(resolved.ambiguous)
    report.matched.update(resolved.matched)
    report.unmatched.update(resolved.unmatched)
    report.ambiguous.update(resolved.ambiguous)
    summary = _summary(parsed)
    _keep_nameless_contact(parsed)
    outcome.has_unplaced = parsed.has_unplaced
    imported.add(key)  # The same source twice in one run is imported once.
    publish = options["publish"]
    if publish and parsed.has_unplaced and not source.was_public:
        # What could not be placed (an email's headers, a marking, notes to editors) is for an
        # editor to read, never for a live page.
        publish, outcome.kept_as_draft = False, True
    # A dry run makes the page exactly as the real run does, then rolls it back, so it reports
    # what the real run would: the same failures and the same counts.
    images: list = []
    try:
        with transaction.atomic():
            page, revision = _create_page(
                parsed,
                summary,
                councils,
                list(dict.fromkeys(topics)),
                _date(source.date) or _date(parsed.date),
                parent=options["parent"],
                user=options["user"],
                publish=publish,
                images=images,
                partners=page_partners(resolved),
                publish_contact=resolved.consents.get("consent_publish_contact", False),
            )
            CaseStudyImportSource.objects.create(source=source.source, page=page)
            if options["dry_run"]:
                raise _RollBack
            _after_creating(page, revision, user=options["user"], publish=publish)
    except _RollBack:
        _after_rollback(images, options["parent"])
        outcome.status = WOULD_CREATE
        return outcome
    except Exception as error:
        # One document that cannot become a page must not stop the others.
        _after_rollback(images, options["parent"])
        logger.warning("Could not import %s", source.label, exc_info=True)
        messages = error.messages if isinstance(error, ValidationError) else [str(error)]
        outcome.message = "; ".join(messages) or type(error).__name__
        imported.discard(key)
        return outcome
    outcome.status = CREATED
    outcome.page = page
    return outcome


class _RollBack(Exception):
    """Ends a dry run's transaction once its page is made."""


def _after_rollback(images, parent) -> None:
    """Undo what a rolled-back transaction cannot: the files of the images it saved, and the
    parent's count of children, raised in memory by ``add_child`` (the next page would be
    added after a child that is not there)."""
    parent.refresh_from_db()
    for image in images:
        try:
            image.file.storage.delete(image.file.name)
        except Exception:  # pragma: no cover - best effort: the rows are gone either way
            logger.warning("Could not delete %s", image.file.name, exc_info=True)


def uploaded_sources(uploads) -> list[Source]:
    """Sources for Word files uploaded in the admin."""
    sources = []
    for upload in uploads:
        limit = casestudy_settings.SUBMISSION_MAX_DOCUMENT_SIZE
        content = upload.read(limit + 1)
        sources.append(word_source(content, upload.name))
    return sources


__all__ = [
    "ALREADY_IMPORTED",
    "CREATED",
    "FAILED",
    "WOULD_CREATE",
    "ImportReport",
    "Outcome",
    "Source",
    "import_case_studies",
    "sources_from_paths",
    "uploaded_sources",
]
