from django.core.management.base import BaseCommand

from wagtail_casestudies.submissions.services import notify_pending


class Command(BaseCommand):
    help = (
        "Email editors about case-study submissions they have not been told about yet (for "
        "example because the mail server was down). Safe to run from cron."
    )

    def handle(self, *args, **options):
        sent, failed = notify_pending()
        self.stdout.write(f"Notified editors of {sent} submission(s); {failed} still failing.")
        if failed:
            self.stderr.write(
                "See each submission's notification error in the Submissions inbox, or the "
                "wagtail_casestudies.submissions.services log."
            )
