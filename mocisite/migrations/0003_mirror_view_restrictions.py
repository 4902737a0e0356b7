"""View restrictions set before privacy followed a page into every language
(mocisite/privacy.py) protect one language version only. Give every language
version without a restriction of its own the restrictions of one that has them
(the source page's where it has them), so that nothing made private before
stays public in another language. Versions with restrictions of their own keep
them; the next change in the admin makes them all the same.

Nothing to do on a site without restrictions; reversing leaves the copies."""

from django.db import migrations


def _language_groups(pages):
    """Sets of page ids joined by a shared translation key or an alias link."""
    parent = {}

    def find(item):
        while parent.setdefault(item, item) != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    for pk, key, alias_of in pages:
        parent[find(("page", pk))] = find(("key", key))
        if alias_of is not None:
            parent[find(("page", alias_of))] = find(("page", pk))
    groups = {}
    for pk, _key, _alias_of in pages:
        groups.setdefault(find(("page", pk)), set()).add(pk)
    return groups.values()


def mirror_existing_restrictions(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    PageViewRestriction = apps.get_model("wagtailcore", "PageViewRestriction")
    restricted = set(PageViewRestriction.objects.values_list("page_id", flat=True))
    if not restricted:
        return
    pages = list(Page.objects.values_list("pk", "translation_key", "alias_of_id"))
    sources = {pk for pk, _key, alias_of in pages if alias_of is None}
    copied = False
    for group in _language_groups(pages):
        have = group & restricted
        if not have or have == group:
            continue
        model = min(have, key=lambda pk: (pk not in sources, pk))
        rows = list(PageViewRestriction.objects.filter(page_id=model).prefetch_related("groups"))
        for page_id in group - have:
            for row in rows:
                copy = PageViewRestriction.objects.create(
                    page_id=page_id, restriction_type=row.restriction_type, password=row.password
                )
                copy.groups.set(row.groups.all())
        copied = True
    if copied:
        from mocisite.pagecache import bump_generation

        # Pages cached before the copies must not be served again.
        bump_generation()


class Migration(migrations.Migration):
    dependencies = [
        ("mocisite", "0002_search_configurations"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(mirror_existing_restrictions, migrations.RunPython.noop)]
