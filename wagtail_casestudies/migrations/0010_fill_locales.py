"""Languages, step 2 of 3: every existing topic and support programme is in the site's default
locale with a translation key of its own (what Wagtail's ``BootstrapTranslatableModel`` does),
every card in its page's locale, and Welsh names come from the register the package ships."""

import uuid

from django.conf import settings
from django.db import migrations
from django.db.models import OuterRef, Subquery
from wagtail.coreutils import get_supported_content_language_variant


def default_locale(apps):
    Locale = apps.get_model("wagtailcore", "Locale")
    code = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    locale = Locale.objects.filter(language_code=code).first()
    return locale or Locale.objects.order_by("pk").first() or Locale.objects.create(language_code=code)


def forwards(apps, schema_editor):
    models = [apps.get_model("wagtail_casestudies", name) for name in ("Topic", "SupportType")]
    if any(model.objects.exists() for model in models):
        locale = default_locale(apps)
        for model in models:
            for pk in model.objects.filter(translation_key__isnull=True).values_list("pk", flat=True):
                model.objects.filter(pk=pk).update(translation_key=uuid.uuid4(), locale=locale)
    Card = apps.get_model("wagtail_casestudies", "CaseStudyCard")
    # Through the case-study model, whatever the site's base page model is (Wagtail 8 lets a
    # site swap it).
    CaseStudyPage = apps.get_model("wagtail_casestudies", "CaseStudyPage")
    locale_of_page = CaseStudyPage.objects.filter(pk=OuterRef("page_id")).values("locale_id")
    Card.objects.update(locale=Subquery(locale_of_page[:1]))
    Council = apps.get_model("wagtail_casestudies", "Council")
    # The package's register, as it ships now (read without the models).
    from wagtail_casestudies.councils.data import read_register

    for row in read_register():
        if row.welsh_name:
            Council.objects.filter(gss_code=row.gss_code, welsh_name="").update(
                welsh_name=row.welsh_name
            )


class Migration(migrations.Migration):
    dependencies = [("wagtail_casestudies", "0009_locales")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
