"""One way to say "this object in this language".

Pages and translatable snippets exist once per language, their versions tied
by ``translation_key``. Where the site shows something chosen in one language
(a featured project, the hero link, a partner, a theme, a menu link) on a page
in another, it shows that object's version in the page's language where there
is one, else the object itself, so a half-translated site still shows and
links something. :func:`in_language_all` says it for a list, in one query
whatever its length (none among objects already read); :func:`in_language`
for one object. Pages pass the versions a visitor may see as ``among``
(``Page.objects.live().filter(public_q())``).
"""

from django.db.models import Model, OuterRef, Q, QuerySet, Subquery

from wagtail.models import Locale


def in_language(obj, locale, among=None):
    """``obj`` in ``locale``'s language, else itself (see :func:`in_language_all`);
    None for no object, or one that is not among ``among`` in either form."""
    if obj is None:
        return None
    return in_language_all([obj], locale, among)[0]


def in_language_all(objs, locale, among=None, *, source_shown=False):
    """Each of ``objs`` in ``locale``'s language, in their order: its version in
    that language among ``among`` where there is one, else the object itself.

    ``locale`` is a ``Locale``, its primary key or a language code. ``among`` is
    where the versions come from: a queryset (one query), a list of objects
    already read (no query), or, when None, all the objects of the model.

    ``objs`` are model instances or the primary keys of objects in ``among``.
    An instance stands for itself as it is. An object given by its primary key
    is read from ``among`` together with the translations (in the same query),
    so where neither it nor its translation is there, the list holds None; with
    ``source_shown`` it is None whenever it is not itself among ``among``, even
    where its translation is (the home page's featured projects)."""
    objs = list(objs)
    if not objs:
        return []
    if isinstance(objs[0], Model):
        return _instances_in_language(objs, locale, among)
    return _keys_in_language(objs, locale, among, source_shown)


def _instances_in_language(objs, locale, among):
    keys = [obj.translation_key for obj in objs]
    if among is None:
        among = type(objs[0])._default_manager.all()
    if isinstance(among, QuerySet):
        found = among.filter(_locale_q(locale), translation_key__in=keys)
    else:
        found = [version for version in among if _is_in(version, locale)]
    translated = {version.translation_key: version for version in found}
    return [translated.get(obj.translation_key, obj) for obj in objs]


def _keys_in_language(ids, locale, among, source_shown):
    wanted = set(ids)
    keys = among.model._default_manager.filter(pk__in=wanted).values("translation_key")
    versions = among.filter(Q(pk__in=wanted) | (_locale_q(locale) & Q(translation_key__in=keys)))
    if isinstance(locale, str):
        versions = versions.select_related("locale")
    if len(wanted) > 1 and not source_shown:
        # Which object a translation stands for, when that object is not itself among the versions.
        versions = versions.annotate(
            translation_of=Subquery(
                among.model._default_manager.filter(pk__in=wanted, translation_key=OuterRef("translation_key")).values(
                    "pk"
                )[:1]
            )
        )
    own, translated, key_of = {}, {}, {}
    for version in versions:
        if version.pk in wanted:
            own[version.pk] = version
            key_of[version.pk] = version.translation_key
        if _is_in(version, locale):
            translated[version.translation_key] = version
            if not source_shown:
                key_of.setdefault(getattr(version, "translation_of", None) or ids[0], version.translation_key)
    return [translated.get(key_of.get(pk), own.get(pk)) if pk in own or not source_shown else None for pk in ids]


def _locale_q(locale):
    if isinstance(locale, Locale):
        return Q(locale_id=locale.pk)
    if isinstance(locale, str):
        return Q(locale__language_code=locale)
    return Q(locale_id=locale)


def _is_in(version, locale):
    if isinstance(locale, Locale):
        return version.locale_id == locale.pk
    if isinstance(locale, str):
        return version.locale.language_code == locale
    return version.locale_id == locale
