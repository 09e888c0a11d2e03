"""``manage.py casestudies_import PATH…``: import Word files or another system's export."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from wagtail_casestudies.importing.library import (
    ALREADY_IMPORTED,
    CREATED,
    FAILED,
    WOULD_CREATE,
    import_case_studies,
    sources_from_paths,
)
from wagtail_casestudies.models import CaseStudyIndexPage

BAR_WIDTH = 30


class ProgressBar:
    """A plain text bar on stderr: redrawn in place on a terminal, a line each tenth otherwise."""

    def __init__(self, stream, label: str = "Importing"):
        self.stream = stream
        self.label = label
        self.interactive = hasattr(stream, "isatty") and stream.isatty()
        self.last_tenth = -1

    def __call__(self, done: int, total: int) -> None:
        filled = BAR_WIDTH * done // total if total else BAR_WIDTH
        line = f"{self.label} [{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {done}/{total}"
        if self.interactive:
            self.stream.write("\r" + line + ("\n" if done == total else ""))
            self.stream.flush()
            return
        tenth = 10 * done // total if total else 10
        if tenth != self.last_tenth:
            self.last_tenth = tenth
            self.stream.write(line + "\n")


class Command(BaseCommand):
    help = (
        "Import case studies from Word files (.docx, a folder of them) or from another system's "
        "export (JSON Lines or CSV with title, summary, body HTML, councils, topics, date, url). "
        "Each becomes a draft case study under the case-study index (in its moderation workflow "
        "if there is one), or a live one with --publish. The body is split into the template's "
        "sections by its headings. Safe to run again: a source imported before (the same url, "
        "or the same Word file) is skipped."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="Files or folders to import.")
        parser.add_argument(
            "--parent",
            type=int,
            help="The id of the case-study index page to import under (needed if there are "
            "several).",
        )
        parser.add_argument(
            "--user", help="The username that owns the new pages and their revisions."
        )
        parser.add_argument(
            "--publish", action="store_true", help="Publish the case studies, not just drafts."
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Read and match everything and say what would happen; save nothing.",
        )

    def _parent(self, parent_id):
        indexes = CaseStudyIndexPage.objects.all()
        if parent_id is not None:
            parent = indexes.filter(pk=parent_id).first()
            if parent is None:
                raise CommandError(f"No case-study index page has the id {parent_id}.")
            return parent
        found = list(indexes[:2])
        if len(found) != 1:
            raise CommandError(
                "Say which case-study index page to import under with --parent <page id>"
                + (" (there are several)." if found else " (there is none yet: add one first).")
            )
        return found[0]

    def _user(self, username):
        if not username:
            return None
        user = get_user_model().objects.filter(**{get_user_model().USERNAME_FIELD: username})
        found = user.first()
        if found is None:
            raise CommandError(f"No user is called {username}.")
        return found

    def handle(self, *args, paths, parent=None, user=None, publish=False, dry_run=False, **options):
        verbosity = options.get("verbosity", 1)
        parent_page = self._parent(parent)
        owner = self._user(user)
        try:
            sources = sources_from_paths(paths)
        except (OSError, ValueError) as error:
            raise CommandError(str(error)) from error
        if not sources:
            raise CommandError("Nothing to import: no .docx, .jsonl or .csv files were found.")
        report = import_case_studies(
            sources,
            parent=parent_page,
            user=owner,
            publish=publish,
            dry_run=dry_run,
            progress=ProgressBar(self.stderr._out) if verbosity else None,
        )
        if verbosity > 1 or dry_run:
            for outcome in report.outcomes:
                councils = ", ".join(outcome.councils) or "no council matched"
                self.stdout.write(
                    f"{outcome.status}: {outcome.label}: {outcome.title} ({councils})"
                )
        for outcome in report.outcomes:
            if outcome.status == FAILED:
                self.stderr.write(f"{outcome.label}: {outcome.message}")
        created = report.count(WOULD_CREATE if dry_run else CREATED)
        verb = "Would create" if dry_run else "Created"
        state = "live" if publish else "draft"
        self.stdout.write(
            f"{verb} {created} {state} case studies; {report.count(ALREADY_IMPORTED)} already "
            f"imported; {report.count(FAILED)} failed."
        )
        drafts = [outcome.label for outcome in report.outcomes if outcome.kept_as_draft]
        if drafts:
            self.stdout.write(
                f"Kept {len(drafts)} as drafts, not published: text that could not be placed "
                f"needs an editor: {', '.join(drafts)}"
            )
        self.stdout.write(
            f"Councils: {sum(report.matched.values())} matched, "
            f"{sum(report.unmatched.values())} unmatched, "
            f"{sum(report.ambiguous.values())} ambiguous."
        )
        for title, names in (("Unmatched", report.unmatched), ("Ambiguous", report.ambiguous)):
            for name, count in names.most_common():
                self.stdout.write(f"  {title}: {name} ({count})")
