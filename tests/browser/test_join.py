"""Issue 16, item 9: the network's whole journey on a phone, in Albanian.

A visitor joins at /sq/join/ with a photo and confirms through the link in the
mail; the secretariat approves the profile in the admin; it is then in the
directory, on the map and among the "Peers to meet" of a profile that needs
its skill. A second visitor writes to the new member from there, confirms, and
the message reaches a real SMTP server (aiosmtpd: the ``smtp_server`` fixture
of tests/conftest.py, which every mail of this test goes through) with the
visitor's address as Reply-To."""

import re

import pytest
from PIL import Image
from playwright.sync_api import expect

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from mocisite.roles import SECRETARIAT
from people.models import PeopleIndexPage, PersonPage, Skill
from tests import factories
from tests.browser.admin import log_in
from tests.browser.conftest import axe_check
from tests.browser.test_community_map import stub_tiles

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE = {"width": 390, "height": 844}
# A phone whose owner reads Albanian. (The file input's button is Chromium's own text, in its
# UI language, which no page or context option sets: "Choose File" on the screenshots.)
ALBANIAN_PHONE = {"viewport": PHONE, "is_mobile": True, "has_touch": True, "locale": "sq-AL"}
PASSWORD = "correct horse battery"
SKILL = "environmental-monitoring"
JOINER = "Elira Dervishi"
JOINER_EMAIL = "elira.private@example.al"
NEEDER = "Gent Hasani"
NEEDER_EMAIL = "gent.private@example.al"
WRITER = "Arben Kola"
WRITER_EMAIL = "arben@example.org"
MESSAGE = "Mirëdita Elira! A mund të na ndihmoni të matim cilësinë e ujit në lumin Osum?"


def photo(tmp_path):
    path = tmp_path / "elira.png"
    Image.new("RGB", (240, 240), (46, 125, 50)).save(path, "PNG")
    return path


def fits_the_phone(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} is {width}px wide on a {PHONE['width']}px phone"


def mails_to(inbox, address):
    return [message for recipients, message in inbox.messages if address in recipients]


def link_in(message, kind):
    """The path of the link of ``kind`` ("confirm", "profile", "stop") in a mail: the mails
    carry the Site's own address, and the browser goes to the live server's."""
    body = message.get_content().replace("\r\n", "\n")
    return re.search(rf"https?://[^/\s]+(/\w+/connect/{kind}/\S+/)", body).group(1)


def approve_in_admin(page, base_url, profile):
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, base_url, "besa", PASSWORD)
    page.goto(f"{base_url}/admin/pages/{profile.pk}/edit/")
    footer_actions = page.get_by_role("navigation", name="Actions (footer)")
    approve = footer_actions.get_by_role("button", name="Approve and Publish", exact=True)
    if not approve.is_visible():
        footer_actions.get_by_role("button", name="More actions").click()
    approve.click()
    # The editor saves the page, then takes the workflow action: it says only the first.
    expect(page.locator(".messages")).to_contain_text(f"Page '{profile.title}' has been updated.")


