"""Translate the whole English site into another language through wagtail-localize.

:func:`translate_site` does what a translator does in the wagtail-localize
editor, for every segment at once: for each live English page and each
translatable snippet it creates (or refreshes) the ``TranslationSource`` and
the ``Translation`` into the target language, stores a ``StringTranslation``
for every string segment from a catalogue (``{english: translation}``, see
``seed/albanian/``) and saves the target with ``Translation.save_target``. The
result is a real translation: translators see it 100% translated in the
editor, and it follows the English source when that changes.

- Snippets first (pages refer to them: partners in a project's StreamField),
  then pages parent-first, so that every parent and related object exists.
- Alias pages made by wagtail-localize's tree synchronisation become real
  translations (wagtail-localize converts them when it saves the target).
- Page slugs stay the English ones, through a slug override (``/sq/projects/vila-3/`` mirrors
  ``/en/projects/vila-3/``); a home page, a sibling of the English one under
  Wagtail's root, gets ``<slug>-<language>``, as wagtail-localize names it.
- Idempotent: a second run writes nothing. A target is saved again only when
  its English source changed, a catalogue entry changed, or it is missing,
  an alias or unpublished.
- A translator's own edit of a string (made in the editor) is kept; only
  strings this function wrote are updated from the catalogue.
- An English string with no translation raises :class:`MissingTranslations`
  before anything is written, listing every such string.
"""

import json
from collections import Counter
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from wagtail.models import DraftStateMixin, Locale, Page
from wagtail_localize.models import (
    OverridableSegment,
    RelatedObjectSegment,
    SegmentOverride,
    String,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationLog,
    TranslationSource,
)
from wagtail_localize.segments import RelatedObjectSegmentValue, StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from mocisite.models import Footer, NavigationMenu
from people.models import Skill
from projects.models import Partner, Theme

# Translatable snippets that show on the site, in the order they are translated.
SNIPPET_MODELS = [Theme, Skill, Partner, NavigationMenu, Footer]

# Marks the StringTranslations written from a catalogue. The editor shows it
# ("Translated with … on <date>"); a translator's edit clears it, and then the
# catalogue no longer overwrites that string.
TOOL_NAME = "MOCI content catalogue"


@dataclass(frozen=True)
class MissingString:
    text: str
    where: str  # e.g. "Page “Projects” (introduction)"

    def __str__(self):
        return f"{self.where}: {self.text!r}"


class MissingTranslations(Exception):
    """English strings of the site that have no translation in the catalogue."""

    def __init__(self, language_code, missing):
        self.language_code = language_code
        self.missing = list(missing)
        self.strings = list(dict.fromkeys(item.text for item in self.missing))
        lines = "\n".join(f"  - {item}" for item in self.missing)
        super().__init__(
            f"{len(self.strings)} English string(s) have no “{language_code}” translation. "
            f"Add them to the catalogue (seed/<language>/):\n{lines}"
        )


class InvalidTranslation(ValueError):
    """A catalogue entry wagtail-localize rejects (e.g. it lost an <a id="a1"> link)."""


# Finding what to translate ---------------------------------------------------


def _as_locale(locale):
    if isinstance(locale, Locale):
        return locale
    return Locale.objects.get(language_code=locale)


def _describe(instance):
    kind = "Page" if isinstance(instance, Page) else instance._meta.verbose_name.capitalize()
    return f"{kind} “{instance}”"


def _is_page_slug(instance, path):
    return isinstance(instance, Page) and path == "slug"


def _page_slug(page, locale):
    """The translated page keeps the English slug (a home page: ``<slug>-<language>``)."""
    if page.depth == 2:
        return f"{page.slug}-{locale.language_code}"
    return page.slug


def source_objects(source_locale=None):
    """Everything to translate, in a safe order: the snippets (and any other
    translatable object a page refers to), then the live pages, parents first."""
    source_locale = source_locale or Locale.get_default()
    objects = []
    for model in SNIPPET_MODELS:
        objects.extend(model.objects.filter(locale=source_locale).order_by("pk"))
    pages = [
        page.specific
        for page in Page.objects.filter(locale=source_locale, depth__gt=1, alias_of__isnull=True)
        .live()
        .order_by("path")
    ]
    known = {(type(obj)._meta.label, obj.pk) for obj in objects}
    for page in pages:
        for segment in extract_segments(page):
            if isinstance(segment, RelatedObjectSegmentValue):
                related = segment.get_instance(source_locale)
                if (type(related)._meta.label, related.pk) not in known:
                    known.add((type(related)._meta.label, related.pk))
                    objects.append(related)
    return objects + pages


