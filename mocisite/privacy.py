"""Privacy follows a page into every language.

Wagtail keeps a view restriction (a shared password, signed-in users only,
some groups only) on one page of one tree, and wagtail-localize keeps a tree
per language without synchronising them: protecting an English page left its
Albanian translation, its aliases and everything they show in listings, the
search, the map and the sitemap public.

A page's *language versions* are the pages that share its ``translation_key``
(its translations and the aliases wagtail-localize makes in other languages)
and the aliases of any of them (``alias_of``), in any locale. Here the view
restrictions of every version are kept the same as real rows:

- a restriction saved, changed (type, password, groups) or deleted on one
  version is made the same on every other version (:func:`mirror`);
- a version created later (a translation, an alias made by synchronising a
  language's tree) takes the restrictions its versions have (:func:`adopt`).

Real rows rather than a visibility check that looks across languages: Wagtail's
own check when a page is served (the password form, the sign-in redirect, the
admin's "Private" marker) then holds in every language unchanged, and so does
every listing that filters with :func:`mocisite.visibility.public_q`, including
a restricted section's descendants. Each saved or deleted row bumps the page
cache's generation (:mod:`mocisite.pagecache`), so cached copies go at once.

One restriction per page is what Wagtail's admin manages (its privacy dialog
edits the page's own restriction, or adds one where there is none). A new
restriction on a page that already has one supersedes it: this is how a copy
Wagtail makes of a source page's restriction (when it creates an alias or a
translation) and the copy :func:`adopt` made a moment before become one row.

A visitor who has entered the password of one language version is asked for it
again on another: Wagtail remembers each restriction row in the session.
"""

import contextvars
from contextlib import contextmanager

from django.db import transaction
from django.db.models import Q, QuerySet
from django.db.models.signals import m2m_changed, post_delete, post_save

# Set while this module writes restrictions itself, so its own writes are not
# mirrored again (and a deletion it makes is not taken for a lifted restriction).
_mirroring = contextvars.ContextVar("moci_mirroring_restrictions", default=False)


@contextmanager
def _quietly():
    token = _mirroring.set(True)
    try:
        yield
    finally:
        _mirroring.reset(token)


def language_versions(page_id):
    """The ids of every language version of a page, the page included: the pages
    that share its translation key, the pages they are aliases of and their
    aliases, followed until nothing new turns up (usually two queries)."""
    from wagtail.models import Page

    ids, keys, sources = {page_id}, set(), set()
    query = Q(pk=page_id)
    while True:
        rows = set(Page.objects.filter(query).values_list("pk", "translation_key", "alias_of_id"))
        found_ids = {pk for pk, _key, _source in rows}
        found_keys = {key for _pk, key, _source in rows}
        found_sources = {source for _pk, _key, source in rows if source is not None}
        if found_ids <= ids and found_keys <= keys and found_sources <= sources:
            return ids
        ids |= found_ids
        keys |= found_keys
        sources |= found_sources
        query = Q(translation_key__in=keys) | Q(alias_of_id__in=ids) | Q(pk__in=sources)


def _signature(restriction):
    groups = frozenset(group.pk for group in restriction.groups.all())
    return (restriction.restriction_type, restriction.password, groups)


def _restrictions_by_page(page_ids):
    from wagtail.models import PageViewRestriction

    by_page = {page_id: [] for page_id in page_ids}
    restrictions = PageViewRestriction.objects.filter(page_id__in=page_ids).prefetch_related("groups").order_by("pk")
    for restriction in restrictions:
        by_page[restriction.page_id].append(restriction)
    return by_page


def _make_like(page_id, rows, wanted):
    """Make the restriction ``rows`` of one page match ``wanted`` (signatures),
    reusing rows where it can so that their ids (which sessions remember for a
    password) stay the same."""
    from wagtail.models import PageViewRestriction

    if [_signature(row) for row in rows] == wanted:
        return
    for row, (kind, password, groups) in zip(rows, wanted, strict=False):
        if (row.restriction_type, row.password) != (kind, password):
            row.restriction_type, row.password = kind, password
            row.save()
        if frozenset(group.pk for group in row.groups.all()) != groups:
            row.groups.set(groups)
    for row in rows[len(wanted) :]:
        row.delete()
    for kind, password, groups in wanted[len(rows) :]:
        row = PageViewRestriction(page_id=page_id, restriction_type=kind, password=password)
        row.save()
        row.groups.set(groups)


def mirror(page_id):
    """Give every other language version of the page the restrictions this page has now."""
    versions = language_versions(page_id)
    if len(versions) == 1:
        return
    with _quietly(), transaction.atomic():
        by_page = _restrictions_by_page(versions)
        wanted = list(dict.fromkeys(_signature(row) for row in by_page.pop(page_id)))
        for version_id, rows in by_page.items():
            _make_like(version_id, rows, wanted)


def adopt(page_id):
    """A new page takes the restrictions of its language versions, if they have any."""
    from wagtail.models import PageViewRestriction

    # The common case, a site without a restriction anywhere: one query.
    if not PageViewRestriction.objects.exists():
        return
    versions = language_versions(page_id)
    if len(versions) == 1:
        return
    with _quietly(), transaction.atomic():
        by_page = _restrictions_by_page(versions)
        rows = by_page.pop(page_id)
        # The versions agree (they are mirrored); the oldest page speaks for them.
        models = [restrictions for _id, restrictions in sorted(by_page.items()) if restrictions]
        if models:
            _make_like(page_id, rows, list(dict.fromkeys(_signature(row) for row in models[0])))


# Signals ---------------------------------------------------------------------------------


def _restriction_saved(sender, instance, created, raw=False, **kwargs):
    if raw or _mirroring.get():
        return
    if created:
        # A new restriction supersedes the page's others (see the module docstring).
        with _quietly():
            for other in type(instance).objects.filter(page_id=instance.page_id).exclude(pk=instance.pk):
                other.delete()
    mirror(instance.page_id)


def _groups_changed(sender, instance, action, reverse, pk_set, **kwargs):
    from wagtail.models import PageViewRestriction

    if _mirroring.get() or action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        mirror(instance.page_id)
    elif pk_set:  # group.pageviewrestriction_set.add(...): the restrictions are pk_set
        for page_id in set(PageViewRestriction.objects.filter(pk__in=pk_set).values_list("page_id", flat=True)):
            mirror(page_id)


def _restriction_deleted(sender, instance, origin=None, **kwargs):
    """A restriction lifted: lifted everywhere. Not when it goes because its page
    is deleted (the deletion then starts from a page, a locale, ...): deleting
    the Albanian translation does not make the English page public."""
    if _mirroring.get():
        return
    started_here = isinstance(origin, sender) or (isinstance(origin, QuerySet) and issubclass(origin.model, sender))
    if started_here:
        mirror(instance.page_id)


def _page_created(sender, instance, created, raw=False, **kwargs):
    from wagtail.models import Page

    if created and not raw and isinstance(instance, Page) and instance.depth and instance.depth > 1:
        adopt(instance.pk)


def connect_signals():
    from wagtail.models import PageViewRestriction

    post_save.connect(_restriction_saved, sender=PageViewRestriction, dispatch_uid="moci-privacy-saved")
    post_delete.connect(_restriction_deleted, sender=PageViewRestriction, dispatch_uid="moci-privacy-deleted")
    m2m_changed.connect(_groups_changed, sender=PageViewRestriction.groups.through, dispatch_uid="moci-privacy-groups")
    post_save.connect(_page_created, dispatch_uid="moci-privacy-page-created")
