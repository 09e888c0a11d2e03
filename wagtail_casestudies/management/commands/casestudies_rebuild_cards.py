"""``manage.py casestudies_rebuild_cards``: rebuild the API's card cache from the pages."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from wagtail_casestudies.cards.sync import rebuild_all


class Command(BaseCommand):
    help = (
        "Rebuild the case-study API's card cache (one ready card per live, public case study) "
        "from the pages, and count each site's cards again. The signal handlers keep both up to "
        "date as editors work, and cards of an older format are rebuilt as they are served; run "
        "this after importing or changing pages in bulk without signals (raw SQL, bulk_create, "
        "fixtures), or after upgrading, to rebuild every card at once."
    )

    def handle(self, *args, verbosity=1, **options):
        count = rebuild_all()
        if verbosity:
            self.stdout.write(
                self.style.SUCCESS(f"Rebuilt {count} case-study cards and each site's counts.")
            )