def _string_segments(instance):
    """(path, English text) of every string segment wagtail-localize extracts."""
    for segment in extract_segments(instance):
        if isinstance(segment, StringSegmentValue):
            yield segment.path, segment.string.data


def source_strings(source_locale=None):
    """Every English string a catalogue must translate (page slugs excepted), in order, without repeats."""
    texts = (
        text
        for instance in source_objects(source_locale)
        for path, text in _string_segments(instance)
        if not _is_page_slug(instance, path)
    )
    return list(dict.fromkeys(texts))


def _has_translation(instance, path, text, locale):
    """Whether the string already has a valid translation in ``locale`` (e.g. a translator's)."""
    return StringTranslation.objects.filter(
        locale=locale,
        has_error=False,
        translation_of__locale_id=instance.locale_id,
        translation_of__data_hash=String._get_data_hash(text),
        context__object_id=instance.translation_key,
        context__path=path,
    ).exists()


def _missing(objects, locale, catalogue):
    missing = []
    for instance in objects:
        for path, text in _string_segments(instance):
            if _is_page_slug(instance, path) or text in catalogue:
                continue
            if locale is not None and _has_translation(instance, path, text, locale):
                continue
            missing.append(MissingString(text, f"{_describe(instance)} ({path})"))
    return missing


def missing_strings(locale_code, catalogue, *, editor_translations=True):
    """The English strings of the site (in order, without repeats) that have no
    translation into ``locale_code``: not in ``catalogue`` and (unless
    ``editor_translations`` is False) not translated in the editor either.
    Empty when :func:`translate_site` can translate everything."""
    locale = Locale.objects.filter(language_code=locale_code).first() if editor_translations else None
    missing = _missing(source_objects(), locale, catalogue)
    return list(dict.fromkeys(item.text for item in missing))


# Translating -------------------------------------------------------------------


def _sync_source(instance):
    """The TranslationSource of ``instance``, refreshed if the instance changed.
    Returns (source, changed)."""
    content_type = ContentType.objects.get_for_model(instance.get_translation_model())
    existing = TranslationSource.objects.filter(
        object__translation_key=instance.translation_key,
        object__content_type=content_type,
        locale_id=instance.locale_id,
    ).first()
    before = existing.last_updated_at if existing else None
    # wagtail-localize compares the content and only rewrites it (and its
    # segments) when something changed.
    source, created = TranslationSource.update_or_create_from_instance(instance)
    return source, created or source.last_updated_at != before


def _fill_strings(source, instance, locale, catalogue, user):
    """Store a StringTranslation for every string segment. Returns how many were written."""
    written = 0
    segments = StringSegment.objects.filter(source=source).select_related("string", "context").order_by("order")
    for segment in segments:
        text, path = segment.string.data, segment.context.path
        wanted = _page_slug(instance, locale) if _is_page_slug(instance, path) else catalogue.get(text)
        current = StringTranslation.objects.filter(
            translation_of=segment.string, locale=locale, context=segment.context
        ).first()
        if wanted is None:
            continue  # translated in the editor (checked by _missing)
        if current is None:
            current = StringTranslation.objects.create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                data=wanted,
                translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
                tool_name=TOOL_NAME,
                last_translated_by=user,
            )
        elif current.data != wanted and (current.tool_name == TOOL_NAME or current.has_error):
            current.data = wanted
            current.translation_type = StringTranslation.TRANSLATION_TYPE_MANUAL
            current.tool_name = TOOL_NAME
            current.last_translated_by = user
            current.has_error = False
            current.field_error = ""
            current.save()
        else:
            continue
        written += 1
        current.refresh_from_db(fields=["has_error"])
        if current.has_error:
            raise InvalidTranslation(
                f"The {locale.language_code} translation of {text!r} ({_describe(instance)}, {path}) "
                f"is not valid: {current.get_error()}"
            )
    return written + _keep_slug(source, instance, locale, user)


