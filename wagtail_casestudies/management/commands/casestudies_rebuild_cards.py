"""``manage.py casestudies_rebuild_cards``: rebuild the card cache, or check it."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from wagtail_casestudies.cards.sync import differences, rebuild_all


class Command(BaseCommand):
    help = (
        "Rebuild the case-study card cache (one ready card per live, public case study) from "
        "the pages, and count each site's cards again. The signal handlers keep both up to date "
        "as editors work; run this after changing pages in bulk without signals "
        "(QuerySet.update(), bulk_create, raw SQL, fixtures). With --check, change nothing: "
        "list every card that differs from its page and exit with status 1 if any does."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--check",
            action="store_true",
            help="Report cards that differ from their pages (for cron); exit 1 if any do.",
        )

    def handle(self, *args, check=False, verbosity=1, **options):
        if check:
            found = differences()
            problems = sum(len(ids) for ids in found.values())
            for kind, ids in found.items():
                if ids:
                    listed = ", ".join(str(pk) for pk in ids[:50])
                    more = f" and {len(ids) - 50} more" if len(ids) > 50 else ""
                    self.stderr.write(f"{kind}: {len(ids)} case studies ({listed}{more})")
            if problems:
                raise CommandError(
                    f"{problems} case-study cards differ from their pages: run "
                    "`manage.py casestudies_rebuild_cards` to rebuild them.",
                    returncode=1,
                )
            if verbosity:
                self.stdout.write(self.style.SUCCESS("Every case-study card matches its page."))
            return
        count = rebuild_all()
        if verbosity:
            self.stdout.write(
                self.style.SUCCESS(f"Rebuilt {count} case-study cards and each site's counts.")
            )
