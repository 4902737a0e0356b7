"""Light pages for phones on slow connections: every uploaded image the public
site shows is a <picture> of AVIF and WebP sources in a few widths, with its
size reserved (no layout shift) and lazy loading except for the image that is
likely the page's largest paint; the renditions it makes are those named in
mocisite/images.py (which listings prefetch); ordinary pages load no script."""

import io
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image as PILImage

from django.conf import settings
from django.core.files.images import ImageFile

from wagtail.images import get_image_model

from mocisite import images
from tests import factories

CSS = Path(settings.BASE_DIR) / "mocisite" / "static" / "mocisite" / "css" / "moci.css"
FORMATS = {"image/avif": "AVIF", "image/webp": "WEBP"}


def make_photo(title, description=""):
    """A 1200×750 photo, as large as the largest size asked for, so that each width is really made."""
    photo = PILImage.linear_gradient("L").resize((1200, 750)).convert("RGB")
    buffer = io.BytesIO()
    photo.save(buffer, "PNG")
    return get_image_model().objects.create(
        title=title, file=ImageFile(buffer, name=f"{title.lower()}.png"), description=description
    )


def specs(image):
    return set(image.renditions.values_list("filter_spec", flat=True))


def pictures(response, selector):
    assert response.status_code == 200
    found = BeautifulSoup(response.content, "html.parser").select(selector)
    assert found, f"no {selector} on {response.request['PATH_INFO']}"
    return found


def rendition_at(url):
    """The rendition a srcset or src address points to; its file must exist."""
    name = url.removeprefix(settings.MEDIA_URL)
    rendition = get_image_model().get_rendition_model().objects.get(file=name)
    assert rendition.file.storage.exists(rendition.file.name), url
    return rendition


def candidates(srcset):
    """[(url, width), …] of a srcset with width descriptors."""
    pairs = [candidate.strip().rsplit(" ", 1) for candidate in srcset.split(",")]
    assert all(re.fullmatch(r"\d+w", width) for _, width in pairs), srcset
    return [(url, int(width[:-1])) for url, width in pairs]


def assert_light_picture(picture, *, alt, lazy, widths):
    """AVIF, then WebP, then a JPEG <img>: each with every width and the same sizes; the <img>
    has its width and height (the browser reserves the space) and the alternative text."""
    sources = picture.find_all("source")
    assert [source["type"] for source in sources] == ["image/avif", "image/webp"]
    img = picture.find("img")
    assert img is not None and picture.find_all(True)[-1] is img
    assert img["sizes"] and all(source["sizes"] == img["sizes"] for source in sources)
    for source in sources:
        found = candidates(source["srcset"])
        assert [width for _, width in found] == widths
        for url, width in found:
            rendition = rendition_at(url)
            assert rendition.width == width
            with rendition.file.open() as file, PILImage.open(file) as opened:
                assert opened.format == FORMATS[source["type"]], url
    assert [width for _, width in candidates(img["srcset"])] == widths
    fallback = rendition_at(img["src"])
    assert (int(img["width"]), int(img["height"])) == (fallback.width, fallback.height)
    assert img["src"].endswith(".jpg")
    assert img.has_attr("alt") and img["alt"] == alt
    if lazy:
        assert img["loading"] == "lazy"
        assert not img.has_attr("fetchpriority")
    else:
        assert not img.has_attr("loading")
    return img


@pytest.fixture
def site(home, project_index, people_index):
    hero = make_photo("Hero", "People at work")
    home.hero_image = hero
    factories.publish(home)
    card = make_photo("Workshop", "A shredder in the workshop")
    story = make_photo("Moulds", "Moulds on a table")
    # Another image for the decorative block: Wagtail's ImageBlock sets the alt text on the image
    # object, which one page shares between the blocks that show the same image.
    tiles = make_photo("Tiles")
    project = factories.make_project(
        project_index,
        "Precious Plastic",
        image=card,
        body=[
            ("paragraph", "<p>Shredders and moulds.</p>"),
            ("image", {"image": {"image": story, "alt_text": "Moulds for tiles", "decorative": False}}),
            ("image", {"image": {"image": tiles, "alt_text": "", "decorative": True}, "caption": "Tiles"}),
        ],
    )
    photo = make_photo("Uzina", "The Uzina team")
    organisation = factories.make_organisation(people_index, "Uzina", photo=photo)
    return {
        "home": home,
        "hero": hero,
        "index": project_index,
        "project": project,
        "card": card,
        "story": story,
        "tiles": tiles,
        "people": people_index,
        "organisation": organisation,
        "photo": photo,
    }


