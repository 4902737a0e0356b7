"""Text-search configurations for mocisite.search (PostgreSQL only; nothing on other databases).

The unaccent extension, and configurations that remove accents before the
usual dictionary: moci_english, moci_german, moci_serbian (stemmed) and
moci_simple_unaccent (not stemmed: Albanian, Macedonian, Georgian, …).
Reversing drops the configurations but keeps the extension, which other
things (modelsearch's f_unaccent) may use. After changing these, run
``manage.py update_index``.
"""

from django.db import migrations

# name: (configuration copied, dictionary that follows unaccent for words with non-ASCII letters)
CONFIGURATIONS = {
    "moci_simple_unaccent": ("simple", "simple"),
    "moci_english": ("english", "english_stem"),
    "moci_german": ("german", "german_stem"),
    "moci_serbian": ("serbian", "serbian_stem"),
}


def create_configurations(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    for name, (source, dictionary) in CONFIGURATIONS.items():
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")
        schema_editor.execute(f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = pg_catalog.{source})")
        schema_editor.execute(
            f"ALTER TEXT SEARCH CONFIGURATION {name} "
            f"ALTER MAPPING FOR hword, hword_part, word WITH unaccent, {dictionary}"
        )


def drop_configurations(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in CONFIGURATIONS:
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("mocisite", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(create_configurations, drop_configurations, elidable=False),
    ]
