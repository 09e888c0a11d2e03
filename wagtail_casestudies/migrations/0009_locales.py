"""Languages, step 1 of 3: the new columns, all nullable, so an existing single-language site
keeps every row (0010 fills them, 0011 makes them required).

Topics and support programmes become translatable snippets (Wagtail's ``TranslatableMixin``:
a locale and a translation key), councils get a Welsh name, cards a locale, and the counts are
kept per site and locale (derived data: ``post_migrate`` counts them again).
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("wagtail_casestudies", "0008_case_study_template_body_support_programme"),
        ("wagtailcore", "0094_alter_page_locale"),
    ]

    operations = [
        *[
            operation
            for model_name in ("topic", "supporttype")
            for operation in (
                migrations.AddField(
                    model_name=model_name,
                    name="translation_key",
                    field=models.UUIDField(null=True, editable=False),
                ),
                migrations.AddField(
                    model_name=model_name,
                    name="locale",
                    field=models.ForeignKey(
                        null=True,
                        editable=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="wagtailcore.locale",
                        verbose_name="locale",
                    ),
                ),
            )
        ],
        migrations.AddField(
            model_name="council",
            name="welsh_name",
            field=models.CharField(
                blank=True,
                help_text=(
                    "The council's name in Welsh, shown in place of its name to Welsh readers "
                    "(filled in for the Welsh councils from the ONS register)."
                ),
                max_length=255,
                verbose_name="Welsh name",
            ),
        ),
        migrations.AddField(
            model_name="casestudycard",
            name="locale",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="wagtailcore.locale",
            ),
        ),
        migrations.DeleteModel(name="CaseStudyCardCounts"),
        migrations.CreateModel(
            name="CaseStudyCardCounts",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("root_paths", models.JSONField(default=list)),
                ("counts", models.JSONField(default=dict)),
                (
                    "locale",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="wagtailcore.locale",
                    ),
                ),
                (
                    "site",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="wagtailcore.site",
                    ),
                ),
            ],
            options={
                "verbose_name": "case-study card counts",
                "verbose_name_plural": "case-study card counts",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("site", "locale"), name="casestudycardcounts_unique"
                    )
                ],
            },
        ),
    ]
