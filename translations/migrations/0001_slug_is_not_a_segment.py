"""A page's slug stopped being a segment to translate (mocisite/slugs.py).

Translations started before still counted the slug among their segments, so
they could not be submitted until someone pressed *Update*; this forgets those
segments (and the slugs typed into them, which the pages already carry). The
slug is offered as an override again at the translation's next update.
"""

from django.db import migrations


def forget_slug_segments(apps, schema_editor):
    StringSegment = apps.get_model("wagtail_localize", "StringSegment")
    StringSegment.objects.filter(context__path="slug").delete()


class Migration(migrations.Migration):
    dependencies = [("wagtail_localize", "0016_rename_page_revision_translationlog_revision")]

    operations = [migrations.RunPython(forget_slug_segments, migrations.RunPython.noop)]
