"""Translators are never stopped by a segment they cannot see: the slug is not
a segment but follows the translated title (in ASCII) unless a translator
overrides it; the queue names the fields left; the editor offers *Submit for
review*."""

import html
import json
import re
from importlib import import_module

import pytest

from wagtail.models import Page, get_page_models
from wagtail.users.models import UserProfile
from wagtail_localize.fields import SynchronizedField, get_translatable_fields
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    String,
    StringSegment,
    StringTranslation,
    TranslationContext,
)
from wagtail_localize.strings import StringValue

from mocisite.roles import translators_group_name
from mocisite.slugs import ascii_slug
from projects.models import ProjectPage
from tests import factories
from tests.test_translation_queue import (  # noqa: F401 (fixtures)
    QUEUE,
    besa,
    drita,
    make_user,
    messages_of,
    site,
    sq,
    started,
    state_of,
    translate_all,
)
from translations.queue import AWAITING_REVIEW, IN_PROGRESS
from translations.segments import field_label

ALBANIAN_TITLE = "Plastikë e çmuar në Gjirokastër"


def albanian_of(project):
    return Page.objects.get(translation_key=project.translation_key, locale=sq()).specific


def translate(translation, field, text):
    """Give the segments of one field this translation (as the editor would)."""
    for segment in StringSegment.objects.filter(source=translation.source, context__path=field):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            defaults={"data": text, "translation_type": "manual"},
        )


def submit(client, translation, **data):
    return client.post(f"{QUEUE}{translation.pk}/submit/", data)


def submitted_slug(client, translator, started, title):  # noqa: F811
    """Translate every segment, the title as ``title``, submit for review as
    ``translator``: the slug of the Albanian draft."""
    project, translation = started
    translate_all(translation)
    translate(translation, "title", title)
    client.force_login(translator)
    submit(client, translation)
    return albanian_of(project).get_latest_revision_as_object().slug


def approve(client, besa, translation):  # noqa: F811
    client.force_login(besa)
    response = client.post(f"{QUEUE}{translation.pk}/review/", {"action": "approve"})
    assert response.status_code == 302


def test_every_page_model_synchronises_its_slug_and_lets_translators_override_it():
    models = [model for model in get_page_models() if model is not Page]
    assert models
    for model in models:
        slug = next(field for field in get_translatable_fields(model) if field.field_name == "slug")
        assert isinstance(slug, SynchronizedField), model
        assert slug.overridable, model


def test_translating_every_field_of_the_content_tab_completes_the_translation(client, drita, started):  # noqa: F811
    project, translation = started
    paths = set(StringSegment.objects.filter(source=translation.source).values_list("context__path", flat=True))
    assert "slug" not in {path.split(".")[0] for path in paths}
    for path in paths:
        if field_label(ProjectPage, path).endswith("(Content)"):
            translate(translation, path, f"SQ {path}")
    row = state_of(project)
    assert (row.percent, row.complete, row.segments_left) == (100, True, 0)
    client.force_login(drita)
    assert submit(client, translation).status_code == 302
    assert state_of(project).state == AWAITING_REVIEW


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Gjirokastër", "gjirokaster"),
        ("Plastikë e çmuar", "plastike-e-cmuar"),
        ("Пластика во Скопје", "plastika-vo-skopje"),
        ("Čačak i Niš", "cacak-i-nis"),
        ("თბილისი", "tbilisi"),
        ("Երևան", "erevan"),
        ("Über Straße", "uber-strasse"),
    ],
)
def test_slugs_are_ascii_in_every_script(text, slug):
    assert ascii_slug(text) == slug


