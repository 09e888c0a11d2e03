# Languages, step 3 of 3: the new columns required and translations unique per locale.

import django.db.models.deletion
import uuid
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('wagtail_casestudies', '0010_fill_locales'),
        ('wagtailcore', '0094_alter_page_locale'),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name='casestudycard',
            name='casestudycard_filters_idx',
        ),
        migrations.AlterField(
            model_name='casestudycard',
            name='locale',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='wagtailcore.locale'),
        ),
        migrations.AlterField(
            model_name='supporttype',
            name='locale',
            field=models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale'),
        ),
        migrations.AlterField(
            model_name='supporttype',
            name='slug',
            field=models.SlugField(blank=True, max_length=255, verbose_name='slug'),
        ),
        migrations.AlterField(
            model_name='supporttype',
            name='translation_key',
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name='topic',
            name='locale',
            field=models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale'),
        ),
        migrations.AlterField(
            model_name='topic',
            name='slug',
            field=models.SlugField(blank=True, max_length=255, verbose_name='slug'),
        ),
        migrations.AlterField(
            model_name='topic',
            name='translation_key',
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterUniqueTogether(
            name='supporttype',
            unique_together={('slug', 'locale'), ('translation_key', 'locale')},
        ),
        migrations.AlterUniqueTogether(
            name='topic',
            unique_together={('slug', 'locale'), ('translation_key', 'locale')},
        ),
        migrations.AddIndex(
            model_name='casestudycard',
            index=models.Index(fields=['locale', 'path', 'year', 'is_covid19', 'support_type', 'council_types', 'regions', 'page'], name='casestudycard_filters_idx'),
        ),
    ]