@pytest.mark.usefixtures("fresh_counts")  # Playwright types faster than people
def test_a_visitor_joins_in_albanian_is_approved_and_a_peer_writes_to_her(
    moci_site, new_context, screenshot, external_requests, tmp_path, smtp_server
):
    secretary = get_user_model().objects.create_user("besa", "besa@moci.example", PASSWORD)
    secretary.groups.add(Group.objects.get(name=SECRETARIAT))
    source_skill = Skill.objects.get(slug=SKILL, locale__language_code="en")
    skill_sq = Skill.objects.get(translation_key=source_skill.translation_key, locale__language_code="sq").name
    directory = PeopleIndexPage.objects.get(locale__language_code="sq")
    # Someone in the Albanian directory needs the skill the visitor is about to offer.
    needer = factories.make_person(
        directory, NEEDER, slug="gent-hasani", needs=[source_skill], contact_email=NEEDER_EMAIL
    )

    # 1. The visitor joins, on her phone, in Albanian, with a photo.
    visitor = new_context(**ALBANIAN_PHONE).new_page()
    visitor.goto(moci_site.url + "/sq/join/")
    expect(visitor.locator("html")).to_have_attribute("lang", "sq")
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Bëhuni pjesë e rrjetit")
    form = visitor.locator("form.public-form")
    axe_check(visitor)
    fits_the_phone(visitor)
    form.get_by_role("group", name="Ju jeni").get_by_label("një person").check()
    form.get_by_label("Emri", exact=True).fill(JOINER)
    form.get_by_label("Vendi", exact=True).fill("Berat")
    form.get_by_label("Shteti").select_option(label="Shqipëria")
    form.get_by_label("Pika në hartë (me dëshirë)").fill("40.7058, 19.9522")
    form.get_by_label("Një përshkrim i shkurtër").fill(
        "Mat cilësinë e ujit në lumenjtë e Beratit bashkë me nxënësit e shkollave."
    )
    form.get_by_role("group", name="Aftësitë që ofroni").get_by_label(skill_sq).check()
    form.get_by_label("Sfidat që keni").fill("Pajisje matëse\nTë dhëna të hapura")
    form.get_by_label("Faqja e internetit ose rrjetet sociale").fill("https://example.al/elira")
    form.get_by_label("Adresa juaj private e e-mailit").fill(JOINER_EMAIL)
    form.get_by_label("Foto ose logo (me dëshirë)").set_input_files(photo(tmp_path))
    form.get_by_role("checkbox", name=re.compile("^Pranoj që ky profil të publikohet")).check()
    screenshot(visitor, "join-form-sq-phone.png")
    form.get_by_role("button", name="Dërgo").click()

    expect(visitor.get_by_role("heading", level=1)).to_have_text("Ju lutemi konfirmoni adresën tuaj të e-mailit")
    expect(visitor.get_by_role("status")).to_contain_text(JOINER_EMAIL)
    fits_the_phone(visitor)
    screenshot(visitor, "join-sent-sq-phone.png")
    assert not PersonPage.objects.filter(title=JOINER).exists(), "a profile before the address was confirmed"

    [confirmation] = mails_to(smtp_server, JOINER_EMAIL)
    assert confirmation["Content-Language"] == "sq"
    visitor.goto(moci_site.url + link_in(confirmation, "confirm"))
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Konfirmoni adresën tuaj të e-mailit")
    expect(visitor.locator("main")).to_contain_text(JOINER)
    fits_the_phone(visitor)
    axe_check(visitor)
    screenshot(visitor, "join-confirm-sq-phone.png")
    visitor.get_by_role("button", name="Konfirmo dhe dërgo").click()
    expect(visitor.get_by_role("status")).to_contain_text("sekretari")

    profile = PersonPage.objects.get(title=JOINER)
    assert profile.locale.language_code == "sq" and not profile.live
    assert profile.photo is not None and profile.contact_email == JOINER_EMAIL
    assert list(profile.skills.all()) == [source_skill]
    assert mails_to(smtp_server, secretary.email), "the secretariat was not told"
    visitor.close()

    # 2. The secretariat approves it in the admin; the member is told, in Albanian.
    admin_context = new_context()
    stub_tiles(admin_context)  # the editor's map widget shows her point
    admin = admin_context.new_page()
    approve_in_admin(admin, moci_site.url, profile)
    admin.close()
    profile.refresh_from_db()
    assert profile.live
    welcome = mails_to(smtp_server, JOINER_EMAIL)[-1]
    assert welcome["Content-Language"] == "sq"
    assert link_in(welcome, "profile").startswith("/sq/")

    # 3. In the directory (with her photo), on the map, and among the peers to meet.
    reader = new_context(**ALBANIAN_PHONE)
    tiles = stub_tiles(reader)
    browse = reader.new_page()
    browse.goto(moci_site.url + "/sq/people/")
    card = browse.locator(".profile-card").filter(has=browse.get_by_role("link", name=JOINER))
    expect(card).to_have_count(1)
    expect(card.locator("img.profile-card__photo")).to_have_count(1)
    card.scroll_into_view_if_needed()
    fits_the_phone(browse)
    screenshot(browse, "join-directory-sq-phone.png")
    card.get_by_role("link", name=JOINER).click()
    expect(browse.get_by_role("heading", level=1)).to_have_text(JOINER)
    expect(browse.locator("img.profile__photo")).to_have_attribute("alt", re.compile(JOINER))
    expect(browse.locator("main")).not_to_contain_text(JOINER_EMAIL)
    fits_the_phone(browse)
    screenshot(browse, "join-profile-sq-phone.png")

    browse.goto(moci_site.url + "/sq/map/")
    expect(browse.locator(".places .place").filter(has=browse.get_by_role("link", name=JOINER))).to_have_count(1)
    feed = browse.request.get(moci_site.url + "/sq/map/geojson/")
    assert feed.ok
    [feature] = [item for item in feed.json()["features"] if item["properties"]["title"] == JOINER]
    assert feature["geometry"]["coordinates"] == pytest.approx([19.9522, 40.7058])
    assert JOINER_EMAIL not in feed.text()
    # The map drew every place of the feed, hers included, on (stubbed) tiles.
    expect(browse.locator("#community-map")).to_have_attribute("data-markers", str(len(feed.json()["features"])))
    expect(browse.locator("#community-map img.leaflet-tile-loaded").first).to_be_visible()
    reader.close()

    # 4. A second visitor finds her among Gent's peers and writes to her.
    writer = new_context(**ALBANIAN_PHONE).new_page()
    writer.goto(moci_site.url + needer.url)
    peers = writer.locator("section.peers")
    expect(peers.get_by_role("heading", level=2)).to_have_text("Kolegë për t’u njohur")
    suggested = peers.locator(".peers__item").filter(has=writer.get_by_role("link", name=JOINER, exact=True))
    expect(suggested).to_have_count(1)
    expect(suggested).to_contain_text(skill_sq)
    suggested.scroll_into_view_if_needed()
    screenshot(writer, "join-peers-sq-phone.png")
    suggested.locator("a.peers__write").click()
    expect(writer).to_have_url(re.compile(rf"{re.escape(profile.url)}contact/$"))
    expect(writer.get_by_role("heading", level=1)).to_contain_text(JOINER)
    contact = writer.locator("form.public-form")
    axe_check(writer)
    fits_the_phone(writer)
    contact.get_by_label("Emri juaj").fill(WRITER)
    contact.get_by_label("Adresa juaj e e-mailit").fill(WRITER_EMAIL)
    contact.get_by_label("Mesazhi juaj").fill(MESSAGE)
    contact.get_by_role("checkbox", name=re.compile("^Pranoj që emri dhe adresa ime")).check()
    screenshot(writer, "write-to-peer-sq-phone.png")
    contact.get_by_role("button", name="Dërgo").click()
    expect(writer.get_by_role("status")).to_contain_text(WRITER_EMAIL)
    assert mails_to(smtp_server, JOINER_EMAIL)[-1] is welcome, "sent before the sender confirmed"

    [confirmation] = mails_to(smtp_server, WRITER_EMAIL)
    writer.goto(moci_site.url + link_in(confirmation, "confirm"))
    fits_the_phone(writer)
    writer.get_by_role("button", name="Konfirmo dhe dërgo").click()
    expect(writer.get_by_role("status")).to_contain_text(JOINER)
    writer.close()

    delivered = mails_to(smtp_server, JOINER_EMAIL)[-1]
    assert delivered is not welcome
    assert delivered["To"] == JOINER_EMAIL
    assert delivered["Reply-To"] == WRITER_EMAIL
    assert delivered["Content-Language"] == "sq"
    assert MESSAGE in delivered.get_content()
    assert link_in(delivered, "stop").startswith("/sq/")

    assert tiles, "the map drew no tiles"
    assert external_requests == [], f"pages asked other hosts for: {external_requests}"