def test_the_slug_follows_the_translated_title_in_ascii(
    client,
    drita,  # noqa: F811
    besa,  # noqa: F811
    started,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    project, translation = started
    # Started but not translated: the English address stays.
    assert albanian_of(project).slug == project.slug
    translate_all(translation)
    translate(translation, "title", ALBANIAN_TITLE)
    client.force_login(drita)
    submit(client, translation)
    draft = albanian_of(project).get_latest_revision_as_object()
    assert draft.slug == "plastike-e-cmuar-ne-gjirokaster"
    approve(client, besa, translation)
    live = albanian_of(project)
    assert live.slug == "plastike-e-cmuar-ne-gjirokaster"
    assert live.url.endswith("/plastike-e-cmuar-ne-gjirokaster/")
    assert client.get(live.url).status_code == 200
    # A new translation of the title moves the address with it; the old one redirects.
    translate(translation, "title", "Plastika e Vlorës")
    client.force_login(drita)
    submit(client, translation)
    with django_capture_on_commit_callbacks(execute=True):
        approve(client, besa, translation)
    assert albanian_of(project).slug == "plastika-e-vlores"
    assert client.get("/sq/projects/plastike-e-cmuar-ne-gjirokaster/").status_code == 301


def test_the_slug_is_free_among_its_siblings(client, drita, started):  # noqa: F811
    project, _translation = started
    index = albanian_of(project).get_parent()
    taken = ProjectPage(title="Zënë", slug="plastike-e-cmuar", summary="x", status="ongoing", locale=sq())
    index.add_child(instance=taken)
    assert submitted_slug(client, drita, started, "Plastikë e çmuar") == "plastike-e-cmuar-2"


def test_a_slug_set_by_the_translator_is_kept(client, drita, started):  # noqa: F811
    _project, translation = started
    override = OverridableSegment.objects.get(source=translation.source, context__path="slug")
    SegmentOverride.objects.create(locale=sq(), context=override.context, data_json=json.dumps("plastika"))
    assert submitted_slug(client, drita, started, ALBANIAN_TITLE) == "plastika"


def test_an_existing_slug_of_its_own_is_left_alone(client, drita, started):  # noqa: F811
    """A translation published before the slug followed the title keeps its address."""
    project, _translation = started
    Page.objects.filter(pk=albanian_of(project).pk).update(slug="plastikë-e-vjetër")
    assert submitted_slug(client, drita, started, ALBANIAN_TITLE) == "plastikë-e-vjetër"


def test_the_queue_names_the_fields_left(client, drita, started):  # noqa: F811
    project, translation = started
    translate_all(translation)
    StringTranslation.objects.filter(
        locale=sq(), context__object_id=translation.source.object_id, context__path="summary"
    ).delete()
    client.force_login(drita)
    response = client.get(QUEUE)
    assert "1 segment left: Summary (Content)" in response.content.decode()
    assert state_of(project).state == IN_PROGRESS


def test_the_queue_names_the_fields_left_in_the_translators_language(client, drita, started):  # noqa: F811
    project, translation = started
    profile = UserProfile.get_for_user(drita)
    profile.preferred_language = "sq"
    profile.save()
    client.force_login(drita)
    content = client.get(QUEUE).content.decode()
    assert "Titulli (Përmbajtja)" in content
    assert "Title (Content)" not in content


def test_the_editor_offers_submit_for_review_to_the_translator(client, drita, besa, started):  # noqa: F811
    project, translation = started
    editor = f"/admin/pages/{albanian_of(project).pk}/edit/"
    action = f'action="{QUEUE}{translation.pk}/submit/"'
    for user in (drita, besa):
        client.force_login(user)
        response = client.get(editor)
        assert response.status_code == 200
        assert action in response.content.decode(), user
    # The slug is offered as an override, not as a segment to translate.
    props = json.loads(html.unescape(re.search(r'data-props="([^"]*)"', response.content.decode()).group(1)))
    slug = [segment for segment in props["segments"] if segment["contentPath"] == "slug"]
    assert [segment["type"] for segment in slug] == ["synchronised_value"]
    # A German translator cannot open it, nor submit it.
    german = make_user("hans", translators_group_name("de"))
    client.force_login(german)
    assert action not in client.get(editor).content.decode()
    assert submit(client, translation).status_code in (302, 403)
    assert state_of(project).state == IN_PROGRESS


def test_submitting_from_the_editor_too_early_goes_back_to_the_editor(client, drita, started):  # noqa: F811
    project, translation = started
    client.force_login(drita)
    response = submit(client, translation, from_editor="1")
    assert response["Location"] == f"/admin/pages/{albanian_of(project).pk}/edit/"
    assert any("still untranslated" in message for message in messages_of(client.get(response["Location"])))
    translate_all(translation)
    response = submit(client, translation, from_editor="1")
    assert response["Location"].startswith(QUEUE)
    assert state_of(project).state == AWAITING_REVIEW


def test_translations_started_before_no_longer_wait_for_their_slug(started):  # noqa: F811
    """The migration forgets the slug segments that older translations counted."""
    from django.apps import apps

    project, translation = started
    # As wagtail-localize extracted pages before the slug was synchronised:
    context, _created = TranslationContext.objects.get_or_create(object_id=translation.source.object_id, path="slug")
    StringSegment.objects.create(
        source=translation.source,
        context=context,
        string=String.from_value(translation.source.locale, StringValue.from_plaintext(project.slug)),
        order=99,
    )
    translate_all(translation)
    StringTranslation.objects.filter(context=context).delete()
    assert state_of(project).segments_left == 1
    import_module("translations.migrations.0001_slug_is_not_a_segment").forget_slug_segments(apps, None)
    assert state_of(project).complete


def test_an_editors_page_gets_an_ascii_address_too(site):  # noqa: F811
    project = factories.make_project(site["index"], "Kalaja e Gjirokastrës")
    # Made from the title when the page is saved without one (the admin's slug widget does the
    # same as the editor types, by the same setting).
    assert project.slug == "kalaja-e-gjirokastres"