def _keep_slug(source, instance, locale, user):
    """Keep the English slug as the translator would: with an override (a page's
    slug is synchronised, and otherwise follows its translated title; see
    mocisite/slugs.py). Returns 1 if the override was written."""
    if not isinstance(instance, Page):
        return 0
    segment = OverridableSegment.objects.filter(source=source, context__path="slug").first()
    if segment is None:
        return 0
    wanted = json.dumps(_page_slug(instance, locale))
    override = SegmentOverride.objects.filter(locale=locale, context=segment.context).first()
    if override is not None and override.data_json == wanted:
        return 0
    SegmentOverride.objects.update_or_create(
        locale=locale, context=segment.context, defaults={"data_json": wanted, "last_translated_by": user}
    )
    return 1


def _target(source, locale):
    try:
        return source.get_translated_instance(locale)
    except source.specific_content_type.model_class().DoesNotExist:
        return None


def _needs_saving(source, translation, target, *, changed, publish):
    if target is None or changed:
        return True
    if isinstance(target, Page):
        if target.alias_of_id:
            return True
        if publish and (not target.live or target.has_unpublished_changes):
            return True
    last_saved = TranslationLog.objects.filter(source=source, locale=translation.target_locale).order_by("-pk").first()
    return last_saved is None or last_saved.created_at < source.last_updated_at


def _check_related_objects(source, locale):
    """save_target falls back to the English object when a related one is not
    translated; refuse that instead (snippets are translated before pages)."""
    for segment in RelatedObjectSegment.objects.filter(source=source).select_related("object"):
        if not segment.object.has_translation(locale):
            raise RuntimeError(
                f"{source.object_repr}: the related object at {segment.context.path} "
                f"is not translated into {locale.language_code}; translate it first."
            )


def _translate(instance, locale, catalogue, *, publish, user, report):
    source, source_changed = _sync_source(instance)
    translation, created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    report["translations created"] += created
    if not translation.enabled:
        # Someone stopped this translation to edit the page by hand: leave it.
        report["translations stopped (left alone)"] += 1
        return
    written = _fill_strings(source, instance, locale, catalogue, user)
    report["strings written"] += written
    target = _target(source, locale)
    if not _needs_saving(source, translation, target, changed=source_changed or written, publish=publish):
        return
    _check_related_objects(source, locale)
    if isinstance(instance, Page):
        # Saved with publish=False and the revision published here: with
        # publish=True wagtail-localize would publish on commit of the outermost
        # transaction, i.e. after this run (or never, inside a test). Its
        # publish=False is no draft of a live page (translations/drafts.py):
        # the translated text goes into the page row, which visitors are
        # served, before the revision is saved. So publish=False keeps only
        # a page that was not live unpublished; a live translation, or an
        # alias converted here, shows the new text at once.
        translation.save_target(user=user, publish=False)
        if publish:
            page = translation.get_target_instance()
            page.get_latest_revision().publish(user=user)
    else:
        translation.save_target(user=user, publish=publish or not isinstance(instance, DraftStateMixin))
    report["pages saved" if isinstance(instance, Page) else "snippets saved"] += 1


@transaction.atomic
def translate_site(locale, catalogue, *, publish=True, user=None):
    """Translate every live page and every translatable snippet of the source
    language into ``locale`` (a Locale or a language code) from ``catalogue``.

    Raises MissingTranslations (and writes nothing) if an English string has
    no translation. Returns a Counter of what was done, empty on a second run.

    ``publish=False`` publishes no revision, but it is not a review step: the
    text of a translated page that is already live (or an alias) changes for
    visitors at once (see ``_translate``). For a draft that waits for review,
    the translation queue saves through ``translations/drafts.py``.
    """
    locale = _as_locale(locale)
    source_locale = Locale.get_default()
    if locale.pk == source_locale.pk:
        raise ValueError("The source language cannot be translated into itself.")
    objects = source_objects(source_locale)
    missing = _missing(objects, locale, catalogue)
    if missing:
        raise MissingTranslations(locale.language_code, missing)
    report = Counter()
    for instance in objects:
        _translate(instance, locale, catalogue, publish=publish, user=user, report=report)
    return +report  # without the zero counts


def describe_report(report):
    """“3 pages saved, 120 strings written”, or “nothing to do”."""
    return ", ".join(f"{count} {what}" for what, count in sorted(report.items()) if count) or "nothing to do"
