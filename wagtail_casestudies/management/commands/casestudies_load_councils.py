"""``manage.py casestudies_load_councils``: fill the council register from the shipped data."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from wagtail_casestudies.councils import LICENCE_CREDIT, RegisterDataError, load_councils


class Command(BaseCommand):
    help = (
        "Load every principal council of England, Wales, Scotland and Northern Ireland into the "
        "council register, with type, region, parent county, and the councils abolished in the "
        "2019-2023 reorganisations linked to their successors. Safe to run again: it creates "
        "missing councils and fills blank fields, but keeps any value an editor changed (a "
        "corrected name, a short name, a region) unless --overwrite is given, never touches "
        "website or logo, and deletes nothing unless --prune is given. " + LICENCE_CREDIT
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--overwrite",
            action="store_true",
            help=(
                "Replace values that differ from the register data (names, types, regions, "
                "dates, parents, successors) with the data. Website and logo are never touched."
            ),
        )
        parser.add_argument(
            "--prune",
            action="store_true",
            help=(
                "Delete councils that have a principal-council GSS code the register no longer "
                "lists, unless a case study or other content uses them."
            ),
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Report what would change without saving anything.",
        )

    def handle(self, *args, overwrite=False, prune=False, dry_run=False, verbosity=1, **options):
        try:
            report = load_councils(overwrite=overwrite, prune=prune, dry_run=dry_run)
        except RegisterDataError as error:
            raise CommandError(
                f"The council register data shipped with wagtail-casestudies is unusable "
                f"({error}). Reinstall the package; if you changed the data, rebuild it with "
                f"scripts/build_council_data.py."
            ) from error
        except DatabaseError as error:
            raise CommandError(
                f"Could not write the council register ({error}). Has `manage.py migrate` been "
                f"run for wagtail_casestudies?"
            ) from error
        if verbosity >= 2 and report.details():
            self.stdout.write(report.details())
        style = self.style.SUCCESS if not report.kept else self.style.WARNING
        self.stdout.write(style(report.summary()))
