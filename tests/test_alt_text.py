"""Pictures carry real alternative text, in every language: each use of an image
says what it shows (or is marked decorative by a person) before the site shows
it; translators translate it in the queue; the file name is never used."""

import io

import pytest
from bs4 import BeautifulSoup
from PIL import Image as PILImage

from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile

from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images import get_image_model
from wagtail.images.forms import get_image_form

from mocisite.alttext import DESCRIBE, NOT_THE_TITLE
from mocisite.blocks import CaptionedImageBlock
from mocisite.image_form import ImageForm
from projects.models import ProjectPage
from tests import factories


def upload(title, description=""):
    """An image as the library stores a fresh upload: Wagtail titles it after the file."""
    buffer = io.BytesIO()
    PILImage.new("RGB", (800, 500), (11, 85, 99)).save(buffer, "PNG")
    return get_image_model().objects.create(
        title=title, file=ImageFile(buffer, name=f"{title}.png"), description=description
    )


def alts(response):
    """The alt attribute of every <img> on the page (None where it has none)."""
    assert response.status_code == 200
    return [img.get("alt") for img in BeautifulSoup(response.content, "html.parser").find_all("img")]


def errors_of(page):
    with pytest.raises(ValidationError) as raised:
        page.full_clean()
    return {field: [str(message) for message in messages] for field, messages in raised.value.message_dict.items()}


@pytest.fixture
def workshop(db):
    return upload("workshop")


@pytest.fixture
def project(home, project_index):
    return factories.make_project(project_index, "Precious Plastic")


def test_an_image_nobody_described_cannot_be_saved(project, workshop):
    project.image = workshop
    assert errors_of(project) == {"image_alt_text": [str(DESCRIBE)]}
    assert ProjectPage.objects.get(pk=project.pk).image is None


def test_the_file_name_is_refused_as_alternative_text(project, workshop):
    project.image, project.image_alt_text = workshop, "Workshop"
    assert errors_of(project) == {"image_alt_text": [str(NOT_THE_TITLE)]}


def test_a_decorative_image_has_empty_alternative_text(client, project, workshop):
    project.image, project.image_alt_text, project.image_decorative = workshop, "ignored", True
    factories.publish(project)
    assert project.image_alt_text == ""
    assert alts(client.get(project.url)) == [""]


def test_a_use_starts_from_the_librarys_alternative_text(client, project):
    project.image = upload("dsc-0042", "A shredder in the workshop")
    factories.publish(project)
    assert project.image_alt_text == "A shredder in the workshop"
    # The page can say it differently from the library.
    project.image_alt_text = "Tiles pressed from shredded bottle caps"
    factories.publish(project)
    assert alts(client.get(project.url)) == ["Tiles pressed from shredded bottle caps"]


def test_an_undescribed_image_is_not_shown_anywhere(client, home, project_index, people_index, workshop):
    """Pages saved before alternative text was asked for (the migration could not describe
    them): the image waits for an editor; its file name never stands in for a description."""
    project = factories.make_project(project_index, "Precious Plastic")
    organisation = factories.make_organisation(people_index, "Uzina")
    ProjectPage.objects.filter(pk=project.pk).update(image=workshop)
    type(organisation).objects.filter(pk=organisation.pk).update(photo=workshop)
    type(home).objects.filter(pk=home.pk).update(hero_image=workshop)
    for page in (home, project_index, project, people_index, organisation):
        assert alts(client.get(page.url)) == [], page.url


def test_every_picture_on_the_public_pages_has_real_alternative_text(client, home, project_index, people_index):
    """Every use of one image titled after its file: the file name is never in an alt."""
    described = upload("img-2041", "Neighbours planting beans")
    home.hero_image = described
    factories.publish(home)
    project = factories.make_project(
        project_index,
        "Community garden",
        image=described,
        body=[("image", {"image": {"image": described, "alt_text": "Beans on a trellis", "decorative": False}})],
    )
    organisation = factories.make_organisation(people_index, "Uzina", photo=described)
    seen = set()
    for page in (home, project_index, project, people_index, organisation):
        found = alts(client.get(page.url))
        assert found and None not in found, page.url
        assert "img-2041" not in found, page.url
        seen.update(found)
    assert seen == {"", "Neighbours planting beans", "Beans on a trellis"}


def test_the_story_image_block_refuses_the_title_too(workshop):
    block = CaptionedImageBlock()
    value = block.to_python({"image": {"image": workshop.pk, "alt_text": "workshop", "decorative": False}})
    with pytest.raises(StructBlockValidationError) as raised:
        block.clean(value)
    (nested,) = raised.value.block_errors.values()
    assert [str(message) for message in nested.block_errors["alt_text"].messages] == [str(NOT_THE_TITLE)]
    described = block.to_python({"image": {"image": workshop.pk, "alt_text": "A workshop bench", "decorative": False}})
    assert block.clean(described)["image"].contextual_alt_text == "A workshop bench"


def test_the_library_asks_for_alternative_text_when_an_image_is_edited(workshop):
    form_class = get_image_form(get_image_model())
    assert issubclass(form_class, ImageForm)
    edit = form_class(instance=workshop, data={"title": "workshop", "collection": workshop.collection_id})
    assert str(edit.fields["description"].label) == "Alternative text"
    assert not edit.is_valid()
    assert "description" in edit.errors
    # A fresh upload still goes through (the multiple uploader sends only the file); each use asks.
    assert not form_class().fields["description"].required
