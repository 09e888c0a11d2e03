"""Refuse to migrate the package to zero while its pages exist.

Unapplying ``0001_initial`` drops the page types' tables, but the pages' rows in Wagtail's page
tree stay behind, pointing at a model that no longer has a table: the admin's explorer, the
page API and every ``.specific`` of those pages break, and migrating forward again does not
bring the content back. An operator should delete the pages (or the sites holding them)
deliberately, in the admin, first. Snippets and submissions have no such tie: migrating to zero
drops them, as zero means.

Connected to ``pre_migrate`` in ``AppConfig.ready()``: ``migrate`` sends it with the plan before
running any operation. (A guard in a migration's reverse would be the usual home, but adding a
migration for it alone would fork the migration history of installed sites.)
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import CommandError

from .compat import get_base_page_model

APP_LABEL = "wagtail_casestudies"


def refuse_zero_while_pages_exist(sender, plan=None, using="default", **kwargs) -> None:
    unapplies_initial = any(
        backwards and migration.app_label == APP_LABEL and migration.name == "0001_initial"
        for migration, backwards in plan or ()
    )
    if not unapplies_initial:
        return
    page_model = get_base_page_model()
    types = ContentType.objects.db_manager(using).filter(app_label=APP_LABEL)
    count = page_model.objects.using(using).filter(content_type__in=types).count()
    if count:
        raise CommandError(
            f"Not migrating {APP_LABEL} to zero: {count} page(s) of its types still exist "
            "(case studies, case-study indexes, COVID-19 hubs, submission pages). Their rows in "
            "Wagtail's page tree would be left pointing at dropped tables. Delete those pages in "
            "the Wagtail admin first, then migrate again."
        )