def test_project_cards_are_lazy_and_small(client, site):
    (picture,) = pictures(client.get(site["index"].url), ".card picture")
    # The card's title link says what the project is: the photo adds nothing for a screen reader.
    img = assert_light_picture(picture, alt="", lazy=True, widths=[400, 800])
    assert "card__image" in img["class"]
    assert specs(site["card"]) == set(images.CARD_RENDITIONS)


def test_project_page_image_is_fetched_first(client, site):
    response = client.get(site["project"].url)
    (picture,) = pictures(response, "article > picture")
    img = assert_light_picture(picture, alt="A shredder in the workshop", lazy=False, widths=[400, 800, 1200])
    assert img["fetchpriority"] == "high"
    assert specs(site["card"]) == set(images.PROJECT_IMAGE_RENDITIONS)
    # No other image of the page asks to come first.
    assert len(re.findall(r'fetchpriority="high"', response.content.decode())) == 1


def test_story_image_block(client, site):
    described, decorative = pictures(client.get(site["project"].url), "figure.block-image picture")
    assert_light_picture(described, alt="Moulds for tiles", lazy=True, widths=[400, 800, 1200])
    assert_light_picture(decorative, alt="", lazy=True, widths=[400, 800, 1200])
    assert decorative.find_next_sibling("figcaption").get_text() == "Tiles"
    assert specs(site["story"]) == specs(site["tiles"]) == set(images.STORY_IMAGE_RENDITIONS)


def test_home_hero_is_fetched_first_and_cards_wait(client, site):
    response = client.get(site["home"].url)
    (hero,) = pictures(response, ".hero picture")
    img = assert_light_picture(hero, alt="People at work", lazy=False, widths=[400, 800, 1200])
    assert img["fetchpriority"] == "high"
    (card,) = pictures(response, ".card picture")
    assert_light_picture(card, alt="", lazy=True, widths=[400, 800])
    assert specs(site["hero"]) == set(images.HERO_RENDITIONS)


def test_profile_photo(client, site):
    (picture,) = pictures(client.get(site["organisation"].url), ".profile__header picture")
    # At the top of the page, beside the name: not lazy (the browser would wait for layout), but not
    # ahead of everything either. Its alt text started from the library's, copied when the page was saved.
    img = assert_light_picture(picture, alt="The Uzina team", lazy=False, widths=[160, 320, 480])
    assert not img.has_attr("fetchpriority")
    assert specs(site["photo"]) == set(images.PROFILE_RENDITIONS)


def test_directory_photos_are_lazy(client, site):
    (picture,) = pictures(client.get(site["people"].url), ".profile-card picture")
    assert_light_picture(picture, alt="", lazy=True, widths=[96, 192, 288])
    assert specs(site["photo"]) == set(images.DIRECTORY_RENDITIONS)


def test_rendition_constants_are_what_wagtail_stores():
    """The constants are in the form ``prefetch_renditions`` matches: size, then format."""
    for name in dir(images):
        if name.endswith("_RENDITIONS"):
            for spec in getattr(images, name):
                assert re.fullmatch(r"(fill-\d+x\d+|width-\d+)\|format-(avif|webp|jpeg)", spec), (name, spec)


def test_ordinary_pages_load_no_script_and_little_css(client, site):
    community_map = factories.make_community_map(site["home"])
    for page in (site["home"], site["index"], site["project"], site["people"], site["organisation"]):
        html = client.get(page.url).content.decode()
        assert "<script" not in html, page.url
        assert html.count('rel="stylesheet"') == 1, page.url
    # The map is the one page that needs scripts (Leaflet and its own).
    assert "<script" in client.get(community_map.url).content.decode()
    assert CSS.stat().st_size <= 20 * 1024
