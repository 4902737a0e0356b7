"""Live pages added to the tree the way publishing them in the admin would, for
hundreds of pages at once: :class:`TreeWriter`.

What the admin does when an editor publishes a new English page — the page goes
live under its parent, and wagtail-localize's tree synchronisation adds an alias
of it under the parent's counterpart in every language synchronised from English
(in Albanian, under the translated index) — done without the per-page look-ups
that make it slow. It is fast because it writes only what visitors and search
see: no revisions and no history entries; tree paths are counted here instead
of being looked up for each page; each parent's ``numchild``, the many-to-many
links, the search index and Wagtail's reference index are written in bulk at
the end. :func:`seed.bulk.grow_site` uses it.
"""

import uuid
from collections import Counter, defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db.models import F
from django.db.models.signals import post_save
from django.utils import timezone

from modelsearch.index import get_indexed_models
from modelsearch.signal_handlers import post_save_signal_handler as index_on_save
from wagtail.models import Locale, Page, ReferenceIndex
from wagtail.search.backends import get_search_backends
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail_localize.models import LocaleSynchronization


class TreeWriter:
    """Adds live pages to the tree the way publishing them in the admin would,
    aliases included, without the per-page look-ups that make that slow.

    Use it as a context manager: inside, the search index and Wagtail's
    reference index are not updated on each save (that is most of the cost of
    a save); on leaving, every page saved is indexed in bulk and the parents
    count their new children."""

    # Fields an alias does not copy from its source (Wagtail's create_alias leaves the same out).
    NOT_COPIED = {"id", "page_ptr_id", "path", "depth", "numchild", "url_path", "latest_revision_id", "alias_of_id"}

    def __init__(self, source_locale):
        self.now = timezone.now()
        # The languages wagtail-localize keeps synchronised from this one.
        synchronised = LocaleSynchronization.objects.filter(sync_from=source_locale).values("locale_id")
        self.locales = list(Locale.objects.filter(pk__in=synchronised).order_by("pk"))
        self.aliases = 0
        self._next_step = {}
        self._added = Counter()
        self._counterparts = {}
        self._to_index = defaultdict(list)
        self._links = defaultdict(list)
        self._disconnected = []
        self._references_off = disable_reference_index_auto_update()

    def __enter__(self):
        for model in get_indexed_models():
            if post_save.disconnect(index_on_save, sender=model):
                self._disconnected.append(model)
        self._references_off.__enter__()
        return self

    def __exit__(self, exc_type, exc, traceback):
        self._references_off.__exit__(exc_type, exc, traceback)
        for model in self._disconnected:
            post_save.connect(index_on_save, sender=model)
        self._disconnected = []
        if exc_type is None:
            self._finish()

    def add(self, parent, page, **relations):
        """Save ``page`` (unsaved) as a live child of ``parent``, then its alias in every
        synchronised language. ``relations``: many-to-many values by field name
        (``themes=[...]``), written in bulk on leaving, for the page and its aliases."""
        page.locale_id = parent.locale_id
        page.translation_key = uuid.uuid4()
        self._save(parent, page, relations)
        for locale in self.locales:
            parent_there = self._counterpart(parent, locale)
            if parent_there is None:
                continue  # that language's tree lacks the parent; wagtail-localize would skip it too
            alias = type(page)(
                **{
                    field.attname: getattr(page, field.attname)
                    for field in type(page)._meta.concrete_fields
                    if field.attname not in self.NOT_COPIED
                }
            )
            alias.alias_of_id = page.pk
            alias.locale_id = locale.pk
            self._save(parent_there, alias, relations)
            self.aliases += 1
        return page

    def create(self, model, **fields):
        """A new object of a non-page model (a snippet), indexed with the pages."""
        obj = model.objects.create(**fields)
        self._to_index[model].append(obj)
        return obj

    def _save(self, parent, page, relations):
        if parent.pk not in self._next_step:
            last = (
                Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
                .order_by("-path")
                .values_list("path", flat=True)
                .first()
            )
            self._next_step[parent.pk] = Page._str2int(last[-Page.steplen :]) + 1 if last else 1
        step = self._next_step[parent.pk]
        self._next_step[parent.pk] += 1
        self._added[parent.pk] += 1
        page.depth = parent.depth + 1
        page.path = Page._get_path(parent.path, page.depth, step)
        page.numchild = 0
        page.live, page.has_unpublished_changes = True, False
        page.draft_title = page.title
        page.first_published_at = page.last_published_at = self.now
        # Known already: spares Page.save a query for each.
        page._cached_parent_obj = parent
        page._is_site_root = False
        # No "created" entry in the history: nobody created these pages.
        page.save(clean=False, log_action=None)
        self._to_index[type(page)].append(page)
        for name, targets in relations.items():
            field = type(page)._meta.get_field(name)
            self._links[field].extend(
                field.remote_field.through(**{field.m2m_field_name(): page, field.m2m_reverse_field_name(): target})
                for target in targets
            )

    def _counterpart(self, parent, locale):
        key = (parent.pk, locale.pk)
        if key not in self._counterparts:
            self._counterparts[key] = Page.objects.filter(translation_key=parent.translation_key, locale=locale).first()
        return self._counterparts[key]

    def _finish(self):
        for parent_id, count in self._added.items():
            Page.objects.filter(pk=parent_id).update(numchild=F("numchild") + count)
        for field, links in self._links.items():
            field.remote_field.through.objects.bulk_create(links)
        references = []
        for model, objects in self._to_index.items():
            for backend in get_search_backends(with_auto_update=True):
                backend.add_bulk(model, objects)
            if ReferenceIndex.is_indexed(model):
                references.extend(_references(model, objects))
        ReferenceIndex.objects.bulk_create(references)
        self._added.clear()
        self._next_step.clear()
        self._to_index.clear()
        self._links.clear()


def _references(model, objects):
    """The reference index rows of new ``objects``, as ``ReferenceIndex.create_or_update_for_object``
    writes them, without its look-ups per object: new objects have no rows yet, and
    an alias refers to what its source refers to (it is a copy), so each source is read once."""
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    base_model = (model._meta.get_parent_list() or [model])[-1]
    base_content_type = ContentType.objects.get_for_model(base_model, for_concrete_model=False)
    found = {}
    for obj in objects:
        source_id = getattr(obj, "alias_of_id", None) or obj.pk
        if source_id not in found:
            found[source_id] = set(ReferenceIndex._extract_references_from_object(obj))
        for to_content_type_id, to_object_id, model_path, content_path in found[source_id]:
            yield ReferenceIndex(
                content_type=content_type,
                base_content_type=base_content_type,
                object_id=obj.pk,
                to_content_type_id=to_content_type_id,
                to_object_id=to_object_id,
                model_path=model_path,
                content_path=content_path,
                content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
            )
