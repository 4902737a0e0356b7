"""A picture's alternative text is translated in the queue like any other text, and
the translated page's picture says it in that language."""

from wagtail.models import Page
from wagtail_localize.models import StringSegment

from projects.models import ProjectPage
from tests.test_alt_text import alts
from tests.test_translation_queue import (  # noqa: F401 (fixtures)
    QUEUE,
    besa,
    drita,
    site,
    sq,
    started,
    submitted,
)
from translations.segments import field_label


def test_translators_translate_the_alternative_text_in_the_queue(client, drita, besa, started):  # noqa: F811
    project, translation = started
    assert project.image_alt_text
    paths = set(StringSegment.objects.filter(source=translation.source).values_list("context__path", flat=True))
    assert "image_alt_text" in paths
    assert field_label(ProjectPage, "image_alt_text").endswith("(Content)")
    submitted(client, drita, started)
    client.force_login(besa)
    client.post(f"{QUEUE}{translation.pk}/review/", {"action": "approve", "comment": ""})
    client.logout()
    albanian = Page.objects.get(pk=project.get_translation(sq()).pk).specific
    assert albanian.image_alt_text == f"SQ {project.image_alt_text}"
    assert f"SQ {project.image_alt_text}" in alts(client.get(albanian.url))
